// query-to-select for one file: find the legacy queries on sessions, convert each unit whole or flag it,
// and add the imports the conversions use.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { FindingInput, TextEdit, TransformContext, TransformResult } from '../../../engine/types';
import { collectImports, isModuleLevel, moduleLevelImportBindings, planImportEdits, type ImportBinding, type ModuleImports } from '../support/imports';
import { cachedNameTables } from '../support/scope';
import { isProblem, type Problem } from './analyze';
import { bindingsIn, isVariableOccurrence, parametersOf } from './bindings';
import { terminalOf } from './chain';
import { convertUnit, type Converted, type Outcome } from './convert';
import { EntityResolver, isTableCall } from './entities';
import { projectEntities } from './entity-index';
import type { Names, QueryStage } from './emit';
import { resolveNames, shadowedAt } from './names';
import { QUERY_RULE_HINTS } from './rules';
import type { SelectionEnv } from './selection';
import { SessionResolver, sessionOptionsFrom } from './sessions';
import { callArgs, decoratorsOf, dottedName, enclosingScope, end, sameNode, start } from './syntax';
import { buildUnits, findQueryRoots, type QueryRoot, type Unit } from './units';
import { staysSyncSession } from './sync-sessions';
import { isDependencyCall } from '../awaits/context';

const ID = 'query-to-select';

export function planQueryToSelect(ctx: TransformContext<SgRoot>): TransformResult {
  const root = ctx.tree;
  const stage: QueryStage = ctx.options.queryStage ?? 'async';
  const imports = collectImports(root);
  const sessions = new SessionResolver(root, imports, sessionOptionsFrom(ctx.options, ctx.path));
  // Both raw SQL and legacy queries are rewritten only on a session.
  if (!sessions.mayFindSessions) return { edits: [], findings: [] };
  const resolution = resolveNames(root, imports);
  const raw = rawSqlCalls(root, sessions, resolution, ctx);
  const findings: FindingInput[] = raw.findings;
  const roots = findQueryRoots(root, sessions);
  if (roots.length === 0 && raw.edits.length === 0) return { edits: [], findings };

  const env = selectionEnv(root, imports, new EntityResolver(root, imports, projectEntities(ctx.index, ctx.path)), roots);
  const sqlModelFile = [...imports.from.map((i) => i.module), ...imports.plain.map((i) => i.module)].some((m) => m === 'sqlmodel' || m.startsWith('sqlmodel.'));
  // A session the run knows stays sync (a project factory that gets no async twin) keeps sync queries: select()
  // runs on a sync Session as well, and an await on it would fail (TypeError) in a function made async for it.
  const unitStage = (unit: Unit): QueryStage => (stage === 'async' && staysSyncSession(unitRoot(unit).session, sessions, ctx.options, ctx.path) ? 'select' : stage);
  const staged = buildUnits(roots).map((unit) => ({ unit, stage: unitStage(unit) }));
  const scalarsViaExecute = ctx.options.sqlalchemyVersion === '1.4';
  const outcomes = staged.map(({ unit, stage }) => convertUnit(unit, { source: ctx.source, env, stage, names: resolution.names, scalarsViaExecute }));
  const stageOf = new Map(outcomes.map((o, i) => [o, (staged[i] as { stage: QueryStage }).stage]));

  const ignored = new Set<Outcome>();
  for (const o of outcomes) {
    if (isProblem(o.result)) continue;
    const problem = checkConverted(o, o.result, { stage: stageOf.get(o) ?? stage, sqlModelFile, resolution });
    if (problem) o.result = problem;
    else if (o.result.edits.some((e) => ctx.isIgnored(e.start, e.end))) ignored.add(o);
  }
  propagateNesting(outcomes, ignored);
  if (stage === 'async') keepSyncFunctionsWhole(outcomes.filter((o) => stageOf.get(o) === 'async'), ignored);

  const edits: TextEdit[] = [...raw.edits];
  const used = new Set<keyof Names>(raw.edits.length > 0 ? ['text'] : []);
  let converted = 0;
  let flagged = 0;
  for (const o of outcomes) {
    if (ignored.has(o)) continue;
    if (isProblem(o.result)) {
      flagged++;
      findings.push({
        rule: o.result.rule,
        offset: start(o.result.node),
        message: `legacy query left unchanged: ${o.result.message}`,
        hint: QUERY_RULE_HINTS[o.result.rule] ?? QUERY_RULE_HINTS['QUERY-UNRECOGNISED'] ?? '',
      });
      continue;
    }
    converted++;
    const sorted = [...o.result.edits].sort((a, b) => a.start - b.start);
    sorted.forEach((e, i) => edits.push({ ...e, reason: i === 0 ? `${ID}: converted ${o.label}` : `${ID}: (same query) ${o.label}` }));
    for (const n of o.result.names) used.add(n);
  }
  const toImport = [...used].filter((n) => resolution.missing.has(n)).sort();
  if (toImport.length > 0) {
    const importEdits = planImportEdits(root, ctx.source, { add: toImport.map((name) => ({ module: 'sqlalchemy', name })) });
    for (const e of importEdits) edits.push({ ...e, reason: `${ID}: import ${toImport.join(', ')} from sqlalchemy` });
  }
  const counts: Record<string, number> = { 'queries converted': converted, 'queries flagged': flagged };
  if (raw.wrapped > 0) counts['raw SQL strings wrapped in text()'] = raw.wrapped;
  return { edits, findings, counts };
}

