// What the performance work shares between analyses, and when it must not: one memoising view per tree
// the engine parsed (dropped when the engine disposes the tree), one module summary per text and options, and
// one object per distinct value inside a summary.
import { cachedTree } from '../transforms/python/support/cached-tree';
import { parsePython, pythonLanguage } from '../transforms/python/support/language';
import { internValues } from '../transforms/python/index/intern';
import { summarizeModule } from '../transforms/python/index/summarize';
import { DEFAULT_TRANSFORM_OPTIONS, type TransformOptions } from '../engine/types';

const SOURCE = 'from sqlalchemy.orm import Session\n\ndef get(db: Session):\n    return db.query(User).first()\n';

describe('shared memoising views', () => {
  test('an engine-parsed tree has one view until the engine disposes it', () => {
    const tree = pythonLanguage.parse(SOURCE);
    const view = cachedTree(tree);
    expect(cachedTree(tree)).toBe(view);
    // Nodes are shared too, so one analysis' answers serve the next.
    expect(cachedTree(tree).root()).toBe(view.root());
    pythonLanguage.dispose?.(tree);
    const after = cachedTree(tree);
    expect(after).not.toBe(view);
    pythonLanguage.dispose?.(tree);
  });

  test('a tree parsed outside the engine gets a fresh view each time (nothing would ever drop a shared one)', () => {
    const tree = parsePython(SOURCE);
    expect(cachedTree(tree)).not.toBe(cachedTree(tree));
  });

  test('a view of a view is itself', () => {
    const view = cachedTree(parsePython(SOURCE));
    expect(cachedTree(view)).toBe(view);
  });
});

describe('module summary reuse', () => {
  const input = (options: TransformOptions) => ({ path: 'app/memo_sharing.py', absPath: '/memo/app/memo_sharing.py', source: SOURCE, tree: parsePython(SOURCE), options });

  test('the same text and options get the same summary on every later ask, not only the second', () => {
    const options = { ...DEFAULT_TRANSFORM_OPTIONS };
    const first = summarizeModule(input(options));
    expect(summarizeModule(input(options))).toBe(first);
    expect(summarizeModule(input(options))).toBe(first);
  });

  test.each<[string, Partial<TransformOptions>]>([
    ['sessionTypes', { sessionTypes: ['DbSession'] }],
    ['sessionAliases', { sessionAliases: { 'app.deps.SessionDep': false } }],
    ['excludeFunctions', { excludeFunctions: ['app.memo_sharing.get'] }],
    ['sessionFacades', { sessionFacades: ['db.session'] }],
  ])('a different %s is summarized again', (_name, extra) => {
    const plain = summarizeModule(input({ ...DEFAULT_TRANSFORM_OPTIONS }));
    const other = summarizeModule(input({ ...DEFAULT_TRANSFORM_OPTIONS, ...extra }));
    expect(other).not.toBe(plain);
    // And going back is a new summary too: only the last one per file is kept.
    expect(summarizeModule(input({ ...DEFAULT_TRANSFORM_OPTIONS }))).not.toBe(other);
  });

  test('a changed text is summarized again', () => {
    const options = { ...DEFAULT_TRANSFORM_OPTIONS };
    const first = summarizeModule(input(options));
    const changed = SOURCE.replace('first()', 'one()');
    const second = summarizeModule({ ...input(options), source: changed, tree: parsePython(changed) });
    expect(second).not.toBe(first);
    expect(second.sourceHash).not.toBe(first.sourceHash);
  });
});

