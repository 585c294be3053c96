// Whether pytest-asyncio runs in auto mode for a test file: then async tests need no marker.
//
// This reads the file system while the index is built, which no other transform does. The engine only hands
// Python files to indexers and the options do not carry the project's configuration, but the mode lives in
// pytest.ini / pyproject.toml / tox.ini / setup.cfg. Reading those read-only, once per directory, is the
// smallest honest way to know it; a wrong guess either way is safe for correctness only in one direction
// (an unneeded marker is harmless, a missing one silently skips the test), so anything unreadable counts as
// strict mode.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, posix } from '../index/modules';

export type AsyncioMode = 'auto' | 'strict';

/** Config files in pytest's order of precedence within one directory, with the section holding pytest's options. */
const CANDIDATES: { file: string; section: RegExp }[] = [
  { file: 'pytest.ini', section: /^\[pytest\]\s*$/ },
  { file: '.pytest.ini', section: /^\[pytest\]\s*$/ },
  { file: 'pyproject.toml', section: /^\[tool\.pytest(\.ini_options)?\]\s*$/ },
  { file: 'tox.ini', section: /^\[pytest\]\s*$/ },
  { file: 'setup.cfg', section: /^\[tool:pytest\]\s*$/ },
];

export class PytestConfigs {
  /** Per directory: the mode of the nearest configuration at or above it, or null (none: strict). */
  private readonly byDir = new Map<string, AsyncioMode | null>();

  /** Per directory: the nearest requirement at or above it that keeps pytest-asyncio below 0.24 (`file: requirement`), or null. */
  private readonly pinsByDir = new Map<string, string | null>();

  constructor(
    private readonly read: (path: string) => string | null = readOrNull,
    private readonly list: (dir: string) => string[] = listOrEmpty,
  ) {}

  /**
   * A requirement in a dependency file of a directory above `absPath` (requirements*.txt, pyproject.toml,
   * setup.cfg, Pipfile) that allows only pytest-asyncio versions before 0.24, which have no `loop_scope`: as
   * `file: requirement`, or null (no such pin, or an unknown version: the current one is assumed). A pin of
   * pytest itself below 8.2 counts too (pytest-asyncio 0.24 needs pytest 8.2): a sync project's requirements
   * often name pytest and not yet pytest-asyncio, which installing then resolves to a version without `loop_scope`.
   */
  oldAsyncioPin(absPath: string): string | null {
    return nearestAbove(absPath, this.pinsByDir, (dir) => this.pinIn(dir));
  }

  private pinIn(dir: string): string | null {
    const own = pinBelowIn(dir, { name: 'pytest[-_.]asyncio', shown: 'pytest-asyncio', limit: [0, 24] }, this.read, this.list);
    if (own !== null) return own;
    const pytest = pinBelowIn(dir, { name: 'pytest', shown: 'pytest', limit: [8, 2] }, this.read, this.list);
    return pytest === null ? null : `${pytest}, and pytest-asyncio 0.24 needs pytest 8.2`;
  }

  /** The mode the nearest pytest configuration above `absPath` sets (pytest uses the first one it finds). */
  modeFor(absPath: string): AsyncioMode {
    return nearestAbove(absPath, this.byDir, (dir) => this.configIn(dir)) ?? 'strict';
  }


  /** The mode a config file in `dir` sets, or null when no file there configures pytest. */
  private configIn(dir: string): AsyncioMode | null {
    for (const candidate of CANDIDATES) {
      const text = this.read(`${dir === '/' ? '' : dir}/${candidate.file}`);
      if (text === null) continue;
      const section = sectionOf(text, candidate.section);
      // pytest.ini is the configuration even without a [pytest] section; the others only with theirs.
      if (section === null && candidate.file !== 'pytest.ini') continue;
      return modeIn(section ?? '');
    }
    return null;
  }
}

/**
 * A requirement in a dependency file of `dir` (pyproject.toml, setup.cfg, Pipfile, requirements*.txt/.in) that
 * allows only versions of the package `name` (requirementSpecs) before `limit`: as `file: requirement` (the
 * package shown as `shown`), or null.
 */
export function pinBelowIn(
  dir: string,
  pkg: { name: string; shown: string; limit: readonly number[] },
  read: (path: string) => string | null = readOrNull,
  list: (dir: string) => string[] = listOrEmpty,
): string | null {
  const prefix = dir === '/' ? '' : dir;
  const files = ['pyproject.toml', 'setup.cfg', 'Pipfile', ...list(dir).filter((f) => /^requirements.*\.(txt|in)$/.test(f)).sort()];
  const mentions = new RegExp(pkg.name, 'i');
  for (const file of files) {
    const text = read(`${prefix}/${file}`);
    if (text === null || !mentions.test(text)) continue;
    for (const requirement of requirementSpecs(text, pkg.name)) if (capsBelow(requirement, pkg.limit)) return `${file}: \`${pkg.shown}${/^[<>=!~]/.test(requirement.trim()) ? '' : ' '}${requirement.trim()}\``;
  }
  return null;
}

