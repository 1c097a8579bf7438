// Turns the run's records into the figures: a readable table, its footnotes, and the one JSON line.
import { percentile, printTable } from '../bench-support.js';
import type { ConnectReport } from './clients.js';
import type { AlertVerdict, MessageVerdict, Metrics } from './metrics.js';
import type { Sampler } from './timeline.js';

export const TARGET_ALERT_P99_MS = 50;

export interface RunFacts {
  /** What the simulated people did (describeMix in load.ts). */
  mix: string;
  rooms: number;
  members: number;
  facilitators: number;
  durationS: number;
  alertEveryS: number;
  setupMs: number;
  connect: ConnectReport;
  metrics: Metrics;
  verdict: AlertVerdict;
  messages: MessageVerdict;
  sampler: Sampler;
  /** The server's memory with everyone joined, before the mix. */
  serverIdle: { rssMb: number; heapUsedMb: number };
  generatorEld: { p50: number; p99: number; max: number };
  /** performance.now() when the mix started: the zero of the per-second view. */
  loadStartedAt: number;
  loadSeconds: number;
}

const ms = (value: number) => Math.round(value * 10) / 10;
const p = (values: number[], q: number) => (values.length ? ms(percentile(values, q)) : null);
const max = (values: number[]) => (values.length ? ms(values.reduce((a, b) => Math.max(a, b), 0)) : null);
const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

export function summarize(f: RunFacts) {
  const commands = f.metrics.commandMs;
  const cpu = f.sampler.totals();
  const peak = (pick: (s: Sampler['seconds'][number]) => number, from: number) => Math.round(f.sampler.seconds.reduce((a, s) => Math.max(a, pick(s)), from));
  const lost = f.verdict.lost + f.messages.lost;
  const misdelivered = f.verdict.misdelivered + f.messages.misdelivered;
  const alertP99 = p(f.verdict.allReachedMs, 99);
  return {
    rooms: f.rooms,
    people_per_room: f.members,
    facilitators_per_room: f.facilitators,
    duration_s: f.durationS,
    alert_every_s: f.alertEveryS,
    participants_joined: f.connect.clients.length,
    join_refused_room_full: f.connect.failures.get('join:room_full') ?? 0,
    connect_failures_other: sum(f.connect.failures.values()) - (f.connect.failures.get('join:room_full') ?? 0),
    alerts_sent: f.verdict.sent,
    // Raise until EVERY facilitator in the room had it (the slowest of them), per alert.
    alert_all_facilitators_p50_ms: p(f.verdict.allReachedMs, 50),
    alert_all_facilitators_p99_ms: alertP99,
    alert_all_facilitators_max_ms: max(f.verdict.allReachedMs),
    alert_per_facilitator_p99_ms: p(f.verdict.deliveryMs, 99),
    alerts_lost: f.verdict.lost,
    alerts_misdelivered: f.verdict.misdelivered,
    alerts_raise_failed: f.verdict.raiseFailures,
    alerts_unwatched: f.verdict.unwatched,
    alerts_duplicated: f.metrics.duplicateAlerts,
    raise_ack_p50_ms: p(f.verdict.raiseAckMs, 50),
    raise_ack_p99_ms: p(f.verdict.raiseAckMs, 99),
    mute_ack_p50_ms: p(commands.mute, 50),
    mute_ack_p99_ms: p(commands.mute, 99),
    acknowledge_ack_p50_ms: p(commands.acknowledge, 50),
    acknowledge_ack_p99_ms: p(commands.acknowledge, 99),
    resolve_ack_p99_ms: p(commands.resolve, 99),
    media_ack_p50_ms: p(commands.media, 50),
    media_ack_p99_ms: p(commands.media, 99),
    messages_sent: f.messages.sent,
    message_delivery_p50_ms: p(f.messages.deliveryMs, 50),
    message_delivery_p99_ms: p(f.messages.deliveryMs, 99),
    messages_lost: f.messages.lost,
    messages_misdelivered: f.messages.misdelivered,
    lost_total: lost,
    misdelivered_total: misdelivered,
    server_loop_delay_p50_ms: ms(f.sampler.serverLoop.p50),
    server_loop_delay_p99_ms: ms(f.sampler.serverLoop.p99),
    server_loop_delay_max_ms: ms(f.sampler.serverLoop.max),
    server_rss_mb_idle: Math.round(f.serverIdle.rssMb),
    server_rss_mb_max: peak((s) => s.rssMb, f.serverIdle.rssMb),
    server_heap_mb_idle: Math.round(f.serverIdle.heapUsedMb),
    server_heap_mb_max: peak((s) => s.heapUsedMb, f.serverIdle.heapUsedMb),
    server_cpu_pct: Math.round(cpu.server),
    generator_cpu_pct: Math.round(cpu.generator),
    // Anything else on the machine during the run (other test suites, builds): if large, the figures are disturbed.
    other_processes_cpu_pct: Math.round(cpu.other),
    other_processes_cpu_peak_pct: peak((s) => s.other, 0),
    generator_loop_delay_p99_ms: ms(f.generatorEld.p99),
    commands_per_s: Math.round((sum(Object.values(commands).map((c) => c.length)) + f.verdict.acked) / f.loadSeconds),
    participant_updates_received_per_s: Math.round(f.metrics.participantUpdates / f.loadSeconds),
    command_failures: sum(f.metrics.commandFailures.values()),
    unexpected_disconnects: sum(f.metrics.unexpectedDisconnects.values()),
    target_met: lost === 0 && misdelivered === 0 && f.verdict.raiseFailures === 0 && alertP99 !== null && alertP99 < TARGET_ALERT_P99_MS,
  };
}

