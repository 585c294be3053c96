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
 * benchmark's synthetic repositories (docs/performance.md, "Memory pass"), half of each peak being a thread's
 * share (a one-thread run needs less). An estimate for choosing the number of threads, not a limit.
 */
export function memoryPerThread(sourceBytes: number): number {
  return PER_THREAD_FIXED + PER_THREAD_PER_SOURCE_BYTE * sourceBytes;
}
// Peaks of `dry-run --jobs 2` with the code of the memory pass (2026-11-22): 1,387 MiB at 4.75 MB of source
// (the 1k tree), 3,997 MiB at 25.3 MB (5k), 5,526 MiB at 51.0 MB (10k). The line through the halves of the
// first two lies above the third (3.6 GiB per thread at 10k against 2.7 measured): V8 collects lazily, so
// peaks are noisy, and an estimate that is low risks the run, one that is high only a thread. Rechecked after
// trees were kept between segments (up to 256 MiB per thread): 1,020 MiB at 1k, 6,381 MiB at 10k, both
// still below the line (1,387 and 7,297 MiB for two threads); since workers keep their own summaries
// (b9a4246), 892–952 MiB at 1k, 2,817 at 5k (line: 4,013), 5,014 at 10k: conservative now, but peaks are noisy;
// with less inlining (cli/v8-flags.ts) 5,362 MiB at 10k through the CLI (5,072 in the bench), still below 7,297.
const PER_THREAD_FIXED = 390 * 1024 ** 2;
const PER_THREAD_PER_SOURCE_BYTE = 67;