interface CheckContext {
  stage: QueryStage;
  sqlModelFile: boolean;
  resolution: ReturnType<typeof resolveNames>;
}

function checkConverted(o: Outcome, conv: Converted, cx: CheckContext): Problem | null {
  if (o.session.sqlmodel || cx.sqlModelFile) {
    return { rule: 'QUERY-SQLMODEL', node: o.anchor, message: 'SQLModel sessions prefer `session.exec(select(...))`; not converted automatically' };
  }
  if (cx.stage === 'async') {
    for (const site of conv.executeSites) {
      const problem = asyncContextProblem(site);
      if (problem) return problem;
    }
  }
  for (const n of conv.names) {
    const local = cx.resolution.names[n];
    if (cx.resolution.conflicting.has(n)) {
      return { rule: 'QUERY-NAME-CONFLICT', node: o.anchor, message: `\`${local}\` is bound to something else in this module` };
    }
    for (const site of [o.anchor, ...conv.executeSites]) {
      if (shadowedAt(site, local)) return { rule: 'QUERY-NAME-CONFLICT', node: o.anchor, message: `\`${local}\` is a local name in the enclosing function` };
    }
  }
  return null;
}

const SYNC_ONLY_DECORATOR = /^@\s*(?:[\w.]+\.)?(property|cached_property|setter|getter|deleter|hybrid_property|hybrid_method|validator|field_validator|root_validator|model_validator|computed_field|validates|listens_for|expression|comparator)\b/;

/** In async mode an executed query becomes `await ...`: only possible where the code can become async. */
function asyncContextProblem(site: SgNode): Problem | null {
  const flag = (where: string): Problem => ({ rule: 'QUERY-SYNC-CONTEXT', node: site, message: `the query runs ${where}, which cannot become async` });
  for (const a of site.ancestors()) {
    switch (a.kind()) {
      case 'lambda':
        return flag('inside a lambda');
      case 'generator_expression':
        return flag('inside a generator expression');
      case 'decorator':
        return flag('in a decorator');
      case 'parameters':
      case 'lambda_parameters':
        return flag('in a default argument value');
      case 'class_definition':
        return flag('in a class body');
      case 'module':
        return flag('at module level');
      case 'function_definition': {
        const name = a.field('name')?.text() ?? '';
        if (/^__\w+__$/.test(name) && !isDependencyCall(a, name)) return flag(`in \`${name}\``);
        if (decoratorsOf(a).some((d) => SYNC_ONLY_DECORATOR.test(d.text()))) return flag(`in \`${name}\`, whose decorator needs a sync function`);
        return null;
      }
    }
  }
  return null;
}

/**
 * A converted query that contains a query left unchanged would mix a legacy Query into a `select()`
 * (and in async mode call `.query` on an AsyncSession); edits that overlap cannot both be applied.
 * Either way the outer query is flagged too, until nothing changes.
 */
