import { statSync } from 'node:fs';
import { byDisplayPath, discoverFiles, type Discover } from './discover';
import { workerHeapLimitMb } from './heap-limit';
import { runInWorkers } from './parallel';
import type { LanguageSupport, Transform, TransformOptions } from './types';
import { FileReport, FileTask, FileWork, Segment, splitSegments } from './work';

export { splitSegments } from './work';
export type { FileReport, Segment } from './work';

export interface RunOptions<Tree> {
  paths: string[];
  cwd: string;
  exclude: string[];
  /** See DiscoverOptions.include. */
  include?: string[] | null;
  /**
   * A directory holding `paths` (the project they belong to): its other files go through the same
   * pipeline so every index sees the whole project, but only files under `paths` are reported. A file's
   * report is then the one a run on the whole project gives it.
   */
  projectRoot?: string;
  language: LanguageSupport<Tree>;
  transforms: readonly Transform<Tree>[];
  transformOptions: TransformOptions;
  annotate: boolean;
  /** Files larger than this many bytes are skipped. */
  maxFileSize: number;
  /** How the paths (and projectRoot) are walked; default discoverFiles. A caller that walked them already passes what it found. */
  discover?: Discover;
  /** See WorkConfig.keptTreeBytes; default DEFAULT_KEPT_TREE_BYTES. */
  keptTreeBytes?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Told each file's report once it is final, for files under `paths` only (with worker threads, as each
   * file finishes; on one thread, when the run is done), so a caller can start on a report while other files
   * are still being processed. The same objects are in RunReport.files.
   */
  onReport?: (report: FileReport) => void;
  /** Told how many threads will do the work, before any file is read (the CLI explains a choice memory forced). */
  onThreads?: (choice: ThreadChoice) => void;
  /** Per-file work on worker threads; absent (or one job) = everything on this thread. The report is the same either way. */
  parallel?: ParallelOptions;
}

export interface ParallelOptions {
  /** Threads doing per-file work. */
  jobs: number;
  /**
   * Module exporting `plugin: EnginePlugin` (absolute path, as `require.resolve` gives it). Workers take
   * the language and the transforms from it by id, so `language` and `transforms` must be its own objects.
   */
  plugin: string;
  /** Fewer files per worker than this and starting the threads costs more than it saves: fewer workers, or none. */
  minFilesPerWorker?: number;
  /**
   * What one thread is expected to hold for a project of `sourceBytes` bytes (each thread builds every index
   * from every file's summary), and how much memory the machine has free. With `fit`, the run uses no more
   * threads than fit in `available` (`jobs` is then a maximum); without, it only reports the estimate.
   */
  memory?: { perThread: (sourceBytes: number) => number; available: number; fit: boolean };
  /**
   * Old-generation limit of each worker thread, in MiB. Default: with `memory`, when a thread is expected to
   * need more than V8's own cap, each worker's share of the free memory (engine/heap-limit.ts); else V8's cap.
   */
  heapLimitMb?: number;
}

/** How many threads did the per-file work, and why not more. */
export interface ThreadChoice {
  requested: number;
  used: number;
  /** Present when ParallelOptions.memory was given. */
  memory?: { sourceBytes: number; perThread: number; available: number; limited: boolean };
}

export const DEFAULT_MIN_FILES_PER_WORKER = 64;

export interface RunReport {
  /** Files under the paths given; files read only for the project index are left out. */
  files: FileReport[];
  /** Present when `projectRoot` widened the run. */
  context?: ProjectContext;
  /** Paths named on the command line that do not exist: a usage error. */
  missingPaths: { path: string; reason: string }[];
  excludedCount: number;
}

