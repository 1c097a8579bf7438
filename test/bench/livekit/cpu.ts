// CPU use of other processes (livekit-server, Hearth) from /proc/<pid>/stat, for bench:livekit. Linux only,
// like the machines the benchmarks run on. Pure parsing is tested in test/unit/bench-livekit-cpu.test.ts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * utime + stime of a /proc/<pid>/stat line, in clock ticks. The command name (field 2) is in parentheses
 * and may hold spaces or ')' itself, so fields are counted from the last ')'.
 */
export function cpuTicks(statLine: string): number {
  const rest = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
  return Number(rest[11]) + Number(rest[12]);
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
  return cpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) / TICKS_PER_SECOND;
}

/** % of one core between two readings (200 % = both cores of a 2-core machine). */
export function percentOfCore(cpuBefore: number, cpuAfter: number, wallMs: number): number {
  return wallMs <= 0 ? 0 : Math.round(((cpuAfter - cpuBefore) / (wallMs / 1000)) * 1000) / 10;
}

/** A CPU meter over a window, for a set of named processes (a pid of `self` is this process). */
export function cpuWindow(pids: Record<string, number | 'self'>): () => Record<string, number> {
  const read = (pid: number | 'self') => (pid === 'self' ? process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6 : cpuSeconds(pid));
  const startedAt = Date.now();
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, read(pid)]));
  return () => {
    const wall = Date.now() - startedAt;
    return Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, percentOfCore(before[name] ?? 0, read(pid), wall)]));
  };
}
