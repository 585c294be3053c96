#!/usr/bin/env node
import yargs, { Argv } from 'yargs';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/run';
import { DEFAULT_TRANSFORM_OPTIONS } from '../engine/types';
import { allTransforms, presets } from '../transforms/registry';
import { auditArgs, auditCommand, auditOptions } from './audit-command';
import { explainCommand } from './explain';
import { initCommand } from './init/command';
import { EXIT_ERROR, EXIT_OK, Io, OUTPUT_FORMATS, OutputFormat, runCommand, RunCommandArgs, UsageError } from './run-command';
import { tuneV8 } from './v8-flags';

function runOptions<T>(y: Argv<T>) {
  return y
    .positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'Files or directories (default: .)' })
    .option('preset', { type: 'string', describe: 'Named, ordered list of transforms (see `awaitify list`) [default: "default"]' })
    .option('stage', { type: 'string', choices: ['select', 'async'], describe: 'Run one migration stage: select (legacy Query -> select(), still sync) or async (the switch); overrides --preset' })
    .option('transforms', { type: 'string', describe: 'Comma-separated subset of the preset\'s transforms to run' })
    .option('exclude', { type: 'string', array: true, default: [] as string[], describe: 'Glob of paths to leave out (repeatable), relative to the working directory' })
    .option('include', { type: 'string', array: true, default: [] as string[], describe: 'Glob of paths to migrate (repeatable), relative to the working directory; everything else is left out. Replaces the configuration\'s include' })
    .option('format', { type: 'string', choices: OUTPUT_FORMATS, default: 'text', describe: 'Output: text (diffs + summary), json (report), sarif (SARIF 2.1.0), github (workflow annotations)' })
    .option('json', { type: 'boolean', default: false, describe: 'Same as --format json' })
    .option('verbose', { type: 'boolean', default: false, describe: 'Name the transforms behind each diff hunk (as `# ...` lines git apply skips)' })
    .option('config', { type: 'string', describe: 'Configuration file to use instead of the nearest awaitify.toml / pyproject.toml; --no-config for none' })
    .option('check', { type: 'boolean', default: false, describe: 'Exit 1 when anything would change or any finding remains' })
    .option('annotate', { type: 'boolean', default: false, describe: 'Write each finding as a `# awaitify[RULE]: ...` comment above its line' })
    // No yargs defaults below: an option not given lets the configuration file decide.
    .option('session-type', { type: 'string', array: true, default: [] as string[], describe: 'Extra name of the session type or an alias of it, e.g. DbSession (repeatable); replaces the configuration\'s session-types' })
    .option('exclude-function', { type: 'string', array: true, default: [] as string[], describe: 'Qualified name of a function to leave exactly as it is, e.g. app.tasks.cleanup (repeatable); added to the configuration\'s exclude-functions' })
    .option('get-db-name', { type: 'string', describe: `Name of the sync session dependency [default: "${DEFAULT_TRANSFORM_OPTIONS.getDbName}"]` })
    .option('async-get-db-name', { type: 'string', describe: `Name of its async twin [default: "${DEFAULT_TRANSFORM_OPTIONS.asyncGetDbName}"]` })
    .option('sqlalchemy', { type: 'string', choices: ['1.4', '2.0'], describe: 'SQLAlchemy version the async session scaffold targets [default: "2.0"]' })
    .option('max-file-size', { type: 'number', default: DEFAULT_MAX_FILE_SIZE, describe: 'Skip files larger than this many bytes' })
    .option('jobs', { type: 'number', describe: 'Threads for the per-file work; 1 = no worker threads [default: the number of CPUs]' })
    .option('project-root', { type: 'string', describe: 'The project the paths belong to, all of which is read for the index [default: the configuration file\'s directory, else the nearest with pyproject.toml, setup.py, ... or .git]' });
}

function toArgs(mode: RunCommandArgs['mode'], argv: Record<string, unknown>): RunCommandArgs {
  return {
    mode,
    paths: (argv.paths as string[] | undefined) ?? [],
    preset: argv.preset as string | undefined,
    stage: argv.stage as string | undefined,
    transforms: argv.transforms as string | undefined,
    exclude: argv.exclude as string[],
    include: argv.include as string[],
    sessionTypes: argv['session-type'] as string[],
    excludeFunctions: argv['exclude-function'] as string[],
    format: formatOf(argv),
    check: argv.check as boolean,
    annotate: argv.annotate as boolean,
    allowDirty: (argv['allow-dirty'] as boolean | undefined) ?? false,
    getDbName: argv['get-db-name'] as string | undefined,
    asyncGetDbName: argv['async-get-db-name'] as string | undefined,
    sqlalchemyVersion: argv.sqlalchemy as '1.4' | '2.0' | undefined,
    maxFileSize: argv['max-file-size'] as number,
    jobs: argv.jobs as number | undefined,
    verbose: argv.verbose as boolean,
    config: argv.config as string | false | undefined,
    interactive: (argv.interactive as boolean | undefined) ?? false,
    projectRoot: argv['project-root'] as string | undefined,
  };
}

