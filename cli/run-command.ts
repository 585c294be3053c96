import type { SgRoot } from '@ast-grep/napi';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { rememberingDiscovery, type DiscoveredFile } from '../engine/discover';
import { checkGitDirty } from '../engine/git';
import { WorkerOutOfMemory } from '../engine/parallel';
import { runProject, summarize, FileReport, RunReport } from '../engine/run';
import type { Preset, Transform, TransformOptions } from '../engine/types';
import { DEFAULT_TRANSFORM_OPTIONS } from '../engine/types';
import { writeFileAtomic } from '../engine/write';
import { allTransforms, findPreset, findTransform, stagePresets } from '../transforms/registry';
import { memoryPerThread, PLUGIN_PATH } from '../transforms/python/plugin';
import { pythonLanguage } from '../transforms/python/support/language';
import { ConfigError, findConfig, loadConfig, LoadedConfig } from './config/load';
import { CliChoices, Effective, mergeConfig } from './config/merge';
import { QUALIFIED_FUNCTION } from './config/schema';
import { packageVersion } from './package-root';
import { colorizeDiff, formatFilePatch } from './print/diff';
import { Patches } from './print/patches';
import { githubAnnotations } from './print/github';
import { attributeHunks, attributionComments } from './print/hunks';
import { jsonReport } from './print/json';
import { sarifReport } from './print/sarif';
import { formatCounts, formatFindings, formatMadeAsync, formatProblems, formatSummary } from './print/summary';
import { interactiveApply, interactiveRefusal } from './interactive/command';
import { progressReporter } from './progress';
import { chooseSessionDependency, dependencyNote, readSources } from './session-dependency';
import { displayRoot, projectScope, ProjectScope, scopeNotes } from './project-scope';
import { sqlalchemyTarget } from './sqlalchemy-target';
import { availableMemory, outOfMemoryAdvice, threadMessages } from './threads';

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_ERROR = 2;

export class UsageError extends Error {}

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Options left undefined were not given on the command line: the configuration file or the default decides. */
export interface RunCommandArgs {
  mode: 'dry-run' | 'apply';
  paths: string[];
  preset?: string;
  stage?: string;
  transforms?: string;
  exclude: string[];
  /** --include globs (replace the configuration's); empty = not given. */
  include?: string[];
  /** --session-type names (replace the configuration's); empty = not given. */
  sessionTypes?: string[];
  /** --exclude-function names (added to the configuration's). */
  excludeFunctions?: string[];
  format: OutputFormat;
  check: boolean;
  annotate: boolean;
  allowDirty: boolean;
  getDbName?: string;
  asyncGetDbName?: string;
  /** Default '2.0'. */
  sqlalchemyVersion?: '1.4' | '2.0';
  maxFileSize: number;
  /** Threads for the per-file work (default: the number of CPUs); 1 = all on the main thread. */
  jobs?: number;
  /** Name the transforms behind each diff hunk. */
  verbose?: boolean;
  /** An explicit configuration file instead of the nearest one; false = use none. */
  config?: string | false;
  /** `apply`: ask per change whether to write it. */
  interactive?: boolean;
  /** The project the paths belong to (default: found, see cli/project-scope.ts). */
  projectRoot?: string;
}

