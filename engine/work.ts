// The per-file half of runProject: read, check, run each segment's transforms, summarize for the next
// index, report. The same code runs in-process and inside each worker thread (engine/worker.ts), so
// both modes produce the same reports by construction; only the coordination differs.

import { readFileSync, statSync } from 'node:fs';
import { errorCode } from './discover';
import { untouchedRange } from './edits';
import { EditRecord, FileOutcome, FileState, finishFile, mayAct, OutcomeFinding, outputIsFinal, runTransforms, startFile } from './pipeline';
import { decodeSource, DecodedText, encodeSource } from './text';
import type { LanguageSupport, ProjectIndexer, Transform, TransformOptions } from './types';

interface FileBase {
  path: string;
  absPath: string;
}

export type FileReport =
  | (FileBase & {
      status: 'changed';
      /** The file's bytes before and after, as strings: BOM and CRLF included, for exact diffs. */
      before: string;
      after: string;
      output: Buffer;
      edits: EditRecord[];
      findings: OutcomeFinding[];
      ignored: number;
      counts: Record<string, number>;
      /** `exclude-functions` names that matched a function here. */
      excludedFunctions: string[];
    })
  | (FileBase & { status: 'unchanged'; findings: OutcomeFinding[]; ignored: number; counts: Record<string, number>; excludedFunctions: string[] })
  | (FileBase & { status: 'skipped'; reason: string; ignored: number })
  | (FileBase & { status: 'error'; transform: string | null; message: string });

/**
 * A run of transforms between two whole-project index passes. A transform with an indexer starts a
 * segment: everything before it has run on every file when its index is built.
 */
export interface Segment<Tree> {
  indexer?: ProjectIndexer<Tree>;
  /** The transform that owns the indexer, named when the indexer fails. */
  owner?: string;
  transforms: Transform<Tree>[];
}

export function splitSegments<Tree>(transforms: readonly Transform<Tree>[]): Segment<Tree>[] {
  const segments: Segment<Tree>[] = [{ transforms: [] }];
  for (const transform of transforms) {
    if (transform.indexer) segments.push({ indexer: transform.indexer, owner: transform.id, transforms: [transform] });
    else (segments[segments.length - 1] as Segment<Tree>).transforms.push(transform);
  }
  return segments.filter((segment) => segment.transforms.length > 0);
}

/** A discovered file and its position in the discovery order, which fixes the order of index summaries. */
export interface FileTask {
  displayPath: string;
  absPath: string;
  order: number;
}

export interface SummaryEntry {
  order: number;
  path: string;
  summary: unknown;
}

export type Summaries = { entries: SummaryEntry[] } | { failure: { order: number; message: string } };

/**
 * Bytes of parsed trees each thread keeps between segments, beyond their files' text. At about 42 kB per
 * kept tree of an average file of the benchmark (1,680 nodes), this keeps every tree of a 10k-file project
 * on two threads, and bounds what a bigger one adds (docs/performance.md, "Kept trees").
 */
export const DEFAULT_KEPT_TREE_BYTES = 256 * 1024 ** 2;

export interface WorkConfig<Tree> {
  language: LanguageSupport<Tree>;
  segments: Segment<Tree>[];
  transformOptions: TransformOptions;
  annotate: boolean;
  maxFileSize: number;
  /**
   * Bytes of trees this thread may keep for files waiting for the next segment (LanguageSupport.shelve),
   * so that segment need not parse them again; past it, a waiting file's tree is released. 0 keeps none;
   * absent, DEFAULT_KEPT_TREE_BYTES.
   */
  keptTreeBytes?: number;
}

interface LiveFile<Tree> {
  path: string;
  absPath: string;
  order: number;
  bytes: Buffer;
  decoded: DecodedText;
  state: FileState<Tree>;
  /** What the tree kept for this file counts against WorkConfig.keptTreeBytes; 0 when none is kept. */
  keptBytes: number;
}

export class FileWork<Tree> {
  /** Files that left the pipeline since the last `drainReports`. */
  private reports: FileReport[] = [];
  /** Files waiting for the next segment, in the order they arrived. Their trees are released. */
  private live: LiveFile<Tree>[] = [];
  private summaries: SummaryEntry[] = [];
  private summaryFailure: { order: number; message: string } | null = null;
  /** Sum of the waiting files' `keptBytes`. */
  private keptBytes = 0;

  /** Whether the outputs are finished code, checked to compile (see outputIsFinal). */
  private readonly verify: boolean;

  constructor(private config: WorkConfig<Tree>) {
    this.verify = outputIsFinal(config.segments.flatMap((s) => s.transforms));
  }

