// Which SQLAlchemy the async scaffold targets when neither `--sqlalchemy` nor the configuration says.
//
// The default target is 2.0 (`async_sessionmaker`, which 1.4 does not have: every module importing it fails with
// ImportError, and a refresh by name loads no relationship on 1.4). A project whose dependency file allows only
// SQLAlchemy below 2.0 (`SQLAlchemy==1.4.29`, `sqlalchemy<2`, Poetry's `^1.4`) would get code that cannot run on the
// version it installs, so its pin decides: 1.4, with a note naming the requirement. Only a requirement that rules 2.x
// out counts; none, or one allowing 2.x, keeps the default.
//
// The requirement that counts for a file is the one an installer would use for it: the nearest dependency file
// naming SQLAlchemy at or above the file's directory. A monorepo run from its root (`backend/requirements.txt`,
// `worker/pyproject.toml`) has one per part; when they disagree no single target fits every file, and guessing
// one writes code that cannot import in the other part, so the run refuses and asks for the version.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listOrEmpty, pinBelowIn, readOrNull } from '../transforms/python/testing/pytest-config';
import type { Effective } from './config/merge';

const SQLALCHEMY = { name: 'sqlalchemy', shown: 'SQLAlchemy', limit: [2, 0] } as const;
/** A requirement naming SQLAlchemy itself (not flask-sqlalchemy, sqlalchemy-utils, sqlalchemy2-stubs). */
const MENTIONS = /(^|[\s"'[,])sqlalchemy(\[[^\]]*\])?\s*(["']?\s*=|[<>=!~^]|$)/im;
const DEPENDENCY_FILE = /^(pyproject\.toml|setup\.cfg|Pipfile|requirements.*\.(txt|in))$/;

/** The dependency files of one directory that name SQLAlchemy: `pin` when they rule 2.x out, else null. */
interface Requirement {
  dir: string;
  /** `file: requirement` when it allows only versions before 2.0. */
  pin: string | null;
  /** The first file naming SQLAlchemy, to name the directory's requirement when it allows 2.x. */
  file: string;
}

export type Target = { version: '1.4' | '2.0'; note: string | null; refusal: null } | { version: null; note: null; refusal: string };

/**
 * The target version and, when the project's pin chose it, the note saying so; or, when the requirements that
 * govern `files` disagree (one rules 2.x out, another allows it), a refusal saying so. `files`: the Python files
 * the run migrates (absolute); each is governed by the nearest directory at or above it, up to the git
 * repository's root, whose dependency files name SQLAlchemy. Without files, `from` (the configuration's
 * directory, else the first path's) stands for them. Paths in messages are relative to `from`.
 */
export function sqlalchemyTarget(
  settings: Pick<Effective, 'sqlalchemyVersion' | 'sqlalchemyNamed'>,
  from: string,
  files: readonly string[] = [],
): Target {
  if (settings.sqlalchemyNamed) return { version: settings.sqlalchemyVersion, note: null, refusal: null };
  const { pins, allowing } = sqlalchemyRequirements(from, files);
  if (pins.length === 0) return { version: settings.sqlalchemyVersion, note: allowing.length === 0 && settings.sqlalchemyVersion === '2.0' ? UNDECLARED : null, refusal: null };
  if (allowing.length > 0) return { version: null, note: null, refusal: `${disagreement(pins, allowing)}; name the target: pass --sqlalchemy 1.4 or --sqlalchemy 2.0 (or set \`sqlalchemy\` in the configuration), or migrate each part in its own run.` };
  return {
    version: '1.4',
    note: `the async code targets SQLAlchemy 1.4 (${pins.join(', ')} ${pins.length > 1 ? 'allow' : 'allows'} no 2.x): session factories are \`sessionmaker(..., class_=AsyncSession)\`, since 1.4 has no \`async_sessionmaker\`. To target 2.0, pass --sqlalchemy 2.0 or set \`sqlalchemy = "2.0"\` in the configuration.`,
    refusal: null,
  };
}

/**
 * No dependency file governing the run names SQLAlchemy (a version installed by a Dockerfile's `pip install`, or by
 * hand): the default 2.0 is a guess the user must be able to see, since 2.0's `async_sessionmaker` does not import
 * on 1.4.
 */
const UNDECLARED =
  'no dependency file (requirements*.txt/.in, pyproject.toml, setup.cfg, Pipfile, or a lock file) names SQLAlchemy, so the async code targets SQLAlchemy 2.0: session factories are `async_sessionmaker(...)`, which SQLAlchemy 1.4 does not have (ImportError at start-up). On 1.4, pass --sqlalchemy 1.4 or set `sqlalchemy = "1.4"` in the configuration.';

/** Why one target cannot be chosen for requirements that rule 2.x out (`pins`) and others that allow it. */
export function disagreement(pins: readonly string[], allowing: readonly string[]): string {
  return (
    `the Python files are governed by requirements that disagree on SQLAlchemy: ${pins.join(', ')} ${pins.length > 1 ? 'allow' : 'allows'} no 2.x, ` +
    `while ${allowing.join(', ')} ${allowing.length > 1 ? 'allow' : 'allows'} 2.x (2.0 code does not import on 1.4; 1.4's form runs on both, but leaves the 2.x part more to do by hand)`
  );
}

/**
 * The requirements governing `files` (else `from`), shown relative to `from`: `pins` (`file: requirement`) rule
 * 2.x out, `allowing` (the file naming SQLAlchemy) allow it. Files governed by no requirement add nothing.
 */
export function sqlalchemyRequirements(from: string, files: readonly string[] = []): { pins: string[]; allowing: string[] } {
  const requirements = governingRequirements(files.length > 0 ? files.map((f) => path.dirname(f)) : [from]);
  const shown = (r: Requirement, text: string): string => {
    const rel = path.relative(from, r.dir);
    return `${rel ? `${rel.split(path.sep).join('/')}/` : ''}${text}`;
  };
  return {
    pins: requirements.flatMap((r) => (r.pin === null ? [] : [shown(r, r.pin)])),
    allowing: requirements.flatMap((r) => (r.pin === null ? [shown(r, r.file)] : [])),
  };
}

/** The distinct requirements governing `dirs`, in the order first met; directories governed by none add nothing. */
function governingRequirements(dirs: readonly string[]): Requirement[] {
  const memo = new Map<string, Requirement | null>();
  const found = new Map<string, Requirement>();
  for (const dir of new Set(dirs)) {
    const requirement = nearestRequirement(dir, memo);
    if (requirement !== null && !found.has(requirement.dir)) found.set(requirement.dir, requirement);
  }
  return [...found.values()];
}

function nearestRequirement(start: string, memo: Map<string, Requirement | null>): Requirement | null {
  const walked: string[] = [];
  let result: Requirement | null = null;
  for (let dir = start; ; dir = path.dirname(dir)) {
    const known = memo.get(dir);
    if (known !== undefined) {
      result = known;
      break;
    }
    walked.push(dir);
    const names = listOrEmpty(dir);
    // What the lock file installs decides over the ranges it was resolved from (`sqlalchemy = ">=1.4"` locked at 1.4.46).
    const locked = lockedVersion(dir, names);
    if (locked !== null) {
      result = { dir, pin: locked.major < 2 ? `${locked.file}: \`SQLAlchemy ${locked.version}\` (locked)` : null, file: locked.file };
      break;
    }
    const file = names
      .filter((f) => DEPENDENCY_FILE.test(f))
      .sort()
      .find((f) => MENTIONS.test(readOrNull(path.join(dir, f)) ?? ''));
    if (file !== undefined) {
      result = { dir, pin: pinBelowIn(dir, SQLALCHEMY), file };
      break;
    }
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
  }
  for (const dir of walked) memo.set(dir, result);
  return result;
}

/** Lock files whose `[[package]]` tables give `name` then `version` (Poetry, uv, PDM). */
const TOML_LOCKS = ['poetry.lock', 'uv.lock', 'pdm.lock'];
const LOCKED_TOML = /^\[\[package\]\]\s*\r?\nname\s*=\s*"sqlalchemy"\s*\r?\nversion\s*=\s*"(\d+)\.([^"]*)"/im;

