// Speech files with known speech intervals for the talk-time benchmark, made at run time with espeak-ng and
// sox (see ../shared/ENVIRONMENT_NOTES.md). Each utterance is synthesised, its leading and trailing silence
// trimmed, and laid at a chosen second of the file, so the true speech intervals are known by construction
// (from the trimmed files' exact lengths). Files end with 2 s of silence: with `%noloop` Chromium repeats
// the last 10 ms after the end.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { SpeakerTruth } from './metrics.js';

const RATE = ['-r', '48000', '-c', '1', '-b', '16'];
const TAIL_S = 2;

/** One speaker's script: utterances at given seconds of the file; optional steady noise under everything. */
export interface SpeakerScript {
  name: string;
  utterances: { at: number; text: string }[];
  /** sox pinknoise volume under the whole file (0.05 in the benchmark's noisy case). */
  noiseVol?: number;
  /** Press the microphone toggle at this second of the file (the member mutes while still talking). */
  muteAt?: number;
}

function sox(args: string[]): void {
  execFileSync('sox', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function seconds(file: string): number {
  return Number(execFileSync('soxi', ['-D', file], { encoding: 'utf8' }).trim());
}

function silence(file: string, s: number): void {
  sox(['-n', ...RATE, file, 'trim', '0', s.toFixed(6)]);
}

/** Synthesises `text` trimmed to its sound (leading and trailing silence below 0.5% removed). */
function utterance(dir: string, id: string, text: string): { file: string; seconds: number } {
  const raw = join(dir, `${id}-raw.wav`);
  const file = join(dir, `${id}.wav`);
  execFileSync('espeak-ng', ['-w', raw, text], { stdio: 'ignore' });
  sox([raw, ...RATE, file, 'silence', '1', '0.01', '0.5%', 'reverse', 'silence', '1', '0.01', '0.5%', 'reverse']);
  return { file, seconds: seconds(file) };
}

/** Writes `<dir>/<name>.wav` and returns it with its truth (seconds from the start of the file). */
export function makeSpeakerFile(dir: string, script: SpeakerScript): { file: string; truth: SpeakerTruth } {
  const parts: string[] = [];
  const speech: [number, number][] = [];
  let cursor = 0;
  script.utterances.forEach(({ at, text }, i) => {
    if (at < cursor) throw new Error(`${script.name}: utterance ${i + 1} at ${at} s starts before the previous one ends (${cursor.toFixed(2)} s)`);
    if (at > cursor) {
      const gap = join(dir, `${script.name}-gap${i}.wav`);
      silence(gap, at - cursor);
      parts.push(gap);
    }
    const spoken = utterance(dir, `${script.name}-u${i}`, text);
    parts.push(spoken.file);
    speech.push([at, at + spoken.seconds]);
    cursor = at + spoken.seconds;
  });
  const body = join(dir, `${script.name}-body.wav`);
  sox([...parts, body]);
  let content = body;
  if (script.noiseVol !== undefined) {
    content = join(dir, `${script.name}-noisy.wav`);
    const noise = join(dir, `${script.name}-noise.wav`);
    sox(['-n', ...RATE, noise, 'synth', seconds(body).toFixed(6), 'pinknoise', 'vol', String(script.noiseVol)]);
    // -v 1 each: plain `sox -m` halves both inputs to avoid clipping, which would make the noise quieter than asked.
    sox(['-m', '-v', '1', body, '-v', '1', noise, content]);
  }
  // The tail is digital silence even under noise: Chromium loops the file's last 10 ms for ever, and a
  // looped 10 ms of noise is a steady buzz, not the background the case is about.
  const tail = join(dir, `${script.name}-tail.wav`);
  silence(tail, TAIL_S);
  const file = join(dir, `${script.name}.wav`);
  sox([content, tail, file]);
  return { file, truth: { name: script.name, speech, ...(script.muteAt === undefined ? {} : { muteAt: script.muteAt }) } };
}

export function fileSeconds(file: string): number {
  return seconds(file);
}