  /** The options transforms and summaries receive now (an index may have extended the run's options). */
  get options(): TransformOptions {
    return this.config.transformOptions;
  }

  /** Builds a segment's index from these summaries, and lets it extend the options of everything after it. */
  buildIndex(summaries: Summaries, indexer: ProjectIndexer<Tree>): { index: unknown } | { error: string } {
    const built = buildIndex(summaries, indexer, this.config.transformOptions);
    if ('index' in built && indexer.extendOptions) {
      try {
        this.config = { ...this.config, transformOptions: indexer.extendOptions(built.index, this.config.transformOptions) };
      } catch (error) {
        return { error: indexFailure(indexer, error instanceof Error ? error.message : String(error)) };
      }
    }
    return built;
  }

  /** Reads and checks one file, then runs the first segment on it, unless that segment waits for its index. */
  intake(task: FileTask): void {
    const file = this.readAndStart(task);
    if (file === null) return;
    const first = this.config.segments[0];
    if (first === undefined) this.finish(file);
    else if (first.indexer) this.park(file, 0);
    else this.runOn(file, 0, undefined);
  }

  /** Runs segment `i` over every waiting file; `tick` after each. Segment 0 only runs here when it has an index. */
  async runSegment(i: number, index: unknown, tick: () => Promise<void>): Promise<void> {
    const inputs = this.live;
    this.live = [];
    for (const file of inputs) {
      this.runOn(file, i, index);
      await tick();
    }
  }

  /** The summaries gathered for the next index (in arrival order), or the first summarize failure. */
  takeSummaries(): Summaries {
    const result: Summaries = this.summaryFailure ? { failure: this.summaryFailure } : { entries: this.summaries };
    this.summaries = [];
    this.summaryFailure = null;
    return result;
  }

  /** The index could not be built: every waiting file fails, naming the transform that owns it. */
  failLive(transform: string, message: string): void {
    for (const file of this.live) {
      file.state.release(this.config.language);
      this.keptBytes -= file.keptBytes;
      this.fail(file, { status: 'error', transform, message });
    }
    this.live = [];
  }

  drainReports(): FileReport[] {
    const reports = this.reports;
    this.reports = [];
    return reports;
  }

  get waiting(): number {
    return this.live.length;
  }

  private runOn(file: LiveFile<Tree>, i: number, index: unknown): void {
    const { language, segments, transformOptions } = this.config;
    this.keptBytes -= file.keptBytes;
    file.keptBytes = 0;
    const segment = segments[i] as Segment<Tree>;
    const failure = runTransforms(file.state, file.path, segment.transforms, language, transformOptions, index, file.absPath);
    if (failure) {
      file.state.release(language);
      this.fail(file, failure);
    } else if (i === segments.length - 1) {
      this.finish(file);
    } else {
      this.park(file, i + 1);
    }
  }

  /**
   * Keeps a file for segment `next`, summarizing it for that segment's index first while its tree is
   * at hand, then keeps the tree too while the budget allows (segment `next` then needs no parse), or
   * releases it: keeping every tree of a large project until the index is built would hold all of it.
   */
  private park(file: LiveFile<Tree>, next: number): void {
    const { language, segments, transformOptions } = this.config;
    const indexer = segments[next]?.indexer;
    // After the first failure the index cannot be built; summarizing more would only cost time.
    if (indexer && this.summaryFailure === null && mayAct(indexer.prefilter, file.state.text, transformOptions)) {
      try {
        const tree = file.state.treeFor(language);
        const history = file.state.history;
        const untouched = (start: number, end: number): boolean => untouchedRange(start, end, history);
        const summary = indexer.summarize({ path: file.path, absPath: file.absPath, source: file.state.text, tree, options: transformOptions, untouched, inputLine: file.state.inputLine });
        this.summaries.push({ order: file.order, path: file.path, summary });
      } catch (error) {
        this.summaryFailure = { order: file.order, message: error instanceof Error ? error.message : String(error) };
      }
    }
    if (!this.keep(file, next)) file.state.release(language);
    this.live.push(file);
  }

  /** Shelves the file's tree for segment `next` if the language can and the budget has room; false when it must be released. */
  private keep(file: LiveFile<Tree>, next: number): boolean {
    const { language, segments, transformOptions, keptTreeBytes = DEFAULT_KEPT_TREE_BYTES } = this.config;
    const tree = file.state.tree;
    if (tree === null || language.shelve === undefined || this.keptBytes >= keptTreeBytes) return false;
    const editsLikely = (segments[next]?.transforms ?? []).some((t) => mayAct(t.prefilter, file.state.text, transformOptions));
    const bytes = language.shelve(tree, editsLikely);
    if (bytes === null || this.keptBytes + bytes > keptTreeBytes) return false;
    file.keptBytes = bytes;
    this.keptBytes += bytes;
    return true;
  }

