// What the performance work shares between analyses, and when it must not: one memoising view per tree
// the engine parsed (dropped when the engine disposes the tree), and one module summary per text and options.
import { cachedTree } from '../transforms/python/support/cached-tree';
import { parsePython, pythonLanguage } from '../transforms/python/support/language';
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
