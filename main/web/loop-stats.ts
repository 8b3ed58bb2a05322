// Benchmark aid, off unless ASSURANCE_DESK_LOOP_STATS=1: on SIGUSR2 the host prints one line
// `loop-stats {...}` with the longest event-loop block since the last signal (then resets it)
// and its peak RSS, so test/bench/desk.ts can see how long a request held the main process.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export function startLoopStats(env: NodeJS.ProcessEnv = process.env): void {
  if (env.ASSURANCE_DESK_LOOP_STATS !== '1') return;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  process.on('SIGUSR2', () => {
    const stats = {
      maxBlockMs: Math.round((delay.max / 1e6) * 10) / 10,
      rssMb: Math.round(process.memoryUsage().rss / 1048576),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    delay.reset();
    process.stdout.write(`loop-stats ${JSON.stringify(stats)}\n`);
  });
}
