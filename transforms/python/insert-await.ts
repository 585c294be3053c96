// insert-await: `await` on the AsyncSession calls that need it, `async with` for sessions and their
// transactions, bulk_* methods run through `run_sync` (REFERENCE section 1).
//
// A function is converted whole or not at all: when anything in it cannot be made async (a legacy query
// left over, a session call inside a lambda, a factory without a known async twin...) it gets no edits and
// each blocker is flagged, so no `async def` ever ends up holding an unconverted session call.
// The output has `await` in plain `def`s; async-handlers and propagate-async make those functions async.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { FindingInput, TextEdit, Transform, TransformContext, TransformResult } from '../../engine/types';
import { awaitEdits, awaitState } from './awaits/awaiting';
import { bulkEdits } from './awaits/bulk';
import { isLocalOrigin, placeOf, syncOnlyReason, unitName, type Place } from './awaits/context';
import { FactoryTwins, type ImportAdd, type Twin } from './awaits/factories';
import { renamedText, unclosedMessage, unclosedSession } from './awaits/unclosed';
import { importedByOthers, importsTwinnedEngine } from './scaffold/engine-index';
import { ASYNC_OBJECT_METHODS, AWAITED_METHODS, BULK_METHODS, SQLMODEL_AWAITED_METHODS, TRANSACTION_METHODS } from './awaits/methods';
import { HINTS, RULES, type AwaitRule } from './awaits/rules';
import { occurrencesOf } from './query/bindings';
import { SessionResolver, sessionOptionsFrom, type SessionInfo } from './query/sessions';
import { asyncKeyword, namedChildren, start } from './query/syntax';
import { collectImports, importsFreedBy, isModuleLevel, planImportEdits } from './support/imports';
import { nameTable } from './support/scope';
import { SYNC_SESSION_MODULES, unusedImport } from './support/sync-back';
import { optionalInner } from './support/type-annotations';
import { withCachedTree } from './support/cached-tree';

const ID = 'insert-await';

export const transform: Transform<SgRoot> = {
  id: ID,
  description: 'await AsyncSession calls (execute, scalars, commit...), async with for sessions and transactions, bulk_* via run_sync',
  language: 'python',
  // Its awaits sit in plain defs until propagate-async makes those async (or takes the awaits out again).
  finishedBy: 'propagate-async',
  run: (ctx) => new InsertAwait(withCachedTree(ctx)).run(),
};

type Rename = Extract<Twin, { kind: 'rename' }>;

interface Blocker {
  rule: AwaitRule;
  node: SgNode;
  message: string;
  /** Another function that must stay unchanged with this one (the one creating a session used here). */
  alsoBlocks?: Place | undefined;
  /** Blocks without a finding of its own (reported where the blocker is). */
  silent?: boolean;
}

/** What a session turns out to be for this transform. */
type Verdict =
  /** Made by a sync factory in code that stays sync: a sync Session, left alone. */
  | { kind: 'sync' }
  /** An AsyncSession once converted; these factory calls must be renamed to their async twins. */
  | { kind: 'async'; renames: Rename[] }
  | { kind: 'blocked'; blocker: Blocker };

/** One function that would become `async def`. */
interface Unit {
  node: SgNode;
  edits: TextEdit[];
  renames: Rename[];
  blockers: Blocker[];
  awaits: number;
}

class InsertAwait {
  private readonly sessions: SessionResolver;
  private readonly twins: FactoryTwins;
  private readonly keptSync: ReadonlySet<string>;
  private readonly units = new Map<number, Unit>();
  private readonly findings: FindingInput[] = [];
  /** The factory call each rename (by its edit's offset) belongs to. */
  private readonly renameOrigins = new Map<number, SgNode>();

  constructor(private readonly ctx: TransformContext<SgRoot>) {
    const imports = collectImports(ctx.tree);
    this.sessions = new SessionResolver(ctx.tree, imports, sessionOptionsFrom(ctx.options, ctx.path));
    this.twins = new FactoryTwins(ctx.tree, imports, this.sessions, (module, name) =>
      importsTwinnedEngine(ctx.options.asyncEngineTwins, ctx.path, module, name),
    );
    this.keptSync = new Set([ctx.options.getDbName]);
  }

