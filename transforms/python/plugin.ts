// What runProject's worker threads load (RunOptions.parallel.plugin): the Python frontend and every
// transform of the registry, which the workers pick by id.
import type { SgRoot } from '@ast-grep/napi';
import type { EnginePlugin } from '../../engine/types';
import { allTransforms } from '../registry';
import { pythonLanguage } from './support/language';

export const plugin: EnginePlugin<SgRoot> = { language: pythonLanguage, transforms: allTransforms };

/** The path to hand to `parallel.plugin`. */
export const PLUGIN_PATH = __filename;

/**
 * Peak memory one thread of a run with the default preset is expected to need for a project of `sourceBytes`
 * bytes of Python (the engine's ParallelOptions.memory). Fitted to peak RSS measured with two threads on the
 * benchmark's synthetic repositories (docs/performance.md), half of each peak being a thread's share (a
 * one-thread run needs less), plus a margin. An estimate for choosing the number of threads, not a limit.
 */
export function memoryPerThread(sourceBytes: number): number {
  return PER_THREAD_FIXED + PER_THREAD_PER_SOURCE_BYTE * sourceBytes;
}
// The line through the highest two-thread peaks measured since workers keep their own summaries (b9a4246)
// at the smallest and largest size, 952 MiB at 4.7 MB of source (1k tree) and 5,491 MiB at 51.0 MB (10k),
// is 246 MiB + 51.4 bytes per byte per thread; it also lies above the highest 5k peak (2,886 MiB against
// 2,970). Peaks move by 10-20% between runs of the same code (V8 collects lazily), and an estimate that is
// low risks an out-of-memory kill that loses the run while one that is high only costs a thread, so both
// terms carry 20% more: 6.5 GiB for two threads at 10k, where the highest peak seen since is 5.4 GiB. (The
// previous line, 390 MiB + 67 bytes per byte, was fitted to the higher peaks of the memory pass and asked
// 7.1 GiB there, so machines with 6.5 to 7.1 GiB free ran one thread.)
const PER_THREAD_FIXED = 295 * 1024 ** 2;
const PER_THREAD_PER_SOURCE_BYTE = 62;
