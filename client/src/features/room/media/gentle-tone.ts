/**
 * A short, soft tone for a new support request: a 0.4 s sine that fades in and out, so a facilitator
 * notices without anyone being startled. The AudioContext is made on first use and resumed if the
 * browser suspended it (pages may start audio once someone has interacted with them; pressing Join
 * was that). The sound is a courtesy: the visible list and the screen-reader announcement carry the
 * alert, so no failure here may ever reach the caller.
 */
const DURATION_S = 0.4;
const PEAK_GAIN = 0.12;
/** D5: clear over speech without being shrill. */
const FREQUENCY_HZ = 587.33;

export interface GentleTone {
  play(): void;
  close(): void;
}

type AudioContextClass = typeof AudioContext;

function audioContextClass(): AudioContextClass | null {
  if (typeof window === 'undefined') return null;
  // Older Safari only has the prefixed name.
  const prefixed = (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
  return window.AudioContext ?? prefixed ?? null;
}

function ring(context: AudioContext): void {
  const start = context.currentTime + 0.02;
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.setValueAtTime(FREQUENCY_HZ, start);
  // Exponential ramps cannot start from zero, hence the tiny floor: a soft attack and a long fade.
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(PEAK_GAIN, start + 0.06);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + DURATION_S);
  oscillator.connect(gain).connect(context.destination);
  oscillator.addEventListener('ended', () => {
    oscillator.disconnect();
    gain.disconnect();
  });
  oscillator.start(start);
  oscillator.stop(start + DURATION_S + 0.02);
}

export function createGentleTone(): GentleTone {
  let context: AudioContext | null = null;
  return {
    play() {
      try {
        const Context = audioContextClass();
        if (!Context) return;
        context ??= new Context();
        const current = context;
        if (current.state === 'running') return ring(current);
        current.resume().then(() => ring(current)).catch(() => undefined);
      } catch {
        // No audio device, blocked by policy, or closed: the alert is still shown and announced.
      }
    },
    close() {
      const current = context;
      context = null;
      try {
        current?.close().catch(() => undefined);
      } catch {
        // Already closed.
      }
    },
  };
}
