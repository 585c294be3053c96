// A sync session handed to a function made async. `db = SessionLocal(); init_db(db)` in a script: insert-await
// has nothing to await on `db` itself, so it leaves the sync factory; propagate-async then awaits `init_db(db)`,
// whose body awaits `db.execute(...)` on what is still a sync Session (`TypeError: object ... can't be used in
// 'await' expression` at run time). The session must come from the async twin of its factory.
//
// The factory call is renamed to its twin only when nothing else in the function needs the sync Session: every
// use of the name is an argument of a call awaited here, or a method AsyncSession keeps sync (`add`, `expunge`...).
// Anything else (the session returned, stored, given to a sync function, opened in a `with`) is flagged.
//
// A session made at module level (`session = JobSession()` in a script's `__main__` block, `db = SessionLocal()`
// at import time) is no session to the resolver, which answers for names of functions only; handed to a
// coroutine function it is the same bug, so the factory calls bound to that module-level name are looked up here.
// Such a session is always flagged: its async twin would have to be opened, and closed with `await`, inside the
// coroutine that uses it.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { FindingInput, TextEdit, TransformContext } from '../../../engine/types';
import { awaitEdits, awaitState } from '../awaits/awaiting';
import { placeOf } from '../awaits/context';
import { FactoryTwins, type ImportAdd } from '../awaits/factories';
import { bulkEdits } from '../awaits/bulk';
import { ASYNC_OBJECT_METHODS, AWAITED_METHODS, BULK_METHODS, SQLMODEL_AWAITED_METHODS, SYNC_MEMBERS, TRANSACTION_METHODS } from '../awaits/methods';
import { HINTS as AWAIT_HINTS, RULES as AWAIT_RULES } from '../awaits/rules';
import { renamedText, unclosedMessage, unclosedSession } from '../awaits/unclosed';
import { importedByOthers, importsTwinnedEngine } from '../scaffold/engine-index';
import { SessionResolver, sessionOptionsFrom } from '../query/sessions';
import { boundValue, occurrencesOf, parametersOf } from '../query/bindings';
import { asyncKeyword, callArgs, classOfMethod, dottedName, end, methodsOf, namedChildren, start } from '../query/syntax';
import { collectImports, importsFreedBy, planImportEdits, type ImportChange } from '../support/imports';
import { cachedNameTables, moduleBindings, nameTable, occurrenceOf, scopeOf, seesModuleBinding, type NameTable } from '../support/scope';
import { RULES, HINTS } from './rules';

const ID = 'propagate-async';
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

export interface SessionArgResult {
  edits: TextEdit[];
  findings: FindingInput[];
  renamed: number;
  /** With `importsSeparately`: the imports the renames need, for the caller to plan with its own (not in `edits`). */
  imports?: Required<ImportChange>;
}

export interface SessionArgOptions {
  /** Return the imports the renames need in `imports` instead of planning them into `edits`. */
  importsSeparately?: boolean;
  /** Among `awaited`: background task calls (`add_task(f, db)`), by offset, with the coroutine function they run. */
  tasks?: ReadonlyMap<number, string>;
  /**
   * The functions holding `awaited` become async in this run, after insert-await had left them alone (a sync
   * fixture): the session's own coroutine calls there (`db.close()`) are awaited with the switch, as insert-await
   * awaits them in a function it sees async, so that the next run, which does see it async, finds nothing to do.
   */
  awaitsSessionCalls?: boolean;
  /** The caller's own edits replacing code: a factory import they and the renames leave unused goes too. */
  replaced?: readonly { start: number; end: number }[];
  /**
   * Functions made async in this run that insert-await had left alone (sync fixtures; with awaitsSessionCalls): a
   * session one opens itself by `name = Factory()` is switched with its calls awaited as above even when it goes to
   * no coroutine function (the next run's insert-await would do it), or flagged where a use needs the sync Session.
   */
  madeAsync?: readonly SgNode[];
}

/**
 * `awaited`: the calls this file's plan awaits (the callee is a coroutine function now). `moduleLevel`: the calls of
 * coroutine functions at module level, run with `asyncio.run(...)` in a script's entry block or left as they are
 * (flagged); only a session made at module level can reach them.
 */
