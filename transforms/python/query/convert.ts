// Turns one unit (see units.ts) into its edits, or into the reason it stays as it is.
import type { SgNode } from '@ast-grep/napi';
import type { TextEdit } from '../../../engine/types';
import {
  addsCriteria,
  applyBuilders,
  cloneState,
  distinctProblem,
  initialState,
  isProblem,
  needsUnique,
  uniqueProblem,
  terminalForm,
  type Form,
  type JoinTarget,
  type Problem,
  type QueryState,
} from './analyze';
import { MANUAL, terminalOf, type Chain, type Step } from './chain';
import { emitPieces, namesNeeded, type Names, type QueryStage } from './emit';
import { classifySelection, type Selection, type SelectionEnv } from './selection';
import type { SessionInfo } from './sessions';
import { callArgs, commentsWithin, end, start, usedAsPrimary } from './syntax';
import type { ExistsOuter, QueryRoot, Unit, VarGroup } from './units';

export interface ConvertContext {
  source: string;
  env: SelectionEnv;
  stage: QueryStage;
  names: Names;
  /** Entities through `execute(...).scalars()` (the SQLAlchemy 1.4 target: EmitContext.scalarsViaExecute). */
  scalarsViaExecute?: boolean;
}

export interface Converted {
  edits: TextEdit[];
  /** Outer nodes of the chains that now run a statement (where `await` goes in async mode). */
  executeSites: SgNode[];
  names: Set<keyof Names>;
}

export interface Outcome {
  /** The `db.query(...)` call the unit is reported at. */
  anchor: SgNode;
  session: SessionInfo;
  /** Source ranges the unit's code covers. */
  extents: [number, number][];
  label: string;
  result: Converted | Problem;
}

export function convertUnit(unit: Unit, cx: ConvertContext): Outcome {
  switch (unit.kind) {
    case 'direct':
      return outcome(unit.root, [extent(unit.root.chain)], convertDirect(unit.root, cx));
    case 'iterate':
      return outcome(unit.root, [extent(unit.root.chain)], convertIterate(unit.root, cx));
    case 'exists':
      return outcome(unit.outer.root, [extent(unit.outer.root.chain)], convertExists(unit.outer, unit.inner, cx));
    case 'escape': {
      // A step that could never be converted says more than where the Query goes.
      const manual = unit.root.chain.steps.map((s) => ({ s, m: MANUAL[s.method] })).find((x) => x.m);
      const problem: Problem = manual?.m
        ? { rule: manual.m.rule, node: manual.s.node, message: manual.m.what }
        : { rule: 'QUERY-ESCAPES', node: unit.site, message: unit.message };
      return outcome(unit.root, [extent(unit.root.chain)], problem);
    }
    case 'var': {
      const g = unit.group;
      const extents = [
        extent(g.root.chain),
        ...g.rebuilds.map(extent),
        ...g.terminals.map(extent),
        ...g.iterations.map(extent),
        ...g.exists.map((e) => extent(e.outer.root.chain)),
      ];
      return outcome(g.root, extents, convertVar(unit.group, cx));
    }
  }
}

function outcome(root: QueryRoot, extents: [number, number][], result: Converted | Problem): Outcome {
  const terminal = terminalOf(root.chain);
  const label = `${root.call.text().replace(/\s+/g, ' ').slice(0, 60)}${terminal ? `…${terminal.method || '[]'}` : ''}`;
  return { anchor: root.call, session: root.session, extents, label, result };
}

function extent(chain: Chain): [number, number] {
  return [start(chain.base), end(chain.outer)];
}

function rootSelection(call: SgNode, env: SelectionEnv): Selection | Problem {
  const args = callArgs(call);
  if (args.splat && !args.generator && args.keywords.size === 0) {
    // Legacy Query returned objects for exactly one entity and rows otherwise, decided by the list at run time;
    // `select(*cols)` always needs the caller to pick `.scalars()` or rows.
    return {
      rule: 'QUERY-ENTITY-UNKNOWN',
      node: call,
      message: 'the query\'s selection is unpacked (`query(*...)`): legacy Query returned objects when it selected exactly one entity and rows otherwise, and what the list holds is known only at run time',
    };
  }
  if (args.splat || args.generator || args.keywords.size > 0) {
    return { rule: 'QUERY-ENTITY-UNKNOWN', node: call, message: 'the query\'s selection is unpacked or uses keywords' };
  }
  if (args.positional.length === 0) return { rule: 'QUERY-ENTITY-UNKNOWN', node: call, message: 'a query selecting nothing' };
  const result = classifySelection(args.positional, env);
  return result.ok ? result.selection : { rule: result.rule ?? 'QUERY-ENTITY-UNKNOWN', node: result.node, message: result.message };
}

