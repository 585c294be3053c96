// One measurement in a fresh process (so its RSS is its own), started by bench/run.ts:
//   node dist-bench/bench/measure.js <parse|full|stages|probe> <dir> [--preset default] [--probe-files N] [--jobs N]
// Prints one JSON object on stdout.

import { readFileSync } from 'node:fs';
import type { SgRoot } from '@ast-grep/napi';
import { formatFindings, formatProblems, formatSummary } from '../cli/print/summary';
import { formatFilePatch } from '../cli/print/diff';
import { Patches } from '../cli/print/patches';
import { tuneV8 } from '../cli/v8-flags';
import { discoverFiles } from '../engine/discover';
import { DEFAULT_MAX_FILE_SIZE, FileReport, RunReport, runProject, summarize } from '../engine/run';
import { decodeSource } from '../engine/text';
import { DEFAULT_KEPT_TREE_BYTES } from '../engine/work';
import { PLUGIN_PATH } from '../transforms/python/plugin';
import { parsePython, pythonLanguage } from '../transforms/python/support/language';
import { instrument, StageTimes } from './instrument';
import { MemoryReport, startMemorySampler } from './memory';
import { pipelineFor } from './preset';

export type Mode = 'parse' | 'full' | 'stages' | 'probe';

export interface Counts {
  files: number;
  changed: number;
  unchanged: number;
  skipped: number;
  errored: number;
  findings: number;
}

export interface ParseResult {
  mode: 'parse';
  listMs: number;
  /** read + decode + parse + syntax check of every file: the floor. */
  wallMs: number;
  /** CPU time (user + system, all threads) over the same span: unlike wall time, barely moved by other load. */
  cpuMs: number;
  readMs: number;
  decodeMs: number;
  parseMs: number;
  syntaxCheckMs: number;
  files: number;
  bytes: number;
  skipped: number;
  memory: MemoryReport;
}

export interface FullResult {
  mode: 'full' | 'stages';
  preset: string;
  transforms: string[];
  /** Threads of runProject's per-file work (`stages` always runs on one: its timers cannot follow work into workers). */
  jobs: number;
  /** runProject + diffs + the summary text: what `awaitify dry-run` computes before printing. */
  wallMs: number;
  cpuMs: number;
  runProjectMs: number;
  diffMs: number;
  reportMs: number;
  diffBytes: number;
  /** Length of the summary, problems and findings text. */
  reportChars: number;
  counts: Counts;
  /** Only in `stages` mode: where runProject's time went. */
  stages: StageTimes | null;
  memory: MemoryReport;
}

export interface ProbeResult {
  mode: 'probe';
  sampledFiles: number;
  /** Per-call totals over the sample, in ms, for the ast-grep calls the engine makes per file. */
  parseMs: number;
  findErrorMs: number;
  rootTextMs: number;
  findEmptyLeafMs: number;
  /** The one walk firstSyntaxError makes on a clean file: ERROR or empty node, in one rule. */
  findErrorOrEmptyMs: number;
  findAllStringsMs: number;
  stringNodes: number;
  memory: MemoryReport;
}

export type MeasureResult = ParseResult | FullResult | ProbeResult;

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function listFiles(dir: string): string[] {
  const discovery = discoverFiles(['.'], { cwd: dir, exclude: [], extensions: pythonLanguage.extensions });
  return discovery.files.map((f) => f.absPath);
}

async function measureParse(dir: string): Promise<ParseResult> {
  const stop = startMemorySampler();
  const listStart = performance.now();
  const files = listFiles(dir);
  const listMs = performance.now() - listStart;
  let readMs = 0;
  let decodeMs = 0;
  let parseMs = 0;
  let syntaxCheckMs = 0;
  let bytes = 0;
  let skipped = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (const [i, file] of files.entries()) {
    const t0 = performance.now();
    const raw = readFileSync(file);
    const t1 = performance.now();
    const decoded = decodeSource(raw);
    const t2 = performance.now();
    readMs += t1 - t0;
    decodeMs += t2 - t1;
    bytes += raw.length;
    if (!decoded.ok) {
      skipped++;
      continue;
    }
    const tree = pythonLanguage.parse(decoded.decoded.text);
    const t3 = performance.now();
    const problem = pythonLanguage.firstSyntaxError(tree, decoded.decoded.text);
    const t4 = performance.now();
    parseMs += t3 - t2;
    syntaxCheckMs += t4 - t3;
    if (problem) skipped++;
    // Same cadence as runProject: native trees are only freed when the event loop turns.
    if (i % 16 === 15) await yieldToLoop();
  }
  const wallMs = performance.now() - start;
  const cpuMs = cpuSince(cpuStart);
  return { mode: 'parse', listMs, wallMs, cpuMs, readMs, decodeMs, parseMs, syntaxCheckMs, files: files.length, bytes, skipped, memory: stop() };
}