function propagateNesting(outcomes: Outcome[], ignored: Set<Outcome>): void {
  const contains = (outer: Outcome, inner: Outcome): boolean =>
    outer !== inner && outer.extents.some(([a, b]) => a <= start(inner.anchor) && start(inner.anchor) < b);
  let changed = true;
  while (changed) {
    changed = false;
    for (const outer of outcomes) {
      if (isProblem(outer.result) || ignored.has(outer)) continue;
      for (const inner of outcomes) {
        if (!contains(outer, inner)) continue;
        const unconverted = isProblem(inner.result) || ignored.has(inner);
        if (unconverted || overlaps(outer.result, inner.result as Converted)) {
          outer.result = { rule: 'QUERY-SUBQUERY', node: outer.anchor, message: 'it contains another legacy query that is not converted automatically' };
          changed = true;
          break;
        }
      }
    }
  }
}

/**
 * Async stage: a function that keeps a legacy query (one not converted, or on an ignored line) stays a plain
 * def, because insert-await adds no await to it and propagate-async leaves it sync; an `await` written there
 * by a conversion would not compile. So its other queries are left as they were too, and the function is
 * left whole for a person to convert.
 */
function keepSyncFunctionsWhole(outcomes: Outcome[], ignored: Set<Outcome>): void {
  const keepsLegacy = new Map<number, Outcome>();
  for (const o of outcomes) {
    if (!isProblem(o.result) && !ignored.has(o)) continue;
    const fn = enclosingFunction(o.anchor);
    if (fn && !keepsLegacy.has(fn.id())) keepsLegacy.set(fn.id(), o);
  }
  if (keepsLegacy.size === 0) return;
  for (const o of outcomes) {
    if (isProblem(o.result) || ignored.has(o)) continue;
    for (const site of [o.anchor, ...o.result.executeSites]) {
      const fn = enclosingFunction(site);
      const legacy = fn ? keepsLegacy.get(fn.id()) : undefined;
      if (!fn || !legacy) continue;
      const name = fn.field('name')?.text() ?? 'the function';
      const why = isProblem(legacy.result) ? `is flagged ${legacy.result.rule}` : 'is on an ignored line';
      o.result = { rule: 'QUERY-SYNC-CONTEXT', node: o.anchor, message: `the query runs in \`${name}\`, which stays sync: another legacy query in it ${why}` };
      break;
    }
  }
}

/** The innermost `def` around a node (a lambda or comprehension inside it counts as the def's own code). */
function enclosingFunction(node: SgNode): SgNode | null {
  for (const a of node.ancestors()) if (a.kind() === 'function_definition') return a;
  return null;
}

function overlaps(a: Converted, b: Converted): boolean {
  return a.edits.some((x) => b.edits.some((y) => x.start < y.end && y.start < x.end));
}

/**
 * `session.execute("SELECT ...")` → `session.execute(text("SELECT ..."))`. Exact: SQLAlchemy 1.4's
 * Session.execute coerces a plain string to `TextClause(string)` itself (with a deprecation warning), which
 * is what `text()` builds; 2.0 refuses the string. Flagged instead when `text` cannot be used here.
 */
function rawSqlCalls(
  root: SgRoot,
  sessions: SessionResolver,
  resolution: ReturnType<typeof resolveNames>,
  ctx: TransformContext<SgRoot>,
): { edits: TextEdit[]; findings: FindingInput[]; wrapped: number } {
  const out = { edits: [] as TextEdit[], findings: [] as FindingInput[], wrapped: 0 };
  const local = resolution.names.text;
  for (const call of root.root().findAll({ rule: { kind: 'call' } })) {
    const fn = call.field('function');
    if (fn?.kind() !== 'attribute' || fn.field('attribute')?.text() !== 'execute') continue;
    const first = callArgs(call).positional[0];
    if (!first || !isStringy(first)) continue;
    const receiver = fn.field('object');
    if (!receiver || !sessions.resolve(receiver)) continue;
    const why = resolution.conflicting.has('text') ? `\`${local}\` is bound to something else in this module` : shadowedAt(first, local) ? `\`${local}\` is a local name here` : null;
    if (why !== null || ctx.isIgnored(start(first), end(first))) {
      if (why !== null) {
        out.findings.push({
          rule: 'QUERY-RAW-SQL',
          offset: start(first),
          message: `a raw SQL string passed to \`execute()\`: SQLAlchemy 2.0 requires \`text()\`, and ${why}`,
          hint: QUERY_RULE_HINTS['QUERY-RAW-SQL'] as string,
        });
      }
      continue;
    }
    const reason = `${ID}: raw SQL string wrapped in text()`;
    out.edits.push({ start: start(first), end: start(first), text: `${local}(`, reason }, { start: end(first), end: end(first), text: ')', reason });
    out.wrapped++;
  }
  return out;
}

