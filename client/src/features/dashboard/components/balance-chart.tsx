import { chartPoints } from '../model/balance-chart';

/**
 * The balance through a session as a simple line (0 at the bottom, 100 at the top): an SVG image with a
 * text alternative; the exact figures are in the table it points to. One colour, no motion.
 */
export function BalanceChart({ samples, describedBy }: { samples: { at: number; balance: number | null }[]; describedBy: string }) {
  const { points, first, last } = chartPoints(samples, 300, 100);
  return (
    <svg className="talk-summary__chart" viewBox="0 0 300 100" role="img" aria-describedby={describedBy}
      aria-label={`Balance through the session, from ${first} to ${last} out of 100. The figures are in the table below.`}>
      <line x1="0" y1="100" x2="300" y2="100" className="talk-summary__axis" />
      <line x1="0" y1="0" x2="300" y2="0" className="talk-summary__even" />
      {points.length > 1 ? <polyline points={points.map(([x, y]) => `${x},${y}`).join(' ')} className="talk-summary__line" /> : null}
      {points.map(([x, y]) => <circle key={`${x}-${y}`} cx={x} cy={y} r="2.5" className="talk-summary__dot" />)}
    </svg>
  );
}