function sectionOf(text: string, header: RegExp): string | null {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => header.test(l.trim()));
  if (at < 0) return null;
  const body: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (/^\s*\[/.test(line)) break;
    body.push(line);
  }
  return body.join('\n');
}

function modeIn(section: string): AsyncioMode {
  const direct = /^\s*asyncio_mode\s*[=:]\s*["']?(\w+)/m.exec(section);
  if (direct) return direct[1] === 'auto' ? 'auto' : 'strict';
  return /--asyncio-mode[=\s]+["']?auto\b/.test(section) ? 'auto' : 'strict';
}

/**
 * What `inDir` finds in the nearest directory at or above `absPath`'s that has anything (null when none does), as
 * pytest looks for its configuration. Every directory walked through is memoised with that answer.
 */
function nearestAbove<T>(absPath: string, memo: Map<string, T | null>, inDir: (dir: string) => T | null): T | null {
  const visited: string[] = [];
  let dir = dirname(posix(absPath));
  let found: T | null = null;
  for (;;) {
    const cached = memo.get(dir);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(dir);
    found = inDir(dir);
    if (found !== null) break;
    if (dir === '/' || /^[A-Za-z]:\/?$/.test(dir)) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of visited) memo.set(d, found);
  return found;
}

/** The version specifiers given for pytest-asyncio in a dependency file, each as written (`==0.21.1`, `^0.21`, `>=0.20,<0.24`). */
export function asyncioRequirements(text: string): string[] {
  return requirementSpecs(text, 'pytest[-_.]asyncio');
}

/**
 * The version specifiers a dependency file gives for the package whose name matches `name` (a regular
 * expression source, matched whole and case-insensitively: `sqlalchemy` is not `flask-sqlalchemy` nor
 * `sqlalchemy-utils`), each as written.
 */
export function requirementSpecs(text: string, name: string): string[] {
  const named = new RegExp(`(^|[\\s"'\\[,])${name}(\\[[^\\]]*\\])?`, 'i');
  const found: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*#/.test(line)) continue;
    const name = named.exec(line);
    if (!name) continue;
    const rest = line.slice(name.index + name[0].length);
    // TOML (Poetry, Pipfile): `pytest-asyncio = "^0.21"`, `pytest-asyncio = { version = "0.21.1" }`.
    const toml = /^["']?\s*=\s*(?:\{[^}]*\bversion\s*=\s*)?["']([^"']*)["']/.exec(rest);
    // PEP 508 (requirements, setup.cfg, PEP 621 lists): `pytest-asyncio==0.21.1`, `"pytest-asyncio>=0.20,<0.24"`.
    const pep = /^\s*((?:[<>=!~^]=?|===)\s*[\w.*]+(?:\s*,\s*(?:[<>=!~]=?|===)\s*[\w.*]+)*)/.exec(rest);
    const spec = toml?.[1] ?? pep?.[1];
    if (spec !== undefined) found.push(spec);
  }
  return found;
}

/** Whether a version specifier allows only versions before 0.24 (see PytestConfigs.oldAsyncioPin). */
export function capsBelowLoopScope(spec: string): boolean {
  return capsBelow(spec, [0, 24]);
}

/** Whether a version specifier allows only versions before `limit` (`==1.4.46`, `<2`, `~=1.4`, `^1.4` below 2.0). */
export function capsBelow(spec: string, limit: readonly number[]): boolean {
  return spec.split(',').some((clause) => {
    const m = /^\s*(===|==|<=|<|~=|\^|~|>=|>|!=)?\s*v?(\d+(?:\.(?:\d+|\*))*)\s*$/.exec(clause);
    if (!m) return false;
    const op = m[1] ?? '==';
    const parts = (m[2] as string).split('.');
    const wildcard = parts.includes('*');
    const v = parts.filter((p) => p !== '*').map(Number);
    switch (op) {
      case '==':
      case '===':
        // `0.21.*` is below 0.24 as its prefix is; `0.*` is not.
        return wildcard ? v.length >= 2 && compare(v, limit) < 0 : compare(v, limit) < 0;
      case '<':
        return compare(v, limit) <= 0;
      case '<=':
        return compare(v, limit) < 0;
      case '~=':
        return v.length >= 2 && compare(bump(v.slice(0, -1)), limit) <= 0;
      case '~':
        return compare(bump(v.length >= 2 ? v.slice(0, 2) : v.slice(0, 1)), limit) <= 0;
      case '^': {
        // Poetry's caret: the first non-zero part is kept (`^0.21.1` is `>=0.21.1,<0.22`).
        const lead = v.findIndex((x) => x !== 0);
        return compare(bump(v.slice(0, lead < 0 ? v.length : lead + 1)), limit) <= 0;
      }
      default:
        return false;
    }
  });
}

/** `[0, 21]` → `[0, 22]`: the last part raised by one. */
function bump(v: number[]): number[] {
  return v.length === 0 ? v : [...v.slice(0, -1), (v[v.length - 1] as number) + 1];
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The directory's entries; none when it cannot be read. */
export function listOrEmpty(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The file's text; null when it cannot be read. */
export function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