export function syncSessionArguments(
  ctx: TransformContext<SgRoot>,
  awaited: SgNode[],
  moduleLevel: SgNode[] = [],
  options: SessionArgOptions = {},
): SessionArgResult {
  const { importsSeparately = false, tasks = new Map<number, string>(), awaitsSessionCalls = false, replaced = [], madeAsync = [] } = options;
  const out: SessionArgResult = { edits: [], findings: [], renamed: 0 };
  if (awaited.length === 0 && moduleLevel.length === 0 && madeAsync.length === 0) return out;
  const imports = collectImports(ctx.tree);
  const sessions = new SessionResolver(ctx.tree, imports, sessionOptionsFrom(ctx.options, ctx.path));
  const isSessionCall = (c: SgNode): boolean => {
    const fn = c.field('function');
    return fn?.kind() === 'attribute' && sessions.resolve(fn.field('object') as SgNode) !== null;
  };
  const twins = new FactoryTwins(ctx.tree, imports, sessions, (module, name) => importsTwinnedEngine(ctx.options.asyncEngineTwins, ctx.path, module, name));
  const awaitedIds = new Set(awaited.map((c) => c.id()));
  const decided = new Set<number>();
  const tables = cachedNameTables(ctx.tree);
  // `db = next(get_db())` is looked for only where the text can hold it.
  const drawsByHand = ctx.source.includes('next(') && ctx.source.includes(ctx.options.getDbName);
  let moduleNames: ReadonlySet<string> | null = null;
  // Most arguments are no session at all: one pass over the module's bindings spares each a scan of the tree.
  const moduleLevelSession = (arg: SgNode): { origins: SgNode[] } | null => {
    moduleNames ??= moduleSessionNames(ctx.tree, sessions);
    return moduleNames.has(arg.text()) ? moduleSession(tables(arg.text()), sessions, arg) : null;
  };
  const renames: { edit: TextEdit; importAdd: ImportAdd | null; extra: { module: string; name: string }[]; mayFree: NonNullable<ImportAdd['replaces']>[] }[] = [];
  /** ASYNC-SYNC-SESSION-ARG at `arg` of `call`: `what` says where the sync Session comes from, `left` why it stays. */
  const report = (call: SgNode, arg: SgNode, what: string, left: string): void => {
    const callee = tasks.get(start(call)) ?? call.field('function')?.text() ?? 'the function';
    out.findings.push({
      rule: RULES.syncSessionArg,
      offset: start(arg),
      message: `\`${arg.text()}\` ${what}, and \`${callee}\` is a coroutine function now that awaits its session; ${left}`,
      hint: HINTS[RULES.syncSessionArg],
    });
  };

  /**
   * `Repo(db).titles()` awaited, with `db = next(get_db())`: the object built on the sync Session awaits it in its
   * methods made async, as a coroutine function given it would. So does `repo = Repo(db)` bound once in the scope
   * of `await repo.titles()`: the object is the same, only named first. Only reported: the object's class decides
   * nothing here.
   */
  const reportDrawnIntoReceiver = (call: SgNode): void => {
    for (const receiver of receiverCalls(call)) reportDrawnInto(call, receiver);
  };
  /** The calls that may have built the object `call` is made on: itself (`Repo(db).m()`), or the bindings of its local reaching the call. */
  const receiverCalls = (call: SgNode): SgNode[] => {
    const callee = call.field('function');
    const object = callee?.kind() === 'attribute' ? callee.field('object') : null;
    if (object?.kind() === 'call') return [object];
    return object?.kind() === 'identifier' ? reachingCalls(tables(object.text()), object) : [];
  };
  const reportDrawnInto = (call: SgNode, receiver: SgNode): void => {
    const object = call.field('function')?.field('object');
    const kept = receiver.id() === object?.id() ? '' : `, kept as \`${object?.text() ?? ''}\``;
    const args = callArgs(receiver);
    for (const arg of [...args.positional, ...args.keywords.values()]) {
      if (arg.kind() === 'call') {
        if (drawnFromDependencyPattern(ctx.options.getDbName).test(arg.text()) && !decided.has(start(arg))) {
          decided.add(start(arg));
          report(call, arg, `is a sync Session drawn from the sync session dependency in the call building the object${kept}`, `it was left as it is (\`${ctx.options.getDbName}\` stays sync for the code that still uses it)`);
        }
        continue;
      }
      if (arg.kind() !== 'identifier' || sessions.resolve(arg) !== null) continue;
      const drawn = drawnFromDependency(tables(arg.text()), arg, ctx.options.getDbName);
      if (!drawn || decided.has(start(drawn))) continue;
      decided.add(start(drawn));
      report(call, arg, `is a sync Session drawn from the sync session dependency by \`${drawn.text()}\`, handed to the object whose method is awaited${kept}`, `it was left as it is (\`${ctx.options.getDbName}\` stays sync for the code that still uses it)`);
    }
  };

  /**
   * `db = SessionLocal(); repo = Repo(db)` then `await repo.titles()`: a sync factory's session handed to the object
   * whose method is awaited (built in the same expression or bound to a local reaching the call) is awaited by its
   * methods made async, yet nothing here awaits the session itself, so nothing switched its factory. Reported once
   * the other checks are done (one that switches the session, or reports it where it is made, settles it), and left
   * as it is: what else the session serves is not weighed here. Sessions of a factory with an async twin that
   * something else already switched (`AsyncSessionLocal()`) are no concern.
   */
  const heldByReceiver: { call: SgNode; arg: SgNode; origin: SgNode; kept: string }[] = [];
  const reportFactoryIntoReceiver = (call: SgNode): void => {
    for (const receiver of receiverCalls(call)) {
      const object = call.field('function')?.field('object');
      const kept = receiver.id() === object?.id() ? '' : `, kept as \`${object?.text() ?? ''}\``;
      const args = callArgs(receiver);
      for (const arg of [...args.positional, ...args.keywords.values()]) {
        if (arg.kind() !== 'identifier') continue;
        for (const origin of sessions.resolve(arg)?.origins ?? []) heldByReceiver.push({ call, arg, origin, kept });
      }
    }
  };

  /** The session calls blockerOfRename found to need only an `await` (awaitsSessionCalls), for the origin it judged. */
  const sessionAwaits: TextEdit[] = [];
  for (const call of [...awaited, ...moduleLevel]) {
    if (drawsByHand) reportDrawnIntoReceiver(call);
    reportFactoryIntoReceiver(call);
    const args = callArgs(call);
    for (const arg of [...args.positional, ...args.keywords.values()]) {
      if (arg.kind() === 'call') {
        const inline = inlineSyncSession(arg, sessions, twins, ctx.options.getDbName);
        if (inline) report(call, arg, 'makes a sync Session in the call itself', `it was left as it is because ${inline}`);
        continue;
      }
      // `self.db` too: a session a test class opens in `setup_method` and hands to the code under test.
      const attribute = arg.kind() === 'attribute';
      if (arg.kind() !== 'identifier' && !attribute) continue;
      const info = attribute ? sessions.resolve(arg) : (sessions.resolve(arg) ?? moduleLevelSession(arg));
      if (!info) {
        if (attribute) continue;
        const drawn = drawsByHand ? drawnFromDependency(tables(arg.text()), arg, ctx.options.getDbName) : null;
        if (drawn && !decided.has(start(drawn))) {
          decided.add(start(drawn));
          report(call, arg, `is a sync Session drawn from the sync session dependency by \`${drawn.text()}\``, `it was left as it is (\`${ctx.options.getDbName}\` stays sync for the code that still uses it)`);
          continue;
        }
        const made = sessionmakerAttributeSession(tables(arg.text()), arg);
        if (made && !decided.has(start(made))) {
          decided.add(start(made));
          report(call, arg, `is a sync Session made by \`${made.text()}\`, a \`sessionmaker(...)\` its class keeps on the instance`, 'it was left as it is (no async twin of that factory is known)');
        }
        continue;
      }
      if (info.origins.length === 0) continue;
      for (const origin of info.origins) {
        if (decided.has(start(origin))) continue;
        const twin = twins.twinOf(origin);
        if (twin.kind === 'async') continue;
        decided.add(start(origin));
        const why =
          twin.kind === 'unknown'
            ? twin.why
            : info.origins.length > 1
              ? `\`${arg.text()}\` may come from several places`
              : blockerOfRename(ctx, origin, arg.text(), awaitedIds, awaitsSessionCalls ? { sqlmodel: 'sqlmodel' in info && info.sqlmodel === true, awaits: sessionAwaits, isSessionCall } : null);
        if (why === null && twin.kind === 'rename') {
          renames.push({ edit: twin.edit, importAdd: twin.importAdd, extra: twin.extraImports ?? [], mayFree: twin.mayFree ?? [] });
          out.edits.push(...sessionAwaits.splice(0));
          const unclosed = unclosedSession(origin, ctx.path);
          if (unclosed) {
            out.findings.push({ rule: AWAIT_RULES.sessionUnclosed, offset: start(origin), message: unclosedMessage(unclosed.name, renamedText(origin, twin.edit), unclosed.unit, unclosed.onSuccessOnly), hint: AWAIT_HINTS[AWAIT_RULES.sessionUnclosed] });
          }
          continue;
        }
        report(call, arg, `is a sync Session made by \`${origin.text()}\``, `the factory was left as it is because ${why}`);
      }
    }
  }
  for (const unit of awaitsSessionCalls ? madeAsync : []) {
    for (const assignment of unit.findAll({ rule: { kind: 'assignment' } })) {
      const origin = assignment.field('right');
      const left = assignment.field('left');
      if (origin?.kind() !== 'call' || left?.kind() !== 'identifier' || !sessions.isFactoryCall(origin)) continue;
      if (placeOf(origin).unit?.id() !== unit.id() || decided.has(start(origin))) continue;
      const twin = twins.twinOf(origin);
      if (twin.kind === 'async') continue;
      decided.add(start(origin));
      const name = left.text();
      const reference = tables(name).occurrences.find((o) => o.role === 'reference' && o.scope.id() === unit.id());
      const info = reference ? sessions.resolve(reference.node) : null;
      const why = twin.kind === 'unknown' ? twin.why : blockerOfRename(ctx, origin, name, awaitedIds, { sqlmodel: info?.sqlmodel === true, awaits: sessionAwaits, isSessionCall });
      if (why === null && twin.kind === 'rename') {
        // Nothing to await on it: the next run's insert-await leaves it too.
        if (sessionAwaits.length === 0) continue;
        renames.push({ edit: twin.edit, importAdd: twin.importAdd, extra: twin.extraImports ?? [], mayFree: twin.mayFree ?? [] });
        out.edits.push(...sessionAwaits.splice(0));
        const unclosed = unclosedSession(origin, ctx.path);
        if (unclosed) out.findings.push({ rule: AWAIT_RULES.sessionUnclosed, offset: start(origin), message: unclosedMessage(unclosed.name, renamedText(origin, twin.edit), unclosed.unit, unclosed.onSuccessOnly), hint: AWAIT_HINTS[AWAIT_RULES.sessionUnclosed] });
        continue;
      }
      out.findings.push({
        rule: RULES.syncSessionArg,
        offset: start(origin),
        message: `\`${name}\` is a sync Session made by \`${origin.text()}\` in \`${unit.field('name')?.text() ?? 'the function'}\`, which is async now: its session calls block the event loop, and code it hands the session to may await it; the factory was left as it is because ${why}`,
        hint: HINTS[RULES.syncSessionArg],
      });
    }
  }
  // Last: a session the checks above switched, or reported where it is made, is settled.
  for (const { call, arg, origin, kept } of heldByReceiver) {
    if (decided.has(start(origin)) || twins.twinOf(origin).kind === 'async') continue;
    decided.add(start(origin));
    report(call, arg, `is a sync Session made by \`${origin.text()}\`, handed to the object whose method is awaited${kept}`, 'the factory was left as it is (nothing in this function awaits the session itself)');
  }
  if (renames.length === 0) return out;
  out.renamed = renames.length;
  for (const r of renames) out.edits.push({ ...r.edit, reason: `${ID}: the session goes to a coroutine function, so it comes from the async factory` });
  // planImportEdits adds each import once.
  const add = renames.flatMap((r) => [...r.extra, ...(r.importAdd ? [{ module: r.importAdd.module, name: r.importAdd.name }] : [])]);
  const candidates = renames.flatMap((r) => [...(r.importAdd?.replaces ? [r.importAdd.replaces] : []), ...r.mayFree]);
  const remove = importsFreedBy(ctx.tree, ctx.path, candidates, [...renames.map((r) => r.edit), ...replaced]);
  if (importsSeparately) {
    out.imports = { add, remove };
    return out;
  }
  for (const e of planImportEdits(ctx.tree, ctx.source, { add, remove }, importedByOthers(ctx.options, ctx.path))) out.edits.push({ ...e, reason: `${ID}: import the async session factory` });
  return out;
}