describe('one object per distinct value in a summary', () => {
  const CHAIN = [
    'from sqlalchemy.orm import Session',
    'from .models import User',
    '',
    'def recent(db: Session, n: int):',
    '    return db.query(User).filter(User.active).order_by(User.id.desc()).limit(n).all()',
    '',
    'def first(db: Session):',
    '    return db.query(User).filter(User.active).first()',
    '',
  ].join('\n');
  const summarize = (source: string) =>
    summarizeModule({ path: 'app/interning.py', absPath: '/interning/app/interning.py', source, tree: parsePython(source), options: { ...DEFAULT_TRANSFORM_OPTIONS } });
  const callees = (source: string) => {
    const summary = summarize(source);
    return summary.functions.flatMap((fn) => fn.calls.map((c) => ({ text: c.text, callee: c.callee })));
  };

  test('a chain shares its prefix: the callee of each link is inside the next one', () => {
    const calls = callees(CHAIN);
    const all = calls.find((c) => c.text.endsWith('.all'));
    const limit = calls.find((c) => c.text.endsWith('.limit'));
    const firstQuery = calls.filter((c) => c.text === 'db.query');
    expect(all?.callee).toMatchObject({ k: 'attr', name: 'all', of: { k: 'call' } });
    // `.all()` is called on the result of `.limit(n)`: the very object recorded as `.limit`'s callee.
    expect((all?.callee as { of: { of: unknown } }).of.of).toBe(limit?.callee);
    // `db.query` in both functions is one object (both `db` are the same annotated parameter type).
    expect(firstQuery).toHaveLength(2);
    expect(firstQuery[0]?.callee).toBe(firstQuery[1]?.callee);
  });

  test('sharing changes no content, and call sites stay distinct objects', () => {
    const summary = summarize(CHAIN);
    const sites = summary.functions.flatMap((fn) => fn.calls);
    expect(new Set(sites).size).toBe(sites.length);
    // A structural copy (no sharing at all) reads the same.
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});

describe('internValues', () => {
  test('equal values become one object; an absent key and an undefined one stay apart; non-values are left alone', () => {
    const data = {
      a: { k: 'global', name: 'db' },
      b: { k: 'global', name: 'db' },
      c: { k: 'builtin', type: 'dict' },
      d: { k: 'builtin', type: 'dict', item: undefined },
      refs: [{ anchor: null, parts: ['app', 'crud'] }, { anchor: null, parts: ['app', 'crud'] }, { anchor: null, parts: ['app', 'crud', 'user'] }],
      sites: [{ start: 1, refs: [] as number[] }, { start: 1, refs: [] as number[] }],
    };
    internValues(data);
    expect(data.a).toBe(data.b);
    expect(data.c).not.toBe(data.d);
    expect(data.refs[0]).toBe(data.refs[1]);
    expect(data.refs[2]).not.toBe(data.refs[0]);
    expect(data.sites[0]).not.toBe(data.sites[1]);
    expect(data.sites[0]?.refs).not.toBe(data.sites[1]?.refs);
  });

  test('values that differ only in the type of a part, its order or its nesting stay apart', () => {
    const data = {
      number: { k: 'builtin', type: 1 },
      text: { k: 'builtin', type: '1' },
      nulled: { k: 'builtin', type: null },
      undefinedType: { k: 'builtin', type: undefined },
      ordered: { k: 'attr', name: 'all', of: { k: 'global', name: 'db' } },
      reordered: { k: 'attr', of: { k: 'global', name: 'db' }, name: 'all' },
      parts: [{ anchor: null, parts: ['a', 'b'] }, { anchor: null, parts: ['b', 'a'] }, { anchor: null, parts: [['a', 'b']] }],
      again: { k: 'attr', name: 'all', of: { k: 'global', name: 'db' } },
    };
    internValues(data);
    const distinct = [data.number, data.text, data.nulled, data.undefinedType];
    expect(new Set(distinct).size).toBe(distinct.length);
    expect(data.ordered).not.toBe(data.reordered);
    expect(data.ordered.of).toBe(data.reordered.of);
    expect(new Set(data.parts).size).toBe(3);
    expect(data.again).toBe(data.ordered);
  });

  test('many distinct values stay distinct, and every repeat finds its first', () => {
    const made = () => Array.from({ length: 5000 }, (_, i) => ({ k: 'attr', name: `n${i % 2500}`, of: { k: 'global', name: `g${(i % 2500) % 7}` } }));
    const data = { first: made(), second: made() };
    internValues(data);
    expect(new Set(data.first).size).toBe(2500);
    data.second.forEach((value, i) => expect(value).toBe(data.first[i % 2500]));
    data.first.slice(0, 2500).forEach((value, i) => expect(value).toMatchObject({ name: `n${i}`, of: { name: `g${i % 7}` } }));
  });
});

describe('compact call sites', () => {
  const source = [
    'from fastapi.concurrency import run_in_threadpool',
    'from sqlalchemy.orm import Session',
    '',
    'def helper(x):',
    '    return x',
    '',
    'async def handle(db: Session, xs):',
    '    plain(1)',
    '    await db.execute("select 1")',
    '    save(db)',
    '    later = lambda: g()',
    '    sorted(xs, key=helper)',
    '    await run_in_threadpool(helper, 1)',
    '    report(1)  # awaitify: ignore',
    '',
  ].join('\n');

  test('a call has only the properties where it differs from a usual call', () => {
    const summary = summarizeModule({ path: 'app/calls.py', absPath: '/memo/app/calls.py', source, tree: parsePython(source), options: { ...DEFAULT_TRANSFORM_OPTIONS } });
    const calls = summary.functions.find((f) => f.name === 'handle')?.calls ?? [];
    const shape = (text: string) => {
      const call = calls.find((c) => c.text === text);
      return call && Object.keys(call).filter((k) => !['start', 'end', 'line', 'callee', 'text'].includes(k));
    };
    expect(shape('plain')).toEqual([]);
    expect(shape('db.execute')).toEqual(['awaited', 'onSession']);
    // `db` is also a reference: an argument the index may resolve to a project object.
    expect(shape('save')).toEqual(['sessionArg', 'references']);
    expect(shape('g')).toEqual(['blocked']);
    expect(shape('sorted')).toEqual(['references']);
    expect(shape('run_in_threadpool')).toEqual(['awaited', 'wrapper', 'references']);
    expect(shape('report')).toEqual(['ignored']);
  });
});