function formatOf(argv: Record<string, unknown>): OutputFormat {
  const format = argv.format as OutputFormat;
  if (argv.json === true && format !== 'text' && format !== 'json') throw new UsageError(`--json and --format ${format} contradict each other`);
  return argv.json === true ? 'json' : format;
}

function listText(): string {
  const width = Math.max(...allTransforms().map((t) => t.id.length), ...presets.map((p) => p.id.length)) + 2;
  const lines = ['Transforms (in the order they run):'];
  for (const t of allTransforms()) lines.push(`  ${t.id.padEnd(width)}${t.description}`);
  lines.push('', 'Presets:');
  for (const p of presets) lines.push(`  ${p.id.padEnd(width)}${p.description} [${p.transforms.join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode = EXIT_OK;
  let failure: string | null = null;
  const parser = yargs(argv)
    .scriptName('awaitify')
    .usage('$0 <command> [paths..] [options]\n\nMigrate synchronous FastAPI + SQLAlchemy code to asyncio.')
    .command(
      'dry-run [paths..]',
      'Show the changes as unified diffs on stdout (a summary and findings on stderr); never writes',
      (y) => runOptions(y),
      async (a) => {
        exitCode = await runCommand(toArgs('dry-run', a), io);
      },
    )
    .command(
      'apply [paths..]',
      'Write the changes (atomically); refuses files with uncommitted git changes',
      (y) =>
        runOptions(y)
          .option('allow-dirty', {
            type: 'boolean',
            default: false,
            describe: 'Write files even when they have uncommitted git changes',
          })
          .option('interactive', {
            alias: 'i',
            type: 'boolean',
            default: false,
            describe: 'Show each change with its reason and ask whether to write it (y/n/a/d/q, ? for help); needs a terminal',
          }),
      async (a) => {
        exitCode = await runCommand(toArgs('apply', a), io);
      },
    )
    .command(
      'audit [paths..]',
      'Report what is left to migrate (sync handlers and sessions, legacy queries, blocking calls in async code); never writes',
      (y) => auditOptions(y),
      async (a) => {
        exitCode = await auditCommand(auditArgs(a), io);
      },
    )
    .command(
      'init [path]',
      'Write a commented starter awaitify.toml, pre-filled from what the project uses (or print the [tool.awaitify] table for pyproject.toml)',
      (y) => y.positional('path', { type: 'string', default: '.', describe: 'Project directory' }),
      async (a) => {
        exitCode = await initCommand(a.path as string, io);
      },
    )
    .command(
      'explain [rule]',
      'Print the documentation of a finding rule (see --list)',
      (y) =>
        y
          .positional('rule', { type: 'string', describe: 'Rule id, e.g. QUERY-ESCAPES' })
          .option('list', { type: 'boolean', default: false, describe: 'List the rules' }),
      (a) => {
        exitCode = explainCommand(a.rule as string | undefined, a.list as boolean, io);
      },
    )
    .command(
      'list',
      'List transforms and presets',
      (y) => y,
      () => {
        io.stdout.write(listText());
      },
    )
    .demandCommand(1, 'Name a command: dry-run, apply, audit, init, explain or list.')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((message, error) => {
      // A fail callback that returns lets yargs go on to run the command: `apply --typo` would write
      // files and only then report the typo. Throwing stops the parse before any handler runs.
      if (message) throw new UsageError(message);
      throw error;
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    if (error instanceof UsageError) failure = error.message;
    else throw error;
  }
  if (failure !== null) {
    io.stderr.write(`awaitify: ${failure}\nRun \`awaitify --help\` for usage.\n`);
    return EXIT_ERROR;
  }
  return exitCode;
}

/** What the `awaitify` command runs: `main`, in a process tuned for a long batch job (cli/v8-flags.ts). */
export function startCommand(argv: string[], io: Io, tune: () => void = tuneV8): Promise<number> {
  tune();
  return main(argv, io);
}

if (require.main === module) {
  // `awaitify dry-run | head` closes the pipe early: that is the reader's choice, not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const io: Io = {
    cwd: process.cwd(),
    // Lazily: touching process.stdin opens it, which only `apply --interactive` should do.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
  };
  startCommand(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`awaitify: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_ERROR;
    },
  );
}
