// Walks the builder steps of a Query chain, collecting the small in-place edits that turn them into
// `Select` methods and the facts the terminal needs (joins, eager loads, ordering), and maps the
// terminal to the 2.0 form it needs (REFERENCE section 2).
import type { SgNode } from '@ast-grep/napi';
import type { TextEdit } from '../../../engine/types';
import { MANUAL, PLAIN_BUILDERS, type Step } from './chain';
import { classifyExpression, classifySelection, compact, type Selection, type SelectionEnv } from './selection';
import { bindingsIn } from './bindings';
import { assignedValue, holdsList, resolveName } from './option-lists';
import { callArgs, commentsWithin, dottedName, enclosingFunction, enclosingScope, end, isAtom, looksLikeClassName, namedChildren, start, unpackedArgs } from './syntax';

export interface Problem {
  rule: string;
  node: SgNode;
  message: string;
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'rule' in value && 'node' in value;
}

export interface QueryState {
  selection: Selection;
  joined: boolean;
  joinedload: boolean;
  selectFrom: boolean;
  /** Criteria or ordering mention another mapped class: the FROM list may hold more than the entity. */
  foreignRefs: boolean;
  distinct: boolean;
  orderBy: SgNode[];
  options: boolean;
  limitOrOffset: boolean;
  /** Every builder method seen, for terminals that accept only some (bulk delete/update, get). */
  methods: Set<string>;
}

export function initialState(selection: Selection): QueryState {
  return {
    selection,
    joined: false,
    joinedload: false,
    selectFrom: false,
    foreignRefs: false,
    distinct: false,
    orderBy: [],
    options: false,
    limitOrOffset: false,
    methods: new Set(),
  };
}

export function cloneState(state: QueryState): QueryState {
  return { ...state, selection: { ...state.selection }, orderBy: [...state.orderBy], methods: new Set(state.methods) };
}

/** Last join target entering a chain: known class text, none yet, or unknowable (joins in conditional fragments). */
export type JoinTarget = { kind: 'none' } | { kind: 'known'; text: string } | { kind: 'unknown' };

export interface BuilderContext {
  source: string;
  env: SelectionEnv;
  /** `q = q.with_entities(...)` in a conditional fragment would make the result shape depend on the path taken. */
  fixedSelection: boolean;
  /** The `db.query(...)` call when the steps start right after it (allows `select(cols)` for `with_entities`). */
  root: SgNode | null;
  joinTarget: JoinTarget;
}

