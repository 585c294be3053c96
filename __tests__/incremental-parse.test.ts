// An incremental parse (support/js-tree.ts's reparseJsTree, what the engine runs after each transform's edits)
// must give the very copy a full parse of the new text gives: the analyses after it cannot tell the two apart.
// Checked on the edits the transforms really make (every fixture's input turned into its expected output,
// line by line and character by character) and on random edits, including ones that break the syntax.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { diffChars, diffLines, type Change } from 'diff';
import type { SgRoot } from '@ast-grep/napi';
import { Language, Parser } from 'web-tree-sitter';
import { disposeJsTree, loadJsTrees, parseJsTree, pinnedTrees, reparseJsTree, shelveJsTree, type SourceEdit } from '../transforms/python/support/js-tree';
import { copyTree, type NodeArrays, reuseCounts } from '../transforms/python/support/tree-copy';
import { firstSyntaxError, pythonLanguage } from '../transforms/python/support/language';
import { runProject } from '../engine/run';
import { DEFAULT_TRANSFORM_OPTIONS } from '../engine/types';
import { presetFor, selectTransforms } from '../cli/run-command';

const FIXTURES = path.join(__dirname, '..', 'testfixtures');

function pythonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? pythonFiles(full) : name.endsWith('.py') ? [full] : [];
  });
}

/** Fixture inputs and their expected outputs: a per-transform `x.input.py`/`x.output.py`, a preset case's `input/`/`output/`. */
function pairs(): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const file of pythonFiles(FIXTURES)) {
    let expected: string | null = null;
    if (file.endsWith('.input.py')) expected = file.replace(/\.input\.py$/, '.output.py');
    else if (file.includes(`${path.sep}input${path.sep}`)) expected = file.replace(`${path.sep}input${path.sep}`, `${path.sep}output${path.sep}`);
    if (expected === null) continue;
    let after: string;
    try {
      after = readFileSync(expected, 'utf8');
    } catch {
      continue;
    }
    const before = readFileSync(file, 'utf8');
    if (before !== after) out.push([path.relative(FIXTURES, file), before, after]);
  }
  return out;
}

/** The edits turning `before` into `after`, from a diff: offsets in `before`, sorted, not overlapping. */
function editsOf(changes: Change[]): SourceEdit[] {
  const edits: SourceEdit[] = [];
  let at = 0;
  for (const change of changes) {
    if (change.added) {
      const last = edits[edits.length - 1];
      if (last !== undefined && last.end === at) last.text += change.value;
      else edits.push({ start: at, end: at, text: change.value });
    } else if (change.removed) {
      edits.push({ start: at, end: at + change.value.length, text: '' });
      at += change.value.length;
    } else {
      at += change.value.length;
    }
  }
  return edits;
}

