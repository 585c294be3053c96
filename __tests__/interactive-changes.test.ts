// The pure half of `apply --interactive`: which hunks form one change, and the text a set of
// accepted changes gives.
import { applyChanges, ChangeEdit, planChanges, splitLines } from '../cli/interactive/changes';
import { filePatch, unifiedDiff } from '../cli/print/diff';
import { attributeHunks } from '../cli/print/hunks';

const numbered = (count: number, eol = '\n'): string => Array.from({ length: count }, (_, i) => `line${i + 1}${eol}`).join('');

/** `text` with line `n` (1-based) replaced by `by` (which carries its own line ending, or is empty to delete). */
const replaceLine = (text: string, n: number, by: string): string => {
  const lines = splitLines(text);
  lines[n - 1] = by;
  return lines.join('');
};

const edit = (line: number, endLine = line, transform = 't', reason = `edit at ${line}`): ChangeEdit => ({ transform, reason, line, endLine });

/** Every subset of the change ids 1..count. */
function* subsets(count: number): Generator<Set<number>> {
  for (let mask = 0; mask < 1 << count; mask++) {
    yield new Set(Array.from({ length: count }, (_, i) => i + 1).filter((id) => (mask & (1 << (id - 1))) !== 0));
  }
}

describe('planChanges', () => {
  test('one change per hunk, with the hunk headers of the printed diff and the reasons of its edits', () => {
    const before = numbered(40);
    const after = replaceLine(replaceLine(before, 5, 'FIVE\n'), 30, 'THIRTY\n');
    const changes = planChanges(before, after, [edit(5, 5, 'a', 'upper five'), edit(30, 30, 'b', 'b')]);
    expect(changes.map((c) => [c.id, c.hunks.map((h) => h.header), c.reasons])).toEqual([
      [1, ['@@ -2,7 +2,7 @@'], ['a: upper five']],
      [2, ['@@ -27,7 +27,7 @@'], ['b']],
    ]);
    const printed = unifiedDiff('x.py', before, after);
    for (const change of changes) for (const hunk of change.hunks) expect(printed).toContain(`${hunk.header}\n${hunk.lines.join('\n')}\n`);
  });

  test('a reason that already names its transform is not prefixed twice', () => {
    const before = numbered(10);
    const after = replaceLine(before, 5, 'FIVE\n');
    const changes = planChanges(before, after, [edit(5, 5, 'q', 'q: converted'), edit(5, 5, 'q', 'import select')]);
    expect(changes[0]?.reasons).toEqual(['q: converted', 'q: import select']);
  });

  test('hunks one edit spans form a single change', () => {
    const before = numbered(40);
    // One edit rewrote lines 5..30, but only its first and last lines differ: the diff shows two hunks.
    const after = replaceLine(replaceLine(before, 5, 'FIVE\n'), 30, 'THIRTY\n');
    const changes = planChanges(before, after, [edit(5, 30, 'rewrite', 'whole block')]);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.hunks.map((h) => h.header)).toEqual(['@@ -2,7 +2,7 @@', '@@ -27,7 +27,7 @@']);
    expect(applyChanges(before, after, changes, new Set())).toBe(before);
    expect(applyChanges(before, after, changes, new Set([1]))).toBe(after);
  });

  test('--verbose attribution names an edit in every hunk it spans', () => {
    const before = numbered(40);
    const after = replaceLine(replaceLine(before, 5, 'FIVE\n'), 30, 'THIRTY\n');
    expect(attributeHunks(filePatch('x.py', before, after), [edit(5, 30, 'rewrite', 'whole block')]).map((h) => h.reasons)).toEqual([['rewrite: whole block'], ['rewrite: whole block']]);
  });

  test('an edit nested in a longer one joins the longer one, not its neighbour', () => {
    const before = numbered(60);
    const after = replaceLine(replaceLine(replaceLine(before, 5, 'FIVE\n'), 25, 'TWENTY-FIVE\n'), 45, 'FORTY-FIVE\n');
    const changes = planChanges(before, after, [edit(5, 45, 'outer'), edit(25, 25, 'inner'), edit(55, 55, 'unrelated-no-diff')]);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.hunks).toHaveLength(3);
  });

  test('a hunk no recorded edit meets stands alone, with no reason', () => {
    const before = numbered(30);
    const after = replaceLine(replaceLine(before, 3, 'THREE\n'), 25, 'X\n');
    const changes = planChanges(before, after, [edit(3)]);
    expect(changes.map((c) => c.reasons)).toEqual([['t: edit at 3'], []]);
  });

  test('headers of hunks with no old lines print the line before, as diff does', () => {
    const changes = planChanges('', 'a\nb\n', [edit(1, 2)]);
    expect(changes[0]?.hunks[0]?.header).toBe('@@ -0,0 +1,2 @@');
    expect(applyChanges('', 'a\nb\n', changes, new Set())).toBe('');
    expect(applyChanges('', 'a\nb\n', changes, new Set([1]))).toBe('a\nb\n');
  });
});

describe('applyChanges', () => {
  test('each subset of accepted changes applies exactly those changes', () => {
    const before = numbered(50);
    const picks: [number, string][] = [
      [2, 'TWO\n'],
      [15, 'FIFTEEN\nand a new line\n'],
      [28, ''],
      [48, 'FORTY-EIGHT\n'],
    ];
    const after = picks.reduceRight((text, [n, by]) => replaceLine(text, n, by), before);
    const changes = planChanges(before, after, picks.map(([n]) => edit(n)));
    expect(changes).toHaveLength(4);
    for (const accepted of subsets(4)) {
      const expected = picks.filter((_, i) => accepted.has(i + 1)).reduceRight((text, [n, by]) => replaceLine(text, n, by), before);
      expect(applyChanges(before, after, changes, accepted)).toBe(expected);
    }
  });

  test('CRLF line endings, a BOM and a missing final newline survive any selection', () => {
    const before = `\uFEFF${numbered(30, '\r\n')}last`;
    const after = replaceLine(replaceLine(before, 1, '\uFEFFfirst\r\n'), 31, 'last\r\n');
    const changes = planChanges(before, after, [edit(1), edit(31)]);
    expect(changes).toHaveLength(2);
    expect(applyChanges(before, after, changes, new Set([1]))).toBe(`\uFEFFfirst\r\n${numbered(30, '\r\n').slice('line1\r\n'.length)}last`);
    expect(applyChanges(before, after, changes, new Set([2]))).toBe(`\uFEFF${numbered(30, '\r\n')}last\r\n`);
    expect(applyChanges(before, after, changes, new Set([1, 2]))).toBe(after);
  });

  test('neighbouring edits within a few lines are one hunk, hence one change', () => {
    const before = numbered(20);
    const after = replaceLine(replaceLine(before, 8, 'EIGHT\n'), 12, 'TWELVE\n');
    const changes = planChanges(before, after, [edit(8), edit(12)]);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.reasons).toEqual(['t: edit at 8', 't: edit at 12']);
  });

  test('hunks that do not describe the texts are an error, not a guess', () => {
    const before = numbered(20);
    const after = replaceLine(before, 10, 'TEN\n');
    const changes = planChanges(before, after, [edit(10)]);
    expect(() => applyChanges(numbered(21), after, changes, new Set())).toThrow(/do not match/);
  });
});
