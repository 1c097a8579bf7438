import { useEffect, useRef, useState } from 'react';
import { timerWords } from './floor-state';
import { createGentleTone } from '../media';

/**
 * The turn's soft timer: a calm countdown (updated each second, no motion, no flashing) and, for the
 * speaker only, one soft tone when it runs out. It never mutes anyone and never ends a turn. Screen readers
 * are told once, when time is up, not every second.
 */
export function RoundTimer({ leftMs, at, cue }: { leftMs: number; at: number; cue: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = leftMs - Math.max(0, now - at);
  const over = left <= 0;
  const rang = useRef(false);
  useEffect(() => {
    if (!over || !cue || rang.current) return;
    rang.current = true;
    const tone = createGentleTone();
    tone.play();
    const closing = window.setTimeout(() => tone.close(), 1500);
    return () => {
      window.clearTimeout(closing);
      tone.close();
    };
  }, [over, cue]);
  return (
    <p className={over ? 'floor__timer floor__timer--over' : 'floor__timer'}>
      <span>{timerWords(left)}</span>
      <span className="visually-hidden" role="status">{over ? "Time's up for this turn. Finish when you're ready." : ''}</span>
    </p>
  );
}
