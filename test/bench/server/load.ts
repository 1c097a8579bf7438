// The mix, per room, from the commands Hearth has today (hand raises and talk-time reports do not exist
// yet): members toggle their own microphone or camera every few seconds (presence traffic to the whole
// room) and now and then raise a distress alert (a Poisson process, `alertEveryMs` apart on average per
// member). Facilitators mute someone occasionally, write on their backchannel, and handle each alert as
// a person would: one acknowledges it after a pause, writes to the member privately, the member answers,
// and the facilitator resolves the case.
import { performance } from 'node:perf_hooks';
import { isFacilitatorRole, type DistressLevel } from '@hearth/shared';
import type { BenchClient, BenchRoom } from './clients.js';
import { LOST_AFTER_MS, Metrics } from './metrics.js';

export interface Mix {
  durationMs: number;
  alertEveryMs: number;
  mediaEveryMs: [number, number];
  muteEveryMs: [number, number];
  backchannelEveryMs: [number, number];
  acknowledgeAfterMs: [number, number];
  /** Pause before each turn of the private conversation on a case, and before resolving it. */
  replyAfterMs: [number, number];
}

const ACK_TIMEOUT_MS = 5000;

/** The mix in words, for the report, from the same numbers the run uses. */
export function describeMix(mix: Mix): string {
  const s = ([low, high]: [number, number]) => `${low / 1000}-${high / 1000} s`;
  return (
    `members: mic/camera toggle (media:state, broadcast to the room) every ${s(mix.mediaEveryMs)}, a distress:raise every ${mix.alertEveryMs / 1000} s on average; ` +
    `facilitators: moderation:mute every ${s(mix.muteEveryMs)}, backchannel:message every ${s(mix.backchannelEveryMs)}; ` +
    `per alert: distress:acknowledge after ${s(mix.acknowledgeAfterMs)}, then case:message facilitator -> member -> facilitator, then distress:update resolve (pauses ${s(mix.replyAfterMs)}). ` +
    'Not simulated: hand raises, talk-time reports, rounds, WebRTC signalling, moderation:remove.'
  );
}

const LEVELS: DistressLevel[] = ['struggling', 'talk_privately', 'not_safe'];

const between = ([low, high]: [number, number]) => low + Math.random() * (high - low);
const exponential = (mean: number) => -Math.log(1 - Math.random()) * mean;
const pick = <T>(items: T[]): T | undefined => items[Math.floor(Math.random() * items.length)];

export class Load {
  readonly metrics = new Metrics();
  private running = false;
  private closing = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Alerts some facilitator has already taken (seen `distress:acknowledged`), so others do not. */
  private readonly handled = new Set<string>();
  /** alertId -> the facilitator who acknowledged it and now talks to the member. */
  private readonly handlers = new Map<string, BenchClient>();
  /** Alerts whose member has answered once (one exchange per case keeps the mix bounded). */
  private readonly answered = new Set<string>();
  private roomsByIndex = new Map<number, BenchRoom>();

  constructor(private readonly mix: Mix) {}

