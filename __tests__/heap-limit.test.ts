// Each worker thread's heap limit (engine/heap-limit.ts), and what the CLI says when a worker reaches it.
import { heapLimitFlagged, workerHeapLimitMb } from '../engine/heap-limit';
import { WorkerOutOfMemory } from '../engine/parallel';
import { outOfMemoryAdvice } from '../cli/threads';

const GIB = 2 ** 30;

describe('worker heap limit', () => {
  test('a thread expected to need more than V8\'s cap gets most of its share of the free memory instead', () => {
    // 80% of 24 GiB over two threads: 9.6 GiB each.
    expect(workerHeapLimitMb(24 * GIB, 2, 5 * GIB, 4096)).toBe(9830);
    expect(workerHeapLimitMb(24 * GIB, 4, 5 * GIB, 4096)).toBe(4915);
  });

  test("never less than V8's own cap: a small machine keeps the limit it had", () => {
    expect(workerHeapLimitMb(4 * GIB, 2, 5 * GIB, 4096)).toBe(4096);
    expect(workerHeapLimitMb(0, 1, 5 * GIB, 2048)).toBe(2048);
  });

  test("a thread expected to fit in V8's cap keeps it as it is, however much is free", () => {
    expect(workerHeapLimitMb(24 * GIB, 2, 4 * GIB, 4096)).toBeNull();
    expect(workerHeapLimitMb(24 * GIB, 2, 1 * GIB, 4096)).toBeNull();
  });

  test('the flag that sets every thread\'s limit is seen on the command line or in NODE_OPTIONS, in either spelling', () => {
    expect(heapLimitFlagged([], '')).toBe(false);
    expect(heapLimitFlagged(['--max-old-space-size=8000'], '')).toBe(true);
    expect(heapLimitFlagged([], '--enable-source-maps --max_old_space_size=8000')).toBe(true);
    expect(heapLimitFlagged(['--max-semi-space-size=32'], '--stack-size=2000')).toBe(false);
  });
});

describe('out of memory', () => {
  test('the CLI names the limit and what to do', () => {
    const advice = outOfMemoryAdvice(new WorkerOutOfMemory(9830));
    expect(advice).toMatch(/^a worker thread ran out of memory \(its heap limit: 9830 MiB\); every thread holds every file's summary/);
    expect(advice).toContain('--jobs 1');
    expect(advice).toContain('NODE_OPTIONS=--max-old-space-size=<MiB>');
    expect(outOfMemoryAdvice(new WorkerOutOfMemory(null))).toMatch(/^a worker thread ran out of memory; /);
  });
});
