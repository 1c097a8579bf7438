import { useId } from 'react';
import type { TalkStats } from '@hearth/shared';
import { Button } from '../../../components/ui/button';
import { balanceWords, durationWords, percentWords, shareAgainstFairWords } from '../../../lib/talk-words';
import type { TalkTime } from './use-talk-time';
import './talk-time.css';

/**
 * [TT5] The facilitators' talk-time panel (T): members in the order they joined, never ranked; each
 * member's time, their share of member talk against an even share (text, and a calm bar with a mark
 * where an even share would reach; one colour, no red or green), the group's balance in words, who has
 * not spoken yet, and the facilitators' own talk apart. One polite live region says only meaningful
 * changes. Rendered only for facilitators and co-facilitators; members never receive these figures.
 */
export function TalkTimeControl({ talkTime }: { talkTime: TalkTime }) {
  const panelId = useId();
  const { state } = talkTime;
  return (
    <div className="talk-time">
      <Button variant="quiet" aria-expanded={state.open} aria-controls={panelId} aria-keyshortcuts="T" onClick={talkTime.toggle}>
        {state.open ? 'Hide talk time' : 'Talk time'}
      </Button>
      <p role="status" className="visually-hidden">{state.open ? state.announcement : ''}</p>
      <div id={panelId} hidden={!state.open}>
        {state.open ? <TalkTimePanel talkTime={talkTime} /> : null}
      </div>
    </div>
  );
}

function TalkTimePanel({ talkTime }: { talkTime: TalkTime }) {
  const headingId = useId();
  const { stats } = talkTime.state;
  return (
    <div className="talk-time__panel" role="region" aria-labelledby={headingId}>
      <h2 id={headingId} className="talk-time__heading">Talk time</h2>
      {stats ? <Figures stats={stats} /> : <p>No talk measured yet.</p>}
      <label className="talk-time__setting">
        <input type="checkbox" checked={stats?.membersSeeOwnShare ?? false} disabled={!stats}
          onChange={(event) => void talkTime.setMembersSeeOwnShare(event.currentTarget.checked)} />
        Members see their own share (privately, nobody else's)
      </label>
      {talkTime.settingError ? <p className="talk-time__error">{talkTime.settingError}</p> : null}
      <Button variant="quiet" onClick={talkTime.close}>Close talk time</Button>
    </div>
  );
}

function Figures({ stats }: { stats: TalkStats }) {
  const quiet = stats.members.filter((m) => stats.notSpokenYet.includes(m.participantId)).map((m) => m.displayName);
  return (
    <>
      <p className="talk-time__balance"><span className="talk-time__label">Balance:</span> {balanceWords(stats.balance)}</p>
      {stats.members.length === 0 ? <p>No members have joined yet.</p> : (
        <table className="talk-time__table">
          <caption className="talk-time__caption">Members, in the order they joined</caption>
          <thead>
            <tr><th scope="col">Member</th><th scope="col">Talk time</th><th scope="col">Share of member talk</th></tr>
          </thead>
          <tbody>
            {stats.members.map((m) => (
              <tr key={m.participantId}>
                <th scope="row">{m.displayName}{m.present ? '' : ' (left)'}</th>
                <td>{durationWords(m.talkMs)}</td>
                <td>
                  <span className="visually-hidden">{shareAgainstFairWords(m.share, m.fairShare)}</span>
                  <span aria-hidden="true" className="talk-time__share">
                    {percentWords(m.share)} <span className="talk-time__fair">(even: {percentWords(m.fairShare)})</span>
                  </span>
                  <ShareBar share={m.share ?? 0} fairShare={m.fairShare} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="talk-time__quiet">
        <span className="talk-time__label">Not spoken yet:</span> {quiet.length > 0 ? quiet.join(', ') : 'everyone present has spoken'}
      </p>
      <h3 className="talk-time__subheading">Facilitators' own talk</h3>
      <ul className="talk-time__facilitators">
        {stats.facilitators.map((f) => <li key={f.participantId}>{f.displayName}: {durationWords(f.talkMs)}</li>)}
      </ul>
    </>
  );
}

/** A calm bar: the share filled in one colour, a thin mark where an even share would reach. Decorative. */
function ShareBar({ share, fairShare }: { share: number; fairShare: number }) {
  return (
    <svg className="talk-time__bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="100" height="8" className="talk-time__bar-track" />
      <rect x="0" y="0" width={Math.min(100, share * 100)} height="8" className="talk-time__bar-fill" />
      <rect x={Math.min(99.5, fairShare * 100)} y="0" width="0.8" height="8" className="talk-time__bar-even" />
    </svg>
  );
}
