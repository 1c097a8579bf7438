import { describe, expect, it } from 'vitest';
import { cpuSeconds, cpuTicks, percentOfCore } from '../bench/livekit/cpu.js';

describe('bench:livekit CPU readings', () => {
  it('reads utime + stime from a /proc stat line, even when the command name holds spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
    const line = '4242 (livekit (x) srv) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 567 0 0 20 0 12 0 99 1 2';
    expect(cpuTicks(line)).toBe(1234 + 567);
  });

  it('this process has used some CPU, and it only grows', () => {
    const before = cpuSeconds(process.pid);
    let x = 0;
    for (let i = 0; i < 5e7; i++) x += i;
    expect(x).toBeGreaterThan(0);
    expect(before).toBeGreaterThan(0);
    expect(cpuSeconds(process.pid)).toBeGreaterThanOrEqual(before);
  });

  it('gives % of one core over the window', () => {
    expect(percentOfCore(10, 11.5, 1000)).toBe(150);
    expect(percentOfCore(10, 10.25, 2000)).toBe(12.5);
    expect(percentOfCore(1, 2, 0)).toBe(0);
  });
});
