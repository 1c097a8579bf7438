// The benchmark's default cast: each member's script in seconds of their own file, after `lead` seconds of
// silence that cover loading the page and joining (the fake microphone starts playing when the pre-join
// screen opens it, not when the member joins).
import type { SpeakerScript } from './audio.js';

const LINES = [
  'I have been thinking about what you said last week, and it really helped me.',
  'Most days are fine now, but the evenings are still hard for me.',
  'I went for a long walk on Sunday, and for once I did not check my phone at all.',
  'My sister called and we talked for an hour, which has not happened in years.',
  'I am not sure I agree, because for me it was the other way round.',
  'Sorry, can I just say something about that before we move on?',
];
const LONG =
  'When my mother was ill I stopped seeing my friends, and I only noticed it months later, ' +
  'when one of them sent me a card, and I realised I did not even know what was happening in her life.';

/** Two sessions (1: in turn and overlapping; 2: muting and noise), so fewer browsers run at once. */
export function defaultScripts(lead: number): { script: SpeakerScript; role: string; session: number }[] {
  const at = (s: number) => lead + s;
  return [
    { session: 1, role: 'in turn, then overlapped', script: { name: 'Ana', utterances: [{ at: at(0), text: LINES[0] ?? '' }, { at: at(20), text: LINES[1] ?? '' }] } },
    { session: 1, role: 'in turn', script: { name: 'Ben', utterances: [{ at: at(7), text: LINES[2] ?? '' }, { at: at(30), text: LINES[3] ?? '' }] } },
    { session: 1, role: 'overlapping', script: { name: 'Cai', utterances: [{ at: at(21), text: LINES[4] ?? '' }] } },
    { session: 2, role: 'mutes while talking', script: { name: 'Dee', utterances: [{ at: at(2), text: LONG }], muteAt: at(8) } },
    {
      session: 2,
      role: 'background noise',
      script: { name: 'Eli', noiseVol: 0.05, utterances: [{ at: at(4), text: LINES[5] ?? '' }, { at: at(14), text: LINES[3] ?? '' }] },
    },
  ];
}
