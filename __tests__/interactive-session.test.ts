// The review dialogue with scripted answers: what is asked, shown and written for each answer.
import { applyChanges, planChanges } from '../cli/interactive/changes';
import { ChangedFile, HELP, ReviewIo, reviewFiles } from '../cli/interactive/session';
import type { OutcomeFinding } from '../engine/pipeline';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const filler = (n: number, indent = ''): string[] => Array.from({ length: n }, (_, i) => `${indent}x${i} = ${i}`);

/** Two independent changes (lines 2 and 16). */
const TWO_BEFORE = lines('def a():', '    return 1', ...filler(12), 'def b():', '    return 2');
const TWO_AFTER = lines('def a():', '    return 10', ...filler(12), 'def b():', '    return 20');

/** Two changes that only work together: the await needs the async def. */
const ASYNC_BEFORE = lines('def f(g):', ...filler(12, '    '), '    return g()');
const ASYNC_AFTER = lines('async def f(g):', ...filler(12, '    '), '    return await g()');

function changedFile(path: string, before: string, after: string, edits: [number, string][], findings: OutcomeFinding[] = []): ChangedFile {
  return {
    path,
    absPath: `/nowhere/${path}`,
    status: 'changed',
    before,
    after,
    output: Buffer.from(after, 'utf8'),
    edits: edits.map(([line, reason]) => ({ transform: 't', reason, line, endLine: line })),
    findings,
    ignored: 0,
    counts: {},
    excludedFunctions: [],
  };
}

const two = (path = 'two.py', findings: OutcomeFinding[] = []): ChangedFile =>
  changedFile(path, TWO_BEFORE, TWO_AFTER, [
    [2, 'ten'],
    [16, 'twenty'],
  ], findings);
const coupled = (): ChangedFile =>
  changedFile('coupled.py', ASYNC_BEFORE, ASYNC_AFTER, [
    [1, 'make f async'],
    [14, 'await g()'],
  ]);

/** Answers in order (null = Ctrl-C); records everything shown, the questions asked and the writes. */
function scripted(answers: (string | null)[], failWrites = false) {
  const shown: string[] = [];
  const questions: string[] = [];
  const writes = new Map<string, Buffer>();
  const io: ReviewIo = {
    color: false,
    write: (text) => {
      shown.push(text);
    },
    ask: async (question) => {
      questions.push(question);
      shown.push(question);
      if (answers.length === 0) throw new Error(`unexpected question: ${question}`);
      return answers.shift() as string | null;
    },
  };
  const write = async (file: ChangedFile, content: Buffer): Promise<void> => {
    if (failWrites) throw new Error('disk full');
    writes.set(file.path, content);
  };
  return { io, write, shown, questions, writes, remaining: answers };
}

