import * as fs from 'node:fs';
import * as path from 'node:path';
import { statOrNull } from './discover';

/**
 * The directory whose files make up the project the given paths belong to: the nearest directory at or
 * above their common ancestor that holds one of the language's project markers (Python: pyproject.toml,
 * setup.py, ...), else the repository root (a directory holding `.git`). Null when neither is found
 * before the filesystem root. Paths must be absolute.
 */
export function findProjectRoot(paths: readonly string[], markers: readonly string[]): string | null {
  let dir: string | null = commonDirectory(paths);
  while (dir !== null) {
    if (markers.some((name) => isFile(path.join(dir as string, name))) || fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    dir = parent === dir ? null : parent;
  }
  return null;
}

/** The deepest directory holding every path (a file's own directory when it is alone). */
export function commonDirectory(paths: readonly string[]): string {
  const dirs = paths.map((p) => (isDirectory(p) ? p : path.dirname(p)));
  let common = dirs[0] ?? path.sep;
  for (const dir of dirs.slice(1)) {
    while (!isWithin(dir, common)) {
      const parent = path.dirname(common);
      if (parent === common) break;
      common = parent;
    }
  }
  return common;
}

/** True when `p` is `dir` or below it. */
export function isWithin(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function isFile(p: string): boolean {
  return statOrNull(p, fs.statSync)?.isFile() ?? false;
}

function isDirectory(p: string): boolean {
  return statOrNull(p, fs.statSync)?.isDirectory() ?? false;
}