/** `next(get_db())`, also `next(deps.get_db())`. */
function drawnFromDependencyPattern(getDbName: string): RegExp {
  return new RegExp(`^next\\(\\s*(?:[\\w.]+\\.)?${getDbName}\\(\\s*\\)\\s*\\)$`);
}

/**
 * A sync session made in the argument itself (`init_db(Session(engine))`, `seed(SessionLocal())`,
 * `seed(next(get_db()))`): why it stays as it is, or null when the argument is no sync session. Such a session has
 * no name to open with `async with` and close with `await`, so even a factory with an async twin is not renamed
 * in place: the AsyncSession would never be closed.
 */
function inlineSyncSession(arg: SgNode, sessions: SessionResolver, twins: FactoryTwins, getDbName: string): string | null {
  if (drawnFromDependencyPattern(getDbName).test(arg.text())) {
    return `it is drawn from the sync session dependency (\`${getDbName}\` stays sync for the code that still uses it)`;
  }
  if (!sessions.isFactoryCall(arg)) return null;
  const twin = twins.twinOf(arg);
  if (twin.kind === 'async') return null;
  if (twin.kind === 'unknown') return twin.why;
  return 'an AsyncSession made in the argument would never be closed: it is to be opened with `async with` around the call';
}

/**
 * `db = next(get_db())` (the sync dependency's generator advanced by hand, also `next(deps.get_db())`) in the scope
 * where `arg` reads `db`: the call, or null. Such a session is no factory call's, so the resolver does not know it;
 * handed to a coroutine function it is the same sync Session bug.
 */
