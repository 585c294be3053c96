import { promises as fs } from 'node:fs';
import { discoverFiles, errorCode } from './discover';
import { EditRecord, FileOutcome, FileState, finishFile, OutcomeFinding, runTransforms, startFile } from './pipeline';
import { decodeSource, DecodedText, encodeSource } from './text';
import type { LanguageSupport, ProjectIndexer, Transform, TransformOptions } from './types';

export interface RunOptions<Tree> {
  paths: string[];
  cwd: string;
  exclude: string[];
  language: LanguageSupport<Tree>;
  transforms: readonly Transform<Tree>[];
  transformOptions: TransformOptions;
  annotate: boolean;
  /** Files larger than this many bytes are skipped. */
  maxFileSize: number;
  onProgress?: (done: number, total: number) => void;
}

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
    })
  | (FileBase & { status: 'unchanged'; findings: OutcomeFinding[]; ignored: number; counts: Record<string, number> })
  | (FileBase & { status: 'skipped'; reason: string; ignored: number })
  | (FileBase & { status: 'error'; transform: string | null; message: string });

export interface RunReport {
  files: FileReport[];
  /** Paths named on the command line that do not exist: a usage error. */
  missingPaths: { path: string; reason: string }[];
  excludedCount: number;
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

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

interface LiveFile<Tree> {
  path: string;
  absPath: string;
  bytes: Buffer;
  decoded: DecodedText;
  state: FileState<Tree>;
}

/** discover → read → decode → transform (segment by segment, indexing between) → encode. Writes nothing. */
export async function runProject<Tree>(options: RunOptions<Tree>): Promise<RunReport> {
  const discovery = await discoverFiles(options.paths, {
    cwd: options.cwd,
    exclude: options.exclude,
    extensions: options.language.extensions,
  });
  const files: FileReport[] = discovery.problems
    .filter((p) => !p.fatal)
    .map((p) => ({ path: p.displayPath, absPath: p.displayPath, status: 'skipped', reason: p.reason, ignored: 0 }));
  const segments = splitSegments(options.transforms);
  const total = discovery.files.length * Math.max(1, segments.length);
  let done = 0;
  const tick = async (): Promise<void> => {
    done++;
    options.onProgress?.(done, total);
    // Native trees are released only when the event loop turns; without this, memory grows with the repo.
    if (done % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
  };
  const fail = (file: { path: string; absPath: string }, outcome: Extract<FileOutcome, { status: 'error' | 'skipped' }>): void => {
    files.push(
      outcome.status === 'error'
        ? { path: file.path, absPath: file.absPath, status: 'error', transform: outcome.transform, message: outcome.message }
        : { path: file.path, absPath: file.absPath, status: 'skipped', reason: outcome.reason, ignored: outcome.ignored },
    );
  };

  // Files are read and parsed as the first segment reaches them, so only one tree is alive at a time.
  const readAndStart = async (file: { displayPath: string; absPath: string }): Promise<LiveFile<Tree> | null> => {
    const read = await readSource(file.displayPath, file.absPath, options.maxFileSize);
    if ('status' in read) {
      files.push(read);
      return null;
    }
    const state = startFile(read.decoded.text, options.language);
    const entry = { path: file.displayPath, absPath: file.absPath };
    if (!(state instanceof FileState)) {
      fail(entry, state);
      return null;
    }
    return { ...entry, bytes: read.bytes, decoded: read.decoded, state };
  };

  // A file leaves as soon as its last transform ran, so its tree is freed before the next file's.
  const finish = (file: LiveFile<Tree>): void => {
    files.push(reportFor(file, finishFile(file.state, options.language, { annotate: options.annotate })));
  };

  let live: LiveFile<Tree>[] = [];
  if (segments.length === 0) {
    for (const file of discovery.files) {
      const started = await readAndStart(file);
      if (started) finish(started);
      await tick();
    }
  }
  for (const [i, segment] of segments.entries()) {
    let index: unknown;
    if (segment.indexer && i > 0) {
      const built = await buildIndex(live, segment.indexer, options);
      if ('error' in built) {
        for (const file of live) {
          file.state.release(options.language);
          fail(file, { status: 'error', transform: segment.owner ?? segment.indexer.id, message: built.error });
        }
        live = [];
        break;
      }
      index = built.index;
    }
    let inputs: (LiveFile<Tree> | { displayPath: string; absPath: string })[] = i === 0 ? discovery.files : live;
    if (i === 0 && segment.indexer) {
      // The first transform needs the index of the untouched project: read everything first.
      const started: LiveFile<Tree>[] = [];
      for (const file of discovery.files) {
        const entry = await readAndStart(file);
        if (entry) {
          entry.state.release(options.language);
          started.push(entry);
        }
      }
      const built = await buildIndex(started, segment.indexer, options);
      if ('error' in built) {
        for (const file of started) fail(file, { status: 'error', transform: segment.owner ?? segment.indexer.id, message: built.error });
        break;
      }
      index = built.index;
      inputs = started;
    }
    const next: LiveFile<Tree>[] = [];
    for (const input of inputs) {
      const file = 'state' in input ? input : await readAndStart(input);
      if (file === null) {
        await tick();
        continue;
      }
      const failure = runTransforms(file.state, file.path, segment.transforms, options.language, options.transformOptions, index);
      if (failure) {
        file.state.release(options.language);
        fail(file, failure);
      } else if (i === segments.length - 1) {
        finish(file);
      } else {
        // The next segment's index is built from the text; keeping every tree until then would hold the whole repo.
        file.state.release(options.language);
        next.push(file);
      }
      await tick();
    }
    live = next;
  }

  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    files,
    missingPaths: discovery.problems.filter((p) => p.fatal).map((p) => ({ path: p.displayPath, reason: p.reason })),
    excludedCount: discovery.excludedCount,
  };
}

async function buildIndex<Tree>(
  live: LiveFile<Tree>[],
  indexer: ProjectIndexer<Tree>,
  options: RunOptions<Tree>,
): Promise<{ index: unknown } | { error: string }> {
  const summaries = new Map<string, unknown>();
  try {
    for (const [i, file] of live.entries()) {
      const tree = file.state.treeFor(options.language);
      summaries.set(file.path, indexer.summarize({ path: file.path, absPath: file.absPath, source: file.state.text, tree, options: options.transformOptions }));
      file.state.release(options.language);
      if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
    }
    return { index: indexer.build(summaries, options.transformOptions) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: `internal error in the ${indexer.id} index: ${message}; no file was changed by the transforms after it` };
  }
}

async function readSource(
  displayPath: string,
  absPath: string,
  maxFileSize: number,
): Promise<FileReport | { bytes: Buffer; decoded: DecodedText }> {
  const base = { path: displayPath, absPath };
  let bytes: Buffer;
  try {
    const stat = await fs.stat(absPath);
    if (stat.size > maxFileSize) {
      return { ...base, status: 'skipped', reason: `larger than the size limit (${stat.size} > ${maxFileSize} bytes; see --max-file-size)`, ignored: 0 };
    }
    bytes = await fs.readFile(absPath);
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
      return { ...base, status: 'unchanged', findings: outcome.findings, ignored: outcome.ignored, counts: outcome.counts };
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
      };
    }
  }
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