const NO_JOIN: JoinTarget = { kind: 'none' };

function convertDirect(root: QueryRoot, cx: ConvertContext): Converted | Problem {
  const sel = rootSelection(root.call, cx.env);
  if (isProblem(sel)) return sel;
  const chain = root.chain;
  const terminal = terminalOf(chain) as Step;
  const builders = chain.steps.slice(0, -1);
  const state = initialState(sel);
  const edits = applyBuilders(builders, state, { source: cx.source, env: cx.env, fixedSelection: false, root: root.call, joinTarget: NO_JOIN });
  if (isProblem(edits)) return edits;
  const form = terminalForm(terminal, state, { bareRoot: builders.length === 0, variable: null });
  if (isProblem(form)) return form;
  const distinct = distinctProblem(state);
  if (distinct) return distinct;
  if (form.kind === 'get') return convertGet(root, sel, form.pk, cx);
  edits.push(...execution(form, chain, root.session, cx, true));
  return { edits, executeSites: [chain.outer], names: new Set(namesNeeded(form)) };
}

function convertGet(root: QueryRoot, sel: Selection, pk: string, cx: ConvertContext): Converted | Problem {
  const chain = root.chain;
  if (commentsWithin(chain.outer, start(chain.base), end(chain.outer)).length > 0) {
    return { rule: 'QUERY-UNRECOGNISED', node: root.call, message: 'comments inside `db.query(M).get(pk)` would be lost' };
  }
  const pieces = emitPieces({ kind: 'get', pk }, { stage: cx.stage, session: root.session.text, names: cx.names, valueUsed: true });
  let text = `${pieces.prefix}${sel.entities[0]}, ${pk}${pieces.tail}`;
  if (pieces.bareAwait && usedAsPrimary(chain.outer)) text = `(${text})`;
  return { edits: [{ start: start(chain.base), end: end(chain.outer), text }], executeSites: [chain.outer], names: new Set() };
}

function convertIterate(root: QueryRoot, cx: ConvertContext): Converted | Problem {
  const sel = rootSelection(root.call, cx.env);
  if (isProblem(sel)) return sel;
  const chain = root.chain;
  const state = initialState(sel);
  const edits = applyBuilders(chain.steps, state, { source: cx.source, env: cx.env, fixedSelection: false, root: root.call, joinTarget: NO_JOIN });
  if (isProblem(edits)) return edits;
  const distinct = distinctProblem(state) ?? uniqueProblem(state, chain.outer);
  if (distinct) return distinct;
  const form: Form = { kind: 'iterate', scalars: state.selection.single, unique: needsUnique(state) };
  edits.push(...execution(form, chain, root.session, cx, true));
  return { edits, executeSites: [chain.outer], names: new Set(namesNeeded(form)) };
}

function convertExists(outer: ExistsOuter, inner: QueryRoot, cx: ConvertContext): Converted | Problem {
  const sel = rootSelection(inner.call, cx.env);
  if (isProblem(sel)) return sel;
  const steps = inner.chain.steps.slice(0, -1);
  const edits = applyBuilders(steps, initialState(sel), { source: cx.source, env: cx.env, fixedSelection: false, root: inner.call, joinTarget: NO_JOIN });
  if (isProblem(edits)) return edits;
  edits.push(calleeEdit(inner.call, cx.names.select));
  edits.push(...execution({ kind: 'exists' }, outer.root.chain, outer.root.session, cx, true));
  return { edits, executeSites: [outer.root.chain.outer], names: new Set(['select']) };
}

