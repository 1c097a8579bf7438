/**
 * Where each balance sample sits in the summary's chart: time across, balance up (1 = top). Samples
 * without a balance (not enough talk yet) are left out of the line. Pure.
 */
export function chartPoints(samples: readonly { at: number; balance: number | null }[], width: number, height: number) {
  const known = samples.filter((s): s is { at: number; balance: number } => s.balance !== null);
  const start = known[0]?.at ?? 0;
  const span = Math.max(1, (known.at(-1)?.at ?? start) - start);
  const points = known.map((s): [number, number] => [
    known.length === 1 ? width / 2 : Math.round(((s.at - start) / span) * width * 10) / 10,
    Math.round((1 - s.balance) * height * 10) / 10,
  ]);
  const words = (b: number | undefined) => (b === undefined ? 'nothing' : String(Math.round(b * 100)));
  return { points, first: words(known[0]?.balance), last: words(known.at(-1)?.balance) };
}