/** Edits for the builder steps, or the first reason the chain cannot be converted. */
export function applyBuilders(steps: Step[], state: QueryState, ctx: BuilderContext): TextEdit[] | Problem {
  const edits: TextEdit[] = [];
  let target = ctx.joinTarget;
  for (const [index, step] of steps.entries()) {
    const manual = MANUAL[step.method];
    if (manual) return { rule: manual.rule, node: step.node, message: manual.what };
    if (step.kind !== 'call') return unrecognised(step);
    const call = step.node;
    const args = callArgs(call);
    if (args.generator) return unrecognised(step, 'a bare generator expression as its arguments');
    if (args.splat) {
      const problem = noteUnpacked(step, state, target);
      if (problem) return problem;
    }
    const method = step.method;
    state.methods.add(method);
    switch (method) {
      case 'filter':
      case 'where':
        if (args.keywords.size > 0) return unrecognised(step);
        noteForeignRefs(state, args.positional, ctx.env);
        if (method === 'filter') edits.push(rename(step, 'where'));
        break;
      case 'filter_by': {
        if (args.positional.length > 0) return unrecognised(step);
        if (state.selectFrom) {
          return { rule: 'QUERY-FILTER-BY-JOIN', node: call, message: '`filter_by()` after `select_from()`: which entity it filters is not clear' };
        }
        if (!state.joined) break;
        if (target.kind !== 'known') {
          return {
            rule: 'QUERY-FILTER-BY-JOIN',
            node: call,
            message: '`filter_by()` after a join filters the join target, which is not a plain class name here',
          };
        }
        const nameStart = start(step.nameNode as SgNode);
        if (commentsWithin(call, nameStart, end(call)).length > 0) return unrecognised(step, 'comments inside `filter_by(...)`');
        const criteria = [...args.keywords].map(([key, value]) => `${target.kind === 'known' ? target.text : ''}.${key} == ${isAtom(value) ? value.text() : `(${value.text()})`}`);
        edits.push({ start: nameStart, end: end(call), text: `where(${criteria.join(', ')})` });
        break;
      }
      case 'join':
      case 'outerjoin': {
        const problem = checkJoin(step, ctx.env);
        if (problem) return problem;
        state.joined = true;
        const first = args.positional[0] as SgNode;
        target = classifyExpression(first, ctx.env) === 'entity' && dottedName(first) ? { kind: 'known', text: first.text() } : { kind: 'unknown' };
        break;
      }
      case 'options':
        state.options = true;
        // An option built elsewhere (`.options(opts)`, `.options(load_user())`) may be a joinedload.
        if (/\bjoinedload\b/.test(call.text()) || !args.positional.every((a) => (namedLoader(a, ctx.env) ?? 'joinedload') !== 'joinedload')) state.joinedload = true;
        // Query.options flattened a list of options; Select.options raises ArgumentError on one: unpack it.
        for (const arg of args.positional) {
          if (holdsList(arg)) edits.push({ start: start(arg), end: start(arg), text: '*' });
          else if (!isSingleOption(arg, ctx.env)) return optionsUnknown(step, arg);
        }
        break;
      case 'select_from':
        state.selectFrom = true;
        break;
      case 'distinct':
        state.distinct = true;
        break;
      case 'order_by':
        if (cancelsClause(args)) {
          state.orderBy = [];
          edits.push(...cancelWithNone(args.positional[0] as SgNode));
          break;
        }
        noteForeignRefs(state, args.positional, ctx.env);
        state.orderBy.push(...args.positional);
        break;
      case 'limit':
      case 'offset':
        state.limitOrOffset = true;
        break;
      case 'add_columns': {
        if (ctx.fixedSelection) return reshaped(step);
        const added = classifySelection(args.positional, ctx.env);
        if (!added.ok) return { rule: added.rule ?? 'QUERY-ENTITY-UNKNOWN', node: added.node, message: added.message };
        const sel = state.selection;
        state.selection = {
          single: false,
          mapper: sel.mapper || added.selection.mapper,
          entities: [...sel.entities, ...added.selection.entities],
          columns: [...sel.columns, ...added.selection.columns],
          eagerJoined: sel.eagerJoined || added.selection.eagerJoined,
          unhashable: sel.unhashable ?? added.selection.unhashable,
        };
        break;
      }
      case 'with_entities': {
        if (ctx.fixedSelection) return reshaped(step);
        const chosen = classifySelection(args.positional, ctx.env);
        if (!chosen.ok) return { rule: chosen.rule ?? 'QUERY-ENTITY-UNKNOWN', node: chosen.node, message: chosen.message };
        state.selection = chosen.selection;
        const list = call.field('arguments') as SgNode;
        const rootArgs = ctx.root?.field('arguments');
        if (index === 0 && rootArgs && commentsWithin(call, start(rootArgs), start(list)).length === 0) {
          // `db.query(User).with_entities(User.id)` is simply `select(User.id)`.
          edits.push({ start: start(rootArgs), end: end(call), text: list.text() });
        } else {
          edits.push(rename(step, 'with_only_columns'));
        }
        break;
      }
      default:
        if (!PLAIN_BUILDERS.has(method)) return unrecognised(step);
        if (method === 'group_by' && cancelsClause(args)) {
          edits.push(...cancelWithNone(args.positional[0] as SgNode));
          break;
        }
        if (method === 'group_by' || method === 'having') noteForeignRefs(state, args.positional, ctx.env);
    }
  }
  ctx.joinTarget = target;
  return edits;
}

/**
 * `order_by(None)`/`order_by(False)` (and `group_by`) alone: legacy Query's cancel of the clause built so far.
 * `Select` cancels on `None` only; `False` it renders as `ORDER BY false` after the earlier ordering (1.4.46 and
 * 2.0.58), so `False` becomes `None`. With other arguments both are plain SQL values on both, left as written.
 */
function cancelsClause(args: ReturnType<typeof callArgs>): boolean {
  if (args.splat || args.keywords.size > 0 || args.positional.length !== 1) return false;
  const kind = (args.positional[0] as SgNode).kind();
  return kind === 'none' || kind === 'false';
}