function drawnFromDependency(table: NameTable, arg: SgNode, getDbName: string): SgNode | null {
  const reference = occurrenceOf(table, arg);
  if (reference?.role !== 'reference') return null;
  const pattern = drawnFromDependencyPattern(getDbName);
  for (const o of table.occurrences) {
    if (o.role !== 'binding' || o.scope.id() !== reference.scope.id()) continue;
    const assignment = o.node.parent();
    if (assignment?.kind() !== 'assignment' || assignment.field('left')?.id() !== o.node.id()) continue;
    const value = assignment.field('right');
    if (value && pattern.test(value.text())) return value;
  }
  return null;
}

/**
 * The calls `id`'s local may hold where `id` reads it (`repo = Repo(db)`): the bindings of the name in that scope that
 * reach the read, each an assignment of a call; bindings of another kind (a loop target, a parameter) give nothing.
 * A binding reaches unless a later one before the read, in a block holding the read, replaces it (`repo =
 * Repo(drawn)`, `repo.label()`, then `with ... as s: repo = Repo(s); await repo.titles()`: only the second); in a
 * loop around the read, a binding after it in the loop reaches it too.
 */
function reachingCalls(table: NameTable, id: SgNode): SgNode[] {
  const reference = occurrenceOf(table, id);
  if (reference?.role !== 'reference') return [];
  const bindings = table.occurrences.filter((o) => o.role !== 'reference' && o.scope.id() === reference.scope.id()).sort((a, b) => start(a.node) - start(b.node));
  const at = start(id);
  const before = bindings.filter((o) => start(o.node) < at);
  let from = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const block = blockOf((before[i] as (typeof before)[number]).node);
    if (block && isInside(id, block)) {
      from = i;
      break;
    }
  }
  const reaching = before.slice(from);
  const loop = id.ancestors().find((a) => a.kind() === 'for_statement' || a.kind() === 'while_statement');
  if (loop && isInside(loop, reference.scope)) reaching.push(...bindings.filter((o) => start(o.node) > at && isInside(o.node, loop)));
  return reaching.flatMap((o) => {
    const assignment = o.node.parent();
    const value = assignment?.kind() === 'assignment' && assignment.field('left')?.id() === o.node.id() ? assignment.field('right') : null;
    return value?.kind() === 'call' ? [value] : [];
  });
}

