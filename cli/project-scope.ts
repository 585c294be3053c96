import * as path from 'node:path';
import { displayPathFor } from '../engine/discover';
import { findProjectRoot, isWithin } from '../engine/project-root';
import type { ProjectContext } from '../engine/run';

/** Why the index covers what it covers, for the note on stderr. */
export type ProjectScope =
  | { kind: 'whole' }
  | { kind: 'partial'; root: string; from: 'option' | 'config' | 'marker' }
  | { kind: 'unknown'; near: string };

/**
 * Which project the paths belong to. A run on part of a project must still index all of it: whether a
 * function becomes async, and so whether a call to it needs `await`, depends on the modules it calls.
 * The root is `--project-root`, else the directory of the configuration file in use, else the nearest
 * directory with a project marker or `.git` (engine/project-root.ts). Throws an Error (the caller's usage
 * error) when `--project-root` does not hold every path.
 */
export function projectScope(
  paths: readonly string[],
  cwd: string,
  explicitRoot: string | undefined,
  configDir: string | null,
  markers: readonly string[],
): ProjectScope {
  const targets = paths.map((p) => path.resolve(cwd, p));
  const holdsAll = (dir: string): boolean => targets.every((t) => isWithin(t, dir));
  const partialUnder = (root: string, from: 'option' | 'config' | 'marker'): ProjectScope =>
    targets.some((t) => t === root) ? { kind: 'whole' } : { kind: 'partial', root, from };
  if (explicitRoot !== undefined) {
    const root = path.resolve(cwd, explicitRoot);
    if (!holdsAll(root)) throw new Error(`--project-root ${explicitRoot} does not hold every path given (${paths.join(', ')})`);
    return partialUnder(root, 'option');
  }
  if (configDir !== null && holdsAll(configDir)) return partialUnder(configDir, 'config');
  const found = findProjectRoot(targets, markers);
  if (found === null) {
    // Run on the working directory itself: nothing suggests a bigger project to look for.
    const onCwd = targets.length === 1 && targets[0] === path.resolve(cwd);
    return onCwd ? { kind: 'whole' } : { kind: 'unknown', near: targets[0] ?? cwd };
  }
  return partialUnder(found, 'marker');
}

/** Notes for stderr about a run that indexed more (or less) than it reports; `context.root` as displayed. */
export function scopeNotes(scope: ProjectScope, context: ProjectContext | undefined, cwd: string, markers: readonly string[]): string[] {
  if (scope.kind === 'unknown') {
    return [
      `no project root found above ${displayPathFor(cwd, scope.near)} (no ${markers.join(', ')} or .git): only the given paths were read, ` +
        'so calls into other modules of the project are not known; name the project with --project-root',
    ];
  }
  if (context === undefined) return [];
  const root = context.root;
  const notes = [`read ${context.indexed} more file(s) of the project at ${root} for the index; changes and findings are shown for the given paths only`];
  if (context.wouldChange.length > 0) {
    const shown = context.wouldChange.slice(0, 5).join(', ');
    const more = context.wouldChange.length > 5 ? `, and ${context.wouldChange.length - 5} more` : '';
    notes.push(
      `these changes assume the rest of the project is migrated as well: ${context.wouldChange.length} other file(s) would change (${shown}${more}); ` +
        `run awaitify on ${root} to see them`,
    );
  }
  return notes;
}

export function displayRoot(root: string, cwd: string): string {
  return path.resolve(cwd) === root ? '.' : displayPathFor(cwd, root);
}
