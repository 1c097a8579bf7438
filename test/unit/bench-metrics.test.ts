// The server benchmark's loss and privacy accounting (test/bench/server/metrics.ts): an alert or message
// counts as lost unless EVERY expected recipient had it within the grace period, and any arrival at a
// socket that must not see it counts as misdelivered.
import { describe, expect, it } from 'vitest';
import type { Role } from '@hearth/shared';
import type { BenchClient } from '../bench/server/clients.js';
import { judgeAlerts, judgeMessages, LOST_AFTER_MS, Metrics } from '../bench/server/metrics.js';

const client = (participantId: string, role: Role, room: number): BenchClient =>
  ({ socket: undefined as never, room, role, participantId, audio: true, video: true, joined: true }) satisfies BenchClient;

const fran = client('fran', 'facilitator', 0);
const cole = client('cole', 'co_facilitator', 0);
const sam = client('sam', 'member', 0);
const max = client('max', 'member', 0);
const otherRoomFacilitator = client('olga', 'facilitator', 1);
const roomOf = new Map([fran, cole, sam, max, otherRoomFacilitator].map((c) => [c.participantId, c.room]));

function raise(metrics: Metrics, alertId: string, sentAt: number) {
  metrics.raises.push({ room: 0, raiserId: 'sam', sentAt, sentWall: 0, expected: ['fran', 'cole'], alertId, ackedAt: sentAt + 2 });
}

describe('bench: alert accounting', () => {
  it('times each alert until the LAST facilitator of the room has it', () => {
    const metrics = new Metrics();
    raise(metrics, 'a1', 1000);
    metrics.receipt('distress:alert', 'a1', 'sam', fran, 1003);
    metrics.receipt('distress:alert', 'a1', 'sam', cole, 1010);
    const verdict = judgeAlerts(metrics, roomOf);
    expect(verdict.allReachedMs).toEqual([10]);
    expect(verdict.lost).toBe(0);
  });

  it('counts an alert lost when one facilitator never got it, or got it after the grace period', () => {
    const metrics = new Metrics();
    raise(metrics, 'a1', 1000);
    metrics.receipt('distress:alert', 'a1', 'sam', fran, 1003);
    raise(metrics, 'a2', 2000);
    metrics.receipt('distress:alert', 'a2', 'sam', fran, 2003);
    metrics.receipt('distress:alert', 'a2', 'sam', cole, 2000 + LOST_AFTER_MS + 1);
    const verdict = judgeAlerts(metrics, roomOf);
    expect(verdict.lost).toBe(2);
    expect(verdict.lostDeliveries).toBe(2);
    expect(verdict.allReachedMs).toEqual([]);
  });

  it('counts an alert reaching a member or another room as misdelivered', () => {
    const metrics = new Metrics();
    raise(metrics, 'a1', 1000);
    metrics.receipt('distress:alert', 'a1', 'sam', fran, 1003);
    metrics.receipt('distress:alert', 'a1', 'sam', cole, 1003);
    metrics.receipt('distress:alert', 'a1', 'sam', max, 1003);
    metrics.receipt('distress:alert', 'a1', 'sam', otherRoomFacilitator, 1003);
    metrics.receipt('distress:seen', 'a1', undefined, max, 1500);
    expect(judgeAlerts(metrics, roomOf).misdelivered).toBe(3);
  });
});

describe('bench: private message accounting', () => {
  it('counts a case message lost unless both facilitators and its member had it', () => {
    const metrics = new Metrics();
    metrics.messages.push({ kind: 'case', room: 0, raiserId: 'sam', sentAt: 1000, expected: ['cole', 'sam'], messageId: 'm1' });
    metrics.messageReceipt('m1', cole, 1004);
    metrics.messages.push({ kind: 'case', room: 0, raiserId: 'sam', sentAt: 1000, expected: ['cole', 'sam'], messageId: 'm2' });
    metrics.messageReceipt('m2', cole, 1004);
    metrics.messageReceipt('m2', sam, 1005);
    const verdict = judgeMessages(metrics);
    expect(verdict.lost).toBe(1);
    expect(verdict.deliveryMs).toEqual([4, 4, 5]);
  });

  it('counts the backchannel reaching a member, or a case reaching another member, as misdelivered', () => {
    const metrics = new Metrics();
    metrics.messages.push({ kind: 'backchannel', room: 0, sentAt: 1000, expected: ['cole'], messageId: 'b1' });
    metrics.messageReceipt('b1', cole, 1002);
    metrics.messageReceipt('b1', sam, 1002);
    metrics.messages.push({ kind: 'case', room: 0, raiserId: 'sam', sentAt: 1000, expected: ['cole', 'sam'], messageId: 'm1' });
    metrics.messageReceipt('m1', cole, 1002);
    metrics.messageReceipt('m1', sam, 1002);
    metrics.messageReceipt('m1', max, 1002);
    const verdict = judgeMessages(metrics);
    expect(verdict.misdelivered).toBe(2);
    expect(verdict.lost).toBe(0);
  });
});