  run(): TransformResult {
    // Every edit and finding here is about a session call, a session factory or a session's transaction; the
    // (zero) counts are still reported, so this is not a prefilter.
    if (!this.sessions.mayFindSessions) return this.assemble();
    const root = this.ctx.tree.root();
    for (const call of root.findAll({ rule: { kind: 'call' } })) this.visitCall(call);
    for (const stmt of root.findAll({ rule: { kind: 'with_statement' } })) this.visitWith(stmt);
    return this.assemble();
  }

  private visitCall(call: SgNode): void {
    const fn = call.field('function');
    if (fn?.kind() !== 'attribute') return;
    const method = fn.field('attribute')?.text() ?? '';
    const relevant = AWAITED_METHODS.has(method) || BULK_METHODS.has(method) || TRANSACTION_METHODS.has(method) || method === 'query' || SQLMODEL_AWAITED_METHODS.has(method);
    if (!relevant) return;
    const receiver = fn.field('object') as SgNode;
    const info = this.sessions.resolve(receiver);
    if (!info) return;
    if (SQLMODEL_AWAITED_METHODS.has(method) && !info.sqlmodel) return;
    if (TRANSACTION_METHODS.has(method) && isWithItemValue(call)) return; // visitWith decides
    const place = placeOf(call);
    const verdict = this.verdict(info, call, place);
    if (verdict.kind === 'sync') return;
    const unit = this.convertibleUnit(place);
    if (!unit) {
      if (verdict.kind !== 'async' || awaitState(call, this.ctx.source) === 'yes') return;
      const rule = method === 'query' ? RULES.queryLeft : RULES.syncContext;
      this.flag(rule, call, `\`${receiver.text()}.${method}()\` ${whereSync(place, this.keptSync)}; it is left unchanged`);
      return;
    }
    if (verdict.kind === 'blocked') return this.block(unit, verdict.blocker);
    unit.renames.push(...verdict.renames);
    if (method === 'query') {
      return this.block(unit, { rule: RULES.queryLeft, node: call, message: `a legacy \`${receiver.text()}.query(...)\` is left, which only the sync Session has (AsyncSession has no query())` });
    }
    const state = awaitState(call, this.ctx.source);
    if (state === 'yes') return;
    if (state === 'misplaced') {
      return this.block(unit, { rule: RULES.misplaced, node: call, message: `the \`await\` before \`${receiver.text()}.${method}(...)\` applies to the whole chain after it, not to this call` });
    }
    if (place.blocked) {
      return this.block(unit, { rule: RULES.syncContext, node: call, message: `\`${receiver.text()}.${method}()\` runs ${place.blocked}, where it cannot be awaited` });
    }
    const reason = `${ID}: await ${receiver.text()}.${method}()`;
    if (BULK_METHODS.has(method)) {
      const bulk = bulkEdits(call, (c) => this.isSessionCall(c), `${ID}: ${method} through run_sync`);
      if (!Array.isArray(bulk)) return this.block(unit, { rule: RULES.bulk, node: bulk.node, message: `\`${method}()\` cannot run through run_sync as written: ${bulk.message}` });
      unit.edits.push(...bulk, ...awaitEdits(call, reason));
      unit.awaits++;
      return;
    }
    // What these return has coroutine methods of its own; only a discarded result is safe to await blindly.
    const discarded = call.parent()?.kind() === 'expression_statement';
    if ((ASYNC_OBJECT_METHODS.has(method) || TRANSACTION_METHODS.has(method)) && !discarded) {
      return this.block(unit, { rule: RULES.asyncObject, node: call, message: `what \`${method}()\` returns has methods that need \`await\` too, which is not tracked` });
    }
    unit.edits.push(...awaitEdits(call, reason));
    unit.awaits++;
  }