export interface ProjectContext {
  /** RunOptions.projectRoot (the CLI prints it relative to the working directory). */
  root: string;
  /** Files outside the paths that were read for the index. */
  indexed: number;
  /** Display paths of those a run on the whole project would change: the reported changes assume these are migrated too. */
  wouldChange: string[];
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** discover → read → decode → transform (segment by segment, indexing between) → encode. Writes nothing. */
export async function runProject<Tree>(options: RunOptions<Tree>): Promise<RunReport> {
  const discoverOptions = {
    cwd: options.cwd,
    exclude: options.exclude,
    include: options.include ?? null,
    extensions: options.language.extensions,
  };
  const discover = options.discover ?? discoverFiles;
  const discovery = discover(options.paths, discoverOptions);
  const files: FileReport[] = discovery.problems
    .filter((p) => !p.fatal)
    .map((p) => ({ path: p.displayPath, absPath: p.displayPath, status: 'skipped', reason: p.reason, ignored: 0 }));
  const reported = new Set(discovery.files.map((f) => f.absPath));
  let inputs = discovery.files;
  if (options.projectRoot !== undefined) {
    const targets = new Set(discovery.files.map((f) => f.realPath));
    const others = discover([options.projectRoot], discoverOptions).files.filter((f) => !targets.has(f.realPath));
    // The order a run on the whole project would use: indexes read summaries in file-list order.
    inputs = [...discovery.files, ...others].sort(byDisplayPath);
  }
  const segments = splitSegments(options.transforms);
  const tasks: FileTask[] = inputs.map((file, order) => ({ displayPath: file.displayPath, absPath: file.absPath, order }));
  const total = tasks.length * Math.max(1, segments.length);
  let done = 0;
  const progress = (count: number): void => {
    done += count;
    options.onProgress?.(done, total);
  };

  const threads = chooseThreads(options.parallel, tasks);
  options.onThreads?.(threads);
  const jobs = threads.used;
  const final = (report: FileReport): void => {
    if (reported.has(report.absPath)) options.onReport?.(report);
  };
  const processed =
    options.parallel && jobs > 1
      ? await runInWorkers(tasks, options, options.parallel, jobs, options.parallel.heapLimitMb ?? heapLimitFor(threads), progress, final)
      : await runHere(tasks, segments, options, progress, final);
  const context: ProjectContext | undefined =
    options.projectRoot === undefined ? undefined : { root: options.projectRoot, indexed: tasks.length - reported.size, wouldChange: [] };
  for (const file of processed) {
    if (reported.has(file.absPath)) files.push(file);
    else if (file.status === 'changed') context?.wouldChange.push(file.path);
  }

  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  context?.wouldChange.sort();
  return {
    files,
    ...(context ? { context } : {}),
    missingPaths: discovery.problems.filter((p) => p.fatal).map((p) => ({ path: p.displayPath, reason: p.reason })),
    excludedCount: discovery.excludedCount,
  };
}

function chooseThreads(parallel: ParallelOptions | undefined, tasks: FileTask[]): ThreadChoice {
  const requested = parallel ? Math.max(1, Math.floor(parallel.jobs)) : 1;
  const byFiles = workerCount(parallel, requested, tasks.length);
  if (!parallel?.memory) return { requested, used: byFiles };
  const sourceBytes = totalSize(tasks);
  const perThread = parallel.memory.perThread(sourceBytes);
  const fitting = Math.max(1, Math.floor(parallel.memory.available / Math.max(1, perThread)));
  const used = parallel.memory.fit ? Math.min(byFiles, fitting) : byFiles;
  return { requested, used, memory: { sourceBytes, perThread, available: parallel.memory.available, limited: used < byFiles } };
}

/** Each worker's heap limit, from what the thread choice knows about memory (engine/heap-limit.ts); null: V8's. */
function heapLimitFor(choice: ThreadChoice): number | null {
  return choice.memory ? workerHeapLimitMb(choice.memory.available, choice.used, choice.memory.perThread) : null;
}

/** Bytes of all inputs (a file that cannot be read counts nothing: it is skipped later). Synchronous, as reads are (engine/work.ts). */
function totalSize(tasks: FileTask[]): number {
  let total = 0;
  for (const task of tasks) {
    try {
      total += statSync(task.absPath).size;
    } catch {
      // Counted as nothing.
    }
  }
  return total;
}

/** The threads asked for, fewer when the files would give a thread less than its minimum share. */
function workerCount(parallel: ParallelOptions | undefined, requested: number, files: number): number {
  if (!parallel) return 1;
  const perWorker = Math.max(1, parallel.minFilesPerWorker ?? DEFAULT_MIN_FILES_PER_WORKER);
  return Math.max(1, Math.min(requested, Math.floor(files / perWorker)));
}

/** Every file and segment on this thread. */
async function runHere<Tree>(
  tasks: FileTask[],
  segments: Segment<Tree>[],
  options: RunOptions<Tree>,
  progress: (count: number) => void,
  final: (report: FileReport) => void,
): Promise<FileReport[]> {
  // Only the threads that parse load the parser: with workers, each worker awaits it itself.
  await options.language.ready?.();
  const work = new FileWork({ ...options, segments });
  let ticks = 0;
  const tick = async (): Promise<void> => {
    progress(1);
    // Native trees are released only when the event loop turns; without this, memory grows with the repo.
    if (++ticks % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
  };
  for (const task of tasks) {
    work.intake(task);
    await tick();
  }
  for (const [i, segment] of segments.entries()) {
    // The first segment ran as the files were read, unless it needed the index of the untouched project.
    if (i === 0 && !segment.indexer) continue;
    let index: unknown;
    if (segment.indexer) {
      const built = work.buildIndex(work.takeSummaries(), segment.indexer);
      if ('error' in built) {
        work.failLive(segment.owner ?? segment.indexer.id, built.error);
        break;
      }
      index = built.index;
    }
    await work.runSegment(i, index, tick);
  }
  const reports = work.drainReports();
  for (const report of reports) final(report);
  return reports;
}

export interface Summary {
  scanned: number;
  changed: number;
  unchanged: number;
  skipped: number;
  errored: number;
  ignored: number;
  findingsByRule: Record<string, number>;
  findings: number;
  /** Transform counters summed over all files. */
  counts: Record<string, number>;
}

export function summarize(report: RunReport): Summary {
  const summary: Summary = { scanned: report.files.length, changed: 0, unchanged: 0, skipped: 0, errored: 0, ignored: 0, findingsByRule: {}, findings: 0, counts: {} };
  for (const file of report.files) {
    if (file.status === 'error') summary.errored++;
    else summary[file.status]++;
    if (file.status !== 'error') summary.ignored += file.ignored;
    if (file.status === 'changed' || file.status === 'unchanged') {
      for (const [key, value] of Object.entries(file.counts)) summary.counts[key] = (summary.counts[key] ?? 0) + value;
      for (const finding of file.findings) {
        summary.findingsByRule[finding.rule] = (summary.findingsByRule[finding.rule] ?? 0) + 1;
        summary.findings++;
      }
    }
  }
  return summary;
}
