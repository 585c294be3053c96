// Finds the legacy queries of a file and groups them into units, each converted or flagged as a whole:
// a single chain (`db.query(M)...first()`), an iteration (`for x in db.query(M)`), an existence test
// (`db.query(q.exists()).scalar()`), or a Query variable built across statements of one function.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import { isBindingOccurrence, occurrencesOf, parametersOf } from './bindings';
import { chainFrom, terminalOf, type Chain } from './chain';
import type { SessionInfo, SessionResolver } from './sessions';
import { callArgs, enclosingScope, end, sameNode, start } from './syntax';

export interface QueryRoot {
  call: SgNode;
  session: SessionInfo;
  chain: Chain;
}

/** `db.query(<inner>.exists()).scalar()`: the outer root and what `<inner>` is. */
export interface ExistsOuter {
  root: QueryRoot;
  /** The `<inner>.exists()` call. */
  existsCall: SgNode;
}

export type Unit =
  | { kind: 'direct'; root: QueryRoot }
  | { kind: 'iterate'; root: QueryRoot }
  | { kind: 'exists'; outer: ExistsOuter; inner: QueryRoot }
  | { kind: 'var'; group: VarGroup }
  | { kind: 'escape'; root: QueryRoot; site: SgNode; message: string };

export interface VarGroup {
  fn: SgNode;
  name: string;
  root: QueryRoot;
  /** `q = q.<builders>` right-hand sides. */
  rebuilds: Chain[];
  /** Chains based on `q` ending in a terminal. */
  terminals: Chain[];
  /** Chains based on `q` iterated by `for`. */
  iterations: Chain[];
  /** `db.query(q...exists()).scalar()` uses: the inner chain based on `q` and the outer root. */
  exists: { inner: Chain; outer: ExistsOuter }[];
  /** The first use the tool cannot follow, if any. */
  escape: { site: SgNode; message: string } | null;
}

/** `X.query(...)` calls whose receiver is a proven session. */
export function findQueryRoots(root: SgRoot, sessions: SessionResolver): QueryRoot[] {
  const out: QueryRoot[] = [];
  for (const call of root.root().findAll({ rule: { kind: 'call' } })) {
    const fn = call.field('function');
    if (fn?.kind() !== 'attribute' || fn.field('attribute')?.text() !== 'query') continue;
    const receiver = fn.field('object');
    if (!receiver) continue;
    const session = sessions.resolve(receiver);
    if (!session) continue;
    out.push({ call, session, chain: chainFrom(call) });
  }
  return out;
}

export function buildUnits(roots: QueryRoot[]): Unit[] {
  const byCall = new Map<number, QueryRoot>(roots.map((r) => [start(r.call), r]));
  const units: Unit[] = [];
  const claimed = new Set<number>();
  const existsOuters: ExistsOuter[] = [];

  for (const r of roots) {
    const outer = existsOuterOf(r);
    if (outer) existsOuters.push(outer);
  }
  // Inner roots of `db.query(db.query(...).exists()).scalar()` are converted with their outer query.
  for (const outer of existsOuters) {
    const inner = innerBase(outer.existsCall);
    const innerRoot = inner ? byCall.get(start(inner)) : undefined;
    if (innerRoot && sameNode(innerRoot.chain.outer, outer.existsCall)) {
      units.push({ kind: 'exists', outer, inner: innerRoot });
      claimed.add(start(outer.root.call));
      claimed.add(start(innerRoot.call));
    }
  }

  const groups = new Map<string, VarGroup>();
  const pendingVarRoots: QueryRoot[] = [];
  for (const r of roots) {
    if (claimed.has(start(r.call))) continue;
    // An exists-outer whose inner part is a variable is handled with that variable's group (or below).
    if (existsOuters.some((o) => sameNode(o.root.call, r.call))) continue;
    const chain = r.chain;
    if (terminalOf(chain)) {
      units.push({ kind: 'direct', root: r });
      continue;
    }
    if (isIterated(chain.outer)) {
      units.push({ kind: 'iterate', root: r });
      continue;
    }
    const target = assignedName(chain.outer);
    if (target) {
      pendingVarRoots.push(r);
      continue;
    }
    units.push({ kind: 'escape', root: r, site: chain.outer, message: escapeMessage(chain.outer) });
  }

  for (const r of pendingVarRoots) {
    const target = assignedName(r.chain.outer) as { name: string; fn: SgNode };
    const key = `${start(target.fn)}:${target.name}`;
    const existing = groups.get(key);
    if (existing) {
      existing.escape ??= { site: r.call, message: `\`${target.name}\` is assigned a query more than once in this function` };
      continue;
    }
    groups.set(key, { fn: target.fn, name: target.name, root: r, rebuilds: [], terminals: [], iterations: [], exists: [], escape: null });
  }

  for (const group of groups.values()) {
    collectVarUses(group, existsOuters);
    units.push({ kind: 'var', group });
    for (const e of group.exists) claimed.add(start(e.outer.root.call));
  }
  // Exists-outers over something that is neither a query chain nor a tracked variable: plain queries.
  for (const o of existsOuters) {
    if (claimed.has(start(o.root.call))) continue;
    units.push({ kind: 'direct', root: o.root });
  }
  return units;
}

function existsOuterOf(r: QueryRoot): ExistsOuter | null {
  const args = callArgs(r.call);
  if (args.positional.length !== 1 || args.keywords.size > 0 || args.splat) return null;
  const only = args.positional[0] as SgNode;
  if (only.kind() !== 'call') return null;
  const fn = only.field('function');
  if (fn?.kind() !== 'attribute' || fn.field('attribute')?.text() !== 'exists') return null;
  const inner = callArgs(only);
  if (inner.positional.length > 0 || inner.keywords.size > 0) return null;
  const steps = r.chain.steps;
  if (steps.length !== 1 || steps[0]?.method !== 'scalar' || steps[0].kind !== 'call') return null;
  if (callArgs(steps[0].node).positional.length > 0) return null;
  return { root: r, existsCall: only };
}

