// Peak memory of the current process: RSS sampled on a timer (also gives the curve over time), and
// the kernel's own high-water mark, which catches peaks between samples.

export interface MemoryReport {
  /** Highest `process.memoryUsage().rss` seen by the sampler, in bytes. */
  peakSampledRss: number;
  peakHeapUsed: number;
  /** V8 heap reserved; RSS far above it is native memory (parse trees live outside the JS heap). */
  peakHeapTotal: number;
  peakExternal: number;
  /** `process.resourceUsage().maxRSS` (the kernel's high-water mark), converted to bytes. */
  maxRss: number;
  samples: number;
  /** RSS over time, thinned to about 50 points: [ms since start, bytes]. */
  curve: [number, number][];
}

export function startMemorySampler(intervalMs = 20): () => MemoryReport {
  const started = performance.now();
  let peakSampledRss = 0;
  let peakHeapUsed = 0;
  let peakHeapTotal = 0;
  let peakExternal = 0;
  let samples = 0;
  const all: [number, number][] = [];
  const sample = (): void => {
    const usage = process.memoryUsage();
    samples++;
    peakSampledRss = Math.max(peakSampledRss, usage.rss);
    peakHeapUsed = Math.max(peakHeapUsed, usage.heapUsed);
    peakHeapTotal = Math.max(peakHeapTotal, usage.heapTotal);
    peakExternal = Math.max(peakExternal, usage.external);
    all.push([Math.round(performance.now() - started), usage.rss]);
  };
  sample();
  // A timer only fires when the event loop turns; the engine yields every 16 files, often enough.
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    sample();
    const step = Math.max(1, Math.ceil(all.length / 50));
    const curve = all.filter((_, i) => i % step === 0 || i === all.length - 1);
    return { peakSampledRss, peakHeapUsed, peakHeapTotal, peakExternal, maxRss: process.resourceUsage().maxRSS * 1024, samples, curve };
  };
}
