import type { SgRoot } from '@ast-grep/napi';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { planAnnotations } from '../engine/annotate';
import { applyEdits, mapEnd, mapOffset, OverlappingEditsError, sortAndCheckEdits, unmapOffset, untouchedRange } from '../engine/edits';
import { processSource } from '../engine/pipeline';
import { runProject, splitSegments } from '../engine/run';
import { decodeSource, encodeSource } from '../engine/text';
import { DEFAULT_TRANSFORM_OPTIONS, TextEdit, Transform, TransformResult } from '../engine/types';
import { pythonLanguage } from '../transforms/python/support/language';
import { removeTempDirs, tempDir } from './helpers/cli';

function fake(id: string, run: (source: string) => TransformResult): Transform<SgRoot> {
  return { id, description: id, language: 'python', run: (ctx) => run(ctx.source) };
}

function process(source: string, transforms: Transform<SgRoot>[], annotate = false) {
  return processSource(source, 'x.py', transforms, pythonLanguage, DEFAULT_TRANSFORM_OPTIONS, { annotate });
}

/** Replaces every occurrence of `from` with `to`. */
function replaceAll(id: string, from: string, to: string): Transform<SgRoot> {
  return fake(id, (source) => {
    const edits = [];
    for (let i = source.indexOf(from); i !== -1; i = source.indexOf(from, i + 1)) edits.push({ start: i, end: i + from.length, text: to });
    return { edits, findings: [] };
  });
}

