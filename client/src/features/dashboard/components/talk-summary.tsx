import { useId } from 'react';
import type { TalkSummary as Summary } from '@hearth/shared';
import { balanceWords, durationWords, percentWords } from '../../../lib/talk-words';
import { formatDateTime } from '../../../lib/format';
import { BalanceChart } from './balance-chart';
import './talk-summary.css';

/**
 * [TT9] What the facilitator reflects on after a session: members in the order they joined (never
 * ranked, no score), each one's talk, share against an even share, and turns; the facilitators' own
 * talk apart; the balance through the session as a chart with the same figures as a table.
 */
export function TalkSummary({ summary }: { summary: Summary }) {
  const tableId = useId();
  return (
    <div className="talk-summary">
      <p><strong>Balance:</strong> {balanceWords(summary.balance)}</p>
      <p>
        Member talk in all: {durationWords(summary.memberTalkMs)}. Rounds held: {summary.roundsHeld}.
      </p>
      {summary.members.length === 0 ? <p>No members joined this session.</p> : (
        <table className="talk-summary__table">
          <caption>Members, in the order they joined</caption>
          <thead>
            <tr><th scope="col">Member</th><th scope="col">Talk time</th><th scope="col">Share of member talk</th><th scope="col">An even share</th><th scope="col">Turns</th></tr>
          </thead>
          <tbody>
            {summary.members.map((m) => (
              <tr key={m.participantId}>
                <th scope="row">{m.displayName}</th>
                <td>{durationWords(m.talkMs)}</td>
                <td>{percentWords(m.share)}</td>
                <td>{percentWords(m.fairShare)}</td>
                <td>{m.turns}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>Facilitators' own talk</h4>
      <ul>
        {summary.facilitators.map((f) => <li key={f.participantId}>{f.displayName}: {durationWords(f.talkMs)}, {f.turns} {f.turns === 1 ? 'turn' : 'turns'}</li>)}
      </ul>
      <h4>Balance through the session</h4>
      {summary.balanceOverTime.length === 0 ? <p>No balance was recorded.</p> : (
        <>
          <BalanceChart samples={summary.balanceOverTime} describedBy={tableId} />
          <details>
            <summary>The balance as a table</summary>
            <table id={tableId} className="talk-summary__table">
              <caption>Balance through the session (100 = talk shared evenly)</caption>
              <thead><tr><th scope="col">Time</th><th scope="col">Balance</th></tr></thead>
              <tbody>
                {summary.balanceOverTime.map((s) => (
                  <tr key={s.at}><td>{formatDateTime(s.at)}</td><td>{s.balance === null ? 'not enough talk yet' : Math.round(s.balance * 100)}</td></tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </div>
  );
}
