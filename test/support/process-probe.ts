/**
 * Loaded into a Hearth child process only by tests (`--expose-gc --import ./test/support/process-probe.ts`),
 * never by the server itself: on SIGUSR2 it collects garbage and prints one line of what is left, the
 * heap after GC and the resources keeping the event loop alive (timers, sockets, servers), for the soak.
 */
export const PROBE_PREFIX = 'HEARTH-PROBE ';

process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice, a tick apart: the first pass runs finalizers that free more on the second.
  gc?.();
  setImmediate(() => {
    gc?.();
    const resources: Record<string, number> = {};
    for (const type of process.getActiveResourcesInfo()) resources[type] = (resources[type] ?? 0) + 1;
    const { heapUsed, rss } = process.memoryUsage();
    process.stdout.write(`${PROBE_PREFIX}${JSON.stringify({ heapUsed, rss, resources, gc: gc !== undefined })}\n`);
  });
});