  private visitWith(stmt: SgNode): void {
    if (asyncKeyword(stmt) !== undefined) return;
    const clause = stmt.children().find((c) => c.kind() === 'with_clause');
    const items = clause ? clause.children().filter((c) => c.kind() === 'with_item') : [];
    const factories: SgNode[] = [];
    const transactions: { call: SgNode; info: SessionInfo; target: SgNode | null }[] = [];
    const contexts: { value: SgNode; info: SessionInfo }[] = [];
    let session: SessionInfo | null = null;
    let others = 0;
    for (const item of items) {
      const { value, target } = withItemParts(item);
      if (value?.kind() === 'call' && (this.sessions.isFactoryCall(value) || this.sessions.isFactoryBeginCall(value))) {
        factories.push(value);
        continue;
      }
      const fn = value?.kind() === 'call' ? value.field('function') : null;
      const receiver = fn?.kind() === 'attribute' && TRANSACTION_METHODS.has(fn.field('attribute')?.text() ?? '') ? fn.field('object') : null;
      const info = receiver ? this.sessions.resolve(receiver) : null;
      if (info && value) transactions.push({ call: value, info, target });
      // `with db:` / `with self.session as s:`: an AsyncSession is only an async context manager (it closes the
      // session on exit, as Session's does); `s` is the session itself, whose calls are awaited like `db`'s.
      else if (value && value.kind() !== 'call' && (session = this.sessions.resolve(value))) contexts.push({ value, info: session });
      else others++;
    }
    if (factories.length === 0 && transactions.length === 0 && contexts.length === 0) return;
    const place = placeOf(stmt);
    const unit = this.convertibleUnit(place);
    // A session made here, in code that stays sync, is a sync Session: the statement is right as it is.
    if (factories.length > 0 && (!unit || place.blocked)) return;
    const managed = [...transactions.map((t) => ({ node: t.call, info: t.info })), ...contexts.map((c) => ({ node: c.value, info: c.info }))];
    const verdicts = managed.map((m) => this.verdict(m.info, m.node, place));
    if (verdicts.some((v) => v.kind === 'sync')) return;
    if (!unit) {
      for (const [i, m] of managed.entries()) {
        if (verdicts[i]?.kind === 'async') this.flag(RULES.syncContext, m.node, `\`with ${m.node.text()}\` ${whereSync(place, this.keptSync)}, so it cannot become \`async with\``);
      }
      return;
    }
    let blocked = false;
    const block = (b: Blocker): void => {
      this.block(unit, b);
      blocked = true;
    };
    if (place.blocked) block({ rule: RULES.syncContext, node: stmt, message: `the \`with\` statement runs ${place.blocked}` });
    for (const call of factories) {
      const twin = this.twins.twinOf(call);
      if (twin.kind === 'unknown') block({ rule: RULES.factoryUnknown, node: call, message: twin.why });
      else if (twin.kind === 'rename') unit.renames.push(twin);
    }
    for (const v of verdicts) {
      if (v.kind === 'blocked') block(v.blocker);
      else if (v.kind === 'async') unit.renames.push(...v.renames);
    }
    for (const t of transactions) {
      if (t.target && occurrencesOf(unit.node, t.target.text()).length > 1) {
        block({ rule: RULES.asyncObject, node: t.target, message: `the transaction \`${t.target.text()}\` is used in the block, and its commit()/rollback() would need \`await\`, which is not tracked` });
      }
    }
    if (others > 0) block({ rule: RULES.withMixed, node: stmt, message: 'the `with` statement mixes session context managers with other ones, and `async with` needs all of them async' });
    if (blocked) return;
    unit.edits.push({ start: start(stmt), end: start(stmt), text: 'async ', reason: `${ID}: async with` });
  }

