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
 * benchmark's synthetic repositories (docs/performance.md, "Memory per thread"): half the two-thread peak,
 * which is more than a one-thread run needs. An estimate for choosing the number of threads, not a limit.
 */
export function memoryPerThread(sourceBytes: number): number {
  return PER_THREAD_FIXED + PER_THREAD_PER_SOURCE_BYTE * sourceBytes;
}
// Two peaks of `dry-run --jobs 2` with the code of the memory pass (2026-11-22): 1,387 MiB at 4.75 MB of
// source (the 1k tree), 5,526 MiB at 51.0 MB (10k); half of each, joined by a line.
const PER_THREAD_FIXED = 480 * 1024 ** 2;
const PER_THREAD_PER_SOURCE_BYTE = 47;