/** The SQLAlchemy version a lock file of `dir` installs (poetry.lock, uv.lock, pdm.lock, Pipfile.lock), or null. */
function lockedVersion(dir: string, names: readonly string[]): { file: string; version: string; major: number } | null {
  for (const file of TOML_LOCKS) {
    if (!names.includes(file)) continue;
    const m = LOCKED_TOML.exec(readOrNull(path.join(dir, file)) ?? '');
    if (m) return { file, version: `${m[1]}.${m[2]}`, major: Number(m[1]) };
  }
  if (!names.includes('Pipfile.lock')) return null;
  let lock: unknown;
  try {
    lock = JSON.parse(readOrNull(path.join(dir, 'Pipfile.lock')) ?? 'null');
  } catch {
    return null;
  }
  for (const section of ['default', 'develop']) {
    const packages = typeof lock === 'object' && lock !== null ? (lock as Record<string, unknown>)[section] : undefined;
    const entry = typeof packages === 'object' && packages !== null ? (packages as Record<string, unknown>)['sqlalchemy'] : undefined;
    const version = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)['version'] : undefined;
    const m = typeof version === 'string' ? /^==\s*(\d+)\.(\S*)$/.exec(version) : null;
    if (m) return { file: 'Pipfile.lock', version: `${m[1]}.${m[2]}`, major: Number(m[1]) };
  }
  return null;
}