export interface Io {
  cwd: string;
  /** The terminal `apply --interactive` reads answers from. */
  stdin?: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export function presetFor(preset: string, stage: string | undefined): Preset {
  const id = stage === undefined ? preset : stagePresets[stage];
  if (id === undefined) throw new UsageError(`unknown stage "${stage}"; known: ${Object.keys(stagePresets).join(', ')}`);
  const chosen = findPreset(id);
  if (!chosen) throw new UsageError(`unknown preset "${id}" (see \`awaitify list\`)`);
  return chosen;
}

export function selectTransforms(chosen: Preset, subset: string | undefined): Transform<SgRoot>[] {
  const inPreset = chosen.transforms.map((id) => findTransform(id) as Transform<SgRoot>);
  if (subset === undefined) return inPreset;
  const wanted = subset.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (wanted.length === 0) throw new UsageError('--transforms needs at least one transform id');
  const known = new Set(allTransforms().map((t) => t.id));
  for (const id of wanted) {
    if (!known.has(id)) throw new UsageError(`unknown transform "${id}"; known: ${[...known].join(', ')}`);
    if (!chosen.transforms.includes(id)) {
      throw new UsageError(`transform "${id}" is not in preset "${chosen.id}" (${chosen.transforms.join(', ')}); choose its preset or stage`);
    }
  }
  // The preset's order, not the command line's: each transform relies on the ones before it.
  return inPreset.filter((t) => wanted.includes(t.id));
}

export async function runCommand(args: RunCommandArgs, io: Io): Promise<number> {
  // yargs turns `--max-file-size 2MB` into NaN; silently using the default would hide the mistake.
  if (!Number.isFinite(args.maxFileSize) || args.maxFileSize <= 0) {
    throw new UsageError('--max-file-size needs a positive number of bytes');
  }
  if (args.interactive) {
    const refusal = interactiveRefusal(args, io);
    if (refusal !== null) throw new UsageError(refusal);
  }
  const jobs = args.jobs ?? os.availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs needs a positive whole number');
  for (const name of args.excludeFunctions ?? []) {
    if (!QUALIFIED_FUNCTION.test(name)) throw new UsageError(`--exclude-function "${name}" is not a module path and function name like app.tasks.cleanup`);
  }
  let settings: Effective;
  try {
    settings = resolveSettings(args, io);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) io.stderr.write(`awaitify: ${problem}\n`);
    io.stderr.write('awaitify: fix the configuration; nothing was run.\n');
    return EXIT_ERROR;
  }
  const preset = presetFor(settings.preset, settings.stage);
  const transforms = selectTransforms(preset, settings.transforms).filter((t) => !settings.disabled.includes(t.id));
  if (transforms.length === 0) throw new UsageError(`the configuration disables every transform of preset "${preset.id}"`);
  const paths = args.paths.length > 0 ? args.paths : ['.'];
  const markers = pythonLanguage.projectMarkers ?? [];
  let scope: ProjectScope;
  try {
    scope = projectScope(paths, io.cwd, args.projectRoot, settings.configDir, markers);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  // The whole project's files for a partial run, discovered as runProject discovers them.
  const read = scope.kind === 'partial' ? [scope.root] : paths;
  const discoverOptions = { cwd: io.cwd, exclude: settings.exclude, include: settings.include ?? null, extensions: pythonLanguage.extensions };
  const discover = rememberingDiscovery();
  const dependency = sessionDependency(settings, () => discover(read, discoverOptions).files, io);
  // The files this run migrates, each governed by its own part's requirement (a monorepo run from its root); not
  // listed when the version is named, which decides alone.
  const migrated = settings.sqlalchemyNamed ? [] : discover(paths, discoverOptions).files.map((f) => f.absPath);
  const target = sqlalchemyTarget(settings, settings.configDir ?? startDir(paths[0] as string, io.cwd), migrated);
  if (target.refusal !== null) throw new UsageError(target.refusal);
  if (target.note !== null) io.stderr.write(`awaitify: note: ${target.note}\n`);
  const transformOptions: TransformOptions = {
    ...DEFAULT_TRANSFORM_OPTIONS,
    getDbName: dependency.sync,
    asyncGetDbName: dependency.async,
    sqlalchemyVersion: target.version,
    sessionFacades: settings.sessionFacades,
    sessionTypes: settings.sessionTypes,
    routerNames: settings.routerNames,
    excludeFunctions: settings.excludeFunctions,
    ...preset.options,
  };
  const progress = progressReporter(io.stderr);
  const patches = new Patches();
  // Diffs are printed for a dry-run's text and in every JSON report; interactive review makes its own.
  const printsDiffs = !args.interactive && (args.format === 'json' || (args.mode === 'dry-run' && args.format === 'text'));
  let report: RunReport;
  try {
    report = await runProject({
      paths,
      ...(scope.kind === 'partial' ? { projectRoot: scope.root } : {}),
      cwd: io.cwd,
      exclude: settings.exclude,
      include: settings.include,
      language: pythonLanguage,
      transforms,
      transformOptions,
      annotate: args.annotate,
      maxFileSize: args.maxFileSize,
      discover,
      onProgress: progress,
      ...(printsDiffs ? { onReport: (file: FileReport) => patches.note(file) } : {}),
      onThreads: (choice) => {
        const messages = threadMessages(choice);
        for (const note of messages.notes) io.stderr.write(`awaitify: note: ${note}\n`);
        for (const warning of messages.warnings) io.stderr.write(`awaitify: warning: ${warning}\n`);
      },
      // An explicit --jobs is followed even when it may not fit; the default is fitted to the free memory.
      parallel: { jobs, plugin: PLUGIN_PATH, memory: { perThread: memoryPerThread, available: availableMemory(), fit: args.jobs === undefined } },
    });
  } catch (error) {
    if (!(error instanceof WorkerOutOfMemory)) throw error;
    progress.finish();
    io.stderr.write(`awaitify: error: ${outOfMemoryAdvice(error)}\n`);
    return EXIT_ERROR;
  }
  progress.finish();
  if (preset.warning) io.stderr.write(`awaitify: warning: ${preset.warning}\n`);
  for (const name of unmatchedExclusions(settings.excludeFunctions, report.files)) {
    io.stderr.write(
      `awaitify: warning: exclude-functions: "${name}" matches no function in the files this run read; check the module path and the qualified name (e.g. app.services.Orders.place)\n`,
    );
  }
  for (const missing of report.missingPaths) io.stderr.write(`awaitify: ${missing.path}: ${missing.reason}\n`);
  if (report.missingPaths.length > 0) return EXIT_ERROR;
  // Printed and in the JSON report as the user would type it, not as an absolute path.
  if (report.context) report.context = { ...report.context, root: displayRoot(report.context.root, io.cwd) };
  for (const note of scopeNotes(scope, report.context, io.cwd, markers)) io.stderr.write(`awaitify: note: ${note}\n`);

  const changed = report.files.filter((f): f is Extract<FileReport, { status: 'changed' }> => f.status === 'changed');
  if (args.mode === 'apply' && changed.length > 0) {
    const refusal = dirtyRefusal(changed, args.allowDirty, io);
    if (refusal !== null) return refusal;
  }
  if (args.interactive) return interactiveApply(report, summarize(report), changed, io);
  if (args.mode === 'apply' && changed.length > 0) {
    for (const file of changed) {
      try {
        await writeFileAtomic(file.absPath, file.output);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        Object.assign(file, { status: 'error', transform: null, message: `cannot write: ${message}` });
      }
    }
  }

  const summary = summarize(report);
  // Annotations must point at the file as it is on disk: untouched by a dry-run, rewritten by apply.
  const positions = args.mode === 'apply' ? 'output' : 'input';
  if (args.format === 'json') {
    io.stdout.write(`${jsonReport(report, summary, args.mode, settings.ruleLevels, patches)}\n`);
  } else if (args.format === 'sarif') {
    io.stdout.write(`${sarifReport(report, settings.ruleLevels, packageVersion(), positions)}\n`);
  } else {
    if (args.format === 'github') {
      io.stdout.write(githubAnnotations(report, settings.ruleLevels, positions));
    } else if (args.mode === 'dry-run') {
      const color = io.stdout.isTTY === true;
      for (const file of changed) {
        const patch = patches.of(file);
        if (args.verbose) io.stdout.write(attributionComments(file.path, attributeHunks(patch, file.edits)));
        const text = formatFilePatch(patch);
        io.stdout.write(color ? colorizeDiff(text) : text);
      }
    } else {
      for (const file of report.files) if (file.status === 'changed') io.stdout.write(`wrote ${file.path}\n`);
    }
    const lines = [
      formatSummary(summary, args.mode),
      ...formatProblems(report.files),
      ...formatCounts(report.files),
      ...formatMadeAsync(report.files),
      ...formatFindings(report.files),
    ];
    io.stderr.write(`${lines.join('\n')}\n`);
  }

  if (summary.errored > 0) return EXIT_ERROR;
  if (args.check && (summary.changed > 0 || summary.findings > 0)) return EXIT_CHECK_FAILED;
  return EXIT_OK;
}

/**
 * The configuration file (`--config`, else the nearest one above the first path; none with
 * `--no-config`) merged under the command line; its notes go to stderr. Throws ConfigError.
 */
export function settingsFor(config: string | false | undefined, paths: string[], cli: CliChoices, io: Io): Effective {
  let loaded: LoadedConfig | null = null;
  if (config !== false) {
    const source =
      config !== undefined
        ? { file: path.resolve(io.cwd, config), kind: path.basename(config) === 'pyproject.toml' ? ('pyproject.toml' as const) : ('awaitify.toml' as const) }
        : findConfig(paths[0] ?? '.', io.cwd);
    if (source) loaded = loadConfig(source, io.cwd);
  }
  const settings = mergeConfig(cli, loaded, io.cwd);
  for (const note of [...(loaded?.notes ?? []), ...settings.notes]) io.stderr.write(`awaitify: note: ${note}\n`);
  return settings;
}

/** The directory a run on `first` starts in: the path itself when it is a directory, else its parent. */
function startDir(first: string, cwd: string): string {
  const resolved = path.resolve(cwd, first);
  try {
    return fs.statSync(resolved).isDirectory() ? resolved : path.dirname(resolved);
  } catch {
    return path.dirname(resolved);
  }
}

function resolveSettings(args: RunCommandArgs, io: Io): Effective {
  return settingsFor(
    args.config,
    args.paths,
    {
      preset: args.preset,
      stage: args.stage,
      transforms: args.transforms,
      exclude: args.exclude,
      include: args.include,
      sessionTypes: args.sessionTypes,
      excludeFunctions: args.excludeFunctions,
      getDbName: args.getDbName,
      asyncGetDbName: args.asyncGetDbName,
      sqlalchemyVersion: args.sqlalchemyVersion,
    },
    io,
  );
}

/**
 * The session dependency the transforms rewrite: as the command line or configuration named it, else found
 * by shape in the files the run reads (`files`, asked for only then: the whole project for a partial run, so
 * it chooses as a whole run would), else the default. What was found, or why nothing was chosen, goes to stderr.
 */
export function sessionDependency(settings: Effective, files: () => readonly DiscoveredFile[], io: Io): { sync: string; async: string } {
  const named = { sync: settings.getDbName, async: settings.asyncGetDbName };
  if (settings.dependencyNamed) return named;
  const choice = chooseSessionDependency(readSources(files()), settings.getDbName);
  const note = dependencyNote(choice, settings.getDbName);
  if (note !== null) io.stderr.write(`awaitify: ${note}\n`);
  return choice.kind === 'inferred' ? { sync: choice.name, async: choice.asyncName } : named;
}

/** Configured function names that matched nothing: most likely a typo, which must not pass silently. */
export function unmatchedExclusions(names: readonly string[], files: readonly FileReport[]): string[] {
  const matched = new Set(files.flatMap((f) => (f.status === 'changed' || f.status === 'unchanged' ? f.excludedFunctions : [])));
  return names.filter((name) => !matched.has(name));
}

function dirtyRefusal(changed: { absPath: string; path: string }[], allowDirty: boolean, io: Io): number | null {
  const check = checkGitDirty(changed.map((f) => f.absPath));
  const pathOf = new Map(changed.map((f) => [f.absPath, f.path]));
  if (check.dirty.length > 0 && !allowDirty) {
    const names = check.dirty.map((p) => `  ${pathOf.get(p) ?? p}`).join('\n');
    io.stderr.write(
      `awaitify: refusing to write files with uncommitted changes (commit or stash them, or pass --allow-dirty):\n${names}\n` +
        'Nothing was written.\n',
    );
    return EXIT_ERROR;
  }
  if (check.untracked.length > 0) {
    io.stderr.write(`awaitify: note: ${check.untracked.length} file(s) are not in a git repository; there is no undo for them.\n`);
  }
  return null;
}