/** The block (or module) whose statement binds `node`: the statements after it in that block see the binding. */
function blockOf(node: SgNode): SgNode | null {
  return node.ancestors().find((a) => a.kind() === 'block' || a.kind() === 'module') ?? null;
}

/**
 * Why `name = F()` cannot simply become `name = AsyncF()`, or null when it can: the assignment is in the same
 * function as the awaited call, bound once there, and every other use of the name needs no sync Session.
 */
function blockerOfRename(
  ctx: TransformContext<SgRoot>,
  origin: SgNode,
  name: string,
  awaitedIds: ReadonlySet<number>,
  /** Set when the session's own coroutine calls may be awaited (their edits are collected in `awaits`); else they block. */
  sessionCalls: { sqlmodel: boolean; awaits: TextEdit[]; isSessionCall: (call: SgNode) => boolean } | null,
): string | null {
  const root = ctx.tree;
  const unit = placeOf(origin).unit;
  if (!unit) return 'the session is made at module level, outside the coroutine: an AsyncSession is to be opened (`async with`) and closed with `await` inside it';
  const assignment = origin.parent();
  if (assignment?.kind() !== 'assignment' || assignment.field('left')?.kind() !== 'identifier' || assignment.field('right')?.id() !== origin.id()) {
    return `the session is not made by a plain \`${name} = ...\` assignment`;
  }
  const table = nameTable(root, name);
  // A comprehension's uses are the function's own (`[u.name for u in db.execute(s)]`) unless it binds the name itself.
  const comprehensionBinds = new Set(table.occurrences.filter((o) => o.role !== 'reference' && COMPREHENSIONS.has(String(o.scope.kind()))).map((o) => o.scope.id()));
  const evaluatedIn = (scope: SgNode): SgNode => {
    let at = scope;
    while (COMPREHENSIONS.has(String(at.kind())) && !comprehensionBinds.has(at.id())) at = scopeOf(at);
    return at;
  };
  const inUnit = table.occurrences.filter((o) => evaluatedIn(o.scope).id() === unit.id());
  const bindings = inUnit.filter((o) => o.role !== 'reference');
  if (bindings.length !== 1) return `\`${name}\` is bound more than once in the function`;
  const awaits: TextEdit[] = [];
  for (const o of inUnit) {
    if (o.role !== 'reference') continue;
    const use = useOf(o.node, awaitedIds, sessionCalls ? { ...sessionCalls, unit, source: ctx.source } : null);
    if (typeof use === 'string') return use;
    if (use) awaits.push(...use.edits);
  }
  if (table.occurrences.some((o) => o.role === 'reference' && evaluatedIn(o.scope).id() !== unit.id() && isInside(o.node, unit))) {
    return `a nested function or lambda uses \`${name}\` too`;
  }
  sessionCalls?.awaits.push(...awaits);
  return null;
}

