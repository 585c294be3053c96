// Pieces shared by the per-kind file generators.

import { Rng } from './random';
import { PyWriter } from './writer';

/** A module's target length: most between the bounds' middle, a few near either end. */
export function targetLines(rng: Rng, min: number, max: number): number {
  return Math.round(min + ((max - min) * (rng.next() + rng.next() + rng.next())) / 3);
}

export type Maker = (w: PyWriter, used: Set<string>) => boolean;

/**
 * Adds blocks from `makers` (picked at random, each block separated by blank lines) until the module
 * reaches `target` lines. A maker returns false when it has nothing new to add (its name is taken),
 * and gives up after enough refusals so a small domain simply yields a shorter file.
 */
export function fill(rng: Rng, w: PyWriter, target: number, makers: readonly Maker[], gap = 2, used = new Set<string>()): void {
  let refusals = 0;
  while (w.lineCount < target && refusals < makers.length * 4) {
    const before = w.lineCount;
    w.blank(gap);
    if (!rng.pick(makers)(w, used)) {
      // Undo the gap: a refused maker wrote nothing.
      w.truncate(before);
      refusals++;
    }
  }
}

/** Claims a name in the module; false when an earlier block already defined it. */
export function claim(used: Set<string>, name: string): boolean {
  if (used.has(name)) return false;
  used.add(name);
  return true;
}

/** Python import lines, grouped stdlib / third-party / local like isort does. */
export function importBlock(groups: string[][]): string[] {
  const out: string[] = [];
  for (const group of groups) {
    if (group.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(...mergeImports(group));
  }
  return out;
}

/**
 * Merges `from m import a` / `from m import b` into one line per module and puts plain `import m`
 * lines first, as isort would.
 */
export function mergeImports(lines: Iterable<string>): string[] {
  const plain = new Set<string>();
  const from = new Map<string, Set<string>>();
  for (const line of lines) {
    const match = /^from (\S+) import (.+)$/.exec(line);
    if (!match) {
      plain.add(line);
      continue;
    }
    const names = from.get(match[1] as string) ?? new Set<string>();
    for (const name of (match[2] as string).split(',')) names.add(name.trim());
    from.set(match[1] as string, names);
  }
  const fromLines = [...from.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([module, names]) => `from ${module} import ${[...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())).join(', ')}`);
  return [...[...plain].sort(), ...fromLines];
}

const TODO_NOTES = [
  'TODO: move to a background job once the queue is in place',
  'NOTE: keep in sync with the reporting export',
  'FIXME: this double-counts rows when the import is re-run',
  'Business rule agreed with finance, see the wiki page "Closing periods"',
  'Kept for backwards compatibility with the v1 mobile client',
  'Deliberately tolerant: upstream sends empty strings for missing values',
];

export function maybeComment(rng: Rng, w: PyWriter, p = 0.15): void {
  if (rng.chance(p)) w.line(`# ${rng.pick(TODO_NOTES)}`);
}
