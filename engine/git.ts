import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';

const STATUS_CHUNK = 500;

export interface DirtyCheck {
  /** Absolute paths with uncommitted changes (modified, staged, untracked or gitignored). */
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
    const rels = files.map((f) => path.relative(root, f));
    const changed = new Set<string>();
    // Paths go on the command line in chunks: `git status` has no --pathspec-from-file, and one
    // argv for a whole repository could overflow. --literal-pathspecs: a name like `a[1].py` is a
    // file, not a glob. --ignored with --untracked-files=all lists each ignored file: a gitignored
    // file was never committed either, so git could not restore it.
    for (let i = 0; i < rels.length; i += STATUS_CHUNK) {
      const out = execFileSync(
        'git',
        ['--literal-pathspecs', '-C', root, 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored', '--', ...rels.slice(i, i + STATUS_CHUNK)],
        { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
      );
      for (const entry of out.split('\0')) if (entry.length > 3) changed.add(entry.slice(3));
    }
    for (const [i, rel] of rels.entries()) {
      if (changed.has(rel.split(path.sep).join('/'))) result.dirty.push(originals.get(files[i] as string) as string);
    }
  }
  return result;
}