async function measureFull(dir: string, presetId: string, withStages: boolean, requestedJobs: number, subset: string | undefined): Promise<FullResult> {
  const jobs = withStages ? 1 : requestedJobs;
  const stop = startMemorySampler();
  const { preset, transforms, options } = pipelineFor(presetId, subset);
  const probe = withStages ? instrument(pythonLanguage, transforms) : null;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  // As the CLI does: with worker threads, each changed file's line diff is made as its report arrives.
  const patches = new Patches();
  probe?.start();
  const report: RunReport = await runProject({
    paths: ['.'],
    cwd: dir,
    exclude: [],
    language: probe ? probe.language : pythonLanguage,
    transforms: probe ? probe.transforms : transforms,
    transformOptions: options,
    annotate: false,
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    onProgress: probe ? () => probe.fileDone() : undefined,
    // Not in the one-thread stage run: its reports come at the end, and its diff stage stays the diffs' cost.
    ...(probe ? {} : { onReport: (file: FileReport) => patches.note(file) }),
    parallel: jobs > 1 ? { jobs, plugin: PLUGIN_PATH } : undefined,
    // The one thread of the stage run keeps as many trees as the full run's threads together, so it parses
    // what they parse: with one thread's budget, a 10k tree's files would be parsed again between segments.
    ...(withStages ? { keptTreeBytes: DEFAULT_KEPT_TREE_BYTES * requestedJobs } : {}),
  });
  const ran = performance.now();
  let diffBytes = 0;
  const changed = report.files.filter((f): f is Extract<FileReport, { status: 'changed' }> => f.status === 'changed');
  for (const file of changed) diffBytes += formatFilePatch(patches.of(file)).length;
  const diffed = performance.now();
  const summary = summarize(report);
  const text = [formatSummary(summary, 'dry-run'), ...formatProblems(report.files), ...formatFindings(report.files)].join('\n');
  const end = performance.now();
  const cpuMs = cpuSince(cpuStart);
  return {
    mode: withStages ? 'stages' : 'full',
    preset,
    transforms: transforms.map((t) => t.id),
    jobs,
    wallMs: end - start,
    cpuMs,
    runProjectMs: ran - start,
    diffMs: diffed - ran,
    reportMs: end - diffed,
    diffBytes,
    reportChars: text.length,
    counts: {
      files: report.files.length,
      changed: summary.changed,
      unchanged: summary.unchanged,
      skipped: summary.skipped,
      errored: summary.errored,
      findings: summary.findings,
    },
    stages: probe ? probe.times : null,
    memory: stop(),
  };
}

/**
 * Splits the per-file syntax check into the ast-grep calls it made before and makes now (see
 * firstSyntaxError in transforms/python/support/language.ts; keep the two in step), plus the string scan that
 * isInsideString repeats per call, on an evenly spread sample of files.
 */
async function measureProbe(dir: string, maxFiles: number): Promise<ProbeResult> {
  const stop = startMemorySampler();
  const all = listFiles(dir);
  const step = Math.max(1, all.length / maxFiles);
  const sample: string[] = [];
  for (let i = 0; i < all.length && sample.length < maxFiles; i += step) sample.push(all[Math.floor(i)] as string);
  const result: Omit<ProbeResult, 'mode' | 'memory'> = {
    sampledFiles: 0, parseMs: 0, findErrorMs: 0, rootTextMs: 0, findEmptyLeafMs: 0, findErrorOrEmptyMs: 0, findAllStringsMs: 0, stringNodes: 0,
  };
  for (const [i, file] of sample.entries()) {
    const decoded = decodeSource(readFileSync(file));
    if (!decoded.ok) continue;
    result.sampledFiles++;
    const t0 = performance.now();
    const root: SgRoot = parsePython(decoded.decoded.text);
    const t1 = performance.now();
    const top = root.root();
    top.find({ rule: { kind: 'ERROR' } });
    const t2 = performance.now();
    top.text();
    const t3 = performance.now();
    top.find({ rule: { regex: '^$', not: { kind: 'module' } } });
    const t4 = performance.now();
    result.stringNodes += top.findAll({ rule: { kind: 'string' } }).length;
    const t5 = performance.now();
    top.find({ rule: { any: [{ kind: 'ERROR' }, { regex: '^$', not: { kind: 'module' } }] } });
    result.findErrorOrEmptyMs += performance.now() - t5;
    result.parseMs += t1 - t0;
    result.findErrorMs += t2 - t1;
    result.rootTextMs += t3 - t2;
    result.findEmptyLeafMs += t4 - t3;
    result.findAllStringsMs += t5 - t4;
    if (i % 16 === 15) await yieldToLoop();
  }
  return { mode: 'probe', ...result, memory: stop() };
}

async function main(argv: string[]): Promise<void> {
  const [mode, dir] = argv;
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const probeFiles = Number(flag('--probe-files') ?? 1000);
  const preset = flag('--preset') ?? 'default';
  const jobs = Number(flag('--jobs') ?? 1);
  const subset = flag('--transforms');
  if (dir === undefined) throw new Error('usage: measure <parse|full|stages|probe> <dir> [--preset default] [--probe-files N]');
  let result: MeasureResult;
  if (mode === 'parse') result = await measureParse(dir);
  else if (mode === 'full') result = await measureFull(dir, preset, false, jobs, subset);
  // The stage run itself has one thread; `jobs` (the full runs' threads) sizes its kept-tree budget.
  else if (mode === 'stages') result = await measureFull(dir, preset, true, jobs, subset);
  else if (mode === 'probe') result = await measureProbe(dir, probeFiles);
  else throw new Error(`unknown mode ${mode}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  // As the command line runs (cli/main.ts), for the floor and the full run alike.
  tuneV8();
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`measure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  });
}
