// Classes that keep a constructor argument on the instance (`def __init__(self, db): self.db = db`) and use it
// in their methods as a session (`self.db.commit()`): repositories, services, unit-of-work and builder objects.
// A session handed to their constructor is used there, the sync way or the async way; the project index records
// this per class (ClassSummary.holder) for propagate-async and async-tests.
import type { SgNode } from '@ast-grep/napi';
import { carriesIgnoreMarker } from '../../../engine/ignore';
import { awaitState } from '../awaits/awaiting';
import { placeOf } from '../awaits/context';
import { SESSION_LIKE_METHODS } from '../awaits/methods';
import { parametersOf } from '../query/bindings';
import { asyncKeyword, callArgs, namedChildren, sameNode } from '../query/syntax';


export interface SessionHolder {
  /** Its own `__init__`'s parameters after `self`, in order; null when it defines none. */
  initParams: string[] | null;
  /** `self.<attr> = <param>` in its own `__init__`. */
  stores: { param: string; attr: string }[];
  /** Parameters its `__init__` hands, as they are, to `super().__init__(...)`, by position (after `self`) or keyword. */
  handsUp: { param: string; position: number | null; keyword: string | null }[];
  /**
   * Session method calls of its own methods on an attribute of `self` (`self.db.commit()`), whatever stored the
   * attribute: `awaited` when written `await self.db.commit()` (or `async with self.db.begin()`), else a call that
   * only works on a sync Session as it is (`self.db.commit()` without await, `self.db.query(...)`, a sync
   * `with self.db.begin():`). `in`: the method's name.
   */
  uses: { attr: string; method: string; line: number; in: string; awaited: boolean }[];
}

/** See SessionHolder; null when the class neither keeps an `__init__` parameter nor calls session methods on `self`. */
export function sessionHolderOf(cls: SgNode, source: string): SessionHolder | null {
  const methods = namedChildren(cls.field('body') as SgNode)
    .map((m) => (m.kind() === 'decorated_definition' ? m.field('definition') : m))
    .filter((m): m is SgNode => m?.kind() === 'function_definition');
  const init = methods.filter((m) => m.field('name')?.text() === '__init__').pop();
  const initParams = init ? parametersOf(init).slice(1).map((p) => p.name) : [];
  const stores = init ? initStores(init, initParams) : [];
  const handsUp = init ? superInitArgs(init, initParams) : [];
  const uses: SessionHolder['uses'] = [];
  for (const method of methods) {
    const self = parametersOf(method)[0]?.name;
    const name = method.field('name')?.text() ?? '?';
    const body = method.field('body');
    if (!self || !body || !body.text().includes(`${self}.`)) continue;
    const held = (node: SgNode | null): string | null => {
      if (node?.kind() !== 'attribute') return null;
      const object = node.field('object');
      const attr = node.field('attribute')?.text() ?? '';
      return object?.kind() === 'identifier' && object.text() === self && attr !== '' ? attr : null;
    };
    for (const call of body.findAll({ rule: { kind: 'call' } })) {
      const callee = call.field('function') as SgNode;
      if (callee.kind() !== 'attribute') continue;
      const called = callee.field('attribute')?.text() ?? '';
      if (!SESSION_LIKE_METHODS.has(called)) continue;
      const attr = held(callee.field('object'));
      if (attr === null || !sameNode(placeOf(call).unit, method) || ignoredLine(source, call.range().start.index)) continue;
      uses.push({ attr, method: called, line: call.range().start.line + 1, in: name, awaited: awaitState(call, source) === 'yes' });
    }
    for (const item of body.findAll({ rule: { kind: 'with_item' } })) {
      const call = item.find({ rule: { kind: 'call' } });
      const callee = call?.field('function');
      const called = callee?.field('attribute')?.text() ?? '';
      const attr = callee?.kind() === 'attribute' && /^begin(_nested)?$/.test(called) ? held(callee.field('object')) : null;
      if (attr === null || !sameNode(placeOf(item).unit, method) || ignoredLine(source, item.range().start.index)) continue;
      const stmt = item.parent()?.parent();
      uses.push({ attr, method: called, line: item.range().start.line + 1, in: name, awaited: !!stmt && asyncKeyword(stmt) !== undefined });
    }
  }
  if (stores.length === 0 && handsUp.length === 0 && uses.length === 0) return null;
  return { initParams: init ? initParams : null, stores, handsUp, uses };
}

/**
 * The line at `index` carries `# awaitify: ignore`: its author converts it by hand (the shop app's `best_sellers`),
 * so its sync use of the session says nothing about what the object is handed after the migration.
 */
function ignoredLine(source: string, index: number): boolean {
  const from = source.lastIndexOf('\n', index - 1) + 1;
  const to = source.indexOf('\n', index);
  return carriesIgnoreMarker(source.slice(from, to < 0 ? source.length : to), '#');
}

/** `self.<attr> = <param>` in the own body of `__init__`. */
function initStores(init: SgNode, params: readonly string[]): SessionHolder['stores'] {
  const out: SessionHolder['stores'] = [];
  const self = parametersOf(init)[0]?.name;
  for (const assignment of init.field('body')?.findAll({ rule: { kind: 'assignment' } }) ?? []) {
    if (!sameNode(assignment.ancestors().find((a) => a.kind() === 'function_definition') ?? null, init)) continue;
    const left = assignment.field('left');
    const right = assignment.field('right');
    if (left?.kind() !== 'attribute' || left.field('object')?.text() !== self || right?.kind() !== 'identifier' || !params.includes(right.text())) continue;
    out.push({ param: right.text(), attr: left.field('attribute')?.text() ?? '' });
  }
  return out;
}

/** `super().__init__(User, db)` or `super(UserRepository, self).__init__(db=db)` in the own body of `__init__`. */
function superInitArgs(init: SgNode, params: readonly string[]): SessionHolder['handsUp'] {
  const out: SessionHolder['handsUp'] = [];
  for (const call of init.field('body')?.findAll({ rule: { kind: 'call' } }) ?? []) {
    const callee = call.field('function');
    const inner = callee?.kind() === 'attribute' && callee.field('attribute')?.text() === '__init__' ? callee.field('object') : null;
    if (inner?.kind() !== 'call' || inner.field('function')?.text() !== 'super' || !sameNode(placeOf(call).unit, init)) continue;
    const args = callArgs(call);
    if (args.splat) continue;
    args.positional.forEach((a, i) => {
      if (a.kind() === 'identifier' && params.includes(a.text())) out.push({ param: a.text(), position: i, keyword: null });
    });
    for (const [k, a] of args.keywords) if (a.kind() === 'identifier' && params.includes(a.text())) out.push({ param: a.text(), position: null, keyword: k });
  }
  return out;
}
