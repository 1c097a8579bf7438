import type { OwnTalkShare } from '@hearth/shared';
import { durationWords, percentWords } from '../../../lib/talk-words';
import './talk-time.css';

/**
 * [TT7] A member's private meter, shown only when the facilitator allows it: their own share of member
 * talk against an even share, and nothing about anyone else. Not a live region (it changes every second).
 */
export function OwnShareMeter({ own }: { own: OwnTalkShare | null }) {
  if (!own) return null;
  const max = Math.max(own.share ?? 0, own.fairShare * 2, 0.01);
  return (
    <section className="talk-time talk-time--own" aria-label="Your talk time">
      <p className="talk-time__own-text">
        Your talk time: {durationWords(own.talkMs)}, {percentWords(own.share)} of member talk (an even share: {percentWords(own.fairShare)}).
      </p>
      <meter className="talk-time__meter" min={0} max={max} value={own.share ?? 0} aria-label="Your share of member talk" />
    </section>
  );
}
