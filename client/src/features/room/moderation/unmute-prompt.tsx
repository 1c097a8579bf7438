import { useEffect, useId, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import type { Moderation } from './use-moderation';
import '../../../styles/moderation.css';

/**
 * [MD13] A facilitator asked this member to unmute. Only they see it, and only they decide: Unmute
 * turns their own microphone on (their own media:state); Not now leaves it off. Either way the
 * facilitator hears the answer.
 */
export function UnmutePrompt({ moderation }: { moderation: Moderation }) {
  const headingId = useId();
  const firstRef = useRef<HTMLButtonElement>(null);
  const ask = moderation.unmuteAsk;
  useEffect(() => {
    if (ask) firstRef.current?.focus();
  }, [ask]);
  if (!ask) return null;
  return (
    <section className="unmute-prompt" role="group" aria-labelledby={headingId}>
      <h2 id={headingId} className="unmute-prompt__title">{ask.displayName} asks you to unmute your microphone</h2>
      <p>It is your choice. Your microphone stays off unless you turn it on.</p>
      <div className="unmute-prompt__actions">
        <Button ref={firstRef} variant="primary" onClick={() => void moderation.answerUnmute(true)}>Unmute</Button>
        <Button variant="secondary" onClick={() => void moderation.answerUnmute(false)}>Not now</Button>
      </div>
    </section>
  );
}