function apply(text: string, edits: readonly SourceEdit[]): string {
  let out = '';
  let cursor = 0;
  for (const edit of edits) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

interface Arrays {
  kinds: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  named: Uint8Array;
  fields: Uint16Array;
  parents: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
}

/** The first node where the two copies differ, described, or null when they are the same. */
function firstDifference(a: SgRoot, b: SgRoot): string | null {
  const x = a as unknown as Arrays;
  const y = b as unknown as Arrays;
  if (x.kinds.length !== y.kinds.length) return `${x.kinds.length} nodes against ${y.kinds.length}`;
  for (const key of ['kinds', 'starts', 'ends', 'named', 'fields', 'parents', 'firstChild', 'nextSibling'] as const) {
    const i = x[key].findIndex((value, k) => value !== y[key][k]);
    if (i >= 0) return `${key}[${i}]: ${x[key][i]} against ${y[key][i]}`;
  }
  return null;
}

/** Reparses `before`'s tree into `after`'s through `edits`; the difference from a full parse of `after`, or null. */
function check(before: string, edits: readonly SourceEdit[]): string | null {
  const after = apply(before, edits);
  const full = parseJsTree(after);
  const old = parseJsTree(before);
  const incremental = reparseJsTree(old, after, edits);
  const verdict = (tree: SgRoot) => JSON.stringify(firstSyntaxError(tree));
  return firstDifference(full, incremental) ?? (verdict(full) === verdict(incremental) ? null : 'syntax verdicts differ');
}

/** A small seeded generator (mulberry32), so a failing case can be run again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = ['await ', 'async ', '\n', '    ', '(', ')', ':', 'x', '"', "'''", '#', '\r\n', 'ü', '😀', 'db.commit()\n', '\n    pass\n', ''];

function randomEdits(text: string, next: () => number): SourceEdit[] {
  const count = 1 + Math.floor(next() * 6);
  const points = Array.from({ length: 2 * count }, () => Math.floor(next() * (text.length + 1))).sort((a, b) => a - b);
  const edits: SourceEdit[] = [];
  for (let k = 0; k < count; k++) {
    let start = points[2 * k] as number;
    let end = next() < 0.5 ? start : (points[2 * k + 1] as number);
    // Never split a surrogate pair: the engine's edits are between characters.
    if (/[\uDC00-\uDFFF]/.test(text[start] ?? '')) start--;
    if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++;
    if (edits.length > 0 && start < (edits[edits.length - 1] as SourceEdit).end) continue;
    edits.push({ start, end, text: SNIPPETS[Math.floor(next() * SNIPPETS.length)] as string });
  }
  return edits;
}

beforeAll(async () => {
  await loadJsTrees();
});

test('the fixtures give enough edited files to compare', () => {
  expect(pairs().length).toBeGreaterThan(300);
});

test("every fixture's edits, line by line: the incremental parse is the full parse", () => {
  const differences = pairs().flatMap(([name, before, after]) => {
    const difference = check(before, editsOf(diffLines(before, after)));
    return difference === null ? [] : [`${name}: ${difference}`];
  });
  expect(differences).toEqual([]);
});

test("every fixture's edits, character by character: the incremental parse is the full parse", () => {
  const differences = pairs()
    .filter(([, before]) => before.length < 6000)
    .flatMap(([name, before, after]) => {
      const difference = check(before, editsOf(diffChars(before, after)));
      return difference === null ? [] : [`${name}: ${difference}`];
    });
  expect(differences).toEqual([]);
});

test('random edits, valid or not: the incremental parse is the full parse', () => {
  const sources = pairs().map(([, before]) => before).filter((_, i) => i % 5 === 0);
  const next = random(7);
  const differences: string[] = [];
  sources.forEach((source, i) => {
    for (let round = 0; round < 4; round++) {
      const edits = randomEdits(source, next);
      const difference = check(source, edits);
      if (difference !== null) differences.push(`source ${i}, edits ${JSON.stringify(edits)}: ${difference}`);
    }
  });
  expect(differences).toEqual([]);
});

test('a chain of edits reuses each new tree, and a tree that is not the last parsed is parsed in full', () => {
  const first = 'def f(db):\n    db.commit()\n';
  const edits1 = [{ start: 15, end: 15, text: 'await ' }];
  const second = apply(first, edits1);
  const edits2 = [{ start: 0, end: 0, text: 'async ' }];
  const third = apply(second, edits2);
  const a = parseJsTree(first);
  const b = reparseJsTree(a, second, edits1);
  const c = reparseJsTree(b, third, edits2);
  expect(firstDifference(c, parseJsTree(third))).toBeNull();
  // `a` is no longer the last tree parsed: the edits are applied to a full parse instead.
  const again = reparseJsTree(a, second, edits1);
  expect(firstDifference(again, parseJsTree(second))).toBeNull();
});

test('the comparison sees a wrong tree, so the trees above were parsed incrementally', () => {
  // Telling the old tree the edit was somewhere else: tree-sitter then reuses `x = 1` as it was, and the
  // copy is wrong. A full parse would have been right, so this also shows reparseJsTree did reuse the tree.
  const before = 'x = 1\ny = 2\nz = 3\n';
  const after = 'x = 12\ny = 2\nz = 3\n';
  const wrong = [{ start: 14, end: 14, text: '2' }];
  const full = parseJsTree(after);
  const incremental = reparseJsTree(parseJsTree(before), after, wrong);
  expect(firstDifference(full, incremental)).not.toBeNull();
  expect(check(before, [{ start: 5, end: 5, text: '2' }])).toBeNull();
});

describe('copying the new tree', () => {
  const functions = Array.from({ length: 40 }, (_, k) => `def f${k}(db, x):\n    y = db.query(User).filter(User.id == x).first()\n    return [y, x + ${k}]\n`);
  const before = functions.join('\n');

  test('subtrees the edits left alone are copied from the tree before, not walked again', () => {
    const at = before.indexOf('db.query', before.indexOf('def f20'));
    const edits = [{ start: at, end: at, text: 'await ' }, { start: at + 30, end: at + 34, text: 'Users' }];
    const old = parseJsTree(before);
    const counts = { ...reuseCounts };
    const incremental = reparseJsTree(old, apply(before, edits), edits);
    const reused = reuseCounts.reusedNodes - counts.reusedNodes;
    const walked = reuseCounts.walkedNodes - counts.walkedNodes;
    expect(firstDifference(incremental, parseJsTree(apply(before, edits)))).toBeNull();
    // One statement of forty functions changed: the walk visits the path down to it and little else.
    expect(reused + walked).toBe((incremental as unknown as NodeArrays).kinds.length);
    expect(walked).toBeLessThan(reused / 20);
    expect(reuseCounts.fallbacks).toBe(counts.fallbacks);
  });

  /** A copy of `next`'s tree through copyTree, told `before` about the tree of `old`. */
  async function copyWith(old: string, next: string, edits: SourceEdit[], changed: { startIndex: number; endIndex: number }[]): Promise<SgRoot> {
    const parser = new Parser();
    parser.setLanguage(await Language.load(readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'))));
    const tree = parser.parse(next);
    if (tree === null) throw new Error('no tree');
    const ranges = changed.map((r) => ({ ...r, startPosition: { row: 0, column: 0 }, endPosition: { row: 0, column: 0 } }));
    try {
      return copyTree(tree, tree.rootNode.descendantCount, null, { copy: parseJsTree(old) as unknown as NodeArrays, edits, changed: ranges }) as unknown as SgRoot;
    } finally {
      tree.delete();
      parser.delete();
    }
  }

  test('a reused subtree whose size disagrees with the new tree makes the copy start over with a full walk', async () => {
    // The tree before is told nothing changed, so every node of the new tree looks reusable; the
    // argument lists differ in shape (`a,b` against `a+b`) at the same offsets and lengths, which only
    // the sizes of the subtrees tell apart.
    const fallbacks = reuseCounts.fallbacks;
    const copy = await copyWith('f(a,b)\ng(c)\n', 'f(a+b)\ng(c)\n', [], []);
    expect(reuseCounts.fallbacks).toBe(fallbacks + 1);
    expect(firstDifference(copy, parseJsTree('f(a+b)\ng(c)\n'))).toBeNull();
  });

  test("no node that tree-sitter's changed ranges touch is reused", async () => {
    // `a.b` and `a+b` have trees of one size and shape but other kinds inside; with no edit told, only
    // the changed range keeps the copy from taking the attribute for the binary operator.
    const fallbacks = reuseCounts.fallbacks;
    expect(firstDifference(await copyWith('a.b\n', 'a+b\n', [], []), parseJsTree('a+b\n'))).not.toBeNull();
    expect(firstDifference(await copyWith('a.b\n', 'a+b\n', [], [{ startIndex: 1, endIndex: 2 }]), parseJsTree('a+b\n'))).toBeNull();
    expect(reuseCounts.fallbacks).toBe(fallbacks);
  });

  test('no node an edit reaches into is reused, nor one a deletion touches', async () => {
    // Told as an edit instead of a changed range (tree-sitter leaves out a change of a leaf's text alone).
    expect(firstDifference(await copyWith('a.b\n', 'a+b\n', [{ start: 1, end: 2, text: '+' }], []), parseJsTree('a+b\n'))).toBeNull();
    // `xy.b` to `x.b` by deleting `y`: the identifier before the deletion ends where it was.
    expect(firstDifference(await copyWith('xy+b\n', 'x.b\n', [{ start: 1, end: 3, text: '.' }], []), parseJsTree('x.b\n'))).toBeNull();
    expect(firstDifference(await copyWith('a+bc\n', 'a.b\n', [{ start: 1, end: 2, text: '.' }, { start: 3, end: 4, text: '' }], []), parseJsTree('a.b\n'))).toBeNull();
  });
});

describe('trees pinned for the next segment', () => {
  // The wrong-edit trick above: a wrong tree comes back only when tree-sitter reused the old one.
  const before = 'x = 1\ny = 2\nz = 3\n';
  const after = 'x = 12\ny = 2\nz = 3\n';
  const wrong = [{ start: 14, end: 14, text: '2' }];
  const reused = (old: SgRoot) => firstDifference(parseJsTree(after), reparseJsTree(old, after, wrong)) !== null;

  test('a shelved tree whose file will likely be edited keeps tree-sitter\'s tree past other parses, until used', () => {
    const kept = parseJsTree(before);
    shelveJsTree(kept, true);
    expect(pinnedTrees().count).toBe(1);
    parseJsTree('other = 1\n');
    expect(reused(kept)).toBe(true);
    expect(pinnedTrees()).toEqual({ count: 0, bytes: 0 });
  });

  test('without the hint, or once disposed of, the tree is parsed in full', () => {
    const unlikely = parseJsTree(before);
    shelveJsTree(unlikely, false);
    parseJsTree('other = 1\n');
    expect(reused(unlikely)).toBe(false);
    // Pinned for one segment, then shelved for one that will likely leave it alone: the pin is dropped.
    const dropped = parseJsTree(before);
    shelveJsTree(dropped, true);
    expect(pinnedTrees().count).toBe(1);
    shelveJsTree(dropped, false);
    expect(pinnedTrees().count).toBe(0);
    expect(reused(dropped)).toBe(false);
    const disposed = parseJsTree(before);
    shelveJsTree(disposed, true);
    disposeJsTree(disposed);
    expect(pinnedTrees().count).toBe(0);
    expect(reused(disposed)).toBe(false);
  });

  test('a whole run leaves no tree pinned', async () => {
    const dir = path.join(FIXTURES, 'apps', 'blog');
    const preset = presetFor('default', undefined);
    let most = 0;
    const language = {
      ...pythonLanguage,
      shelve: (tree: SgRoot, editsLikely: boolean) => {
        const bytes = pythonLanguage.shelve!(tree, editsLikely);
        most = Math.max(most, pinnedTrees().count);
        return bytes;
      },
    };
    await runProject({
      paths: [dir], cwd: dir, exclude: [], language, transforms: selectTransforms(preset, undefined),
      transformOptions: { ...DEFAULT_TRANSFORM_OPTIONS, ...preset.options }, annotate: false, maxFileSize: 1 << 20,
    });
    expect(most).toBeGreaterThan(1);
    expect(pinnedTrees()).toEqual({ count: 0, bytes: 0 });
  });
});
