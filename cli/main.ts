#!/usr/bin/env node
import yargs, { Argv } from 'yargs';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/run';
import { DEFAULT_TRANSFORM_OPTIONS } from '../engine/types';
import { allTransforms, presets } from '../transforms/registry';
import { EXIT_ERROR, EXIT_OK, Io, runCommand, RunCommandArgs, UsageError } from './run-command';

function runOptions<T>(y: Argv<T>) {
  return y
    .positional('paths', { type: 'string', array: true, default: [] as string[], describe: 'Files or directories (default: .)' })
    .option('preset', { type: 'string', default: 'default', describe: 'Named, ordered list of transforms (see `awaitify list`)' })
    .option('stage', { type: 'string', choices: ['select', 'async'], describe: 'Run one migration stage: select (legacy Query -> select(), still sync) or async (the switch); overrides --preset' })
    .option('transforms', { type: 'string', describe: 'Comma-separated subset of the preset\'s transforms to run' })
    .option('exclude', { type: 'string', array: true, default: [] as string[], describe: 'Glob of paths to leave out (repeatable), relative to the working directory' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the machine-readable report instead of text' })
    .option('check', { type: 'boolean', default: false, describe: 'Exit 1 when anything would change or any finding remains' })
    .option('annotate', { type: 'boolean', default: false, describe: 'Write each finding as a `# awaitify[RULE]: ...` comment above its line' })
    .option('get-db-name', { type: 'string', default: DEFAULT_TRANSFORM_OPTIONS.getDbName, describe: 'Name of the sync session dependency' })
    .option('async-get-db-name', { type: 'string', default: DEFAULT_TRANSFORM_OPTIONS.asyncGetDbName, describe: 'Name of its async twin' })
    .option('sqlalchemy', { type: 'string', choices: ['1.4', '2.0'], default: '2.0', describe: 'SQLAlchemy version the async session scaffold targets' })
    .option('max-file-size', { type: 'number', default: DEFAULT_MAX_FILE_SIZE, describe: 'Skip files larger than this many bytes' });
}

function toArgs(mode: RunCommandArgs['mode'], argv: Record<string, unknown>): RunCommandArgs {
  return {
    mode,
    paths: (argv.paths as string[] | undefined) ?? [],
    preset: argv.preset as string,
    stage: argv.stage as string | undefined,
    transforms: argv.transforms as string | undefined,
    exclude: argv.exclude as string[],
    json: argv.json as boolean,
    check: argv.check as boolean,
    annotate: argv.annotate as boolean,
    allowDirty: (argv['allow-dirty'] as boolean | undefined) ?? false,
    getDbName: argv['get-db-name'] as string,
    asyncGetDbName: argv['async-get-db-name'] as string,
    sqlalchemyVersion: argv.sqlalchemy as '1.4' | '2.0' | undefined,
    maxFileSize: argv['max-file-size'] as number,
  };
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
        runOptions(y).option('allow-dirty', {
          type: 'boolean',
          default: false,
          describe: 'Write files even when they have uncommitted git changes',
        }),
      async (a) => {
        exitCode = await runCommand(toArgs('apply', a), io);
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
    .demandCommand(1, 'Name a command: dry-run, apply or list.')
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

if (require.main === module) {
  main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`awaitify: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_ERROR;
    },
  );
}
