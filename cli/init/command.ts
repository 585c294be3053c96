import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverFiles } from '../../engine/discover';
import { CONFIG_FILE, ConfigError, loadConfig, PYPROJECT } from '../config/load';
import type { Io } from '../run-command';
import { EXIT_ERROR, EXIT_OK } from '../run-command';
import { asyncTwinName } from '../session-dependency';
import { disagreement, sqlalchemyRequirements } from '../sqlalchemy-target';
import { Detected, detectProject } from './detect';


const quote = (s: string): string => JSON.stringify(s);
const list = (items: string[]): string => `[${items.map(quote).join(', ')}]`;

/**
 * The starter configuration's keys (no table header), commented, pre-filled from `detected`; `requirements`: the
 * project's SQLAlchemy requirements (sqlalchemy-target.ts): one ruling 2.x out makes the target 1.4; when others
 * allow 2.x the key is left for the user to choose, as a run would refuse to guess.
 */
export function starterConfig(detected: Detected, requirements: { pins: readonly string[]; allowing: readonly string[] } = { pins: [], allowing: [] }): string {
  const out: string[] = [];
  const deps = detected.dependencies;
  out.push('# The sync session dependency and the name of its async twin (one pair per run in this version).');
  if (deps.length === 0) {
    out.push('# No function yielding a session was found; the default is:', '# dependencies = { get_db = "get_async_db" }');
  } else {
    const [first, ...others] = deps as [Detected['dependencies'][number], ...Detected['dependencies']];
    out.push(`dependencies = { ${first.name} = ${quote(asyncTwinName(first.name))} }   # found in ${first.file}`);
    for (const other of others) out.push(`# also found: ${other.name} in ${other.file} (migrate it in a separate run)`);
  }
  out.push(
    '',
    '# SQLAlchemy version the async session scaffold targets: "1.4" or "2.0".',
    ...sqlalchemyLines(requirements.pins, requirements.allowing),
    '',
    '# Globs of files to leave out, relative to this file.',
    'exclude = []',
    '# Only files matching these globs are migrated (relative to this file); everything else is left out.',
    '# include = ["app/**"]',
    '',
    '# Extra names of the session type: aliases imported from elsewhere, your own Session subclass.',
    '# session-types = ["DbSession"]',
    '# Module-level objects used as sessions (Flask-SQLAlchemy style).',
    '# session-facades = ["db.session"]',
    '',
    '# Functions to leave exactly as they are (module path + qualified name), e.g. Celery tasks.',
    '# exclude-functions = ["app.tasks.cleanup", "app.services.Orders.place"]',
    '',
    '# How findings are reported in SARIF and GitHub output: "error", "warning" (default) or "note".',
    '# rules = { QUERY-ESCAPES = "error" }',
    '',
    '# Transforms of the preset to skip (see `awaitify list`).',
    '# transforms = { disable = [] }',
    '',
    '# APIRouter/FastAPI objects whose decorators mark route handlers (read by `awaitify audit`).',
  );
  if (detected.routerNames.length > 0) out.push(`router-names = ${list(detected.routerNames)}`);
  else out.push('# router-names = ["router", "app"]');
  if (detected.sessionModules.length > 0) {
    out.push(
      '',
      '# Modules that build an engine or a session factory; awaitify writes their async twins there (nothing to set):',
      ...detected.sessionModules.map((module) => `#   ${module}`),
    );
  }
  return `${out.join('\n')}\n`;
}

function sqlalchemyLines(pins: readonly string[], allowing: readonly string[]): string[] {
  if (pins.length === 0) return ['sqlalchemy = "2.0"'];
  if (allowing.length === 0) return [`sqlalchemy = "1.4"   # ${pins.join(', ')} ${pins.length > 1 ? 'allow' : 'allows'} no 2.x`];
  return [`# ${disagreement(pins, allowing)}: choose one, or give each part its own configuration.`, '# sqlalchemy = "1.4"'];
}

/** `awaitify init [path]`: writes awaitify.toml, or prints the table to add to an existing pyproject.toml. */
export async function initCommand(target: string, io: Io): Promise<number> {
  const dir = path.resolve(io.cwd, target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    io.stderr.write(`awaitify: ${target}: not a directory\n`);
    return EXIT_ERROR;
  }
  const own = path.join(dir, CONFIG_FILE);
  const pyproject = path.join(dir, PYPROJECT);
  if (fs.existsSync(own)) {
    io.stderr.write(`awaitify: ${path.relative(io.cwd, own) || own} already exists; not overwriting it\n`);
    return EXIT_ERROR;
  }
  const header = '# awaitify configuration (see docs/configuration.md). Command-line flags override it.\n';
  const files = discoverFiles(['.'], { cwd: dir, exclude: [], extensions: ['py'] }).files.map((f) => f.absPath);
  const body = starterConfig(await detectProject(dir), sqlalchemyRequirements(dir, files));
  if (fs.existsSync(pyproject)) {
    if (/^\s*\[tool\.awaitify[\].]/m.test(fs.readFileSync(pyproject, 'utf8'))) {
      io.stderr.write(`awaitify: ${path.relative(io.cwd, pyproject) || pyproject} already has a [tool.awaitify] table; not changing it\n`);
      return EXIT_ERROR;
    }
    // pyproject.toml is the user's file, formatted their way: print the table, never rewrite it.
    io.stdout.write(`[tool.awaitify]\n${body}`);
    io.stderr.write(`awaitify: ${path.relative(io.cwd, pyproject) || pyproject} exists: add the table above to it (awaitify does not edit it)\n`);
    return EXIT_OK;
  }
  fs.writeFileSync(own, `${header}\n${body}`, { flag: 'wx' });
  try {
    loadConfig({ file: own, kind: 'awaitify.toml' }, io.cwd);
  } catch (error) {
    // The starter must load as written; a detected name that does not validate is our bug to report.
    if (error instanceof ConfigError) io.stderr.write(`awaitify: internal error: the written ${CONFIG_FILE} does not load:\n${error.message}\n`);
    throw error;
  }
  io.stderr.write(`awaitify: wrote ${path.relative(io.cwd, own) || own}; review it, then run \`awaitify dry-run\`\n`);
  return EXIT_OK;
}
