// npm run bench:fuzz [-- --commands 100000 --sessions 10 --members 3 --seed 14 --interval-ms 90]
// The socket fuzz at full size (issue 14; the short run is test/integration/socket-fuzz.test.ts): broken,
// oversized, wrong-role and out-of-order commands from every kind of person against a real Hearth process,
// each person paced just under the command budget (RL1) with the odd burst past it (FUZZ_LOG=1 keeps every
// connection's whole history of commands and facts, with times, in a forbidden delivery's example). Then: does the server
// still admit and answer someone new, is every record written before the run still there, and did any
// member's or waiting person's socket receive what only facilitators may know.
import { runFuzz } from '../support/fuzz/run.js';
import { flags, printTable } from './bench-support.js';

const args = flags({
  commands: { type: 'string', default: '100000' },
  sessions: { type: 'string', default: '10' },
  members: { type: 'string', default: '3' },
  seed: { type: 'string', default: '14' },
  'interval-ms': { type: 'string', default: '90' },
});

const result = await runFuzz({
  commands: Number(args.commands),
  sessions: Number(args.sessions),
  membersPerSession: Number(args.members),
  seed: Number(args.seed),
  intervalMs: Number(args['interval-ms']),
  replacements: 30,
});
const { ledger, records, alive } = result;
const rows = (counts: Record<string, number>, label: string) =>
  Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([key, count]) => ({ [label]: key, count }));

printTable('Commands sent, by kind', rows(ledger.sentByKind, 'kind'));
printTable('Commands sent, by how the payload was broken', rows(ledger.sentByMutation, 'mutation'));
printTable('Commands sent, by sender', rows(ledger.sentByRole, 'sender'));
printTable('Answers, by result code', rows(ledger.answers, 'answer'));
printTable('Disconnects, by reason (client side; in brackets what room:closed said)', rows(ledger.disconnects, 'reason'));
printTable('Handshakes after the start (reconnects, replacements, shut-out people knocking)', rows(ledger.handshakes, 'who: result'));
printTable('Rejoins after a reconnect', rows(ledger.rejoins, 'answer'));
printTable('Forbidden deliveries to members and waiting people', rows(ledger.forbidden, 'rule'));
printTable('Checks after the run', [
  { check: 'untyped answers, hangs, off-schema results', value: ledger.untyped.length },
  { check: 'facts off their schema', value: Object.values(ledger.malformedFacts).reduce((a, b) => a + b, 0) },
  { check: 'facts received by members and waiting people (all checked)', value: ledger.factsToMembers },
  { check: 'records before the run', value: records.before },
  { check: 'records lost', value: records.lost.length },
  { check: 'records changed that nothing may change', value: records.changed.length },
  { check: 'acked as stored, not found', value: records.ackedMissing.length },
  { check: 'member deliveries checked against the database', value: ledger.memberDeliveries.length },
  { check: 'member deliveries to the wrong person', value: records.wrongRecipient.length },
  { check: 'server error log lines', value: result.serverErrors.length },
  { check: 'after the run: health / new join / a command', value: `${alive.health} / ${alive.join} / ${alive.command}` },
  { check: 'seconds fuzzing', value: Math.round(result.seconds) },
]);
for (const line of [...ledger.untyped.slice(0, 5), ...ledger.forbiddenExamples.slice(0, 5), ...records.lost.slice(0, 5), ...records.wrongRecipient.slice(0, 5), ...result.serverErrors.slice(0, 5)]) {
  console.log(`  ! ${line.slice(0, 300)}`);
}
console.log(JSON.stringify({
  commands: ledger.sent,
  sessions: Number(args.sessions),
  seed: Number(args.seed),
  seconds: Math.round(result.seconds),
  sent_by_kind: ledger.sentByKind,
  answers: ledger.answers,
  disconnects: ledger.disconnects,
  untyped_answers: ledger.untyped.length,
  internal_errors: ledger.answers.internal_error ?? 0,
  forbidden_deliveries: ledger.forbiddenTotal(),
  facts_to_members_checked: ledger.factsToMembers,
  records_before: records.before,
  lost_records: records.lost.length,
  acked_not_stored: records.ackedMissing.length,
  wrong_recipient: records.wrongRecipient.length,
  server_error_lines: result.serverErrors.length,
  alive_after: alive.health === 200 && alive.join === 'ok' && alive.command === 'ok',
}));
