// How much heap a worker thread may use.
//
// V8 gives every isolate the same old-generation cap, whatever the machine has (about 4 GiB here, on a
// machine with 24 GiB), and a worker thread that reaches it is stopped. Every worker holds every file's
// summary, so a worker's heap grows with the project: at 30,000 files (154 MB of Python) a worker's heap
// reached 3.1 GB (docs/performance.md, "Twelfth session"), and a somewhat larger project would reach it. When
// a thread is expected to need more than that cap, each worker gets most of its share of the free memory
// instead. Below that the cap stays V8's: a higher one makes V8 grow the heap in larger steps, which raised the
// 10k benchmark's peak by 5-8% for no gain in time. `--max-old-space-size` (in NODE_OPTIONS) overrides either
// for every thread, as Node documents.

import { getHeapStatistics } from 'node:v8';

const MIB = 2 ** 20;
/** What is left for the main thread (reports, diffs) and memory outside the heaps (kept trees, buffers). */
const WORKERS_SHARE = 0.8;

/**
 * MiB of old generation for each of `threads` workers, given `available` bytes free and `expected` bytes one
 * thread is expected to hold; null to leave V8's cap (`defaultMb`) as it is.
 */
export function workerHeapLimitMb(available: number, threads: number, expected: number, defaultMb = defaultHeapLimitMb()): number | null {
  if (expected <= defaultMb * MIB) return null;
  const share = Math.floor((WORKERS_SHARE * available) / Math.max(1, threads) / MIB);
  return Math.max(defaultMb, share);
}

/** This isolate's cap, as V8 chose it (or as --max-old-space-size set it). */
export function defaultHeapLimitMb(): number {
  return Math.floor(getHeapStatistics().heap_size_limit / MIB);
}

/** Whether the process was told its heap limit, which then applies to every thread. */
export function heapLimitFlagged(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  return [...execArgv, nodeOptions].some((arg) => /--max[-_]old[-_]space[-_]size\b/.test(arg));
}