function convertVar(g: VarGroup, cx: ConvertContext): Converted | Problem {
  const session = g.root.session;
  if (!session.stable) {
    return { rule: 'QUERY-ESCAPES', node: g.root.call, message: `the session \`${session.text}\` is rebound in this function, so the query variable may outlive it` };
  }
  const sel = rootSelection(g.root.call, cx.env);
  if (isProblem(sel)) return sel;
  const state = initialState(sel);
  const rootCtx = { source: cx.source, env: cx.env, fixedSelection: false, root: g.root.call, joinTarget: NO_JOIN };
  const edits = applyBuilders(g.root.chain.steps, state, rootCtx);
  if (isProblem(edits)) return edits;
  if (g.escape) return { rule: 'QUERY-ESCAPES', node: g.escape.site, message: g.escape.message };
  edits.push(calleeEdit(g.root.call, cx.names.select));
  const names = new Set<keyof Names>(['select']);
  const executeSites: SgNode[] = [];

  // Later statements may or may not run, so after a join in one of them the join target is unknowable.
  const rebuildJoins = g.rebuilds.some((c) => c.steps.some((s) => s.method === 'join' || s.method === 'outerjoin'));
  const later = [...g.rebuilds, ...g.terminals, ...g.iterations, ...g.exists.map((e) => e.inner)];
  const laterFilterBy = later.flatMap((c) => c.steps).find((s) => s.method === 'filter_by');
  if (rebuildJoins && laterFilterBy) {
    return { rule: 'QUERY-FILTER-BY-JOIN', node: laterFilterBy.node, message: '`filter_by()` on a query joined in a conditional statement: its target entity depends on the path taken' };
  }
  const incoming = (): JoinTarget => (rebuildJoins ? { kind: 'unknown' } : rootCtx.joinTarget);
  for (const chain of g.rebuilds) {
    const more = applyBuilders(chain.steps, state, { source: cx.source, env: cx.env, fixedSelection: true, root: null, joinTarget: incoming() });
    if (isProblem(more)) return more;
    edits.push(...more);
  }

  const runChain = (chain: Chain, builders: Step[], makeForm: (s: QueryState) => Form | Problem): Problem | null => {
    const st = cloneState(state);
    const more = applyBuilders(builders, st, { source: cx.source, env: cx.env, fixedSelection: false, root: null, joinTarget: incoming() });
    if (isProblem(more)) return more;
    const form = makeForm(st);
    if (isProblem(form)) return form;
    const distinct = distinctProblem(st);
    if (distinct) return distinct;
    edits.push(...more, ...execution(form, chain, session, cx, false));
    for (const n of namesNeeded(form)) names.add(n);
    executeSites.push(chain.outer);
    return null;
  };
  // Rebuilds only add to what the assignment built: its criteria are there on every path.
  const variable = { rootCriteria: g.root.chain.steps.some(addsCriteria) };
  for (const chain of g.terminals) {
    const terminal = terminalOf(chain) as Step;
    const problem = runChain(chain, chain.steps.slice(0, -1), (st) => terminalForm(terminal, st, { bareRoot: false, variable }));
    if (problem) return problem;
  }
  for (const chain of g.iterations) {
    const problem = runChain(chain, chain.steps, (st) => uniqueProblem(st, chain.outer) ?? { kind: 'iterate', scalars: st.selection.single, unique: needsUnique(st) });
    if (problem) return problem;
  }
  for (const use of g.exists) {
    const more = applyBuilders(use.inner.steps.slice(0, -1), cloneState(state), { source: cx.source, env: cx.env, fixedSelection: false, root: null, joinTarget: incoming() });
    if (isProblem(more)) return more;
    edits.push(...more, ...execution({ kind: 'exists' }, use.outer.root.chain, use.outer.root.session, cx, true));
    executeSites.push(use.outer.root.chain.outer);
  }
  return { edits, executeSites, names };
}

/**
 * What a chain on a query variable starts from: the variable (a Select now), or for a bulk delete/update the
 * DML statement on its entity with the Select's criteria: what legacy `Query.delete()`/`update()` built from
 * the Query's criteria (callers make sure the WHERE clause is never empty).
 */
function variableBase(form: Form, variable: string, ctor: string): string {
  if (form.kind !== 'delete' && form.kind !== 'update') return variable;
  return `${ctor}(${form.entity}).where(${variable}.whereclause)`;
}

function calleeEdit(call: SgNode, text: string): TextEdit {
  const callee = call.field('function') as SgNode;
  return { start: start(callee), end: end(callee), text };
}

/**
 * The edits that make a chain run its statement: text before the statement (replacing `db.query`, or
 * before the variable) and the terminal's replacement (or a closing text after an iterated chain).
 */
function execution(form: Form, chain: Chain, session: SessionInfo, cx: ConvertContext, baseIsRoot: boolean): TextEdit[] {
  const valueUsed = chain.outer.parent()?.kind() !== 'expression_statement';
  const pieces = emitPieces(form, { stage: cx.stage, session: session.text, names: cx.names, valueUsed, scalarsViaExecute: cx.scalarsViaExecute === true });
  let { prefix, tail } = pieces;
  if (pieces.bareAwait && usedAsPrimary(chain.outer)) {
    prefix = `(${prefix}`;
    tail = `${tail})`;
  }
  const edits: TextEdit[] = [];
  if (baseIsRoot) edits.push(calleeEdit(chain.base, `${prefix}${pieces.ctor}`));
  else edits.push({ start: start(chain.base), end: end(chain.base), text: `${prefix}${variableBase(form, chain.base.text(), pieces.ctor)}` });
  const terminal = terminalOf(chain);
  if (terminal) edits.push({ start: terminal.from, end: end(terminal.node), text: tail });
  else edits.push({ start: end(chain.outer), end: end(chain.outer), text: tail });
  return edits;
}