  private readAndStart(task: FileTask): LiveFile<Tree> | null {
    const read = readSource(task.displayPath, task.absPath, this.config.maxFileSize);
    if ('status' in read) {
      this.reports.push(read);
      return null;
    }
    const state = startFile(read.decoded.text, this.config.language);
    const entry = { path: task.displayPath, absPath: task.absPath };
    if (!(state instanceof FileState)) {
      this.fail(entry, state);
      return null;
    }
    return { ...entry, order: task.order, bytes: read.bytes, decoded: read.decoded, state, keptBytes: 0 };
  }

  /** A file leaves as soon as its last transform ran, so its tree is freed before the next file's. */
  private finish(file: LiveFile<Tree>): void {
    this.reports.push(reportFor(file, finishFile(file.state, this.config.language, { annotate: this.config.annotate, verify: this.verify })));
  }

  private fail(file: FileBase, outcome: Extract<FileOutcome, { status: 'error' | 'skipped' }>): void {
    this.reports.push(
      outcome.status === 'error'
        ? { path: file.path, absPath: file.absPath, status: 'error', transform: outcome.transform, message: outcome.message }
        : { path: file.path, absPath: file.absPath, status: 'skipped', reason: outcome.reason, ignored: outcome.ignored },
    );
  }
}

/** Builds a segment's index from summaries in file-list order; a throw becomes the message every waiting file fails with. */
export function buildIndex<Tree>(summaries: Summaries, indexer: ProjectIndexer<Tree>, options: TransformOptions): { index: unknown } | { error: string } {
  const failed = (message: string) => ({ error: indexFailure(indexer, message) });
  if ('failure' in summaries) return failed(summaries.failure.message);
  const ordered = [...summaries.entries].sort((a, b) => a.order - b.order);
  try {
    return { index: indexer.build(new Map(ordered.map((e) => [e.path, e.summary])), options) };
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}

export function indexFailure<Tree>(indexer: ProjectIndexer<Tree>, message: string): string {
  return `internal error in the ${indexer.id} index: ${message}; no file was changed by the transforms after it`;
}

/**
 * Synchronous on purpose: the files are read one after another either way, and each `fs.promises` call is a
 * round trip through libuv's thread pool (about 0.3 ms per file for stat and read alone, over 1 ms with both
 * threads busy, against 0.02 ms synchronously: docs/performance.md, "Tenth session").
 */
function readSource(
  displayPath: string,
  absPath: string,
  maxFileSize: number,
): FileReport | { bytes: Buffer; decoded: DecodedText } {
  const base = { path: displayPath, absPath };
  let bytes: Buffer;
  try {
    const stat = statSync(absPath);
    if (stat.size > maxFileSize) {
      return { ...base, status: 'skipped', reason: `larger than the size limit (${stat.size} > ${maxFileSize} bytes; see --max-file-size)`, ignored: 0 };
    }
    bytes = readFileSync(absPath);
  } catch (error) {
    return { ...base, status: 'skipped', reason: `cannot read: ${errorCode(error)}`, ignored: 0 };
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return { ...base, status: 'skipped', reason: decoded.reason, ignored: 0 };
  return { bytes, decoded: decoded.decoded };
}

function reportFor<Tree>(file: LiveFile<Tree>, outcome: FileOutcome): FileReport {
  const base = { path: file.path, absPath: file.absPath };
  switch (outcome.status) {
    case 'skipped':
      return { ...base, status: 'skipped', reason: outcome.reason, ignored: outcome.ignored };
    case 'error':
      return { ...base, status: 'error', transform: outcome.transform, message: outcome.message };
    case 'unchanged':
      return { ...base, status: 'unchanged', findings: outcome.findings, ignored: outcome.ignored, counts: outcome.counts, excludedFunctions: outcome.excludedFunctions };
    case 'changed': {
      const output = encodeSource(outcome.output, file.decoded);
      return {
        ...base,
        status: 'changed',
        before: file.bytes.toString('utf8'),
        after: output.toString('utf8'),
        output,
        edits: outcome.edits,
        findings: outcome.findings,
        ignored: outcome.ignored,
        counts: outcome.counts,
        excludedFunctions: outcome.excludedFunctions,
      };
    }
  }
}