/**
 * The factory calls a module-level name is bound to (`session = JobSession()`, `with SessionLocal() as session:`),
 * when `arg` reads that module-level name: the session the resolver does not follow out of functions. Null when
 * `arg` reads a local, or no binding of the name at module level is a session factory call.
 */
function moduleSession(table: NameTable, sessions: SessionResolver, arg: SgNode): { origins: SgNode[] } | null {
  const reference = occurrenceOf(table, arg);
  if (reference?.role !== 'reference' || !seesModuleBinding(table, reference)) return null;
  const origins = moduleBindings(table).flatMap((o) => {
    const made = factoryCallBinding(o.node, sessions);
    return made ? [made] : [];
  });
  return origins.length > 0 ? { origins } : null;
}

/**
 * `with self.session_maker() as session:` (or `session = self.session_maker()`) in a method whose class keeps a sync
 * `sessionmaker(...)` in that attribute (`self.session_maker = sessionmaker(bind=self.engine)`, every store to it
 * one): the factory call `arg` reads the session of, or null. The resolver knows factories by module-level names
 * only, so such a session is no session to it, yet it is the same sync Session handed to a coroutine function.
 */
function sessionmakerAttributeSession(table: NameTable, arg: SgNode): SgNode | null {
  const reference = occurrenceOf(table, arg);
  if (reference?.role !== 'reference' || reference.scope.kind() !== 'function_definition') return null;
  const bindings = table.occurrences.filter((o) => o.role !== 'reference' && o.scope.id() === reference.scope.id());
  const calls = bindings.map((o) => boundCall(o.node));
  if (calls.length === 0 || calls.some((c) => c === null || !syncSessionmakerAttribute(c, reference.scope))) return null;
  return calls[0] ?? null;
}

/** The call a binding occurrence stores: `name = f()`, `with f() as name`. */
function boundCall(id: SgNode): SgNode | null {
  const parent = id.parent();
  if (parent?.kind() === 'assignment') {
    const value = boundValue(id);
    return value?.kind() === 'call' ? value : null;
  }
  const asPattern = parent?.kind() === 'as_pattern_target' ? parent.parent() : null;
  if (asPattern?.kind() !== 'as_pattern' || asPattern.parent()?.kind() !== 'with_item') return null;
  const value = asPattern.children().find((c) => c.isNamed());
  return value?.kind() === 'call' ? value : null;
}

