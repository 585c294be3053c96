// propagate-async: a function becomes `async def` when it awaits, and every resolved call to it gets
// `await`, transitively and across modules (see docs/transforms/propagate-async.md).
//
// The decisions are whole-project and made once, in the indexer's `build` (AsyncPlan); `run` only turns
// one file's share of the plan into edits. Route handlers are covered too: a handler becomes async when
// it awaits (the async-handlers behaviour); one doing no database work stays sync, which FastAPI runs in
// its threadpool, as it should.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { FindingInput, IndexInput, ProjectIndexer, TextEdit, Transform, TransformContext, TransformOptions, TransformResult } from '../../engine/types';
import { twinOrigin } from './scaffold/twin-names';
import { awaitEdits } from './awaits/awaiting';
import { ProjectIndex } from './index/project';
import { summarizeModule } from './index/summarize';
import type { ModuleSummary } from './index/types';
import { type AnnotationBack, AsyncPlan, type FilePlan } from './propagate/plan';
import { HINTS, RULES } from './propagate/rules';
import { RULES as AWAIT_RULES } from './awaits/rules';
import { syncSessionArguments } from './propagate/session-args';
import { asyncKeyword, callArgs, end, start } from './query/syntax';
import { attributeSessionAnnotations } from './support/session-holders';
import { collectImports, type ImportChange, importInsertionPoint, isModuleLevel, type ModuleImports, planImportEdits } from './support/imports';
import { importedByOthers, untwinnedDependencyPaths } from './scaffold/engine-index';
import { nameTable } from './support/scope';
import { withCachedTree } from './support/cached-tree';
import { ASYNC_SESSION_MODULES, awaitsTakenOut, boundAtModuleLevel, samePlaceSwaps, unusedDuplicateImports, unusedImport } from './support/sync-back';
import { optionalInner } from './support/type-annotations';

const ID = 'propagate-async';

export const propagateAsyncIndexer: ProjectIndexer<SgRoot, ModuleSummary, AsyncPlan> = {
  id: ID,
  summarize: summarizeModule,
  build: (summaries, options) => {
    const paths = untwinnedDependencyPaths(options);
    return new AsyncPlan(new ProjectIndex(summaries), options.sessionParams, { getDbName: options.getDbName, asyncGetDbName: options.asyncGetDbName, paths: paths ?? {} });
  },
};

export const transform: Transform<SgRoot> = {
  id: ID,
  description: 'async def for functions that await, and await (transitively, across modules) at every call of a function made async',
  language: 'python',
  indexer: propagateAsyncIndexer,
  run,
};