function cancelWithNone(arg: SgNode): TextEdit[] {
  return arg.kind() === 'false' ? [{ start: start(arg), end: end(arg), text: 'None' }] : [];
}

/**
 * Builders whose `*args` `Select` reads as legacy Query did (SQLAlchemy 1.4.46 and 2.0.58: same SQL, same rows,
 * an empty list included; `having(*[])` raises TypeError on 1.4 either way). Differences left: a list holding
 * only `False` (Query's `order_by(False)`/`group_by(False)` reset, `Select` renders `false`), and options nested
 * in lists (Query flattened them, `Select.options` raises ArgumentError); both documented.
 */
const UNPACKABLE = new Set(['filter', 'where', 'order_by', 'group_by', 'having', 'options']);

/**
 * What `*args`/`**kw` in a builder step hide, recorded as the worst case: criteria, ordering or loader options
 * that are only known at run time. Null when the step converts as written; the problem when it cannot.
 */
function noteUnpacked(step: Step, state: QueryState, target: JoinTarget): Problem | null {
  const { list, dict } = unpackedArgs(step.node);
  const method = step.method;
  if (method === 'filter_by') {
    if (list.length > 0) return unrecognised(step, '`*` arguments');
    // Before any join `Select.filter_by(**kw)` filters the selected entity as Query did; after one, the keys
    // would have to be spelled against the join target (see the filter_by case), which `**kw` hides.
    if (state.joined || target.kind !== 'none') {
      return {
        rule: 'QUERY-FILTER-BY-JOIN',
        node: step.node,
        message: '`filter_by(**...)` after a join filters the join target by keys known only at run time: write `.where(Target.key == value)` criteria',
      };
    }
    return null;
  }
  if (method === 'join' || method === 'outerjoin') {
    return {
      rule: 'QUERY-JOIN-LEGACY',
      node: step.node,
      message: `\`${method}(*...)\`: the unpacked list may hold several targets (a join path on 1.4's Query) or a target and an ON clause; \`Select.${method}\` takes one target and an optional ON clause: write one \`.${method}()\` per target`,
    };
  }
  if (method === 'add_columns' || method === 'with_entities') {
    return {
      rule: 'QUERY-ENTITY-UNKNOWN',
      node: step.node,
      message: `\`${method}(*...)\`: whether the results are objects or rows depends on what the unpacked list holds at run time`,
    };
  }
  if (!UNPACKABLE.has(method) || dict.length > 0) return unrecognised(step, 'arguments unpacked with `*`/`**`');
  if (method === 'options') {
    // Any of them may be a joinedload of a collection: the results need `.unique()`, as legacy Query de-duplicated.
    state.options = true;
    state.joinedload = true;
    return null;
  }
  // Unknown criteria, ordering or grouping may name another entity (a FROM entry of its own, so rows can repeat):
  // `.unique()`, which legacy Query applied to every result holding an entity, keeps the results the same.
  state.foreignRefs = true;
  if (method === 'order_by') state.orderBy.push(...list);
  return null;
}

function rename(step: Step, to: string): TextEdit {
  const name = step.nameNode as SgNode;
  return { start: start(name), end: end(name), text: to };
}

function unrecognised(step: Step, detail?: string): Problem {
  const what = step.kind === 'subscript' ? 'indexing' : `\`.${step.method}${step.kind === 'call' ? '()' : ''}\``;
  return { rule: 'QUERY-UNRECOGNISED', node: step.node, message: `${what} in a query chain is not converted automatically${detail ? ` (${detail})` : ''}` };
}

function reshaped(step: Step): Problem {
  return {
    rule: 'QUERY-UNRECOGNISED',
    node: step.node,
    message: `\`.${step.method}()\` in a later statement changes what the query returns depending on the path taken`,
  };
}

