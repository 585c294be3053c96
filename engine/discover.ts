import { Dirent, existsSync, lstatSync, readdirSync, readFileSync, realpathSync, Stats, statSync } from 'node:fs';
import * as path from 'node:path';
import ignore, { Ignore } from 'ignore';
import picomatch from 'picomatch';

export interface DiscoverOptions {
  cwd: string;
  /** Globs matched against paths relative to cwd (POSIX separators). */
  exclude: string[];
  /**
   * Globs (like `exclude`) a file must match to be taken; absent or null = every file. Directories are
   * still walked, since a glob may match below any of them; only files are tested.
   */
  include?: string[] | null;
  extensions: string[];
}

export interface DiscoveredFile {
  absPath: string;
  /** The file behind any symbolic links: the same file reached twice is taken once. */
  realPath: string;
  /** Relative to cwd with POSIX separators, as printed and in diff headers. */
  displayPath: string;
}

export interface DiscoveryProblem {
  displayPath: string;
  reason: string;
  /** A path the user named that does not exist is a usage error; a broken link found in a walk is not. */
  fatal: boolean;
}

export interface Discovery {
  files: DiscoveredFile[];
  problems: DiscoveryProblem[];
  /** Files and directories left out by gitignore, default or user excludes, or not matched by `include`. */
  excludedCount: number;
}

/** Directory names never walked into: version control, caches, build output, dependencies. */
const DEFAULT_EXCLUDED_DIRS = new Set([
  '.git', '.hg', '.svn', '.bzr', 'node_modules', '__pycache__', '__pypackages__', '.venv', 'venv', '.tox', '.nox',
  '.eggs', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.pytype', '.direnv', 'site-packages', 'build', 'dist',
  '_build', 'buck-out', '.ipynb_checkpoints',
]);

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** The order of discovered files: by display path, so runs are deterministic. */
export function byDisplayPath(a: DiscoveredFile, b: DiscoveredFile): number {
  return a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0;
}

export function displayPathFor(cwd: string, absPath: string): string {
  const rel = path.relative(cwd, absPath);
  return toPosix(rel === '' ? path.basename(absPath) : rel);
}

interface IgnoreLayer {
  dir: string;
  matcher: Ignore;
}

/**
 * Files named on the command line are always taken (per-file invocation); directories are walked
 * with gitignore rules (every .gitignore from the repository root down), default excludes and the
 * user's --exclude globs applied. Output is sorted so runs are deterministic. Synchronous: one
 * directory after another either way, and a thread-pool round trip per file system call cost more than
 * the calls (10,000 files: 0.4–0.5 s, against 0.7–2.0 s awaited; docs/performance.md, "Tenth session").
 */
export function discoverFiles(paths: string[], options: DiscoverOptions): Discovery {
  const excludeMatchers = options.exclude.map((glob) => picomatch(glob, { dot: true }));
  const isUserExcluded = (displayPath: string): boolean =>
    excludeMatchers.some((match) => match(displayPath) || match(`${displayPath}/`));
  const includeMatchers = options.include ? options.include.map((glob) => picomatch(glob, { dot: true })) : null;
  const isLeftOutByInclude = (displayPath: string): boolean => includeMatchers !== null && !includeMatchers.some((match) => match(displayPath));
  const extensions = new Set(options.extensions.map((ext) => `.${ext}`));
  const files = new Map<string, DiscoveredFile>();
  const problems: DiscoveryProblem[] = [];
  let excludedCount = 0;

  const addFile = (absPath: string): void => {
    const displayPath = displayPathFor(options.cwd, absPath);
    if (isLeftOutByInclude(displayPath)) {
      excludedCount++;
      return;
    }
    let real: string;
    try {
      real = realpathSync.native(absPath);
    } catch {
      problems.push({ displayPath, reason: 'broken symbolic link', fatal: false });
      return;
    }
    if (!files.has(real)) files.set(real, { absPath, realPath: real, displayPath });
  };

  const walk = (dir: string, layers: IgnoreLayer[]): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ displayPath: displayPathFor(options.cwd, dir), reason: `cannot read directory: ${errorCode(error)}`, fatal: false });
      return;
    }
    if (entries.some((e) => e.name === 'pyvenv.cfg' && e.isFile())) {
      excludedCount++;
      return; // a virtualenv
    }
    const here = loadGitignore(dir);
    const active = here ? [...layers, here] : layers;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // An Alembic script directory: its versions/ hold migrations that must stay as they were written,
    // and its env.py runs under Alembic's sync engine, so it stays sync too.
    const isAlembicScripts =
      entries.some((e) => e.name === 'script.py.mako') ||
      (entries.some((e) => e.name === 'env.py') && entries.some((e) => e.name === 'versions') && mentionsAlembic(path.join(dir, 'env.py')));
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      const displayPath = displayPathFor(options.cwd, abs);
      const isDir = entry.isDirectory();
      if (isAlembicScripts && !isDir && entry.name === 'env.py') {
        excludedCount++;
        continue;
      }
      if (isDir && (DEFAULT_EXCLUDED_DIRS.has(entry.name) || entry.name.endsWith('.egg-info') || (isAlembicScripts && entry.name === 'versions'))) {
        excludedCount++;
        continue;
      }
      if (isGitIgnored(active, abs, isDir) || isUserExcluded(displayPath)) {
        excludedCount++;
        continue;
      }
      if (isDir) {
        walk(abs, active);
      } else if (entry.isSymbolicLink()) {
        // Links to directories are not followed (cycles); links to files are taken like files.
        const target = statOrNull(abs, statSync);
        if (target === null) {
          if (extensions.has(path.extname(entry.name))) problems.push({ displayPath, reason: 'broken symbolic link', fatal: false });
        } else if (target.isFile() && extensions.has(path.extname(entry.name))) {
          addFile(abs);
        }
      } else if (entry.isFile() && extensions.has(path.extname(entry.name))) {
        addFile(abs);
      }
    }
  };

  for (const given of paths) {
    const abs = path.resolve(options.cwd, given);
    const displayPath = displayPathFor(options.cwd, abs);
    const linkStat = statOrNull(abs, lstatSync);
    if (linkStat === null) {
      problems.push({ displayPath, reason: 'no such file or directory', fatal: true });
      continue;
    }
    const stat = statOrNull(abs, statSync);
    if (stat === null) {
      problems.push({ displayPath, reason: 'broken symbolic link', fatal: true });
    } else if (stat.isDirectory()) {
      walk(abs, gitignoreLayersAbove(abs));
    } else if (isUserExcluded(displayPath)) {
      excludedCount++;
    } else if (!stat.isFile()) {
      // A FIFO or device would block or never end when read.
      problems.push({ displayPath, reason: 'not a regular file', fatal: false });
    } else {
      addFile(abs);
    }
  }

  const sorted = [...files.values()].sort(byDisplayPath);
  return { files: sorted, problems, excludedCount };
}

