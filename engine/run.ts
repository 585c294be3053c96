import { promises as fs } from 'node:fs';
import { discoverFiles, errorCode } from './discover';
import { EditRecord, OutcomeFinding, processSource } from './pipeline';
import { decodeSource, encodeSource } from './text';
import type { LanguageSupport, Transform, TransformOptions } from './types';

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

/** discover → read → decode → transform (per file) → encode. Writes nothing. */
export async function runProject<Tree>(options: RunOptions<Tree>): Promise<RunReport> {
  const discovery = await discoverFiles(options.paths, {
    cwd: options.cwd,
    exclude: options.exclude,
    extensions: options.language.extensions,
  });
  const files: FileReport[] = discovery.problems
    .filter((p) => !p.fatal)
    .map((p) => ({ path: p.displayPath, absPath: p.displayPath, status: 'skipped', reason: p.reason, ignored: 0 }));
  const total = discovery.files.length;
  for (const [i, file] of discovery.files.entries()) {
    files.push(await processFile(file.displayPath, file.absPath, options));
    options.onProgress?.(i + 1, total);
    // Native trees are released only when the event loop turns; without this, memory grows with the repo.
    if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    files,
    missingPaths: discovery.problems.filter((p) => p.fatal).map((p) => ({ path: p.displayPath, reason: p.reason })),
    excludedCount: discovery.excludedCount,
  };
}

async function processFile<Tree>(displayPath: string, absPath: string, options: RunOptions<Tree>): Promise<FileReport> {
  const base = { path: displayPath, absPath };
  let bytes: Buffer;
  try {
    const stat = await fs.stat(absPath);
    if (stat.size > options.maxFileSize) {
      return { ...base, status: 'skipped', reason: `larger than the size limit (${stat.size} > ${options.maxFileSize} bytes; see --max-file-size)`, ignored: 0 };
    }
    bytes = await fs.readFile(absPath);
  } catch (error) {
    return { ...base, status: 'skipped', reason: `cannot read: ${errorCode(error)}`, ignored: 0 };
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return { ...base, status: 'skipped', reason: decoded.reason, ignored: 0 };
  const outcome = processSource(decoded.decoded.text, displayPath, options.transforms, options.language, options.transformOptions, {
    annotate: options.annotate,
  });
  switch (outcome.status) {
    case 'skipped':
      return { ...base, status: 'skipped', reason: outcome.reason, ignored: outcome.ignored };
    case 'error':
      return { ...base, status: 'error', transform: outcome.transform, message: outcome.message };
    case 'unchanged':
      return { ...base, status: 'unchanged', findings: outcome.findings, ignored: outcome.ignored, counts: outcome.counts };
    case 'changed': {
      const output = encodeSource(outcome.output, decoded.decoded);
      return {
        ...base,
        status: 'changed',
        before: bytes.toString('utf8'),
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