function run(raw: TransformContext<SgRoot>): TransformResult {
  const ctx = withCachedTree(raw);
  const plan = ctx.index instanceof AsyncPlan ? ctx.index : singleFilePlan(ctx);
  const file = plan.fileFor(ctx.path, ctx.source);
  if (!file) return { edits: [], findings: [] };
  const edits: TextEdit[] = file.asyncDefs.map((d) => ({ start: d.offset, end: d.offset, text: 'async ', reason: d.reason }));
  const calls = new Map<string, SgNode>();
  for (const call of ctx.tree.root().findAll({ rule: { kind: 'call' } })) calls.set(`${start(call)}:${end(call)}`, call);
  // Outer calls first: `f(x).g()` with both awaited is `await (await f(x)).g()`, and the engine keeps the
  // order of insertions at one offset.
  const awaits = [...file.awaits].sort((a, b) => a.start - b.start || b.end - a.end);
  const awaited: SgNode[] = [];
  for (const a of awaits) {
    const call = calls.get(`${a.start}:${a.end}`);
    if (!call) throw new Error(`${ID}: no call at ${a.start}-${a.end} in ${ctx.path}; the file changed after indexing`);
    edits.push(...awaitEdits(call, a.reason));
    awaited.push(call);
  }
  // Script entry calls and the other module-level calls of async functions run (or are to run) a coroutine too.
  const moduleLevel = [...file.entryRuns, ...file.moduleCalls].flatMap((r) => calls.get(`${r.start}:${r.end}`) ?? []);
  // A background task call awaits nothing itself, but Starlette awaits the coroutine function it runs with these arguments.
  const tasks = new Map<number, string>();
  for (const t of file.taskCalls) {
    const call = calls.get(`${t.start}:${t.end}`);
    if (!call) continue;
    awaited.push(call);
    tasks.set(t.start, t.task);
  }
  const sessionArgs = syncSessionArguments(ctx, awaited, moduleLevel, { importsSeparately: true, tasks });
  edits.push(...sessionArgs.edits);
  for (const u of file.unwraps) edits.push({ start: u.start, end: u.end, text: u.text, reason: u.reason });
  const keptPlain = keptPlainEdits(ctx, file.keptPlain, file.heldFactoriesBack);
  edits.push(...keptPlain.edits);
  // An `async def` handler kept on the sync Session its dependency hands it: the session awaits insert-await wrote go.
  const awaitsBack = new Set(file.sessionAwaitsBack.map((c) => `${c.start}:${c.end}`));
  const sessionAwaits =
    awaitsBack.size === 0
      ? []
      : awaitsTakenOut(
          ctx.tree.root(),
          (node) => {
            const operand = node.child(1);
            return !!operand && awaitsBack.has(`${start(operand)}:${end(operand)}`);
          },
          `${ID}: await taken out of an async def handed a sync Session by a dependency that stays sync`,
        );
  edits.push(...sessionAwaits);
  const onSyncDependency = new Set(file.syncDependencyRoutes);
  const keptSync = keptSyncRouteEdits(ctx, file.keptSyncRoutes.filter((d) => !onSyncDependency.has(d)));
  edits.push(...keptSync.edits);
  const annotations = sessionAnnotationEdits(ctx, file.annotationsBack, [...file.syncDependencyRoutes, ...file.injectedAnnotationsBack], keptSync.replacedAsyncSession, keptPlain.factoriesBack, file.aliasesBack);
  edits.push(...annotations.edits);
  // One plan for all: two edits of one import statement would overlap (`from .db import SessionLocal, get_db` in a
  // file whose session goes to a background task, switched to the async factory, beside a route kept on get_db).
  const unique = <T extends { module: string; name: string }>(list: T[]): T[] => list.filter((a, i, all) => all.findIndex((b) => b.module === a.module && b.name === a.name) === i);
  // Session imports swapped back in place (sessionAnnotationEdits) bind it already.
  const sessionBound = (a: { name: string }): boolean => annotations.swapped === true && a.name === 'Session';
  const syncAdd = unique([...(keptPlain.imports.add ?? []), ...(keptSync.imports.add ?? []), ...(annotations.imports.add ?? [])]).filter((a) => !sessionBound(a));
  const syncRemove = unique([...(keptPlain.imports.remove ?? []), ...(keptSync.imports.remove ?? []), ...(annotations.imports.remove ?? [])]);
  const add = unique([...(sessionArgs.imports?.add ?? []), ...syncAdd]);
  const remove = unique([...(sessionArgs.imports?.remove ?? []), ...syncRemove]);
  if (add.length > 0 || remove.length > 0) {
    const sync = syncAdd.length > 0 || syncRemove.length > 0;
    const factory = (sessionArgs.imports?.add.length ?? 0) > 0 || (sessionArgs.imports?.remove.length ?? 0) > 0;
    const reason = `${ID}: ${[factory ? 'import the async session factory' : '', sync ? 'imports of the sync session for code that stays sync' : ''].filter((r) => r !== '').join('; ')}`;
    for (const e of planImportEdits(ctx.tree, ctx.source, { add, remove }, importedByOthers(ctx.options, ctx.path))) edits.push({ ...e, reason });
  }
  const entries = entryRunEdits(ctx, file);
  edits.push(...entries.edits);
  // With async-tests later in the same run, a test's call is its job (it awaits it, making the test async).
  const dropped = droppedCoroutineFindings(file, calls, ctx.options.testsConvertedLater === true);
  // A factory call given back its sync name opens a sync Session again: insert-await's AWAIT-SESSION-UNCLOSED on it is moot.
  const resolves = [...syncHeldContextFindings(ctx, file.syncHeldClasses), ...keptPlain.factoriesBack.map((offset) => ({ rule: AWAIT_RULES.sessionUnclosed, offset }))];
  return {
    edits,
    ...(resolves.length > 0 ? { resolves } : {}),
    // With async-tests later in the same run, tests are its job: it converts them, or flags what it cannot.
    findings: [
      ...(ctx.options.testsConvertedLater ? file.findings.filter((f) => f.rule !== RULES.inTest && !file.testFindings.has(f.offset)) : file.findings),
      ...entries.findings,
      ...sessionArgs.findings,
      ...dropped,
    ],
    counts: {
      'functions made async': file.asyncDefs.length,
      'awaits added at call sites': file.awaits.length,
      // insert-await counted them as added: the summary would otherwise promise awaits the diff does not have.
      'awaits taken out again': keptPlain.awaitsTakenOut + awaitsBack.size,
      'thread-pool wrappers removed': file.unwraps.length,
      'script entry points run with asyncio.run': entries.count,
      'sessions switched to the async factory': sessionArgs.renamed,
      'route handlers kept on the sync session': keptSync.count + file.syncDependencyRoutes.length,
    },
  };
}

/** FilePlan.unawaited's calls whose value the code drops: the call is the whole of an expression statement. */
function droppedCoroutineFindings(file: FilePlan, calls: ReadonlyMap<string, SgNode>, testsConvertedLater: boolean): FindingInput[] {
  return file.unawaited.flatMap((u) => {
    if (u.inTest && testsConvertedLater) return [];
    const statement = calls.get(`${u.start}:${u.end}`)?.parent();
    if (statement?.kind() !== 'expression_statement' || statement.children().length !== 1) return [];
    return [{ rule: RULES.notAwaited, offset: u.start, message: u.message, hint: HINTS[RULES.notAwaited] }];
  });
}