function isStringy(node: SgNode): boolean {
  const kind = node.kind();
  if (kind === 'string' || kind === 'concatenated_string') return true;
  if (kind === 'binary_operator') {
    const left = node.children()[0];
    return !!left && isStringy(left);
  }
  if (kind === 'call') {
    const fn = node.field('function');
    const object = fn?.kind() === 'attribute' ? fn.field('object') : null;
    return !!object && isStringy(object);
  }
  return false;
}

const SQLALCHEMY_MODULE = /^(sqlalchemy|sqlmodel)(\.|$)/;

/**
 * `from sqlalchemy import func as sql_func` inside a function: the name is SQLAlchemy's wherever it is read
 * when every binding of it in the file is such an import (nothing else assigns it anywhere).
 */
function onlyImportedFromSqlAlchemy(root: SgRoot, imports: ModuleImports, name: string): boolean {
  const occurrences = cachedNameTables(root)(name).occurrences.filter((o) => o.role !== 'reference');
  if (occurrences.length === 0) return false;
  return occurrences.every((o) => {
    if (o.role !== 'import') return false;
    const statement = o.node.ancestors().find((a) => a.kind() === 'import_from_statement' || a.kind() === 'import_statement');
    if (!statement) return false;
    const from = imports.from.filter((i) => i.node.id() === statement.id() && (i.alias ?? i.name) === name);
    const plain = imports.plain.filter((i) => i.node.id() === statement.id() && (i.alias ?? i.module.split('.')[0]) === name);
    return (from.length > 0 || plain.length > 0) && from.every((i) => SQLALCHEMY_MODULE.test(i.module)) && plain.every((i) => SQLALCHEMY_MODULE.test(i.module));
  });
}

function selectionEnv(root: SgRoot, imports: ModuleImports, entities: EntityResolver, roots: QueryRoot[]): SelectionEnv {
  const bindings = moduleLevelImportBindings(imports);
  // Queries that are built but not run here: what holds them (or a subquery of them) is still a Query.
  const unrun = roots.filter((r) => !terminalOf(r.chain)).map((r) => [start(r.call), end(r.call)] as const);
  return {
    sqlAlchemyTarget: (name, at) => sqlAlchemyTarget(root, bindings, name, at),
    legacyQueryName: (node) => {
      const ids = node.kind() === 'identifier' ? [node] : node.findAll({ rule: { kind: 'identifier' } });
      const seen = new Set<string>();
      for (const id of ids) {
        const holder = isVariableOccurrence(id) ? legacyQueryHolder(id, unrun, seen) : null;
        if (holder) return holder;
      }
      return null;
    },
    mappedClass: (node) => entities.resolve(node),
    isSqlAlchemyName: (name) => bindings.some((b) => b.local === name && SQLALCHEMY_MODULE.test(b.target)) || onlyImportedFromSqlAlchemy(root, imports, name),
    isModuleName: (name) =>
      /^[a-z_][a-z0-9_]*$/.test(name) &&
      // `from . import models` binds no absolute target but names a module all the same.
      (bindings.some((b) => b.local === name) || imports.from.some((i) => i.relativeLevel > 0 && (i.alias ?? i.name) === name && isModuleLevel(i.node))),
    nonClassBinding: (name, at) => nonClassBinding(name, at),
    importedTable: (node) => entities.importedTable(node),
    joinedEagerClass: (name) => entities.modelFacts().joinedEager(name),
    unhashableAttribute: (attr) => entities.modelFacts().unhashable(attr),
    isAliasedEntity: (name, at) => {
      const scopes: SgNode[] = [];
      let scope = enclosingScope(at);
      while (scope) {
        scopes.push(scope);
        scope = enclosingScope(scope);
      }
      for (const s of scopes) {
        const binds = bindingsIn(s, name);
        if (binds.length === 0) continue;
        return binds.every((id) => {
          const parent = id.parent();
          const right = parent?.kind() === 'assignment' ? parent.field('right') : null;
          if (right?.kind() !== 'call') return false;
          const callee = dottedName(right.field('function') as SgNode);
          return !!callee && callee[callee.length - 1] === 'aliased';
        });
      }
      return false;
    },
  };
}