  /** Is this session a sync one left alone, an async one (and which factory calls then change), or blocked? */
  private verdict(info: SessionInfo, site: SgNode, sitePlace: Place): Verdict {
    // Made where it stays sync (madeWhereItStaysSync, which query-to-select asks too, so that its awaits are where these are).
    for (const origin of info.origins.filter(isLocalOrigin)) {
      const place = placeOf(origin);
      if (place.blocked || !this.convertibleUnit(place)) return { kind: 'sync' };
    }
    const renames: Rename[] = [];
    for (const origin of info.origins) {
      const local = isLocalOrigin(origin);
      const originUnit = local ? placeOf(origin).unit : null;
      if (local && originUnit && sitePlace.unit && originUnit.id() !== sitePlace.unit.id()) {
        return {
          kind: 'blocked',
          blocker: {
            rule: RULES.sessionOuter,
            node: site,
            message: `the session is created in the enclosing ${unitName(originUnit)}, and a session shared by two functions is not converted automatically`,
            alsoBlocks: placeOf(origin),
          },
        };
      }
      const twin = this.twins.twinOf(origin);
      if (twin.kind === 'unknown') {
        return { kind: 'blocked', blocker: { rule: RULES.factoryUnknown, node: local ? origin : site, message: twin.why } };
      }
      // `def new_session() -> Session: db = SessionLocal(); ...; return db`: the annotation promises the callers a
      // sync Session (async-session keeps it on a function making sessions); renamed, they would get an AsyncSession.
      const returned = twin.kind === 'rename' && originUnit && returnsSyncSession(originUnit) ? returnedName(origin, originUnit) : null;
      if (returned) {
        return {
          kind: 'blocked',
          blocker: {
            rule: RULES.sessionOuter,
            node: returned,
            message: `the session is returned to the callers (\`${returned.text()}\`), to whom the return annotation promises a sync Session; from the async factory they would get an AsyncSession, and a session shared by two functions is not converted automatically`,
            alsoBlocks: placeOf(origin),
          },
        };
      }
      if (twin.kind === 'rename') {
        renames.push(twin);
        this.renameOrigins.set(twin.edit.start, origin);
      }
    }
    return { kind: 'async', renames };
  }

  /** The unit a place belongs to when that function may become async; null at module level or in sync-only functions. */
  private convertibleUnit(place: Place): Unit | null {
    if (!place.unit || syncOnlyReason(place.unit, this.keptSync)) return null;
    const key = start(place.unit);
    let unit = this.units.get(key);
    if (!unit) {
      unit = { node: place.unit, edits: [], renames: [], blockers: [], awaits: 0 };
      this.units.set(key, unit);
    }
    return unit;
  }


  /**
   * `self.db: Session = SessionLocal()` or `db: Session = SessionLocal()` (or `Optional[Session]`) whose factory call
   * becomes the async twin: the attribute or local holds an AsyncSession now, so its annotation says `AsyncSession`
   * (imported; `Session` dropped when nothing else uses it). Only for an attribute of the method's receiver or a local
   * of the function, and SQLAlchemy's or SQLModel's `Session` imported by that name at module level and bound nowhere
   * else there. When the function stays a plain def after all, propagate-async gives the local's call and annotation
   * back their sync names together (keptPlainEdits, sessionAnnotationEdits).
   */
  private storedAnnotationEdits(renamed: readonly Rename[]): { edits: TextEdit[]; add: { module: string; name: string }[]; remove: { module: string; name: string }[] } {
    const out = { edits: [] as TextEdit[], add: [] as { module: string; name: string }[], remove: [] as { module: string; name: string }[] };
    if (!this.ctx.source.includes('Session')) return out;
    const imports = collectImports(this.ctx.tree);
    const session = imports.from.find((i) => i.name === 'Session' && i.alias === null && isModuleLevel(i.node) && SYNC_SESSION_MODULES[i.module] !== undefined);
    if (!session || !boundOnlyByImport(this.ctx.tree, 'Session')) return out;
    const asyncModule = SYNC_SESSION_MODULES[session.module] as string;
    const asyncImported = imports.from.some((i) => i.name === 'AsyncSession' && i.alias === null && isModuleLevel(i.node) && i.module === asyncModule);
    if (!asyncImported && nameTable(this.ctx.tree, 'AsyncSession').occurrences.some((o) => o.role !== 'reference')) return out;
    const replaced: number[] = [];
    for (const r of renamed) {
      const origin = this.renameOrigins.get(r.edit.start);
      const assignment = origin?.parent();
      if (!origin || assignment?.kind() !== 'assignment' || assignment.field('right')?.id() !== origin.id()) continue;
      const left = assignment.field('left');
      const unit = placeOf(assignment).unit;
      const receiver = unit?.kind() === 'function_definition' ? namedChildren(unit.field('parameters') as SgNode)[0] : undefined;
      const local = left?.kind() === 'identifier' && unit?.kind() === 'function_definition';
      const attribute = left?.kind() === 'attribute' && receiver?.kind() === 'identifier' && left.field('object')?.text() === receiver.text();
      if (!local && !attribute) continue;
      const written = assignment.field('type')?.child(0);
      const inner = written ? optionalInner(written) : null;
      if (inner?.kind() !== 'identifier' || inner.text() !== 'Session' || this.ctx.isIgnored(start(inner), start(inner) + 1)) continue;
      out.edits.push({ start: start(inner), end: start(inner) + 'Session'.length, text: 'AsyncSession', reason: `${ID}: the ${local ? 'local' : 'attribute'} holds what the async session factory makes` });
      replaced.push(start(inner));
    }
    if (replaced.length === 0) return out;
    if (!asyncImported) out.add.push({ module: asyncModule, name: 'AsyncSession' });
    const unused = unusedImport(this.ctx.source, imports, 'Session', replaced);
    if (unused && !/(^|\/)__init__\.py$/.test(this.ctx.path)) out.remove.push(unused);
    return out;
  }