/**
 * `if __name__ == "__main__": main()` with `main` made async: `asyncio.run(main())` runs it to completion, as the
 * sync call did. Only when the block has one such call: two `asyncio.run()`s would give each its own event
 * loop, and pooled async connections made on the first fail on the second. `asyncio` must be free or the
 * module itself.
 */
function entryRunEdits(ctx: TransformContext<SgRoot>, file: FilePlan): { edits: TextEdit[]; findings: FindingInput[]; count: number } {
  const out = { edits: [] as TextEdit[], findings: [] as FindingInput[], count: 0 };
  if (file.entryRuns.length === 0) return out;
  const imports = collectImports(ctx.tree);
  const imported = imports.plain.some((i) => i.module === 'asyncio' && i.alias === null && isModuleLevel(i.node));
  const bound = nameTable(ctx.tree, 'asyncio').occurrences.some((o) => o.role === 'binding' || (o.role === 'import' && !imported));
  const perBlock = new Map<number, number>();
  for (const e of file.entryRuns) perBlock.set(e.block, (perBlock.get(e.block) ?? 0) + 1);
  for (const e of file.entryRuns) {
    const why =
      (perBlock.get(e.block) ?? 0) > 1
        ? 'next to other calls of async functions in the `__main__` block: separate `asyncio.run()` calls would each start their own event loop; gather them in one `async def main()` and run that'
        : bound
          ? 'in the `__main__` block, but `asyncio` is bound to something else in this module'
          : null;
    if (why !== null || ctx.isIgnored(e.start, e.end)) {
      if (why !== null) {
        out.findings.push({ rule: RULES.syncContext, offset: e.start, message: `\`${e.text}(...)\` calls a function that becomes async ${why}`, hint: 'Run the script entry point with `asyncio.run(main())`.' });
      }
      continue;
    }
    out.edits.push({ start: e.start, end: e.start, text: 'asyncio.run(', reason: e.reason }, { start: e.end, end: e.end, text: ')', reason: e.reason });
    out.count++;
  }
  if (out.count > 0 && !imported) {
    const at = importInsertionPoint(ctx.tree, ctx.source);
    const prefix = at === ctx.source.length && ctx.source.length > 0 && !ctx.source.endsWith('\n') ? '\n' : '';
    out.edits.push({ start: at, end: at, text: `${prefix}import asyncio\n`, reason: `${ID}: import asyncio for asyncio.run()` });
  }
  return out;
}

/**
 * Gives each plain def that stays plain (FilePlan.keptPlain) back the sync code insert-await turned async in it:
 * `await x` becomes `x` (which parses wherever `await x` did, since `await` only ever takes a primary), `async
 * with` / `async for` lose `async`, and a session factory switched to its async twin (`AsyncSessionLocal()`) is
 * called by its own name again, imported where the twin came from when the file no longer binds it. Without
 * the last two the module would not compile, or would open an AsyncSession in a `with`. The calls given back are
 * returned (`factoriesBack`): the `AsyncSession` annotation insert-await gave a local they fill goes back with them
 * (sessionAnnotationEdits). What is left of
 * another kind (a `run_sync` wrapper) the engine's output check refuses. Code of a nested function is its own.
 */
