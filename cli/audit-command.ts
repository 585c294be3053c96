// `awaitify audit [paths..]`: the read-only report of what a migration still has to do. This module is the
// edge (discovery, reading, decoding, parsing, ignore comments, exit codes); the analysis is the pure
// `auditPython` over one file, and the printing lives in print/audit.ts. Nothing here writes a file.
import { promises as fs } from 'node:fs';
import type { SgRoot } from '@ast-grep/napi';
import type { Argv } from 'yargs';
import { discoverFiles, errorCode } from '../engine/discover';
import { findIgnoreMarkers, type IgnoreMarkers } from '../engine/ignore';
import { LineIndex } from '../engine/lines';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/run';
import { decodeSource } from '../engine/text';
import { DEFAULT_TRANSFORM_OPTIONS } from '../engine/types';
import { auditIndex, auditPython, auditSummary, type AuditFinding, type AuditInput, type HandlerCounts } from '../transforms/python/audit/analyze';
import type { ModuleSummary } from '../transforms/python/index/types';
import { firstSyntaxError, isInsideString, pythonLanguage } from '../transforms/python/support/language';
import { auditJson, auditText } from './print/audit';
import { ConfigError } from './config/load';
import type { Effective } from './config/merge';
import { EXIT_CHECK_FAILED, EXIT_ERROR, EXIT_OK, type Io, sessionDependency, settingsFor, UsageError } from './run-command';

/** Options left undefined were not given on the command line: the configuration file or the default decides. */
export interface AuditArgs {
  paths: string[];
  exclude: string[];
  include?: string[];
  sessionTypes?: string[];
  routerNames?: string[];
  json: boolean;
  check: boolean;
  getDbName?: string;
  asyncGetDbName?: string;
  maxFileSize: number;
  /** As for dry-run: an explicit configuration file, or false for none. */
  config?: string | false;
}

/** What the audit's analysis reads from the options: the names that make sessions and handlers. */
export type AuditOptions = NonNullable<AuditInput['options']>;

export type AuditedFile =
  | { path: string; status: 'audited'; handlers: HandlerCounts; findings: AuditFinding[]; ignored: number }
  | { path: string; status: 'skipped'; reason: string };

export interface AuditReport {
  files: AuditedFile[];
}

