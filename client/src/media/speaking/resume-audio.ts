/**
 * Autoplay policy: an AudioContext created without a recent user gesture starts suspended and
 * measures silence. Joining is normally a click, but if not, the next click or key resumes it.
 * Shared by the tiles' speaking monitor and the talk-time microphone meter.
 */

const RESUME_EVENTS = ['pointerdown', 'keydown'] as const;

/** Resumes `context` now if it is suspended, and on the next gesture if that did not work. Returns a cleanup. */
export function keepAudioRunning(context: AudioContext): () => void {
  if (context.state !== 'suspended') return () => undefined;
  const resume = (): void => {
    if (context.state !== 'suspended') return stop();
    void context.resume().then(stop, () => undefined);
  };
  const stop = (): void => {
    for (const type of RESUME_EVENTS) document.removeEventListener(type, resume, { capture: true });
  };
  void context.resume().catch(() => undefined);
  for (const type of RESUME_EVENTS) document.addEventListener(type, resume, { capture: true, passive: true });
  return stop;
}