function keptPlainEdits(
  ctx: TransformContext<SgRoot>,
  defs: readonly number[],
  held: FilePlan['heldFactoriesBack'] = [],
): { edits: TextEdit[]; imports: ImportChange; awaitsTakenOut: number; factoriesBack: number[] } {
  const out = { edits: [] as TextEdit[], imports: { add: [], remove: [] } as Required<ImportChange>, awaitsTakenOut: 0, factoriesBack: [] as number[] };
  if (defs.length === 0 && held.length === 0) return out;
  const storedHeld = heldStores(ctx, held);
  const kept = new Set(defs);
  const reason = `${ID}: async code taken out of a function that stays a plain def`;
  const owned = (node: SgNode): boolean => {
    const owner = node.ancestors().find((a) => a.kind() === 'function_definition');
    return !!owner && kept.has(start(owner));
  };
  const root = ctx.tree.root();
  const takenOut = awaitsTakenOut(root, owned, `${ID}: await taken out of a function that stays a plain def`);
  out.edits.push(...takenOut);
  // A parenthesised `(await x).y` is two edits, one for each parenthesis: count the awaits.
  out.awaitsTakenOut = takenOut.filter((e) => /^\(?\s*await\b/.test(ctx.source.slice(e.start, e.start + 64))).length;
  const madeSync: SgNode[] = [];
  for (const stmt of root.findAll({ rule: { any: [{ kind: 'with_statement' }, { kind: 'for_statement' }] } })) {
    const keyword = asyncKeyword(stmt);
    const next = keyword?.next();
    if (!keyword || !next || !owned(stmt)) continue;
    out.edits.push({ start: start(keyword), end: start(next), text: '', reason });
    if (stmt.kind() === 'with_statement') madeSync.push(stmt);
  }
  const imports = collectImports(ctx.tree);
  const boundHere = (name: string): boolean => boundAtModuleLevel(ctx.tree, name);
  const replaced = new Map<string, number[]>();
  for (const call of root.findAll({ rule: { kind: 'call' } })) {
    const callee = call.field('function');
    if (callee?.kind() !== 'identifier' || !(owned(call) || storedHeld(call))) continue;
    const twin = callee.text();
    const original = factoryOfTwin(twin, ctx.options.sessionFactories);
    if (original === null) continue;
    const source = imports.from.find((i) => i.name === twin && i.alias === null && isModuleLevel(i.node));
    if (!boundHere(original) && !source) continue;
    if (!boundHere(original) && source && !out.imports.add.some((a) => a.name === original)) out.imports.add.push({ module: source.module, name: original });
    out.edits.push({ start: start(callee), end: end(callee), text: original, reason });
    out.factoriesBack.push(start(call));
    replaced.set(twin, [...(replaced.get(twin) ?? []), start(callee)]);
  }
  for (const call of root.findAll({ rule: { kind: 'call' } })) {
    if (!owned(call)) continue;
    const back = sessionOnEngineBack(call, imports, boundHere);
    if (back === null) continue;
    out.edits.push({ start: start(call), end: end(call), text: back.text, reason });
    out.factoriesBack.push(start(call));
    for (const add of back.imports) if (!out.imports.add.some((a) => a.module === add.module && a.name === add.name)) out.imports.add.push(add);
    for (const [name, at] of back.replaced) replaced.set(name, [...(replaced.get(name) ?? []), at]);
  }
  for (const [name, at] of replaced) {
    const unused = unusedImport(ctx.source, imports, name, at);
    if (unused) out.imports.remove.push(unused);
  }
  // A `with` given back must not open an async session: refuse the file rather than write one that fails at run time.
  const renamed = new Set([...replaced.values()].flat());
  for (const stmt of madeSync) {
    for (const call of stmt.findAll({ rule: { kind: 'call' } })) {
      const callee = call.field('function');
      const inItem = call.ancestors().some((a) => a.kind() === 'with_item');
      if (inItem && callee?.kind() === 'identifier' && /^(Async|async_|ASYNC_)/.test(callee.text()) && !renamed.has(start(callee))) {
        throw new Error(`${ID}: \`${stmt.text().split('\n')[0]}\` in a function that stays a plain def opens \`${callee.text()}()\`, whose sync factory is not known here; it cannot be given back its sync form`);
      }
    }
  }
  return out;
}


/**
 * Whether a call is the whole value stored in one of the listed attributes of `self` by a method of its class
 * (`self.session = AsyncSessionLocal()`), for FilePlan.heldFactoriesBack.
 */
function heldStores(ctx: TransformContext<SgRoot>, held: FilePlan['heldFactoriesBack']): (call: SgNode) => boolean {
  if (held.length === 0) return () => false;
  const stored = new Set<number>();
  forMethodsOfListedClasses(ctx, held, (method, self, attrs) => {
    for (const assignment of method.findAll({ rule: { kind: 'assignment' } })) {
      const left = assignment.field('left');
      const right = assignment.field('right');
      if (left?.kind() !== 'attribute' || left.field('object')?.text() !== self || !attrs.has(left.field('attribute')?.text() ?? '')) continue;
      if (right?.kind() === 'call') stored.add(start(right));
    }
  });
  return (call) => stored.has(start(call));
}

/**
 * Calls `visit` on each method (its first parameter's name, and the attributes listed for its class) of the classes
 * of this file listed by `class` offset, as FilePlan.heldFactoriesBack and FilePlan.syncHeldClasses list them.
 */
function forMethodsOfListedClasses(ctx: TransformContext<SgRoot>, classes: readonly { id: number; attrs: string[] }[], visit: (method: SgNode, self: string, attrs: ReadonlySet<string>) => void): void {
  if (classes.length === 0) return;
  const byId = new Map(classes.map((c) => [c.id, new Set(c.attrs)]));
  for (const cls of ctx.tree.root().findAll({ rule: { kind: 'class_definition' } })) {
    const attrs = byId.get(start(cls));
    const body = cls.field('body');
    if (!attrs || !body) continue;
    for (const item of body.children()) {
      const method = item.kind() === 'decorated_definition' ? item.field('definition') : item;
      if (method?.kind() !== 'function_definition') continue;
      const self = method.field('parameters')?.children().find((c) => c.kind() === 'identifier')?.text();
      if (self) visit(method, self, attrs);
    }
  }
}

/**
 * `AsyncSession(async_engine, expire_on_commit=False)` given back as the `Session(engine)` insert-await made it
 * from (awaits/factories.ts writes exactly that text for `Session(engine)` and `Session(bind=engine)`, nothing
 * else), SQLModel's Session for SQLModel's AsyncSession. The engine must be bound in this file or importable
 * from where its twin comes; `Session` must be free or already the right class. Otherwise null (and a `with`
 * left opening the AsyncSession refuses the file).
 */
function sessionOnEngineBack(
  call: SgNode,
  imports: ModuleImports,
  boundHere: (name: string) => boolean,
): { text: string; imports: { module: string; name: string }[]; replaced: [string, number][] } | null {
  const callee = call.field('function');
  if (callee?.kind() !== 'identifier') return null;
  const cls = imports.from.find((i) => (i.alias ?? i.name) === callee.text() && i.name === 'AsyncSession' && isModuleLevel(i.node));
  const syncModule = cls ? ASYNC_SESSION_MODULES[cls.module] : undefined;
  const args = callArgs(call);
  const twin = args.positional[0];
  if (syncModule === undefined || args.positional.length !== 1 || twin?.kind() !== 'identifier' || args.keywords.size !== 1 || args.keywords.get('expire_on_commit')?.text() !== 'False') return null;
  const engine = twinOrigin(twin.text());
  if (engine === null) return null;
  const add: { module: string; name: string }[] = [];
  if (!boundHere(engine)) {
    const source = imports.from.find((i) => i.name === twin.text() && i.alias === null && isModuleLevel(i.node));
    if (!source) return null;
    add.push({ module: source.module, name: engine });
  }
  const sync = imports.from.find((i) => i.module === syncModule && i.name === 'Session' && isModuleLevel(i.node));
  if (!sync) {
    if (boundHere('Session')) return null;
    add.push({ module: syncModule, name: 'Session' });
  }
  const replaced: [string, number][] = [[callee.text(), start(callee)], [twin.text(), start(twin)]];
  return { text: `${sync ? (sync.alias ?? sync.name) : 'Session'}(${engine})`, imports: add, replaced };
}

/**
 * The sync session factory whose async twin (async-engine's twinName) `twin` is: `AsyncSessionLocal` →
 * `SessionLocal`, `async_session_factory` → `session_factory`. Only for a name a session factory goes by (one
 * the project pass found, or one naming a session), so no other `Async...` call is taken for one.
 */
function factoryOfTwin(twin: string, factories: TransformOptions['sessionFactories']): string | null {
  const original = twinOrigin(twin);
  if (original === null) return null;
  const known = Object.keys(factories ?? {}).some((key) => key === original || key.endsWith(`.${original}`));
  return known || /session/i.test(original) ? original : null;
}

/**
 * The parameters `db: AsyncSession = Depends(get_async_db)` of route handlers that stay sync go back to
 * `db: Session = Depends(get_db)` (FilePlan.keptSyncRoutes), importing what that needs. A parameter whose
 * annotation is no session type (`db: SessionLocal = Depends(get_async_db)`) only gets its dependency back. Anything
 * else (an alias, `Annotated[...]`, `Optional[AsyncSession]`, a SQLModel file, a sync dependency that is neither
 * defined here nor importable from where the async one comes from) is left as the transforms before wrote it.
 */
function keptSyncRouteEdits(ctx: TransformContext<SgRoot>, defs: readonly number[]): { edits: TextEdit[]; count: number; imports: ImportChange; replacedAsyncSession: number[] } {
  const out = { edits: [] as TextEdit[], count: 0, imports: {} as ImportChange, replacedAsyncSession: [] as number[] };
  if (defs.length === 0) return out;
  const imports = collectImports(ctx.tree);
  const { getDbName, asyncGetDbName } = ctx.options;
  const asyncImport = imports.from.find((i) => i.name === asyncGetDbName && i.alias === null && isModuleLevel(i.node));
  const boundHere = (name: string): boolean => boundAtModuleLevel(ctx.tree, name);
  // `Depends(get_async_db)` needs `get_db` here; `Depends(deps.get_async_db)` names it through the module async-get-db
  // put the twin in, beside `get_db`.
  const byName = boundHere(getDbName) || asyncImport !== undefined;
  const kept = new Set(defs);
  const reason = `${ID}: the handler stays sync (its session calls are not converted), so it keeps the sync session`;
  // Where each name was replaced, to tell whether the handlers held its last uses (see unusedImport).
  const replaced = new Map<string, number[]>([['AsyncSession', []], [asyncGetDbName, []]]);
  for (const fn of ctx.tree.root().findAll({ rule: { kind: 'function_definition' } })) {
    if (!kept.has(start(fn))) continue;
    let changed = false;
    for (const param of fn.field('parameters')?.children() ?? []) {
      if (param.kind() !== 'typed_default_parameter') continue;
      const annotation = param.field('type')?.child(0) ?? null;
      const value = param.field('value');
      const callee = value?.kind() === 'call' ? value.field('function')?.text() : undefined;
      const args = value?.kind() === 'call' ? callArgs(value) : null;
      const provider = args && args.positional.length === 1 && args.keywords.size === 0 ? args.positional[0] : undefined;
      if (callee !== 'Depends' && callee !== 'fastapi.Depends') continue;
      const named = provider?.kind() === 'identifier' && provider.text() === asyncGetDbName && byName ? provider : null;
      const attr = provider?.kind() === 'attribute' && provider.field('object')?.kind() === 'identifier' ? provider.field('attribute') : null;
      const target = named ?? (attr?.text() === asyncGetDbName ? attr : null);
      if (!target) continue;
      const typeText = param.field('type')?.text() ?? '';
      if (typeText === 'AsyncSession' && annotation?.kind() === 'identifier') {
        out.edits.push({ start: start(annotation), end: end(annotation), text: 'Session', reason });
        replaced.get('AsyncSession')?.push(start(annotation));
      } else if (/\bAsyncSession\b/.test(typeText)) {
        continue;
      }
      // Any other annotation was not a session type (`db: SessionLocal`, the factory): async-session left it as it
      // was, so only the dependency goes back; left on the async one, the sync handler would get an AsyncSession.
      out.edits.push({ start: start(target), end: end(target), text: getDbName, reason });
      // A module attribute is no use of the imported name: its import stays as it is.
      if (target === named) replaced.get(asyncGetDbName)?.push(start(target));
      changed = true;
    }
    if (changed) out.count++;
  }
  if (out.count === 0) return out;
  out.replacedAsyncSession = replaced.get('AsyncSession') ?? [];
  const add: { module: string; name: string }[] = [];
  // SQLModel's AsyncSession goes back to SQLModel's Session, SQLAlchemy's to SQLAlchemy's.
  if (!boundHere('Session') && (replaced.get('AsyncSession')?.length ?? 0) > 0) add.push({ module: syncSessionModule(imports) ?? 'sqlalchemy.orm', name: 'Session' });
  if (!boundHere(getDbName) && asyncImport && (replaced.get(asyncGetDbName)?.length ?? 0) > 0) add.push({ module: asyncImport.module, name: getDbName });
  const remove = [...replaced].flatMap(([name, at]) => unusedImport(ctx.source, imports, name, at) ?? []);
  out.imports = { add, remove };
  return out;
}

/**
 * Plain defs kept sync for handlers on a get_db with no twin are handed its sync Session, and so are plain defs kept
 * sync because their callers all stay sync (FilePlan.annotationsBack, 'kept'), so what async-session wrote for them goes
 * back: every parameter annotated `AsyncSession` (the name alone) of the functions they hand it to
 * (FilePlan.annotationsBack, 'no-twin'), and of the handlers and dependencies themselves (FilePlan.syncDependencyRoutes)
 * the ones injected by `Depends(get_db)` (async-get-db left those). `Session` of the same library (SQLAlchemy's, or
 * SQLModel's for its AsyncSession) must be free or imported already; the `AsyncSession` import goes when nothing
 * else uses it (`alsoReplaced`: what keptSyncRouteEdits put back in the file).
 */
function sessionAnnotationEdits(
  ctx: TransformContext<SgRoot>,
  back: readonly AnnotationBack[],
  routes: readonly number[],
  alsoReplaced: readonly number[],
  /** Session factory calls given back their sync form in plain defs that stay plain (keptPlainEdits), by offset. */
  factoriesBack: readonly number[] = [],
  /** Module-level `Annotated[AsyncSession, Depends(...)]` aliases given back (FilePlan.aliasesBack), by name. */
  aliases: readonly string[] = [],
): { edits: TextEdit[]; imports: ImportChange; swapped?: true } {
  const out = { edits: [] as TextEdit[], imports: {} as ImportChange };
  if (back.length === 0 && routes.length === 0 && factoriesBack.length === 0 && aliases.length === 0) return out;
  const defsFor = (why: AnnotationBack['why']): number[] => back.filter((b) => b.why === why).map((b) => b.id);
  const defs = defsFor('no-twin');
  const keptDefs = defsFor('kept');
  const reboundDefs = defsFor('rebound');
  const heldBack = back.filter((b): b is Extract<AnnotationBack, { why: 'held' }> => b.why === 'held');
  const imports = collectImports(ctx.tree);
  const syncModule = syncSessionModule(imports);
  if (syncModule === null) return out;
  const sync = imports.from.find((i) => i.module === syncModule && i.name === 'Session' && i.alias === null && isModuleLevel(i.node));
  if (!sync && boundAtModuleLevel(ctx.tree, 'Session')) return out;
  const kept = new Set(keptDefs);
  const rebound = new Set(reboundDefs);
  const all = new Set([...defs, ...keptDefs, ...reboundDefs]);
  const injected = new Set(routes);
  const reason = `${ID}: the function stays sync, handed the sync Session of a dependency with no async twin`;
  const keptReason = `${ID}: the function stays sync, handed the sync Session its callers, which stay sync too, have`;
  const reboundReason = `${ID}: the function stays sync, its session rebound through a sync context manager, whose sync Session its code needs`;
  const replaced: number[] = [...alsoReplaced];
  for (const fn of ctx.tree.root().findAll({ rule: { kind: 'function_definition' } })) {
    if (!all.has(start(fn)) && !injected.has(start(fn))) continue;
    for (const param of fn.field('parameters')?.children() ?? []) {
      if (param.kind() !== 'typed_parameter' && param.kind() !== 'typed_default_parameter') continue;
      const outer = param.field('type')?.child(0) ?? null;
      // `db: Annotated[AsyncSession, Depends(get_db)]`: the session type is the first argument, the `Depends` the second.
      const annotated = outer ? annotatedParts(outer) : null;
      const written = annotated ? annotated.inner : outer;
      // `Optional[AsyncSession]` (`AsyncSession | None`, `Union[AsyncSession, None]`) only for a rebinding def: its default is often `None`.
      const annotation = written && rebound.has(start(fn)) ? optionalInner(written) : written;
      if (annotation?.kind() !== 'identifier' || annotation.text() !== 'AsyncSession') continue;
      // keptSyncRouteEdits gave it back already (a dependency kept sync that is also injected by a sync provider).
      if (replaced.includes(start(annotation))) continue;
      if (!all.has(start(fn))) {
        const value = annotated ? annotated.depends : param.field('value');
        // `db: AsyncSession = SessionParam`, a module-level `SessionParam = Depends(f)`: the plan counted its provider.
        if (!annotated && (value?.kind() === 'identifier' || value?.kind() === 'attribute')) {
          out.edits.push({ start: start(annotation), end: end(annotation), text: 'Session', reason });
          replaced.push(start(annotation));
          continue;
        }
        const callee = value?.kind() === 'call' ? value.field('function')?.text() : undefined;
        const args = value?.kind() === 'call' ? callArgs(value) : null;
        const provider = args && args.positional.length === 1 && args.keywords.size === 0 ? args.positional[0] : undefined;
        const name = provider?.kind() === 'attribute' ? provider.field('attribute')?.text() : provider?.text();
        // Every session parameter of such a handler is injected by a provider left sync (AsyncPlan.injectedSync).
        if ((callee !== 'Depends' && callee !== 'fastapi.Depends') || name === undefined) continue;
      }
      out.edits.push({ start: start(annotation), end: end(annotation), text: 'Session', reason: rebound.has(start(fn)) ? reboundReason : kept.has(start(fn)) ? keptReason : reason });
      replaced.push(start(annotation));
    }
  }
  const localReason = `${ID}: the local is filled by the sync session factory again, in a function that stays a plain def`;
  for (const annotation of factoryLocalAnnotations(ctx, factoriesBack)) {
    if (replaced.includes(start(annotation))) continue;
    out.edits.push({ start: start(annotation), end: end(annotation), text: 'Session', reason: localReason });
    replaced.push(start(annotation));
  }
  const aliasReason = `${ID}: every function using the alias stays sync, handed the sync Session of a dependency that stays sync`;
  for (const annotation of syncAliasAnnotations(ctx, aliases)) {
    if (replaced.includes(start(annotation))) continue;
    out.edits.push({ start: start(annotation), end: end(annotation), text: 'Session', reason: aliasReason });
    replaced.push(start(annotation));
  }
  const heldReason = `${ID}: the class stays on the sync Session, which its methods use without await`;
  for (const annotation of heldAttributeAnnotations(ctx, heldBack)) {
    if (replaced.includes(start(annotation))) continue;
    out.edits.push({ start: start(annotation), end: end(annotation), text: 'Session', reason: heldReason });
    replaced.push(start(annotation));
  }
  if (out.edits.length === 0) return out;
  // Its imports written twice, each swapped in place by async-session: each swaps back, and the file is as it was.
  const duplicates = sync ? null : unusedDuplicateImports(ctx.source, imports, 'AsyncSession', replaced);
  if (duplicates && ASYNC_SESSION_MODULES[duplicates[0]?.module ?? ''] === syncModule) {
    out.edits.push(...samePlaceSwaps(duplicates, syncModule, 'Session', `${ID}: imports of the sync session for code that stays sync`));
    return { ...out, swapped: true };
  }
  const unused = unusedImport(ctx.source, imports, 'AsyncSession', replaced);
  out.imports = { add: sync ? [] : [{ module: syncModule, name: 'Session' }], remove: unused ? [unused] : [] };
  return out;
}

/** The module of the sync `Session` matching the module-level `AsyncSession` import (SQLAlchemy's or SQLModel's), or null. */
function syncSessionModule(imports: ModuleImports): string | null {
  const cls = imports.from.find((i) => i.name === 'AsyncSession' && i.alias === null && ASYNC_SESSION_MODULES[i.module] !== undefined && isModuleLevel(i.node));
  return cls ? (ASYNC_SESSION_MODULES[cls.module] as string) : null;
}

/**
 * The `AsyncSession` (alone or in an optional) annotating a local filled by one of these calls (`db: AsyncSession =
 * AsyncSessionLocal()`, the call given back its sync form by keptPlainEdits): insert-await wrote it with the call.
 */
function factoryLocalAnnotations(ctx: TransformContext<SgRoot>, calls: readonly number[]): SgNode[] {
  if (calls.length === 0) return [];
  const at = new Set(calls);
  const out: SgNode[] = [];
  for (const call of ctx.tree.root().findAll({ rule: { kind: 'call' } })) {
    if (!at.has(start(call))) continue;
    const assignment = call.parent();
    if (assignment?.kind() !== 'assignment' || assignment.field('right')?.id() !== call.id() || assignment.field('left')?.kind() !== 'identifier') continue;
    const written = assignment.field('type')?.child(0);
    const inner = written ? optionalInner(written) : null;
    if (inner?.kind() === 'identifier' && inner.text() === 'AsyncSession') out.push(inner);
  }
  return out;
}

/**
 * In each class kept on the sync Session, the `AsyncSession` annotations of the attributes it keeps that session in
 * (attributeSessionAnnotations). None when one of those attributes is filled from an `__init__` parameter injected by
 * `Depends(...)`: what FastAPI hands it is settled with the route's dependency, not here.
 */
function heldAttributeAnnotations(ctx: TransformContext<SgRoot>, heldBack: readonly Extract<AnnotationBack, { why: 'held' }>[]): SgNode[] {
  const out: SgNode[] = [];
  const byId = new Map(heldBack.map((h) => [h.id, new Set(h.attrs)]));
  for (const cls of ctx.tree.root().findAll({ rule: { kind: 'class_definition' } })) {
    const attrs = byId.get(start(cls));
    if (!attrs) continue;
    const { found, madeHere, injected } = attributeSessionAnnotations(cls, attrs);
    if (injected.size === 0) out.push(...found.filter((f) => !madeHere.has(f.attr)).map((f) => f.node));
  }
  return out;
}

/**
 * The AWAIT-SYNC-CONTEXT findings insert-await left on session calls of classes whose held session is a sync Session
 * for certain (FilePlan.syncHeldClasses): at each call on `self.<attr>` in their methods (`self.db.commit()` in
 * `__exit__`, `with self.db.begin():`), which needs no await. Those calls are the findings' nodes.
 */
function syncHeldContextFindings(ctx: TransformContext<SgRoot>, classes: FilePlan['syncHeldClasses']): { rule: string; offset: number }[] {
  const out: { rule: string; offset: number }[] = [];
  forMethodsOfListedClasses(ctx, classes, (method, self, attrs) => {
    for (const call of method.findAll({ rule: { kind: 'call' } })) {
      const held = call.field('function')?.field('object');
      if (held?.kind() !== 'attribute' || held.field('object')?.text() !== self || !attrs.has(held.field('attribute')?.text() ?? '')) continue;
      out.push({ rule: AWAIT_RULES.syncContext, offset: start(call) });
    }
  });
  return out;
}

/**
 * `Annotated[X, Depends(p)]` (or `typing.Annotated[...]`) as a parameter's annotation: X and the metadata argument
 * after it (null when there is none); null for any other annotation.
 */
function annotatedParts(node: SgNode): { inner: SgNode; depends: SgNode | null } | null {
  const unwrap = (n: SgNode): SgNode => (n.kind() === 'type' ? (n.child(0) ?? n) : n);
  let head: SgNode | null = null;
  let args: SgNode[] = [];
  if (node.kind() === 'generic_type') {
    head = node.child(0);
    args = node.children().find((c) => c.kind() === 'type_parameter')?.children().filter((c) => c.isNamed()) ?? [];
  } else if (node.kind() === 'subscript') {
    head = node.field('value');
    args = node.children().filter((c) => c.isNamed() && !(head !== null && c.range().start.index === head.range().start.index));
  }
  if (!head || !/^(typing\.|typing_extensions\.)?Annotated$/.test(head.text()) || args.length < 2) return null;
  return { inner: unwrap(args[0] as SgNode), depends: unwrap(args[1] as SgNode) };
}

/** The `AsyncSession` of each module-level `Name = Annotated[AsyncSession, Depends(...)]` named in `names`. */
function syncAliasAnnotations(ctx: TransformContext<SgRoot>, names: readonly string[]): SgNode[] {
  if (names.length === 0) return [];
  const wanted = new Set(names);
  const out: SgNode[] = [];
  for (const stmt of ctx.tree.root().children()) {
    const assignment = stmt.kind() === 'expression_statement' ? stmt.child(0) : null;
    if (assignment?.kind() !== 'assignment' || !wanted.has(assignment.field('left')?.text() ?? '')) continue;
    const right = assignment.field('right');
    const parts = right ? annotatedParts(right) : null;
    if (parts?.inner.kind() === 'identifier' && parts.inner.text() === 'AsyncSession') out.push(parts.inner);
  }
  return out;
}

/** Without a project index (a transform run on one file alone), the file is its own project. */
function singleFilePlan(ctx: TransformContext<SgRoot>): AsyncPlan {
  const input: IndexInput<SgRoot> = { path: ctx.path, absPath: `/${ctx.path}`, source: ctx.source, tree: ctx.tree, options: ctx.options };
  return propagateAsyncIndexer.build(new Map([[ctx.path, propagateAsyncIndexer.summarize(input)]]), ctx.options);
}