/** `self.<attr>()` in `method`, where every store to `self.<attr>` in its class is a sync `sessionmaker(...)`. */
function syncSessionmakerAttribute(call: SgNode, method: SgNode): boolean {
  const callee = call.field('function');
  const object = callee?.kind() === 'attribute' ? callee.field('object') : null;
  const attr = callee?.field('attribute')?.text() ?? '';
  const cls = classOfMethod(method);
  if (!cls || object?.kind() !== 'identifier' || object.text() !== parametersOf(method)[0]?.name || attr === '') return false;
  let stores = 0;
  for (const m of methodsOf(cls)) {
    const self = parametersOf(m)[0]?.name;
    if (!self) continue;
    for (const assignment of m.findAll({ rule: { kind: 'assignment' } })) {
      if (assignment.field('left')?.text().replace(/\s+/g, '') !== `${self}.${attr}`) continue;
      const value = assignment.field('right');
      const made = value?.kind() === 'call' ? dottedName(value.field('function') as SgNode) : null;
      const classArg = value?.kind() === 'call' ? callArgs(value).keywords.get('class_') : undefined;
      if (made?.[made.length - 1] !== 'sessionmaker' || (classArg && /AsyncSession$/.test(classArg.text()))) return false;
      stores += 1;
    }
  }
  return stores > 0;
}

/** The names module-level code binds to a session factory call (the candidates of moduleSession). */
function moduleSessionNames(root: SgRoot, sessions: SessionResolver): Set<string> {
  const names = new Set<string>();
  if (!sessions.mayFindSessions) return names;
  for (const node of root.root().findAll({ rule: { any: [{ kind: 'assignment' }, { kind: 'as_pattern_target' }] } })) {
    const id = node.kind() === 'assignment' ? node.field('left') : node.children().find((c) => c.isNamed());
    if (id?.kind() !== 'identifier' || scopeOf(id).kind() !== 'module') continue;
    if (factoryCallBinding(id, sessions)) names.add(id.text());
  }
  return names;
}

/** The session factory call a binding occurrence stores: `name = F()`, `with F() as name` (`F.begin()` there too). */
function factoryCallBinding(id: SgNode, sessions: SessionResolver): SgNode | null {
  const parent = id.parent();
  if (parent?.kind() === 'assignment' && parent.field('left')?.id() === id.id()) {
    const value = parent.field('right');
    return value?.kind() === 'call' && sessions.isFactoryCall(value) ? value : null;
  }
  const asPattern = parent?.kind() === 'as_pattern_target' ? parent.parent() : null;
  if (asPattern?.kind() !== 'as_pattern' || asPattern.parent()?.kind() !== 'with_item') return null;
  const value = asPattern.children().find((c) => c.isNamed());
  return value?.kind() === 'call' && (sessions.isFactoryCall(value) || sessions.isFactoryBeginCall(value)) ? value : null;
}

/**
 * What a use of the session needs the sync Session for, or null when an AsyncSession serves it as well. With
 * `calls` (the function becomes async in this run), a call of one of the session's coroutine methods serves as well
 * once awaited, and its transaction as the one context manager of a `with` once that is an `async with`: the edits
 * doing so are returned (none when it is done already).
 */
function useOf(id: SgNode, awaitedIds: ReadonlySet<number>, calls: SessionCalls | null): string | { edits: TextEdit[] } | null {
  const parent = id.parent();
  if (parent?.kind() === 'attribute' && parent.field('object')?.id() === id.id()) {
    const member = parent.field('attribute')?.text() ?? '';
    const call = parent.parent();
    const called = call?.kind() === 'call' && call.field('function')?.id() === parent.id();
    if (called && SYNC_MEMBERS.has(member)) return null;
    const coroutine = AWAITED_METHODS.has(member) || BULK_METHODS.has(member) || (calls?.sqlmodel === true && SQLMODEL_AWAITED_METHODS.has(member));
    if (called && call && calls && coroutine) return awaitedUse(call, `${id.text()}.${member}`, member, calls);
    if (called && call && calls && TRANSACTION_METHODS.has(member)) {
      const transaction = transactionUse(call, calls.unit);
      if (transaction) return transaction;
    }
    return `\`${id.text()}.${member}\` is used, which AsyncSession does not offer as a plain sync member`;
  }
  // `with db:` closes the session on exit; AsyncSession's context manager is an async one, doing the same.
  const context = calls && parent?.kind() === 'with_item' ? asyncWith(parent, calls.unit) : null;
  if (context) return context;
  const holder = parent?.kind() === 'keyword_argument' ? parent.parent() : parent;
  const call = holder?.kind() === 'argument_list' ? holder.parent() : null;
  if (call?.kind() === 'call') {
    if (awaitedIds.has(call.id())) return null;
    return `it is also given to \`${call.field('function')?.text() ?? 'a call'}(...)\`, a call that is not awaited and may need the sync Session`;
  }
  return `the session is also used in \`${(parent ?? id).text().split('\n')[0]}\`, where awaitify cannot tell whether an AsyncSession would do`;
}