/** Query.join forms that survive on `Select.join`: one target, or a class plus an ON clause. */
function checkJoin(step: Step, env: SelectionEnv): Problem | null {
  const args = callArgs(step.node);
  const legacy = (message: string): Problem => ({ rule: 'QUERY-JOIN-LEGACY', node: step.node, message });
  for (const key of args.keywords.keys()) {
    if (key === 'aliased' || key === 'from_joinpoint') return legacy(`\`${key}=\` was removed from \`join()\``);
    if (key !== 'isouter' && key !== 'full') return legacy(`\`${key}=\` is not a \`Select.join()\` argument`);
  }
  const positional = args.positional;
  if (positional.length === 0 || positional.length > 2) return legacy('only `join(target)` and `join(target, onclause)` exist on `Select`');
  for (const arg of positional) {
    if (arg.kind() === 'string' || arg.kind() === 'concatenated_string') return legacy('string join targets were removed');
    if (arg.kind() === 'tuple') return legacy('tuple join targets were removed');
  }
  if (positional.length === 2 && classifyExpression(positional[0] as SgNode, env) !== 'entity') {
    const [target, on] = positional as [SgNode, SgNode];
    if (!isOnClause(on, env)) {
      return legacy(
        `\`${target.text()}\` is not a known class and \`${on.text().replace(/\s+/g, ' ').slice(0, 60)}\` not a single comparison or \`and_()\`/\`or_()\`: legacy Query read \`join(A.rel, B.rel)\` as a join path; on \`Select\` the second argument is an ON clause`,
      );
    }
    if (target.kind() === 'lambda') return { rule: 'QUERY-UNRECOGNISED', node: step.node, message: 'a lambda as join target is not converted automatically' };
    const holder = env.legacyQueryName(target);
    if (holder) {
      return {
        rule: 'QUERY-SUBQUERY',
        node: target,
        message: `the join target \`${target.text()}\` ${holder === target.text() ? 'holds' : `is computed from \`${holder}\`, which holds`} a legacy Query (or a subquery of one); convert that query first`,
      };
    }
  }
  return null;
}

const SQL_MODULES = ['sqlalchemy', 'sqlalchemy.sql', 'sqlalchemy.sql.expression'];
const CONNECTIVES = new Set(SQL_MODULES.flatMap((m) => ['and_', 'or_', 'not_'].map((c) => `${m}.${c}`)));
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/**
 * An expression that, wherever the query runs, is a SQL ON clause (a ColumnElement): one comparison, SQLAlchemy's
 * `and_`/`or_`/`not_`, or `&`/`|`/`~` over those. Legacy `Query.join(target, onclause)` with such an ON clause
 * took the two-argument form only (a join path of relationship attributes cannot end in a comparison: 1.4 raises
 * "Expected mapped entity or selectable/table as join target"), which `Select.join` keeps. A bare attribute is not
 * one: `join(A.rel, B.rel)` was a join path. A comparison of plain Python values is a bool, which both raise on.
 */
function isOnClause(node: SgNode, env: SelectionEnv): boolean {
  switch (node.kind()) {
    case 'parenthesized_expression': {
      const inner = node.children().filter((c) => c.isNamed() && c.kind() !== 'comment');
      return inner.length === 1 && isOnClause(inner[0] as SgNode, env);
    }
    case 'comparison_operator': {
      // `a < b < c` is Python's `and` of two comparisons, `in`/`is` are Python operators: neither builds SQL.
      const operators = node.children().filter((c) => !c.isNamed());
      const operands = node.children().filter((c) => c.isNamed() && c.kind() !== 'comment');
      return operators.length === 1 && operands.length === 2 && COMPARISONS.has((operators[0] as SgNode).text());
    }
    case 'binary_operator': {
      const left = node.field('left');
      const right = node.field('right');
      return ['&', '|'].includes(node.field('operator')?.text() ?? '') && !!left && !!right && isOnClause(left, env) && isOnClause(right, env);
    }
    case 'unary_operator': {
      const argument = node.field('argument');
      return node.field('operator')?.text() === '~' && !!argument && isOnClause(argument, env);
    }
    case 'call': {
      const callee = dottedName(node.field('function') as SgNode);
      const target = callee ? env.sqlAlchemyTarget(callee[0] as string, node) : null;
      return !!callee && !!target && CONNECTIVES.has([target, ...callee.slice(1)].join('.'));
    }
    default:
      return false;
  }
}

function noteForeignRefs(state: QueryState, args: SgNode[], env: SelectionEnv): void {
  if (state.foreignRefs) return;
  const own = new Set(state.selection.entities);
  const isClass = (id: SgNode): boolean => looksLikeClassName(id.text()) || env.mappedClass(id).proven;
  for (const arg of args) {
    for (const id of [arg, ...arg.findAll({ rule: { kind: 'identifier' } })]) {
      if (id.kind() !== 'identifier' || own.has(id.text())) continue;
      const parent = id.parent();
      if (parent?.kind() !== 'attribute' || start(parent) !== start(id)) continue;
      // Another mapped class, a Core table or subquery's columns (`tags.c.tag_id`), or an alias (`P = aliased(Node)`):
      // each adds a FROM entry, so rows of the entity can repeat, which legacy Query de-duplicated.
      if (isClass(id) || parent.field('attribute')?.text() === 'c' || boundToSelectable(id)) {
        state.foreignRefs = true;
        return;
      }
    }
  }
}

/** Callees whose result is a FROM entry of its own: an alias, a table, a subquery, a CTE. */
const SELECTABLE_MAKERS = new Set(['aliased', 'alias', 'Table', 'table', 'subquery', 'cte', 'union', 'union_all']);

/** The name is bound, in its function or an enclosing scope, by an assignment from a selectable maker. */
function boundToSelectable(id: SgNode): boolean {
  for (let scope = enclosingScope(id); scope !== null; scope = enclosingScope(scope)) {
    const bindings = bindingsIn(scope, id.text());
    if (bindings.length === 0) continue;
    return bindings.some((b) => {
      const assignment = b.parent();
      const right = assignment?.kind() === 'assignment' ? assignment.field('right') : null;
      const callee = right?.kind() === 'call' ? dottedName(right.field('function') as SgNode) : null;
      return !!callee && SELECTABLE_MAKERS.has(callee[callee.length - 1] as string);
    });
  }
  return false;
}

/** Legacy Query de-duplicated ORM entity results; 2.0 needs `.unique()` where duplicates can appear. */
export function needsUnique(state: QueryState): boolean {
  const sel = state.selection;
  return sel.mapper && (state.joined || state.joinedload || state.selectFrom || state.foreignRefs || sel.eagerJoined);
}

/**
 * Rows that need `.unique()` but hold a column that may not be hashable: legacy Query hashed such values by id(),
 * `Result.unique()` raises on JSON/ARRAY values (1.4.46 and 2.0), and without it join duplicates come back.
 */
export function uniqueProblem(state: QueryState, node: SgNode): Problem | null {
  const column = state.selection.unhashable;
  if (column === null || state.selection.single || !needsUnique(state)) return null;
  return {
    rule: 'QUERY-UNIQUE-UNHASHABLE',
    node,
    message: `the rows need \`.unique()\` (legacy Query de-duplicated them) but \`${column}\` is not known to hold hashable values, and \`.unique()\` raises on unhashable ones (JSON, ARRAY...)`,
  };
}

/** Loader option functions: none but joinedload joins a collection in. */
const LOADERS = new Set([
  'joinedload', 'selectinload', 'subqueryload', 'lazyload', 'noload', 'raiseload', 'immediateload', 'defaultload', 'contains_eager',
  'load_only', 'defer', 'undefer', 'undefer_group', 'with_expression', 'with_loader_criteria', 'selectin_polymorphic',
]);

/**
 * The loader function a written-out option starts with (`selectinload(User.posts)`, `orm.defer(User.bio)`,
 * `sl(A.b).joinedload(B.c)` with `sl` imported as `selectinload`); null for anything else.
 */
function namedLoader(arg: SgNode, env: SelectionEnv): string | null {
  let call = arg;
  for (;;) {
    if (call.kind() !== 'call') return null;
    const fn = call.field('function') as SgNode;
    const inner = fn.kind() === 'attribute' ? fn.field('object') : null;
    if (inner?.kind() === 'call') {
      call = inner;
      continue;
    }
    const dotted = dottedName(fn);
    if (!dotted) return null;
    // `from sqlalchemy.orm import selectinload as sl`: the name SQLAlchemy gives it.
    const target = dotted.length === 1 ? env.sqlAlchemyTarget(dotted[0] as string, fn) : null;
    const name = (target?.split('.').pop() ?? dotted[dotted.length - 1]) as string;
    return LOADERS.has(name) ? name : null;
  }
}

/**
 * An argument of `.options()` that is one option object wherever the query runs, never a list: a loader call or
 * chain (`selectinload(A.b).joinedload(B.c)`, `Load(A).defer(...)`), an instance of a named class
 * (`FromCache("default")`), a name only ever assigned one of those, or a call of a function of this module whose
 * every `return` gives one. Legacy `Query.options` also accepted lists (it flattened them), which `Select.options`
 * rejects, so anything not proven here may break at run time once converted.
 */
function isSingleOption(arg: SgNode, env: SelectionEnv, depth = 0): boolean {
  if (depth > 2) return false;
  if (arg.kind() === 'identifier') {
    const resolved = resolveName(arg);
    return !!resolved && resolved.bindings.every((b) => {
      const value = assignedValue(b);
      return !!value && isSingleOption(value, env, depth + 1);
    });
  }
  if (arg.kind() !== 'call') return false;
  let root = arg;
  for (let inner = root.field('function'); inner?.kind() === 'attribute' && inner.field('object')?.kind() === 'call'; inner = root.field('function')) root = inner.field('object') as SgNode;
  const fn = root.field('function') as SgNode;
  const dotted = dottedName(fn);
  if (!dotted) return false;
  const target = dotted.length === 1 ? env.sqlAlchemyTarget(dotted[0] as string, fn) : null;
  const name = (target?.split('.').pop() ?? dotted[dotted.length - 1]) as string;
  if (LOADERS.has(name) || name === 'Load' || looksLikeClassName(name)) return true;
  // `with_author()` defined in this module: what it returns decides. Only when it is the call itself, not a chain on it.
  return root === arg && dotted.length === 1 && moduleFunctionReturnsOption(fn, env, depth);
}

function moduleFunctionReturnsOption(name: SgNode, env: SelectionEnv, depth: number): boolean {
  const resolved = resolveName(name);
  if (!resolved || resolved.scope.kind() !== 'module' || resolved.bindings.length !== 1) return false;
  const def = (resolved.bindings[0] as SgNode).parent();
  if (def?.kind() !== 'function_definition') return false;
  const body = def.field('body') as SgNode;
  const own = (n: SgNode): boolean => enclosingFunction(n) !== null && start(enclosingFunction(n) as SgNode) === start(def);
  if (body.findAll({ rule: { any: [{ kind: 'yield' }, { kind: 'await' }] } }).some(own)) return false;
  const returns = body.findAll({ rule: { kind: 'return_statement' } }).filter(own);
  // Falling off the end returns None, which `options()` rejects on both stacks alike: only explicit returns count.
  return returns.length > 0 && returns.every((r) => {
    const value = namedChildren(r).find((c) => c.kind() !== 'comment');
    return !!value && isSingleOption(value, env, depth + 1);
  });
}

function optionsUnknown(step: Step, arg: SgNode): Problem {
  return {
    rule: 'QUERY-OPTIONS-UNKNOWN',
    node: step.node,
    message: `\`${arg.text().replace(/\s+/g, ' ').slice(0, 60)}\` in \`.options()\` is not provably one option: legacy Query flattened a list of options, \`Select.options\` raises ArgumentError on one; unpack it (\`*\`) if it is a list`,
  };
}

/**
 * Legacy Query added ORDER BY expressions to the SELECT list of a DISTINCT query; 2.0 does not. Safe only
 * when every ORDER BY expression is already selected (a selected entity's own column, or a selected column).
 */
export function distinctProblem(state: QueryState): Problem | null {
  if (!state.distinct) return null;
  const entities = new Set(state.selection.entities);
  for (const expr of state.orderBy) {
    if (expr.kind() === 'list_splat') {
      return {
        rule: 'QUERY-DISTINCT-ORDER',
        node: expr,
        message: `DISTINCT with ORDER BY expressions unpacked from \`${expr.text().slice(1)}\`: legacy Query added those not selected to the SELECT list, 2.0 does not, and which they are is known only at run time`,
      };
    }
    const inner = unwrapOrdering(expr);
    const dotted = dottedName(inner);
    if (dotted && dotted.length >= 2 && entities.has(dotted.slice(0, -1).join('.'))) continue;
    if (state.selection.columns.includes(compact(inner.text()))) continue;
    return {
      rule: 'QUERY-DISTINCT-ORDER',
      node: expr,
      message: 'DISTINCT with ORDER BY on an expression that is not selected: legacy Query added it to the SELECT list, 2.0 does not',
    };
  }
  return null;
}

const ORDER_WRAPPERS = new Set(['desc', 'asc', 'nullsfirst', 'nullslast', 'nulls_first', 'nulls_last']);

function unwrapOrdering(expr: SgNode): SgNode {
  let cur = expr;
  for (;;) {
    if (cur.kind() !== 'call') return cur;
    const fn = cur.field('function') as SgNode;
    const args = callArgs(cur);
    if (fn.kind() === 'attribute' && ORDER_WRAPPERS.has(fn.field('attribute')?.text() ?? '') && args.positional.length === 0) {
      cur = fn.field('object') as SgNode;
      continue;
    }
    if (fn.kind() === 'identifier' && ORDER_WRAPPERS.has(fn.text()) && args.positional.length === 1) {
      cur = args.positional[0] as SgNode;
      continue;
    }
    return cur;
  }
}

export type Form =
  | { kind: 'all'; scalars: boolean; unique: boolean; window: string }
  | { kind: 'first'; scalars: boolean }
  | { kind: 'exec'; method: 'scalar_one' | 'scalar_one_or_none' | 'one' | 'one_or_none'; unique: boolean }
  | { kind: 'count'; short: boolean }
  | { kind: 'get'; pk: string }
  | { kind: 'delete'; sync: string; entity: string }
  | { kind: 'update'; values: string; sync: string; entity: string }
  | { kind: 'iterate'; scalars: boolean; unique: boolean }
  | { kind: 'exists' };

export interface TerminalContext {
  /** The chain is `db.query(...)` itself (not a variable) with no builder steps before the terminal. */
  bareRoot: boolean;
  /**
   * The chain starts from a variable holding the query (its criteria are not in this chain); `rootCriteria`:
   * the statement assigning it filters, so on every path its WHERE clause is not empty.
   */
  variable: { rootCriteria: boolean } | null;
}

/** A builder step that adds WHERE criteria (`filter(a)`, `where(a)`, `filter_by(k=v)`). */
export function addsCriteria(step: Step): boolean {
  if (step.kind !== 'call') return false;
  const args = callArgs(step.node);
  if (step.method === 'filter' || step.method === 'where') return args.positional.length > 0;
  return step.method === 'filter_by' && args.keywords.size > 0;
}

export function terminalForm(step: Step, state: QueryState, ctx: TerminalContext): Form | Problem {
  const sel = state.selection;
  if (step.kind === 'subscript') return sliceForm(step, state);
  const args = callArgs(step.node);
  const noArgs = args.positional.length === 0 && args.keywords.size === 0 && !args.splat && !args.generator;
  const unexpected: Problem = { rule: 'QUERY-UNRECOGNISED', node: step.node, message: `\`.${step.method}()\` with these arguments is not converted automatically` };
  if (['all', 'one', 'one_or_none', 'scalar'].includes(step.method)) {
    const problem = uniqueProblem(state, step.node);
    if (problem) return problem;
  }
  switch (step.method) {
    case 'all':
      return noArgs ? { kind: 'all', scalars: sel.single, unique: needsUnique(state), window: '' } : unexpected;
    case 'first':
      return noArgs ? { kind: 'first', scalars: sel.single } : unexpected;
    case 'one':
      return noArgs ? { kind: 'exec', method: sel.single ? 'scalar_one' : 'one', unique: needsUnique(state) } : unexpected;
    case 'one_or_none':
      return noArgs ? { kind: 'exec', method: sel.single ? 'scalar_one_or_none' : 'one_or_none', unique: needsUnique(state) } : unexpected;
    case 'scalar':
      return noArgs ? { kind: 'exec', method: 'scalar_one_or_none', unique: needsUnique(state) } : unexpected;
    case 'count':
      if (!noArgs) return unexpected;
      if (state.options) {
        return { rule: 'QUERY-UNRECOGNISED', node: step.node, message: '`.count()` of a query with loader options (Query.count() disabled eager loading)' };
      }
      return { kind: 'count', short: ctx.bareRoot && sel.single };
    case 'get': {
      if (!ctx.bareRoot || !sel.single || args.positional.length !== 1 || args.keywords.size > 0 || args.splat) {
        return { rule: 'QUERY-UNRECOGNISED', node: step.node, message: '`.get()` is converted only as `db.query(Model).get(pk)`' };
      }
      return { kind: 'get', pk: (args.positional[0] as SgNode).text() };
    }
    case 'delete':
    case 'update':
      // A variable's criteria reach the bulk statement as `q.whereclause`, which is None (`WHERE NULL`,
      // matching no row) on a path where nothing filtered the query; legacy Query then touched every row.
      if (ctx.variable && !ctx.variable.rootCriteria) {
        return {
          rule: 'QUERY-UNRECOGNISED',
          node: step.node,
          message: `bulk \`.${step.method}()\` of a query variable whose first statement has no criteria (or only unpacked ones, which may be none): its WHERE clause may be empty`,
        };
      }
      return bulkForm(step, state);
    default:
      return unexpected;
  }
}

function bulkForm(step: Step, state: QueryState): Form | Problem {
  const args = callArgs(step.node);
  const fail = (message: string): Problem => ({ rule: 'QUERY-UNRECOGNISED', node: step.node, message });
  if (!state.selection.single) return fail(`bulk \`.${step.method}()\` of a query that does not select one entity`);
  const allowed = new Set(['filter', 'where', 'filter_by']);
  for (const m of state.methods) if (!allowed.has(m)) return fail(`bulk \`.${step.method}()\` after \`.${m}()\``);
  if (args.splat || args.generator) return fail('arguments unpacked with `*`/`**`');
  const isDelete = step.method === 'delete';
  const known = isDelete ? ['synchronize_session'] : ['values', 'synchronize_session'];
  for (const key of args.keywords.keys()) if (!known.includes(key)) return fail(`\`${key}=\` of bulk \`.${step.method}()\``);
  const positional = args.positional;
  if (positional.length > known.length) return fail(`too many arguments to bulk \`.${step.method}()\``);
  const take = (i: number, key: string): SgNode | null => positional[i] ?? args.keywords.get(key) ?? null;
  if (positional.length > known.indexOf('synchronize_session') && args.keywords.has('synchronize_session')) return fail('synchronize_session given twice');
  const syncNode = take(known.indexOf('synchronize_session'), 'synchronize_session');
  // 1.4 defaulted to 'evaluate', 2.x to 'auto': write the old default out so behaviour stays.
  const sync = syncNode ? syncNode.text() : "'evaluate'";
  const entity = state.selection.entities[0] as string;
  if (isDelete) return { kind: 'delete', sync, entity };
  const values = take(0, 'values');
  if (!values) return fail('bulk `.update()` without values');
  return { kind: 'update', values: values.text(), sync, entity };
}

function sliceForm(step: Step, state: QueryState): Form | Problem {
  const unhashable = uniqueProblem(state, step.node);
  if (unhashable) return unhashable;
  const index = step.node.field('subscript');
  const flag = (message: string): Problem => ({ rule: 'QUERY-INDEX', node: step.node, message });
  if (!index || index.kind() !== 'slice') {
    return flag('`query[i]` raises IndexError when the row is missing; `Result` methods behave differently');
  }
  if (state.limitOrOffset) return flag('slicing a query that already has LIMIT/OFFSET composes them; rewrite by hand');
  const parts: (SgNode | null)[] = [null];
  for (const child of index.children()) {
    if (!child.isNamed() && child.text() === ':') parts.push(null);
    else if (child.kind() !== 'comment') parts[parts.length - 1] = child;
  }
  if (parts.length > 2 && parts[2]) return flag('slices with a step are not converted');
  const literal = (node: SgNode | null): number | null | 'bad' => {
    if (!node) return null;
    if (node.kind() !== 'integer' || !/^\d+$/.test(node.text())) return 'bad';
    return Number(node.text());
  };
  const lower = literal(parts[0] ?? null);
  const upper = literal(parts[1] ?? null);
  if (lower === 'bad' || upper === 'bad') return flag('only slices with non-negative integer literal bounds are converted');
  const from = lower ?? 0;
  if (upper !== null && upper < from) return flag('a slice whose end is before its start');
  const window = `${from > 0 ? `.offset(${from})` : ''}${upper !== null ? `.limit(${upper - from})` : ''}`;
  return { kind: 'all', scalars: state.selection.single, unique: needsUnique(state), window };
}