/** An app's own env.py beside a versions/ package is not Alembic's: only one that uses alembic is. */
function mentionsAlembic(file: string): boolean {
  const text = readTextOrNull(file) ?? '';
  return /\balembic\b/.test(text);
}

function loadGitignore(dir: string): IgnoreLayer | null {
  const names = ['.gitignore'];
  // The repository-wide exclude file lives in .git/info/exclude and applies from the root.
  if (existsSync(path.join(dir, '.git'))) names.push(path.join('.git', 'info', 'exclude'));
  const contents: string[] = [];
  for (const name of names) {
    const text = readTextOrNull(path.join(dir, name));
    if (text !== null) contents.push(text);
  }
  if (contents.length === 0) return null;
  return { dir, matcher: ignore().add(contents.join('\n')) };
}

/** The .gitignore files between the repository root and a directory, outermost first. */
function gitignoreLayersAbove(dir: string): IgnoreLayer[] {
  const chain: string[] = [];
  let current = path.dirname(dir);
  let root: string | null = existsSync(path.join(dir, '.git')) ? dir : null;
  while (root === null) {
    chain.unshift(current);
    if (existsSync(path.join(current, '.git'))) root = current;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (root === null || root === dir) return [];
  const layers: IgnoreLayer[] = [];
  for (const d of chain) {
    const layer = loadGitignore(d);
    if (layer) layers.push(layer);
  }
  return layers;
}

function isGitIgnored(layers: IgnoreLayer[], abs: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const rel = toPosix(path.relative(layer.dir, abs));
    if (rel === '' || rel.startsWith('..')) continue;
    if (layer.matcher.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** `stat(p)`, or null on any error (missing, unreadable, a broken link). */
export function statOrNull(p: string, stat: (p: string) => Stats): Stats | null {
  try {
    return stat(p);
  } catch {
    return null;
  }
}

function readTextOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** What discoverFiles is: a run may be handed another (see RunOptions.discover). */
export type Discover = (paths: string[], options: DiscoverOptions) => Discovery;

/**
 * discoverFiles, each answer kept for the same paths and options: the CLI walks the project to choose the session
 * dependency and the SQLAlchemy target before runProject walks it again, 0.35–0.5 s each on 10,000 files. One walk
 * also means every step sees the same file list. The Discovery objects handed out are shared: not to be changed.
 */
export function rememberingDiscovery(): Discover {
  const known = new Map<string, Discovery>();
  return (paths, options) => {
    const key = JSON.stringify([paths, options.cwd, options.exclude, options.include ?? null, options.extensions]);
    const found = known.get(key) ?? discoverFiles(paths, options);
    known.set(key, found);
    return found;
  };
}

export function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return String((error as { code: unknown }).code);
  return error instanceof Error ? error.message : String(error);
}