  /** Fact listeners; installed before the socket connects so nothing is missed. */
  wire = (client: BenchClient): void => {
    const s = client.socket;
    s.on('distress:alert', (alert) => {
      this.metrics.receipt('distress:alert', alert.id, alert.participantId, client, performance.now());
      if (this.running && isFacilitatorRole(client.role)) {
        this.later(between(this.mix.acknowledgeAfterMs), () => this.acknowledge(client, alert.id));
      }
    });
    s.on('distress:acknowledged', (alert) => {
      this.handled.add(alert.id);
      this.metrics.receipt('distress:acknowledged', alert.id, alert.participantId, client, performance.now());
    });
    s.on('distress:updated', (alert) => this.metrics.receipt('distress:updated', alert.id, alert.participantId, client, performance.now()));
    s.on('distress:seen', (seen) => this.metrics.receipt('distress:seen', seen.alertId, undefined, client, performance.now()));
    s.on('case:message', ({ alertId, message }) => {
      this.metrics.messageReceipt(message.id, client, performance.now());
      if (!this.running) return;
      // The member answers the facilitator once; the facilitator handling the case resolves it after the answer.
      if (client.role === 'member' && !this.answered.has(alertId)) {
        this.answered.add(alertId);
        this.later(between(this.mix.replyAfterMs), () => this.write(client, alertId, client.participantId));
      } else if (this.handlers.get(alertId) === client && message.from.role === 'member') {
        this.later(between(this.mix.replyAfterMs), () => this.resolve(client, alertId));
      }
    });
    s.on('backchannel:message', (message) => this.metrics.messageReceipt(message.id, client, performance.now()));
    s.on('moderation:muted', () => (client.audio = false));
    s.on('participant:updated', () => this.metrics.participantUpdates++);
    s.on('disconnect', (reason) => {
      const lost = this.metrics.unexpectedDisconnects;
      if (client.joined && !this.closing) lost.set(reason, (lost.get(reason) ?? 0) + 1);
      client.joined = false;
    });
  };

  async run(rooms: BenchRoom[]): Promise<void> {
    this.running = true;
    this.roomsByIndex = new Map(rooms.map((room) => [room.index, room]));
    for (const room of rooms) {
      for (const member of room.members) {
        this.later(between([0, this.mix.mediaEveryMs[1]]), () => this.toggleMedia(member));
        this.later(exponential(this.mix.alertEveryMs), () => this.raise(member, room));
      }
      for (const facilitator of room.facilitators) {
        this.later(between([0, this.mix.muteEveryMs[1]]), () => this.mute(facilitator, room));
        this.later(between([0, this.mix.backchannelEveryMs[1]]), () => this.backchannel(facilitator, room));
      }
    }
    await sleep(this.mix.durationMs);
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    // Let the last alerts land (or be declared lost) before judging.
    const deadline = performance.now() + LOST_AFTER_MS + ACK_TIMEOUT_MS;
    while (!this.metrics.settled(performance.now()) && performance.now() < deadline) await sleep(50);
  }

  close(clients: BenchClient[]): void {
    this.closing = true;
    for (const client of clients) client.socket.disconnect();
  }

