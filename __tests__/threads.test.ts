// What the CLI says when memory decides the number of threads (cli/threads.ts).
import { threadMessages } from '../cli/threads';
import { memoryPerThread } from '../transforms/python/plugin';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

describe('thread messages', () => {
  test('nothing to say without a memory estimate, or when the threads fit', () => {
    expect(threadMessages({ requested: 2, used: 2 })).toEqual({ notes: [], warnings: [] });
    expect(threadMessages({ requested: 2, used: 2, memory: { sourceBytes: 50 * MiB, perThread: 3 * GiB, available: 8 * GiB, limited: false } })).toEqual({
      notes: [],
      warnings: [],
    });
  });

  test('fewer threads than asked: a note with the numbers and the option that overrides it', () => {
    const { notes, warnings } = threadMessages({ requested: 2, used: 1, memory: { sourceBytes: 50 * MiB, perThread: 3 * GiB, available: 4 * GiB, limited: true } });
    expect(notes).toEqual(['using 1 thread, not 2: this project (50 MiB of source) needs about 6.0 GiB with 2 threads and 4.0 GiB is free; --jobs sets the number']);
    expect(warnings).toEqual([]);
  });

  test('even the threads used may not fit: a warning before the run, pointing at --jobs when there are several', () => {
    const one = threadMessages({ requested: 2, used: 1, memory: { sourceBytes: 50 * MiB, perThread: 3 * GiB, available: 2 * GiB, limited: true } });
    expect(one.warnings).toEqual(['this run may run out of memory: this project (50 MiB of source) needs about 3.0 GiB with 1 thread and 2.0 GiB is free']);
    const explicit = threadMessages({ requested: 2, used: 2, memory: { sourceBytes: 50 * MiB, perThread: 3 * GiB, available: 4 * GiB, limited: false } });
    expect(explicit.notes).toEqual([]);
    expect(explicit.warnings).toEqual(['this run may run out of memory: this project (50 MiB of source) needs about 6.0 GiB with 2 threads and 4.0 GiB is free; fewer --jobs need less']);
  });
});

describe('memoryPerThread (the estimate the thread choice uses)', () => {
  // Highest peak RSS of two-thread default-preset runs measured on the benchmark's trees (docs/performance.md),
  // by MB (10^6 bytes) of Python source.
  const PEAKS = [
    { sourceBytes: 4.7e6, peak: 952 * MiB },
    { sourceBytes: 25.3e6, peak: 2886 * MiB },
    { sourceBytes: 51.0e6, peak: 5491 * MiB },
  ];

  test('two threads are expected to need at least 15% more than the highest peak measured', () => {
    for (const { sourceBytes, peak } of PEAKS) expect(2 * memoryPerThread(sourceBytes)).toBeGreaterThanOrEqual(1.15 * peak);
  });

  test('and not more than 40% above it: a 10k-file project with 7 GiB free gets its two threads', () => {
    for (const { sourceBytes, peak } of PEAKS) expect(2 * memoryPerThread(sourceBytes)).toBeLessThanOrEqual(1.4 * peak);
    expect(Math.floor((7 * GiB) / memoryPerThread(51.0e6))).toBe(2);
  });
});