/** The innermost base of `<base>.a(...).b(...).exists()`: a `.query(...)` call or a name. */
function innerBase(existsCall: SgNode): SgNode | null {
  let cur: SgNode | null = existsCall.field('function')?.field('object') ?? null;
  while (cur) {
    if (cur.kind() === 'identifier') return cur;
    if (cur.kind() !== 'call') return null;
    const fn = cur.field('function');
    if (fn?.kind() !== 'attribute') return null;
    if (fn.field('attribute')?.text() === 'query') return cur;
    cur = fn.field('object');
  }
  return null;
}

function isIterated(outer: SgNode): boolean {
  const parent = outer.parent();
  if (!parent) return false;
  return (parent.kind() === 'for_statement' || parent.kind() === 'for_in_clause') && sameNode(parent.field('right'), outer);
}

/** `name = <outer>` as a statement directly in a function body scope. */
function assignedName(outer: SgNode): { name: string; fn: SgNode } | null {
  const parent = outer.parent();
  if (parent?.kind() !== 'assignment' || !sameNode(parent.field('right'), outer) || parent.field('type')) return null;
  const left = parent.field('left');
  if (left?.kind() !== 'identifier' || parent.parent()?.kind() !== 'expression_statement') return null;
  const scope = enclosingScope(parent);
  if (scope?.kind() !== 'function_definition') return null;
  return { name: left.text(), fn: scope };
}

function escapeMessage(outer: SgNode): string {
  const parent = outer.parent();
  const kind = parent?.kind();
  if (kind === 'return_statement') return 'the Query object is returned to the caller';
  if (kind === 'argument_list') return 'the Query object is passed to another call (e.g. a paginator)';
  if (kind === 'yield') return 'the Query object is yielded';
  if (kind === 'assignment') return 'the Query object is stored where the tool cannot follow it';
  return 'the Query object is used without being executed here';
}

/** Sorts every use of the variable into rebuilds, terminals, iterations and exists-tests, or records an escape. */
function collectVarUses(group: VarGroup, existsOuters: ExistsOuter[]): void {
  const { fn, name } = group;
  const escape = (site: SgNode, message: string): void => {
    group.escape ??= { site, message };
  };
  if (parametersOf(fn).some((p) => p.name === name)) escape(fn, `\`${name}\` is also a parameter of the function`);
  const rootLeft = (group.root.chain.outer.parent() as SgNode).field('left') as SgNode;
  const consumed = new Set<number>([start(rootLeft)]);
  const occurrences = occurrencesOf(fn, name).sort((x, y) => start(x) - start(y));

  // Rebuilds first: their right-hand side reads of `name` are part of them.
  for (const occ of occurrences) {
    if (consumed.has(start(occ)) || !isBindingOccurrence(occ)) continue;
    consumed.add(start(occ));
    const assignment = occ.parent();
    const right = assignment?.kind() === 'assignment' && sameNode(assignment.field('left'), occ) ? assignment.field('right') : null;
    const base = right ? baseIdentifier(right) : null;
    if (!right || !base || base.text() !== name || assignment?.field('type') || assignment?.parent()?.kind() !== 'expression_statement') {
      escape(occ, `\`${name}\` is rebound to something other than a refined query`);
      continue;
    }
    const chain = chainFrom(base);
    if (!sameNode(chain.outer, right) || terminalOf(chain)) {
      escape(occ, `\`${name}\` is rebound to something other than a refined query`);
      continue;
    }
    consumed.add(start(base));
    group.rebuilds.push(chain);
  }

  for (const occ of occurrences) {
    if (consumed.has(start(occ))) continue;
    if (!inOwnScope(occ, fn)) {
      escape(occ, `\`${name}\` is used inside a nested function, lambda or generator`);
      continue;
    }
    const chain = chainFrom(occ);
    if (terminalOf(chain)) {
      group.terminals.push(chain);
      continue;
    }
    if (isIterated(chain.outer)) {
      group.iterations.push(chain);
      continue;
    }
    const outer = existsOuters.find((o) => sameNode(o.existsCall, chain.outer));
    if (outer && chain.steps.length > 0) {
      group.exists.push({ inner: chain, outer });
      continue;
    }
    escape(occ, escapeMessage(chain.outer));
  }
}

/** The name at the bottom of `name.a(...).b(...)`, when the expression is such a chain. */
function baseIdentifier(expr: SgNode): SgNode | null {
  let cur: SgNode | null = expr;
  while (cur) {
    if (cur.kind() === 'identifier') return cur;
    if (cur.kind() === 'call') cur = cur.field('function');
    else if (cur.kind() === 'attribute') cur = cur.field('object');
    else return null;
  }
  return null;
}

/** The occurrence runs in `fn` itself (list/set/dict comprehensions included, since they run eagerly there). */
function inOwnScope(node: SgNode, fn: SgNode): boolean {
  let scope = enclosingScope(node);
  while (scope && ['list_comprehension', 'set_comprehension', 'dictionary_comprehension'].includes(String(scope.kind()))) scope = enclosingScope(scope);
  return sameNode(scope, fn);
}

/** Source extent of a chain, for nesting checks. */
export function extentOf(chain: Chain): [number, number] {
  return [start(chain.base), end(chain.outer)];
}