/** The session's own calls in a function made async (SessionArgOptions.awaitsSessionCalls). */
interface SessionCalls {
  sqlmodel: boolean;
  unit: SgNode;
  source: string;
  /** Whether a call is one on a session (a bulk method's arguments cannot hold one). */
  isSessionCall: (call: SgNode) => boolean;
}

const AWAIT_REASON = `${ID}: the session comes from the async factory now, in a function made async`;

/** `db.close()` on the session to switch, in a function becoming async: its await, or why it cannot be (as insert-await judges it). */
function awaitedUse(call: SgNode, shown: string, member: string, calls: SessionCalls): string | { edits: TextEdit[] } | null {
  const state = awaitState(call, calls.source);
  if (state === 'yes') return null;
  if (state === 'misplaced') return `the \`await\` before \`${shown}(...)\` applies to the whole chain after it, not to this call`;
  const place = placeOf(call);
  if (place.blocked || place.unit?.id() !== calls.unit.id()) return `\`${shown}(...)\` runs ${place.blocked ?? 'in another function'}, where it cannot be awaited`;
  // What these return has coroutine methods of its own (an AsyncConnection, an AsyncResult).
  if (ASYNC_OBJECT_METHODS.has(member) && call.parent()?.kind() !== 'expression_statement') return `what \`${shown}()\` returns has methods that need \`await\` too, which is not tracked`;
  const awaited = awaitEdits(call, `${AWAIT_REASON}: await ${shown}()`);
  if (!BULK_METHODS.has(member)) return { edits: awaited };
  // AsyncSession has no bulk_* methods: they run on the sync session behind it, as insert-await writes them.
  const bulk = bulkEdits(call, calls.isSessionCall, `${AWAIT_REASON}: ${member} through run_sync`);
  return Array.isArray(bulk) ? { edits: [...bulk, ...awaited] } : `\`${shown}()\` cannot run through run_sync as written: ${bulk.message}`;
}

/**
 * `with db.begin():` (or `begin_nested()`, `as tx` when the block uses `tx` nowhere, as insert-await requires), the
 * call the only context manager of a `with` of the function: its `async with`, or null when it is not that shape.
 */
function transactionUse(call: SgNode, unit: SgNode): { edits: TextEdit[] } | null {
  let item = call.parent();
  if (item?.kind() === 'as_pattern' && namedChildren(item)[0]?.id() === call.id()) {
    const target = item.children().find((c) => c.kind() === 'as_pattern_target');
    const name = target ? namedChildren(target)[0] : undefined;
    if (name?.kind() !== 'identifier' || occurrencesOf(unit, name.text()).length > 1) return null;
    item = item.parent();
  }
  return item?.kind() === 'with_item' ? asyncWith(item, unit) : null;
}

/** The `async with` for a `with` whose only item is `item`, in `unit` itself; null for any other `with`. */
function asyncWith(item: SgNode, unit: SgNode): { edits: TextEdit[] } | null {
  const clause = item.parent();
  const statement = clause?.kind() === 'with_clause' ? clause.parent() : null;
  if (!statement || statement.kind() !== 'with_statement' || clause?.children().filter((c) => c.kind() === 'with_item').length !== 1) return null;
  const place = placeOf(statement);
  if (place.blocked || place.unit?.id() !== unit.id()) return null;
  if (asyncKeyword(statement) !== undefined) return { edits: [] };
  return { edits: [{ start: start(statement), end: start(statement), text: 'async ', reason: `${AWAIT_REASON}: async with` }] };
}

function isInside(node: SgNode, container: SgNode): boolean {
  return start(node) >= start(container) && end(node) <= end(container);
}