  private later(delayMs: number, action: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.running) void action();
    }, delayMs);
    this.timers.add(timer);
  }

  /** Sends a command with a 5 s ack timeout; returns the ack (or undefined) and records failures. */
  private async command<T extends { ok: boolean; error?: { code: string } }>(name: string, send: () => Promise<T>): Promise<T | undefined> {
    try {
      const ack = await send();
      if (!ack.ok) this.metrics.failed(name, ack.error?.code ?? 'unknown');
      return ack.ok ? ack : undefined;
    } catch {
      this.metrics.failed(name, 'ack_timeout');
      return undefined;
    }
  }

  private async toggleMedia(member: BenchClient): Promise<void> {
    if (!member.joined) return;
    const next = Math.random() < 0.7 ? { audio: !member.audio, video: member.video } : { audio: member.audio, video: !member.video };
    const t0 = performance.now();
    const ack = await this.command('media:state', () => member.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('media:state', next));
    if (ack) {
      this.metrics.timed('media', t0, performance.now() - t0);
      member.audio = next.audio;
      member.video = next.video;
    }
    this.later(between(this.mix.mediaEveryMs), () => this.toggleMedia(member));
  }

  private async mute(facilitator: BenchClient, room: BenchRoom): Promise<void> {
    const speaking = room.members.filter((m) => m.joined && m.audio);
    const target = pick(speaking.length > 0 ? speaking : room.members.filter((m) => m.joined));
    if (facilitator.joined && target) {
      const t0 = performance.now();
      const ack = await this.command('moderation:mute', () =>
        facilitator.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('moderation:mute', { participantId: target.participantId }),
      );
      if (ack) this.metrics.timed('mute', t0, performance.now() - t0);
    }
    this.later(between(this.mix.muteEveryMs), () => this.mute(facilitator, room));
  }

  private async raise(member: BenchClient, room: BenchRoom): Promise<void> {
    if (member.joined) {
      const level = pick(LEVELS) ?? 'struggling';
      const payload = Math.random() < 0.5 ? { level, note: 'Finding tonight hard.' } : { level };
      const record: Metrics['raises'][number] = {
        room: room.index,
        raiserId: member.participantId,
        sentAt: performance.now(),
        sentWall: Date.now(),
        expected: room.facilitators.filter((f) => f.joined).map((f) => f.participantId),
      };
      this.metrics.raises.push(record);
      try {
        const ack = await member.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('distress:raise', payload);
        if (ack.ok) {
          record.alertId = ack.alertId;
          record.raisedAt = ack.raisedAt;
          record.ackedAt = performance.now();
          this.metrics.buckets.observe(record.sentAt, record.ackedAt - record.sentAt);
        } else record.failed = ack.error.code;
      } catch {
        record.failed = 'ack_timeout';
      }
    }
    this.later(exponential(this.mix.alertEveryMs), () => this.raise(member, room));
  }

  private async acknowledge(facilitator: BenchClient, alertId: string): Promise<void> {
    if (!facilitator.joined || this.handled.has(alertId)) return;
    const t0 = performance.now();
    const ack = await this.command('distress:acknowledge', () => facilitator.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('distress:acknowledge', { alertId }));
    if (!ack) return;
    this.metrics.timed('acknowledge', t0, performance.now() - t0);
    // Whoever the server says acknowledged it (first come, first served) talks to the member.
    if (ack.alert.acknowledgedBy?.id !== facilitator.participantId) return;
    this.handlers.set(alertId, facilitator);
    this.later(between(this.mix.replyAfterMs), () => this.write(facilitator, alertId, ack.alert.participantId));
  }

  /** A message on a case's private conversation; it must reach the room's other facilitators and its member. */
  private async write(sender: BenchClient, alertId: string, raiserId: string): Promise<void> {
    const room = this.roomsByIndex.get(sender.room);
    if (!sender.joined || !room) return;
    const expected = [...room.facilitators, ...room.members.filter((m) => m.participantId === raiserId)]
      .filter((c) => c.joined && c !== sender)
      .map((c) => c.participantId);
    const body = sender.role === 'member' ? 'Thank you. It helps to say it.' : 'I saw your request. I am here; would you like to talk?';
    await this.send({ kind: 'case', room: sender.room, raiserId, sentAt: performance.now(), expected }, () =>
      sender.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('case:message', { alertId, body }),
    );
  }

  private async backchannel(facilitator: BenchClient, room: BenchRoom): Promise<void> {
    if (facilitator.joined) {
      const expected = room.facilitators.filter((f) => f.joined && f !== facilitator).map((f) => f.participantId);
      await this.send({ kind: 'backchannel', room: room.index, sentAt: performance.now(), expected }, () =>
        facilitator.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('backchannel:message', { body: 'Checking in: all fine on my side.' }),
      );
    }
    this.later(between(this.mix.backchannelEveryMs), () => this.backchannel(facilitator, room));
  }

  private async send(
    record: Metrics['messages'][number],
    emit: () => Promise<{ ok: true; message: { id: string } } | { ok: false; error: { code: string } }>,
  ): Promise<void> {
    this.metrics.messages.push(record);
    const name = record.kind === 'case' ? 'case:message' : 'backchannel:message';
    const ack = await this.command(name, emit);
    if (!ack?.ok) {
      record.failed = 'refused_or_timeout';
      return;
    }
    record.messageId = ack.message.id;
    this.metrics.timed('message', record.sentAt, performance.now() - record.sentAt);
  }

  private async resolve(facilitator: BenchClient, alertId: string): Promise<void> {
    if (!facilitator.joined) return;
    const t0 = performance.now();
    const ack = await this.command('distress:update', () => facilitator.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('distress:update', { alertId, action: 'resolve' }));
    if (ack) this.metrics.timed('resolve', t0, performance.now() - t0);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