describe('edits', () => {
  test('applies edits in position order, insertions at one point in the order given', () => {
    expect(applyEdits('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 1, end: 1, text: 'x' }, { start: 1, end: 1, text: 'y' }])).toBe('axybcdEf');
  });

  test('rejects overlapping edits instead of dropping one', () => {
    expect(() => sortAndCheckEdits([{ start: 0, end: 3, text: 'a' }, { start: 2, end: 4, text: 'b' }], 10)).toThrow(OverlappingEditsError);
    expect(() => sortAndCheckEdits([{ start: 0, end: 3, text: 'a' }, { start: 1, end: 1, text: 'b' }], 10)).toThrow(OverlappingEditsError);
  });

  test('an insertion may touch a replacement boundary', () => {
    expect(applyEdits('abc', [{ start: 1, end: 2, text: 'B' }, { start: 2, end: 2, text: '!' }, { start: 1, end: 1, text: '^' }])).toBe('a^B!c');
  });

  test('rejects edits outside the text', () => {
    expect(() => sortAndCheckEdits([{ start: 2, end: 11, text: '' }], 10)).toThrow(/out of range/);
  });

  test('maps offsets through edits', () => {
    const edits = sortAndCheckEdits([{ start: 0, end: 0, text: 'xx' }, { start: 5, end: 8, text: 'y' }], 20);
    expect(mapOffset(3, edits)).toBe(5);
    expect(mapOffset(6, edits)).toBe(7); // inside the replaced range: start of the replacement
    expect(mapOffset(10, edits)).toBe(10);
  });

  test('maps range ends through edits: a rewrite across the end stretches the range', () => {
    const edits = sortAndCheckEdits([{ start: 0, end: 0, text: 'xx' }, { start: 5, end: 8, text: 'yyyy' }, { start: 12, end: 12, text: '!' }], 20);
    expect(mapEnd(3, edits)).toBe(5);
    expect(mapEnd(6, edits)).toBe(11); // inside the replaced range: end of the replacement
    expect(mapEnd(12, edits)).toBe(15); // an insertion at the end stays outside the range
    expect(mapEnd(13, edits)).toBe(17);
  });

  test('maps offsets back through edits; inside new text, to where the edit starts', () => {
    const planned = [{ start: 0, end: 0, text: 'xx' }, { start: 5, end: 8, text: 'y' }];
    const spans = sortAndCheckEdits(planned, 20).map((e) => ({ start: e.start, end: e.end, length: e.text.length }));
    expect(unmapOffset(1, spans)).toBe(0); // inside the insertion
    expect(unmapOffset(5, spans)).toBe(3);
    expect(unmapOffset(7, spans)).toBe(5); // the replacement
    expect(unmapOffset(8, spans)).toBe(8); // just after it
    expect(unmapOffset(10, spans)).toBe(10);
    for (const offset of [0, 1, 2, 3, 4, 8, 12, 19]) expect(unmapOffset(mapOffset(offset, sortAndCheckEdits(planned, 20)), spans)).toBe(offset);
  });

  test('tells text a step wrote or removed from from the input\'s own, through several steps', () => {
    const input = 'def f():\n    db.commit()\n';
    const span = (e: { start: number; end: number; text: string }) => ({ start: e.start, end: e.end, length: e.text.length });
    // Step 1 inserts `await ` before the call; step 2 inserts `async ` before `def` and deletes the `()` of `f()`.
    const first = [{ start: 13, end: 13, text: 'await ' }];
    const afterFirst = applyEdits(input, first);
    const second = [{ start: 0, end: 0, text: 'async ' }, { start: 5, end: 7, text: '' }];
    const output = applyEdits(afterFirst, second);
    expect(output).toBe('async def f:\n    await db.commit()\n');
    const steps = [first.map(span), second.map(span)];
    const at = (text: string) => [output.indexOf(text), output.indexOf(text) + text.length] as const;
    expect(untouchedRange(...at('def'), steps)).toBe(true); // moved, not written
    expect(untouchedRange(...at('db.commit()'), steps)).toBe(true); // an insertion just before it does not touch it
    expect(untouchedRange(...at('async'), steps)).toBe(false); // written by step 2
    expect(untouchedRange(...at('await'), steps)).toBe(false); // written by step 1, moved by step 2
    expect(untouchedRange(...at('f:'), steps)).toBe(false); // step 2 deleted text between `f` and `:`
    expect(untouchedRange(0, 3, [])).toBe(true);
  });
});

describe('text round trip', () => {
  const roundTrip = (bytes: Buffer): Buffer => {
    const decoded = decodeSource(bytes);
    if (!decoded.ok) throw new Error(decoded.reason);
    return encodeSource(decoded.decoded.text, decoded.decoded);
  };

  test.each([
    ['CRLF', 'a = 1\r\nb = 2\r\n'],
    ['BOM', '\uFEFFa = 1\n'],
    ['BOM and CRLF', '\uFEFFa = 1\r\nb = "\t"\r\n'],
    ['mixed endings', 'a = 1\r\nb = 2\nc = 3\r\n'],
    ['lone CR', 'a = 1\rb = 2\r\n'],
    ['no trailing newline', 'a = 1'],
  ])('%s survives byte for byte', (_name, text) => {
    const bytes = Buffer.from(text, 'utf8');
    expect(roundTrip(bytes).equals(bytes)).toBe(true);
  });

  test('consistent CRLF is normalised for transforms', () => {
    const decoded = decodeSource(Buffer.from('a\r\nb\r\n'));
    expect(decoded.ok && decoded.decoded.text).toBe('a\nb\n');
  });

  test('binary and non-UTF-8 input are refused with a reason', () => {
    expect(decodeSource(Buffer.from([0x61, 0x00, 0x62]))).toEqual({ ok: false, reason: expect.stringContaining('binary') });
    expect(decodeSource(Buffer.from([0x61, 0x62, 0xff]))).toEqual({ ok: false, reason: expect.stringContaining('offset 2') });
  });
});

describe('pipeline', () => {
  test('each edit record spans the output lines its text covers, stretched by later rewrites across its end', () => {
    const source = 'a = 1\nb = 2\nc = 3\nd = 4\n';
    const first = fake('first', (src) => ({ edits: [{ start: src.indexOf('b'), end: src.indexOf('c = 3') + 5, text: 'b = 20\nc = 30' }], findings: [] }));
    // Rewrites from inside the first edit's text to past its end.
    const second = fake('second', (src) => ({ edits: [{ start: src.indexOf('30'), end: src.indexOf('d = 4') + 1, text: '31\nx = 0\nd' }], findings: [] }));
    const out = process(source, [first, second]);
    if (out.status !== 'changed') throw new Error(out.status);
    expect(out.output).toBe('a = 1\nb = 20\nc = 31\nx = 0\nd = 4\n');
    expect(out.edits.map((e) => [e.transform, e.line, e.endLine])).toEqual([
      ['first', 2, 5],
      ['second', 3, 5],
    ]);
  });

  test('an edit whose text ends with a newline ends on its own last line; a deletion ends where it starts', () => {
    const source = 'a = 1\nb = 2\nc = 3\n';
    const insert = fake('insert', (src) => ({ edits: [{ start: src.indexOf('b'), end: src.indexOf('b'), text: 'x = 0\ny = 0\n' }], findings: [] }));
    const remove = fake('remove', (src) => ({ edits: [{ start: src.indexOf('c'), end: src.length, text: '' }], findings: [] }));
    const out = process(source, [insert, remove]);
    if (out.status !== 'changed') throw new Error(out.status);
    expect(out.output).toBe('a = 1\nx = 0\ny = 0\nb = 2\n');
    expect(out.edits.map((e) => [e.transform, e.line, e.endLine])).toEqual([
      ['insert', 2, 3],
      ['remove', 5, 5],
    ]);
  });

  test('each transform sees the previous output', () => {
    const outcome = process('a = 1\n', [replaceAll('one', 'a', 'b'), replaceAll('two', 'b', 'c')]);
    expect(outcome).toMatchObject({ status: 'changed', output: 'c = 1\n' });
  });

  test("a transform is told the input's line of its text's offsets, for the line numbers its messages give", () => {
    const addImport = fake('imports', () => ({ edits: [{ start: 0, end: 0, text: 'import os\nimport sys\n' }], findings: [] }));
    const lines: number[] = [];
    const reader: Transform<SgRoot> = {
      id: 'reader',
      description: 'reader',
      language: 'python',
      run: (ctx) => {
        for (const text of ['a = ', 'b = ', 'import sys']) lines.push(ctx.inputLine?.(ctx.source.indexOf(text)) ?? -1);
        return { edits: [], findings: [] };
      },
    };
    process('a = 1\n\nb = 2\n', [addImport, reader]);
    // `a` and `b` are on the input's lines 1 and 3 (lines 3 and 5 of the text the reader sees); the added import
    // stands where it was written, line 1.
    expect(lines).toEqual([1, 3, 1]);
  });

  test('input with a syntax error is skipped, naming the line', () => {
    expect(process('x = 1\ndef f(:\n    pass\n', [replaceAll('t', 'x', 'y')])).toMatchObject({ status: 'skipped', reason: expect.stringContaining('line 2') });
    expect(process('x = (1,\n', [])).toMatchObject({ status: 'skipped' });
  });

  test('a transform that breaks the syntax fails the file and is named', () => {
    const outcome = process('f(1)\n', [replaceAll('breaker', ')', '')]);
    expect(outcome).toMatchObject({ status: 'error', transform: 'breaker' });
  });

  test('overlapping edits fail the file loudly', () => {
    const overlapping = fake('overlapper', () => ({ edits: [{ start: 0, end: 3, text: 'x' }, { start: 1, end: 2, text: 'y' }], findings: [] }));
    expect(process('abc = 1\n', [overlapping])).toMatchObject({ status: 'error', transform: 'overlapper', message: expect.stringContaining('overlapping') });
  });

  test('a later transform drops the earlier findings it settles, matched by rule and by offset through edits between', () => {
    const source = 'a = 1\nb = 2\n';
    const flagger = fake('flagger', (src) => ({
      edits: [],
      findings: [
        { rule: 'R1', offset: src.indexOf('b'), message: 'b cannot change here', hint: '' },
        { rule: 'R2', offset: src.indexOf('b'), message: 'another rule at the same spot', hint: '' },
        { rule: 'R1', offset: src.indexOf('a'), message: 'a cannot change here', hint: '' },
      ],
    }));
    // Moves `b` before the settling transform runs: the finding's offset must follow it.
    const shifter = fake('shifter', () => ({ edits: [{ start: 0, end: 0, text: '# moved\n' }], findings: [] }));
    const settler = fake('settler', (src) => ({ edits: [], findings: [], resolves: [{ rule: 'R1', offset: src.indexOf('b') }] }));
    const out = process(source, [flagger, shifter, settler]);
    if (out.status !== 'changed') throw new Error(out.status);
    expect(out.findings.map((f) => [f.rule, f.line])).toEqual([
      ['R2', 3],
      ['R1', 2],
    ]);
  });

  test('a finished output that the compiler would reject fails the file, naming the transform that wrote it', () => {
    const source = 'def f(db):\n    db.commit()\n';
    const awaiter = replaceAll('awaiter', 'db.commit()', 'await db.commit()');
    expect(process(source, [awaiter])).toMatchObject({ status: 'error', transform: 'awaiter', message: expect.stringContaining("'await' outside an async function") });
    // Unfinished by design when the transform that completes it is not in the run; checked when it is.
    const unfinished = { ...awaiter, finishedBy: 'finisher' };
    expect(process(source, [unfinished])).toMatchObject({ status: 'changed', output: 'def f(db):\n    await db.commit()\n' });
    expect(process(source, [unfinished, replaceAll('finisher', 'commit', 'commit')])).toMatchObject({ status: 'error', transform: 'awaiter' });
    expect(process(source, [unfinished, replaceAll('finisher', 'def f', 'async def f')])).toMatchObject({ status: 'changed', output: 'async def f(db):\n    await db.commit()\n' });
    // Code of that kind already in the input is not the run's doing.
    expect(process('def g():\n    await h()\n', [replaceAll('renamer', 'h()', 'k()')])).toMatchObject({ status: 'changed' });
  });

  test('a throwing transform fails the file, not the run', () => {
    const thrower = fake('thrower', () => {
      throw new Error('boom');
    });
    expect(process('a = 1\n', [thrower])).toMatchObject({ status: 'error', transform: 'thrower', message: expect.stringContaining('boom') });
  });

  test('ignore comments stop edits on their line and are counted', () => {
    const outcome = process('a = 1\na = 2  # awaitify: ignore\n', [replaceAll('t', 'a =', 'b =')]);
    expect(outcome).toMatchObject({ status: 'changed', output: 'b = 1\na = 2  # awaitify: ignore\n', ignored: 1 });
  });

  test('an ignore marker inside a string is not a marker', () => {
    const outcome = process('a = "# awaitify: ignore"\n', [replaceAll('t', 'a =', 'b =')]);
    expect(outcome).toMatchObject({ output: 'b = "# awaitify: ignore"\n', ignored: 0 });
  });

  test('ignore-file at the top leaves the whole file alone', () => {
    const outcome = process('#!/usr/bin/env python\n# awaitify: ignore-file\na = 1\n', [replaceAll('t', 'a', 'b')]);
    expect(outcome).toMatchObject({ status: 'skipped', reason: 'awaitify: ignore-file' });
  });

  test('findings are reported at their line in the output, after later edits move it', () => {
    const flagger = fake('flagger', (source) => ({
      edits: [],
      findings: [{ rule: 'TEST-RULE', offset: source.indexOf('q'), message: 'look here', hint: 'do it by hand' }],
    }));
    const inserter = fake('inserter', () => ({ edits: [{ start: 0, end: 0, text: 'import x\n' }], findings: [] }));
    const outcome = process('a = 1\nq = 2\n', [flagger, inserter]);
    expect(outcome).toMatchObject({ status: 'changed', findings: [{ rule: 'TEST-RULE', line: 3, column: 1, transform: 'flagger' }] });
  });

  test('findings also carry their line in the input, mapped back through every edit before them', () => {
    const flagger = fake('flagger', (source) => ({
      edits: [{ start: 0, end: 0, text: 'import y\nimport z\n' }],
      findings: [{ rule: 'TEST-RULE', offset: source.indexOf('q'), message: 'look here', hint: 'do it by hand' }],
    }));
    // Inserted text is flagged at the line where the insertion starts.
    const inNewText = fake('late', (source) => ({ edits: [], findings: [{ rule: 'NEW-TEXT', offset: source.indexOf('import z'), message: 'm', hint: 'h' }] }));
    const widener = fake('widener', (source) => ({ edits: [{ start: source.indexOf('a = 1'), end: source.indexOf('a = 1') + 1, text: 'alpha' }], findings: [] }));
    const outcome = process('a = 1\nq = 2\n', [flagger, inNewText, widener]);
    expect(outcome).toMatchObject({
      status: 'changed',
      findings: [
        { rule: 'TEST-RULE', line: 4, column: 1, inputLine: 2, inputColumn: 1 },
        { rule: 'NEW-TEXT', line: 2, inputLine: 1, inputColumn: 1 },
      ],
    });
  });

  test('annotations are written once, indented, and not again on a re-run', () => {
    const flagger = fake('flagger', (source) => ({
      edits: [],
      findings: [{ rule: 'TEST-RULE', offset: source.indexOf('q'), message: 'look here', hint: 'fix' }],
    }));
    const first = process('def f():\n    q = 2\n', [flagger], true);
    expect(first).toMatchObject({ status: 'changed', output: 'def f():\n    # awaitify[TEST-RULE]: look here\n    q = 2\n' });
    if (first.status !== 'changed') throw new Error('unreachable');
    expect(process(first.output, [flagger], true)).toMatchObject({ status: 'unchanged' });
  });

  test('annotations go above a backslash-continued statement, never inside it', () => {
    const text = 'x = 1 + \\\n    q\n';
    const edits = planAnnotations(text, [{ offset: text.indexOf('q'), rule: 'R', message: 'm' }], '#', () => false);
    expect(applyEdits(text, edits)).toBe('# awaitify[R]: m\nx = 1 + \\\n    q\n');
  });

  test('offsets are UTF-16 indices: text after astral characters is edited in place', () => {
    const outcome = process('s = "🐍🐍"\na = 1\n', [replaceAll('t', 'a =', 'b =')]);
    expect(outcome).toMatchObject({ output: 's = "🐍🐍"\nb = 1\n' });
  });
});

describe('syntax checks', () => {
  test.each([
    ['missing paren', 'def f(:\n    pass\n'],
    ['error node', 'x = = 1\n'],
    ['unclosed bracket', 'x = [1, 2\n'],
  ])('%s is a syntax error', (_name, text) => {
    expect(pythonLanguage.firstSyntaxError(pythonLanguage.parse(text), text)).not.toBeNull();
  });

  test('an error node is reported before an earlier missing token', () => {
    const text = 'def f(:\n    pass\nx = = 1\n';
    expect(pythonLanguage.firstSyntaxError(pythonLanguage.parse(text), text)).toMatchObject({ line: 3, message: expect.stringContaining('cannot parse') });
  });

  test('a missing token alone is reported as missing, where it is', () => {
    const text = 'x = 1\n\ndef f(:\n    pass\n';
    expect(pythonLanguage.firstSyntaxError(pythonLanguage.parse(text), text)).toEqual({ line: 3, column: 7, message: 'missing ")"' });
  });

  // A transform's output is checked whole: the damage may be far from its first edit.
  const far = ['x = 1', ...Array.from({ length: 40 }, (_, i) => `v${i} = ${i}`), 'def g():', '    return [1, 2]', ''].join('\n');
  test.each([
    ['an error node', '[1, 2]', '[1, 2'],
    ['a missing token', 'def g():', 'def g(:'],
  ])('%s made far from the first edit fails the transform', (_name, from, to) => {
    const twoEdits = fake('far', (source) => ({
      edits: [{ start: 0, end: 1, text: 'y' }, { start: source.indexOf(from), end: source.indexOf(from) + from.length, text: to }],
      findings: [],
    }));
    const outcome = process(far, [twoEdits]);
    expect(outcome).toMatchObject({ status: 'error', transform: 'far', message: expect.stringMatching(/does not parse \(line 4[23]/) });
    expect(process(far, [fake('near', () => ({ edits: [{ start: 0, end: 1, text: 'y' }], findings: [] }))])).toMatchObject({ status: 'changed' });
  });

  test.each([['empty file', ''], ['empty string', 'x = ""\n'], ['comment only', '# hi\n']])('%s parses cleanly', (_name, text) => {
    expect(pythonLanguage.firstSyntaxError(pythonLanguage.parse(text), text)).toBeNull();
  });
});

describe('whole-project index passes', () => {
  afterAll(removeTempDirs);

  function project(files: Record<string, string>): string {
    const dir = tempDir('awaitify-engine-');
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  }

  /** Appends `# seen: <files whose text contains "marked">` to every file, from the index. */
  function indexed(builds: { count: number }): Transform<SgRoot> {
    return {
      id: 'indexed',
      description: 'indexed',
      language: 'python',
      indexer: {
        id: 'marks',
        summarize: ({ path: p, source }) => ({ path: p, marked: source.includes('marked') }),
        build: (summaries) => {
          builds.count++;
          return [...summaries.values()].filter((s) => (s as { marked: boolean }).marked).map((s) => (s as { path: string }).path).sort();
        },
      },
      run: (ctx) => ({ edits: [{ start: ctx.source.length, end: ctx.source.length, text: `# seen: ${(ctx.index as string[]).join(',')}\n` }], findings: [] }),
    };
  }

  async function run(dir: string, transforms: Transform<SgRoot>[]) {
    return runProject({ paths: [dir], cwd: dir, exclude: [], language: pythonLanguage, transforms, transformOptions: DEFAULT_TRANSFORM_OPTIONS, annotate: false, maxFileSize: 1 << 20 });
  }

  test('a transform with an indexer splits the preset into segments', () => {
    const plain = replaceAll('plain', 'x', 'y');
    const builds = { count: 0 };
    expect(splitSegments([plain, indexed(builds), plain]).map((s) => s.transforms.map((t) => t.id))).toEqual([['plain'], ['indexed', 'plain']]);
  });

  test('the index is built once, over every file as the transforms before it left them', async () => {
    const dir = project({ 'a.py': 'a = 1\n', 'b.py': 'b = 1\n' });
    const builds = { count: 0 };
    const report = await run(dir, [replaceAll('marker', 'a = 1', 'a = "marked"'), indexed(builds)]);
    expect(builds.count).toBe(1);
    const after = Object.fromEntries(report.files.map((f) => [f.path, f.status === 'changed' ? f.after : f.status]));
    expect(after).toEqual({ 'a.py': 'a = "marked"\n# seen: a.py\n', 'b.py': 'b = 1\n# seen: a.py\n' });
  });

  test('prefilters: no run, no summary and no parse for a file without the words; ignore-file still holds', async () => {
    const dir = project({ 'a.py': 'a = 1\n', 'b.py': 'needle = 1\n', 'c.py': '# awaitify: ignore-file\nc = 1\n' });
    let parses = 0;
    const language = { ...pythonLanguage, parse: (source: string) => (parses++, pythonLanguage.parse(source)) };
    const ran: string[] = [];
    const picky: Transform<SgRoot> = {
      id: 'picky',
      description: 'picky',
      language: 'python',
      prefilter: () => ['needle'],
      indexer: { id: 'picky', prefilter: ['needle'], summarize: ({ path: p }) => p, build: (summaries) => [...summaries.keys()] },
      run: (ctx) => {
        ran.push(ctx.path);
        return { edits: [], findings: [], counts: { indexed: (ctx.index as string[]).length } };
      },
    };
    // No tree is kept between segments here, so a parse in the second segment would show.
    const report = await runProject({ paths: [dir], cwd: dir, exclude: [], language, transforms: [fake('first', () => ({ edits: [], findings: [] })), picky], transformOptions: DEFAULT_TRANSFORM_OPTIONS, annotate: false, maxFileSize: 1 << 20, keptTreeBytes: 0 });
    expect(ran).toEqual(['b.py']);
    expect(report.files.map((f) => [f.path, f.status, f.status === 'unchanged' ? f.counts : f.status === 'skipped' ? f.reason : null])).toEqual([
      ['a.py', 'unchanged', {}],
      ['b.py', 'unchanged', { indexed: 1 }],
      ['c.py', 'skipped', 'awaitify: ignore-file'],
    ]);
    // One parse per file for the first segment; in the second, only b.py needs its tree again.
    expect(parses).toBe(4);
  });

  describe('trees kept between segments', () => {
    const files = { 'a.py': 'a = 1\n', 'b.py': 'b = "marked"\n', 'c.py': 'c = 1\n' };
    /** pythonLanguage counting parses, with a shelve that reports `bytes` per tree (or the real one). */
    function counting(bytes?: number | null) {
      const counts = { parses: 0, shelved: 0 };
      const language = {
        ...pythonLanguage,
        parse: (source: string) => (counts.parses++, pythonLanguage.parse(source)),
        reparse: (tree: SgRoot, source: string, edits: readonly TextEdit[]) => (counts.parses++, pythonLanguage.reparse!(tree, source, edits)),
        shelve: (tree: SgRoot, editsLikely: boolean) => {
          counts.shelved++;
          const real = pythonLanguage.shelve!(tree, editsLikely);
          return bytes === undefined ? real : bytes;
        },
      };
      return { counts, language };
    }
    async function runWith(language: typeof pythonLanguage, keptTreeBytes?: number) {
      const dir = project(files);
      // A first segment that acts on every file, so each has a tree when it waits for the index.
      const transforms = [replaceAll('first', '1', '2'), indexed({ count: 0 })];
      const report = await runProject({ paths: [dir], cwd: dir, exclude: [], language, transforms, transformOptions: DEFAULT_TRANSFORM_OPTIONS, annotate: false, maxFileSize: 1 << 20, ...(keptTreeBytes === undefined ? {} : { keptTreeBytes }) });
      return report.files.map((f) => [f.path, f.status === 'changed' ? f.after : f.status]);
    }
    const expected = [
      ['a.py', 'a = 2\n# seen: b.py\n'],
      ['b.py', 'b = "marked"\n# seen: b.py\n'],
      ['c.py', 'c = 2\n# seen: b.py\n'],
    ];

    test('a waiting file keeps its tree: the next segment parses only what the transforms changed', async () => {
      const { counts, language } = counting();
      expect(await runWith(language)).toEqual(expected);
      // a.py and c.py: intake, re-parse after `first`, re-parse after `indexed`; b.py: intake and after `indexed`.
      // Without kept trees each file would be parsed once more for the second segment.
      expect(counts).toEqual({ parses: 8, shelved: 3 });
    });

    test('with no budget every tree is released and parsed again, with the same result', async () => {
      const { counts, language } = counting();
      expect(await runWith(language, 0)).toEqual(expected);
      expect(counts).toEqual({ parses: 11, shelved: 0 });
    });

    test('past the budget, the trees that do not fit are released', async () => {
      const { counts, language } = counting(100);
      // Room for one tree of 100 bytes: the first file to wait keeps its tree, the other two are parsed again.
      expect(await runWith(language, 150)).toEqual(expected);
      expect(counts).toEqual({ parses: 10, shelved: 3 });
    });

    test('a tree the language cannot keep is released', async () => {
      const { counts, language } = counting(null);
      expect(await runWith(language)).toEqual(expected);
      expect(counts).toEqual({ parses: 11, shelved: 3 });
    });
  });

  test('a failing index fails the files with an error naming its transform, and nothing is changed', async () => {
    const dir = project({ 'a.py': 'a = 1\n' });
    const broken: Transform<SgRoot> = {
      ...indexed({ count: 0 }),
      indexer: { id: 'broken', summarize: () => ({}), build: () => { throw new Error('boom'); } },
    };
    const report = await run(dir, [replaceAll('first', 'a', 'b'), broken]);
    expect(report.files).toEqual([expect.objectContaining({ path: 'a.py', status: 'error', transform: 'indexed', message: expect.stringContaining('boom') })]);
  });
});
