import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';

export interface DirtyCheck {
  /** Absolute paths with uncommitted changes (modified, staged, or untracked). */
  dirty: string[];
  /** Absolute paths not inside any git work tree: nothing to check, and no undo either. */
  untracked: string[];
}

function gitRoot(dir: string): string | null {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Which of these files git would not let a user get back: uncommitted changes or never committed. */
export function checkGitDirty(absPaths: readonly string[]): DirtyCheck {
  const byRoot = new Map<string, string[]>();
  const rootOfDir = new Map<string, string | null>();
  const result: DirtyCheck = { dirty: [], untracked: [] };
  const originals = new Map<string, string>();
  for (const given of absPaths) {
    // git reports real paths; a file reached through a symlinked directory must be compared as one.
    const file = realpathSync(given);
    const dir = path.dirname(file);
    if (!rootOfDir.has(dir)) rootOfDir.set(dir, gitRoot(dir));
    const root = rootOfDir.get(dir) ?? null;
    if (root === null) result.untracked.push(given);
    else byRoot.set(root, [...(byRoot.get(root) ?? []), file]);
    originals.set(file, given);
  }
  for (const [root, files] of byRoot) {
    // Paths relative to the root, fed through a pathspec file so huge lists don't overflow argv.
    const rels = files.map((f) => path.relative(root, f));
    const out = execFileSync('git', ['-C', root, 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--pathspec-from-file=-', '--pathspec-file-nul'], {
      encoding: 'utf8',
      input: rels.join('\0'),
      maxBuffer: 256 * 1024 * 1024,
    });
    const entries = out.split('\0').filter((e) => e.length > 3);
    const changed = new Set(entries.map((e) => e.slice(3)));
    for (const [i, rel] of rels.entries()) {
      if (changed.has(rel.split(path.sep).join('/'))) result.dirty.push(originals.get(files[i] as string) as string);
    }
  }
  return result;
}