  private isSessionCall(call: SgNode): boolean {
    const fn = call.field('function');
    return fn?.kind() === 'attribute' && this.sessions.resolve(fn.field('object') as SgNode) !== null;
  }

  private block(unit: Unit, blocker: Blocker): void {
    unit.blockers.push(blocker);
    // The creating function keeps its sync session too, so both stay consistent; the finding is reported once.
    const other = blocker.alsoBlocks ? this.convertibleUnit(blocker.alsoBlocks) : null;
    if (other && other !== unit) other.blockers.push({ ...blocker, alsoBlocks: undefined, silent: true });
  }

  private flag(rule: AwaitRule, node: SgNode, message: string): void {
    this.findings.push({ rule, offset: start(node), message, hint: HINTS[rule] });
  }

  private assemble(): TransformResult {
    const edits: TextEdit[] = [];
    const renames = new Map<number, Rename>();
    let awaits = 0;
    let left = 0;
    for (const unit of [...this.units.values()].sort((a, b) => start(a.node) - start(b.node))) {
      if (unit.blockers.length > 0) {
        left++;
        const seen = new Set<string>();
        for (const b of unit.blockers) {
          if (b.silent) continue;
          const key = `${b.rule}@${start(b.node)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          this.flag(b.rule, b.node, `${b.message}; ${unitName(unit.node)} was left sync: no awaits were added anywhere in it`);
        }
        continue;
      }
      const own = [...unit.edits, ...unit.renames.map((r) => r.edit)];
      if (own.some((e) => this.ctx.isIgnored(e.start, Math.max(e.end, e.start + 1)))) continue;
      edits.push(...unit.edits);
      for (const r of unit.renames) renames.set(r.edit.start, r);
      awaits += unit.awaits;
    }
    const imports: ImportAdd[] = [];
    const extra: { module: string; name: string }[] = [];
    for (const r of renames.values()) {
      edits.push({ ...r.edit, reason: `${ID}: async session factory` });
      const origin = this.renameOrigins.get(r.edit.start);
      const unclosed = origin ? unclosedSession(origin, this.ctx.path) : null;
      if (origin && unclosed) this.flag(RULES.sessionUnclosed, origin, unclosedMessage(unclosed.name, renamedText(origin, r.edit), unclosed.unit, unclosed.onSuccessOnly));
      if (r.importAdd && !imports.some((i) => i.module === r.importAdd?.module && i.name === r.importAdd.name)) imports.push(r.importAdd);
      for (const e of r.extraImports ?? []) if (!extra.some((x) => x.module === e.module && x.name === e.name)) extra.push(e);
    }
    const stored = this.storedAnnotationEdits([...renames.values()]);
    edits.push(...stored.edits);
    for (const e of stored.add) if (!extra.some((x) => x.module === e.module && x.name === e.name)) extra.push(e);
    if (imports.length > 0 || extra.length > 0 || [...renames.values()].some((r) => (r.mayFree ?? []).length > 0)) {
      const add = [...imports.map(({ module, name }) => ({ module, name })), ...extra];
      const candidates = [...imports.flatMap((i) => (i.replaces ? [i.replaces] : [])), ...[...renames.values()].flatMap((r) => r.mayFree ?? [])];
      const remove = [...importsFreedBy(this.ctx.tree, this.ctx.path, candidates, [...renames.values()].map((r) => r.edit)), ...stored.remove];
      for (const e of planImportEdits(this.ctx.tree, this.ctx.source, { add, remove }, importedByOthers(this.ctx.options, this.ctx.path))) edits.push({ ...e, reason: `${ID}: import the async session factory` });
    }
    return { edits: mergeInsertions(edits), findings: this.findings, counts: { 'awaits added': awaits, 'functions left unchanged': left } };
  }
}

/** The module binds `name` only by its import (no assignment, def or second import shadowing it). */
function boundOnlyByImport(tree: SgRoot, name: string): boolean {
  return nameTable(tree, name).occurrences.filter((o) => o.role !== 'reference').every((o) => o.role === 'import' && o.scope.kind() === 'module');
}

/** Zero-width insertions at one offset become one edit, in the order they were planned. */
function mergeInsertions(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  const byOffset = new Map<number, TextEdit>();
  for (const e of edits) {
    if (e.start !== e.end) {
      out.push(e);
      continue;
    }
    const existing = byOffset.get(e.start);
    if (existing) existing.text += e.text;
    else {
      const copy = { ...e };
      byOffset.set(e.start, copy);
      out.push(copy);
    }
  }
  return out;
}

/** A factory call stored in a plain name (`db = F()`, `with F() as db`), not in an attribute. */
/** The function's return annotation names SQLAlchemy's or SQLModel's sync `Session` (`Session`, `orm.Session`, `Optional[Session]`). */
function returnsSyncSession(unit: SgNode): boolean {
  const annotation = unit.kind() === 'function_definition' ? unit.field('return_type') : null;
  return !!annotation && /(^|[^\w])Session\b/.test(annotation.text());
}

/** For `name = F()` in `unit`: a `return name` of the unit's own, or null. */
function returnedName(origin: SgNode, unit: SgNode): SgNode | null {
  const assignment = origin.parent();
  const left = assignment?.kind() === 'assignment' ? assignment.field('left') : null;
  if (left?.kind() !== 'identifier') return null;
  for (const statement of unit.findAll({ rule: { kind: 'return_statement' } })) {
    if (placeOf(statement).unit?.id() !== unit.id()) continue;
    if (handsOut(namedChildren(statement)[0], left.text())) return statement;
  }
  return null;
}

/** The expression's value may be `name` itself: `name`, `(name)`, `name if c else x`, `name or x`. */
function handsOut(value: SgNode | undefined, name: string): boolean {
  if (!value) return false;
  switch (value.kind()) {
    case 'identifier':
      return value.text() === name;
    case 'parenthesized_expression':
      return handsOut(namedChildren(value)[0], name);
    case 'boolean_operator':
      return handsOut(value.field('left') ?? undefined, name) || handsOut(value.field('right') ?? undefined, name);
    case 'conditional_expression': {
      const parts = namedChildren(value);
      return handsOut(parts[0], name) || handsOut(parts[2], name);
    }
    default:
      return false;
  }
}

function withItemParts(item: SgNode): { value: SgNode | null; target: SgNode | null } {
  const first = namedChildren(item)[0] ?? null;
  if (first?.kind() !== 'as_pattern') return { value: first, target: null };
  const target = first.children().find((c) => c.kind() === 'as_pattern_target');
  return { value: namedChildren(first)[0] ?? null, target: target ? (namedChildren(target)[0] ?? null) : null };
}

function isWithItemValue(call: SgNode): boolean {
  const parent = call.parent();
  if (parent?.kind() === 'with_item') return true;
  return parent?.kind() === 'as_pattern' && parent.parent()?.kind() === 'with_item' && namedChildren(parent)[0]?.id() === call.id();
}

function whereSync(place: Place, keptSync: ReadonlySet<string>): string {
  if (!place.unit) return 'runs at module level, which cannot be async';
  return `runs in code that must stay sync (${syncOnlyReason(place.unit, keptSync) ?? place.blocked ?? ''})`;
}