/** See `SelectionEnv.nonClassBinding`: the bindings of the innermost scope binding `name` at `at`. */
function nonClassBinding(name: string, at: SgNode): 'table' | 'other' | null {
  for (let scope = enclosingScope(at); scope; scope = enclosingScope(scope)) {
    const params = scope.kind() === 'function_definition' || scope.kind() === 'lambda' ? parametersOf(scope) : [];
    if (params.some((p) => p.name === name)) return 'other';
    const binds = bindingsIn(scope, name);
    if (binds.length === 0) continue;
    const isClassOrImport = (id: SgNode): boolean =>
      (id.parent()?.kind() === 'class_definition' && sameNode(id.parent()?.field('name') ?? null, id)) ||
      id.ancestors().some((a) => a.kind() === 'import_from_statement' || a.kind() === 'import_statement');
    const others = binds.filter((id) => !isClassOrImport(id));
    if (others.length === 0) return null;
    const assignsTable = (id: SgNode): boolean => {
      const parent = id.parent();
      return parent?.kind() === 'assignment' && sameNode(parent.field('left'), id) && isTableCall(parent.field('right'));
    };
    return binds.every(assignsTable) ? 'table' : 'other';
  }
  return null;
}

/** The import target of `name` at `at` when only a module-level import from SQLAlchemy binds it there. */
function sqlAlchemyTarget(root: SgRoot, bindings: ImportBinding[], name: string, at: SgNode): string | null {
  const targets = new Set(bindings.filter((b) => b.local === name).map((b) => b.target));
  const target = targets.size === 1 ? ([...targets][0] as string) : null;
  if (!target || !/^sqlalchemy(\.|$)/.test(target)) return null;
  const imported = (id: SgNode): boolean => id.ancestors().some((a) => a.kind() === 'import_from_statement' || a.kind() === 'import_statement');
  if (!bindingsIn(root.root(), name).every(imported)) return null;
  for (let scope = enclosingScope(at); scope && scope.kind() !== 'module'; scope = enclosingScope(scope)) {
    const params = scope.kind() === 'function_definition' || scope.kind() === 'lambda' ? parametersOf(scope) : [];
    if (params.some((p) => p.name === name) || bindingsIn(scope, name).length > 0) return null;
  }
  return target;
}

/**
 * The name, read at `id` or one its value is computed from, that is assigned (in the scope it resolves
 * to) a legacy Query that is not run there: `sq = db.query(...).subquery()`, `q = db.query(M)`; so
 * `n = sq.c.n` or `a = aliased(M, sq)` lead to `sq`.
 */
function legacyQueryHolder(id: SgNode, unrun: (readonly [number, number])[], seen: Set<string>): string | null {
  const name = id.text();
  for (let scope = enclosingScope(id); scope; scope = enclosingScope(scope)) {
    const params = scope.kind() === 'function_definition' || scope.kind() === 'lambda' ? parametersOf(scope) : [];
    if (params.some((p) => p.name === name)) return null;
    const binds = bindingsIn(scope, name);
    if (binds.length === 0) continue;
    const key = `${start(scope)}:${name}`;
    if (seen.has(key)) return null;
    seen.add(key);
    for (const b of binds) {
      const assignment = b.parent();
      const value = assignment?.kind() === 'assignment' ? assignment.field('right') : null;
      if (!value) continue;
      if (unrun.some(([s, e]) => start(value) <= s && e <= end(value))) return name;
      for (const n of value.findAll({ rule: { kind: 'identifier' } })) {
        const holder = isVariableOccurrence(n) ? legacyQueryHolder(n, unrun, seen) : null;
        if (holder) return holder;
      }
    }
    return null;
  }
  return null;
}

/** The query a unit converts, whose session decides the unit's stage. */
function unitRoot(unit: Unit): QueryRoot {
  switch (unit.kind) {
    case 'exists':
      return unit.inner;
    case 'var':
      return unit.group.root;
    default:
      return unit.root;
  }
}