export function auditOptions<T>(y: Argv<T>) {
  return y
    .positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'Files or directories (default: .)' })
    .option('exclude', { type: 'string', array: true, default: [] as string[], describe: 'Glob of paths to leave out (repeatable), relative to the working directory' })
    .option('include', { type: 'string', array: true, default: [] as string[], describe: 'Glob of paths to audit (repeatable), relative to the working directory; replaces the configuration\'s include' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the machine-readable report instead of text' })
    .option('check', { type: 'boolean', default: false, describe: 'Exit 1 while any finding remains' })
    .option('session-type', { type: 'string', array: true, default: [] as string[], describe: 'Extra name of the session type or an alias of it (repeatable); replaces the configuration\'s session-types' })
    .option('router-name', { type: 'string', array: true, default: [] as string[], describe: 'Name of an APIRouter/FastAPI object whose decorators mark route handlers (repeatable); replaces the configuration\'s router-names' })
    .option('config', { type: 'string', describe: 'Configuration file to use instead of the nearest awaitify.toml / pyproject.toml; --no-config for none' })
    // No yargs defaults below: an option not given lets the configuration file decide.
    .option('get-db-name', { type: 'string', describe: `Name of the sync session dependency [default: "${DEFAULT_TRANSFORM_OPTIONS.getDbName}"]` })
    .option('async-get-db-name', { type: 'string', describe: `Name of its async twin [default: "${DEFAULT_TRANSFORM_OPTIONS.asyncGetDbName}"]` })
    .option('max-file-size', { type: 'number', default: DEFAULT_MAX_FILE_SIZE, describe: 'Skip files larger than this many bytes' });
}

export function auditArgs(argv: Record<string, unknown>): AuditArgs {
  return {
    paths: (argv.paths as string[] | undefined) ?? [],
    exclude: (argv.exclude as string[] | undefined) ?? [],
    include: (argv.include as string[] | undefined) ?? [],
    sessionTypes: (argv['session-type'] as string[] | undefined) ?? [],
    routerNames: (argv['router-name'] as string[] | undefined) ?? [],
    json: argv.json === true,
    check: argv.check === true,
    getDbName: argv['get-db-name'] as string | undefined,
    asyncGetDbName: argv['async-get-db-name'] as string | undefined,
    maxFileSize: argv['max-file-size'] as number,
    config: argv.config as string | false | undefined,
  };
}

export async function auditCommand(args: AuditArgs, io: Io): Promise<number> {
  if (!Number.isFinite(args.maxFileSize) || args.maxFileSize <= 0) throw new UsageError('--max-file-size needs a positive number of bytes');
  let settings: Effective;
  try {
    // The same file and merge as dry-run/apply: an audit must look at the files a run would migrate,
    // with the same names for sessions and handlers.
    settings = settingsFor(
      args.config,
      args.paths,
      { exclude: args.exclude, include: args.include, sessionTypes: args.sessionTypes, routerNames: args.routerNames, getDbName: args.getDbName, asyncGetDbName: args.asyncGetDbName },
      io,
    );
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) io.stderr.write(`awaitify: ${problem}\n`);
    io.stderr.write('awaitify: fix the configuration; nothing was run.\n');
    return EXIT_ERROR;
  }
  const discovery = discoverFiles(args.paths.length > 0 ? args.paths : ['.'], {
    cwd: io.cwd,
    exclude: settings.exclude,
    include: settings.include,
    extensions: pythonLanguage.extensions,
  });
  const missing = discovery.problems.filter((p) => p.fatal);
  for (const problem of missing) io.stderr.write(`awaitify: ${problem.displayPath}: ${problem.reason}\n`);
  if (missing.length > 0) return EXIT_ERROR;

  const dependency = sessionDependency(settings, () => discovery.files, io);
  const options: AuditOptions = {
    getDbName: dependency.sync,
    asyncGetDbName: dependency.async,
    sessionFacades: settings.sessionFacades,
    sessionTypes: settings.sessionTypes,
    routerNames: settings.routerNames,
  };
  const files: AuditedFile[] = discovery.problems.map((p) => ({ path: p.displayPath, status: 'skipped', reason: p.reason }));
  // Every file is read first, then parsed once to check it and, when any file has an `async def`, summarized for the
  // index; each file's audit then runs over the index of them all, so that a call is followed into the code it reaches
  // in other files (a client made in another module, a helper that blocks). Without any `async def`, nothing would
  // read the index: each file is audited on the parse that checks it, and parsed once in all.
  // The engine's JS trees: the index's summaries ask a tree many questions, each a call into native code on ast-grep's
  // (four times the time of the whole audit before the index on the bench's 1k tree).
  await pythonLanguage.ready?.();
  const read: ReadFile[] = [];
  for (const file of discovery.files) {
    const got = await readFile(file.displayPath, file.absPath, args.maxFileSize);
    if ('status' in got) files.push(got);
    else read.push(got);
  }
  const indexed = read.some((f) => ASYNC_DEF.test(f.source));
  const loaded: LoadedFile[] = [];
  const summaries: ModuleSummary[] = [];
  for (const [i, file] of read.entries()) {
    const got = withTree(file.source, (tree) => {
      const checked = checkFile(file, tree);
      if ('status' in checked) return checked;
      if (!indexed) return auditLoaded(checked, tree, options, undefined);
      summaries.push(auditSummary({ ...checked, tree }, options));
      return checked;
    });
    if ('status' in got) files.push(got);
    else loaded.push(got);
    // Trees are released only when the event loop turns; without this, memory grows with the repo.
    if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
  }
  // Files skipped for a syntax error or `ignore-file` are not in the index, as they never were.
  const index = loaded.some((f) => ASYNC_DEF.test(f.source)) ? auditIndex(summaries) : undefined;
  for (const [i, file] of loaded.entries()) {
    files.push(withTree(file.source, (tree) => auditLoaded(file, tree, options, index)));
    if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const report: AuditReport = { files };
  io.stdout.write(args.json ? `${auditJson(report, settings.ruleLevels)}\n` : auditText(report));
  const remaining = files.some((f) => f.status === 'audited' && f.findings.length > 0);
  return args.check && remaining ? EXIT_CHECK_FAILED : EXIT_OK;
}

const ASYNC_DEF = /\basync\s+def\b/;

/** A file read and decoded, not parsed yet. */
interface ReadFile {
  path: string;
  absPath: string;
  source: string;
}

/** A file parsed without error, kept as text for the audit's pass over the index. */
interface LoadedFile extends ReadFile {
  markers: IgnoreMarkers;
}

async function readFile(displayPath: string, absPath: string, maxFileSize: number): Promise<ReadFile | AuditedFile> {
  const skipped = (reason: string): AuditedFile => ({ path: displayPath, status: 'skipped', reason });
  let bytes: Buffer;
  try {
    const stat = await fs.stat(absPath);
    if (stat.size > maxFileSize) return skipped(`larger than the size limit (${stat.size} > ${maxFileSize} bytes; see --max-file-size)`);
    bytes = await fs.readFile(absPath);
  } catch (error) {
    return skipped(`cannot read: ${errorCode(error)}`);
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return skipped(decoded.reason);
  return { path: displayPath, absPath, source: decoded.decoded.text };
}

/** The file with its ignore comments, or why it is skipped: a syntax error, or `# awaitify: ignore-file`. */
function checkFile(file: ReadFile, tree: SgRoot): LoadedFile | AuditedFile {
  const skipped = (reason: string): AuditedFile => ({ path: file.path, status: 'skipped', reason });
  const problem = firstSyntaxError(tree);
  if (problem) return skipped(`syntax error in input at line ${problem.line}, column ${problem.column}: ${problem.message}`);
  const markers = findIgnoreMarkers(new LineIndex(file.source), pythonLanguage.lineComment, (offset) => isInsideString(tree, offset));
  if (markers.file) return skipped('awaitify: ignore-file');
  return { ...file, markers };
}

function auditLoaded(file: LoadedFile, tree: SgRoot, options: AuditOptions, index: AuditInput['index']): AuditedFile {
  const result = auditPython({ path: file.path, source: file.source, tree, options, index });
  // `# awaitify: ignore` on a line silences findings there, as it does for the other commands.
  const findings = result.findings.filter((f) => !file.markers.lines.has(f.line - 1));
  return { path: file.path, status: 'audited', handlers: result.handlers, findings, ignored: result.findings.length - findings.length };
}

/** `use` on the file's tree, released after (nothing of an audit keeps a tree). */
function withTree<T>(source: string, use: (tree: SgRoot) => T): T {
  const tree = pythonLanguage.parse(source);
  try {
    return use(tree);
  } finally {
    pythonLanguage.dispose?.(tree);
  }
}