export function printReport(f: RunFacts, s: ReturnType<typeof summarize>): void {
  const list = (m: Map<string, number>) => [...m.entries()].map(([k, v]) => `${k} x${v}`).join(', ') || 'none';
  const rows: { figure: string; value: string }[] = [
    { figure: 'setup over HTTP (groups, sessions, invites)', value: `${(f.setupMs / 1000).toFixed(1)} s` },
    { figure: 'connect + join, staggered', value: `${(f.connect.elapsedMs / 1000).toFixed(1)} s, join p50/p99 ${p(f.connect.joinMs, 50)} / ${p(f.connect.joinMs, 99)} ms` },
    { figure: 'participants joined', value: `${s.participants_joined} of ${f.rooms * f.members} (refused room_full: ${s.join_refused_room_full}, other failures: ${list(new Map([...f.connect.failures].filter(([k]) => k !== 'join:room_full')))})` },
    { figure: 'distress alerts raised', value: `${s.alerts_sent} (raise failed: ${s.alerts_raise_failed}, no facilitator present: ${s.alerts_unwatched}, re-sent: ${s.alerts_duplicated})` },
    { figure: 'ALERT: raise -> every facilitator of the room has it, p50 / p99 / max', value: `${s.alert_all_facilitators_p50_ms} / ${s.alert_all_facilitators_p99_ms} / ${s.alert_all_facilitators_max_ms} ms (target p99 < ${TARGET_ALERT_P99_MS})` },
    { figure: 'alert delivery per facilitator p99', value: `${s.alert_per_facilitator_p99_ms} ms` },
    { figure: 'distress:raise ack p50 / p99', value: `${s.raise_ack_p50_ms} / ${s.raise_ack_p99_ms} ms` },
    { figure: 'MODERATION: moderation:mute ack p50 / p99', value: `${s.mute_ack_p50_ms} / ${s.mute_ack_p99_ms} ms (${f.metrics.commandMs.mute.length} mutes)` },
    { figure: 'distress:acknowledge ack p50 / p99; resolve ack p99', value: `${s.acknowledge_ack_p50_ms} / ${s.acknowledge_ack_p99_ms} ms; ${s.resolve_ack_p99_ms} ms (${f.metrics.commandMs.acknowledge.length} acks, ${f.metrics.commandMs.resolve.length} resolved)` },
    { figure: 'media:state ack p50 / p99', value: `${s.media_ack_p50_ms} / ${s.media_ack_p99_ms} ms (${f.metrics.commandMs.media.length} toggles)` },
    { figure: 'private messages (case + backchannel) delivery p50 / p99', value: `${s.message_delivery_p50_ms} / ${s.message_delivery_p99_ms} ms (${s.messages_sent} sent)` },
    { figure: 'LOST: alerts / private messages (an expected recipient lacked it 5 s after)', value: `${s.alerts_lost} / ${s.messages_lost}` },
    { figure: 'misdelivered: alerts / messages (reached someone who must not see it)', value: `${s.alerts_misdelivered} / ${s.messages_misdelivered}` },
    { figure: 'commands sent / facts received per second', value: `${s.commands_per_s} / ${s.participant_updates_received_per_s} participant:updated` },
    { figure: 'command failures (no ack within 5 s, or refused)', value: `${s.command_failures} (${list(f.metrics.commandFailures)})` },
    { figure: 'unexpected disconnects during the mix', value: `${s.unexpected_disconnects} (${list(f.metrics.unexpectedDisconnects)})` },
    { figure: 'SERVER event-loop delay p50 / p99 / max', value: `${s.server_loop_delay_p50_ms} / ${s.server_loop_delay_p99_ms} / ${s.server_loop_delay_max_ms} ms` },
    { figure: 'SERVER memory: RSS idle / max; heap used idle / max', value: `${s.server_rss_mb_idle} / ${s.server_rss_mb_max} MB; ${s.server_heap_mb_idle} / ${s.server_heap_mb_max} MB` },
    { figure: 'CPU server / load generator / other processes (% of one core)', value: `${s.server_cpu_pct} / ${s.generator_cpu_pct} / ${s.other_processes_cpu_pct} % (others peak ${s.other_processes_cpu_peak_pct} % in one second)` },
    { figure: 'load generator event-loop delay p50 / p99 / max', value: `${ms(f.generatorEld.p50)} / ${ms(f.generatorEld.p99)} / ${ms(f.generatorEld.max)} ms` },
  ];
  printTable(
    `Hearth server under load: ${f.rooms} rooms x ${f.members} people (${f.facilitators} facilitators each), ${f.durationS} s, an alert per member every ${f.alertEveryS} s on average (127.0.0.1)`,
    rows,
  );
  const worst = f.metrics.buckets.worst(f.sampler.seconds, f.loadStartedAt);
  if (worst.length > 0) printTable('Slowest seconds of the mix (all commands and deliveries started in that second; CPU in % of one core)', worst);
  console.log('');
  console.log('Notes:');
  console.log(`- Mix: ${f.mix}`);
  console.log('- Latencies are measured in the load generator (one clock): they include its own event-loop delay (last row).');
  console.log('- Server event-loop delay and memory come from a probe preloaded into the server process (test/bench/server/server-probe.ts, over IPC).');
  if (s.other_processes_cpu_pct > 15 || s.other_processes_cpu_peak_pct > 50) {
    console.log(
      `- WARNING: other processes used ${s.other_processes_cpu_pct} % of a core on average (peak ${s.other_processes_cpu_peak_pct} % in one second) during the run: the figures are disturbed. Run again on a quiet machine.`,
    );
  }
  if (s.join_refused_room_full > 0) {
    console.log(
      `- Rooms are peer-to-peer mesh rooms of at most 8 (MESH_CAPACITY may not exceed 8; the bench runs in mesh mode, LiveKit mode lifts the cap): ${s.join_refused_room_full} people were refused with room_full and left, as the real client does.`,
    );
  }
  console.log(`- Target (p99 raise -> every facilitator < ${TARGET_ALERT_P99_MS} ms, 0 lost, 0 misdelivered): ${s.target_met ? 'met' : 'MISSED'}.`);
}