describe('reviewFiles', () => {
  test('y and n write exactly the accepted change', async () => {
    const s = scripted(['y', 'n']);
    const file = two();
    const result = await reviewFiles([file], s.io, s.write);
    const expected = applyChanges(TWO_BEFORE, TWO_AFTER, planChanges(TWO_BEFORE, TWO_AFTER, file.edits), new Set([1]));
    expect(s.writes.get('two.py')?.toString('utf8')).toBe(expected);
    expect(expected).toContain('return 10');
    expect(expected).toContain('return 2\n');
    expect(result).toEqual({ ending: 'finished', files: [{ path: 'two.py', status: 'written', total: 2, accepted: 1, rejected: 1 }] });
    expect(s.questions).toEqual(['Apply change 1/2 to two.py [y,n,a,d,q,?]? ', 'Apply change 2/2 to two.py [y,n,a,d,q,?]? ']);
  });

  test('each change is shown with its reasons and its hunk before the question', async () => {
    const s = scripted(['n', 'n']);
    await reviewFiles([two()], s.io, s.write);
    const transcript = s.shown.join('');
    expect(transcript).toContain('change 1/2\n  why: t: ten\n@@ -1,5 +1,5 @@\n def a():\n-    return 1\n+    return 10\n');
    expect(transcript.indexOf('why: t: twenty')).toBeGreaterThan(transcript.indexOf('Apply change 1/2'));
    expect(transcript.indexOf('why: t: twenty')).toBeLessThan(transcript.indexOf('Apply change 2/2'));
  });

  test('a accepts the rest of the file and writes the bytes apply writes', async () => {
    const s = scripted(['a']);
    const file = two();
    const result = await reviewFiles([file], s.io, s.write);
    expect(s.writes.get('two.py')).toBe(file.output);
    expect(result.files[0]).toMatchObject({ status: 'written', accepted: 2, rejected: 0 });
  });

  test('d rejects the rest of the file: nothing accepted, nothing written, the next file is asked', async () => {
    const s = scripted(['d', 'y', 'y']);
    const result = await reviewFiles([two('first.py'), two('second.py')], s.io, s.write);
    expect([...s.writes.keys()]).toEqual(['second.py']);
    expect(result.files.map((f) => [f.path, f.status, f.accepted, f.rejected])).toEqual([
      ['first.py', 'unchanged', 0, 2],
      ['second.py', 'written', 2, 0],
    ]);
  });

  test('q writes what was accepted so far and asks nothing more', async () => {
    const s = scripted(['y', 'q']);
    const result = await reviewFiles([two('first.py'), two('second.py')], s.io, s.write);
    expect(s.writes.get('first.py')?.toString('utf8')).toContain('return 10');
    expect(s.writes.get('first.py')?.toString('utf8')).toContain('return 2\n');
    expect(s.writes.has('second.py')).toBe(false);
    expect(result.ending).toBe('quit');
    expect(result.files.map((f) => [f.path, f.status, f.accepted, f.rejected])).toEqual([
      ['first.py', 'written', 1, 0],
      ['second.py', 'not-reviewed', 0, 0],
    ]);
    expect(s.shown.join('')).toContain('quit: writing the 1 change(s) accepted in first.py; no later change is applied');
  });

  test('Ctrl-C (or the end of input) writes nothing more, not even the changes accepted in the current file', async () => {
    const s = scripted(['a', 'y', null]);
    const result = await reviewFiles([two('first.py'), two('second.py'), two('third.py')], s.io, s.write);
    expect([...s.writes.keys()]).toEqual(['first.py']);
    expect(result.ending).toBe('aborted');
    expect(result.files.map((f) => f.status)).toEqual(['written', 'not-reviewed', 'not-reviewed']);
  });

  test('?, unknown answers and an empty line ask again; only ? and unknown answers print the help', async () => {
    const s = scripted(['?', '', 'maybe', 'Y', 'no']);
    const result = await reviewFiles([two()], s.io, s.write);
    expect(s.questions).toHaveLength(5);
    expect(s.shown.filter((text) => text === `${HELP}\n`)).toHaveLength(2);
    expect(result.files[0]).toMatchObject({ accepted: 1, rejected: 1 });
  });

  test('findings are shown before the first change', async () => {
    const finding: OutcomeFinding = { rule: 'QUERY-ESCAPES', line: 16, column: 5, inputLine: 16, inputColumn: 5, message: 'the query escapes', hint: 'look at it', transform: 't' };
    const s = scripted(['n', 'n']);
    await reviewFiles([two('two.py', [finding])], s.io, s.write);
    const transcript = s.shown.join('');
    const at = transcript.indexOf('two.py:16:5: QUERY-ESCAPES the query escapes\n      fix: look at it');
    expect(at).toBeGreaterThan(-1);
    expect(at).toBeLessThan(transcript.indexOf('change 1/2'));
  });

  test('a selection that breaks the code is not written; r reviews the file again', async () => {
    const s = scripted(['n', 'y', 'r', 'a']);
    const file = coupled();
    const result = await reviewFiles([file], s.io, s.write);
    expect(s.shown.join('')).toMatch(/not writing coupled\.py: line 14 would use `await g\(\)` outside an `async def`/);
    expect(s.writes.get('coupled.py')).toBe(file.output);
    expect(result.files[0]).toMatchObject({ status: 'written', accepted: 2 });
  });

  test('a selection that breaks the code is not written; s leaves the file as it is', async () => {
    const s = scripted(['n', 'y', 's']);
    const result = await reviewFiles([coupled()], s.io, s.write);
    expect(s.writes.size).toBe(0);
    expect(result.files[0]).toMatchObject({ status: 'refused', accepted: 1, rejected: 1 });
    expect(result.files[0]?.reason).toMatch(/outside an `async def`/);
  });

  test('after q a broken selection is refused without asking again', async () => {
    const before = `${ASYNC_BEFORE}${lines(...filler(12), 'LAST = 1')}`;
    const after = `${ASYNC_AFTER}${lines(...filler(12), 'LAST = 2')}`;
    const file = changedFile('three.py', before, after, [
      [1, 'make f async'],
      [14, 'await g()'],
      [27, 'last'],
    ]);
    const s = scripted(['n', 'y', 'q']);
    const result = await reviewFiles([file], s.io, s.write);
    expect(s.remaining).toEqual([]);
    expect(s.writes.size).toBe(0);
    expect(result).toMatchObject({ ending: 'quit', files: [{ status: 'refused', accepted: 1, rejected: 1 }] });
  });

  test('a failed write is reported and the review goes on', async () => {
    const s = scripted(['a', 'a'], true);
    const result = await reviewFiles([two('first.py'), two('second.py')], s.io, s.write);
    expect(result.files.map((f) => [f.status, f.reason])).toEqual([
      ['failed', 'disk full'],
      ['failed', 'disk full'],
    ]);
  });
});
