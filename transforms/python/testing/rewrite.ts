// Per-file rewrites of async-tests that need the tree: session fixtures and sync dependency overrides become
// their async form on the async session factory. The factory's async twin is the one async-engine writes
// (`TestingSessionLocal` → `AsyncTestingSessionLocal`); when the file has none yet, async-engine's own
// rewrite of this file is adopted, so the twins are exactly what it writes for app modules.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { FindingInput, TextEdit, TransformContext, TransformResult } from '../../../engine/types';
import { RULE_ARG as ENGINE_RULE_ARG, transform as asyncEngine, twinName } from '../async-engine';
import { moduleRefOf } from '../index/modules';
import type { ProjectIndex } from '../index/project';
import { callArgs, isAsyncDef, namedChildren, start, end } from '../query/syntax';
import { collectImports, importsFreedBy, isModuleLevel, localNamesFor, type ModuleImports } from '../support/imports';
import { moduleBindings, nameTable } from '../support/scope';
import { HINTS, RULES } from './rules';
import { asyncShapeText, indentUnit, leadingWhitespace, sessionBind, sessionShape, shapeComments, type SessionShape } from './session-shape';
import type { OverridePlan } from './plan';
import { placeOf } from '../awaits/context';
import { awaitEdits } from '../awaits/awaiting';
import { asyncFixtureDecorator, keywordSlot, sessionOpener } from './fixtures';
import { MAKER_KEYWORDS, MAKER_MODULES, connectionEngineFixture, ownEngine } from './own-engine';
import { definesUntwinnedDependency, lacksDependencyTwin } from '../scaffold/engine-index';
import { inputLineOf } from '../support/input-lines';

const SA_ASYNC = 'sqlalchemy.ext.asyncio';
const SQLMODEL_ASYNC = 'sqlmodel.ext.asyncio.session';

export interface RewriteOutput {
  edits: TextEdit[];
  findings: FindingInput[];
  fromImports: { module: string; name: string }[];
  /** Fixtures rewritten: their decorator needs `pytest_asyncio`. */
  asyncFixtures: number;
  /** async-engine's edits for this file, when its twins were needed and missing. */
  engineEdits: TextEdit[];
  engineFindings: FindingInput[];
  /** Imports left unused by the rewrites (the sync factory a converted fixture opened). */
  fromRemovals: Import[];
  /** Earlier transforms' findings these rewrites settle (TransformResult.resolves). */
  resolves: { rule: string; offset: number }[];
}

type Import = { module: string; name: string };
/** An imported name the replaced code used, which can go once nothing else in the file uses `local`. */
type Freed = Import & { local: string };
/** An edit set waiting for the factory twins it needs; `fixture` is the session fixture's def offset (null for an override). */
type Pending = { edits: TextEdit[]; missing: string | null; fail: (why: string) => void; imports: Import[]; frees?: Freed[]; fixture: number | null; settles?: { rule: string; offset: number }[] };

interface OverrideSite {
  assignment: SgNode;
  key: SgNode;
  keyName: string;
  /** The override named on the right. */
  value: SgNode;
  override: SgNode;
  /** Defined in the function making the assignment, not at module level. */
  nested: boolean;
}

type Passthrough = { site: OverrideSite; plan: OverridePlan };

type Open = { ok: true; text: string; imports: Import[]; missingTwin: string | null; frees?: Freed[] } | { ok: false; reason: string };

export class SessionRewriter {
  private readonly root: SgNode;
  private readonly imports: ModuleImports;
  private readonly isOpener: (call: SgNode) => boolean;
  private readonly out: RewriteOutput = { edits: [], findings: [], fromImports: [], asyncFixtures: 0, engineEdits: [], engineFindings: [], fromRemovals: [], resolves: [] };
  private readonly absPath: string;
  /** Async twins written for overrides, by the sync override's def offset. */
  private readonly twins = new Map<number, string>();
  private readonly moduleBinds: (module: string, name: string) => boolean;
  /** See engineRun. */
  private engine: TransformResult | null = null;

  /**
   * `moduleBinds`: whether the project module imported as `module` binds `name`; by default the index answers
   * (see importedModuleBinds). The indexer passes one that records the question, to be answered by the plan.
   */
  constructor(
    private readonly ctx: TransformContext<SgRoot>,
    private readonly index: ProjectIndex | null,
    moduleBinds?: (module: string, name: string) => boolean,
  ) {
    this.root = ctx.tree.root();
    this.imports = collectImports(ctx.tree);
    this.isOpener = sessionOpener(this.root, this.imports, ctx.options.sessionFactories);
    this.absPath = index?.module(ctx.path)?.absPath ?? `/${ctx.path}`;
    this.moduleBinds = moduleBinds ?? ((module, name) => importedModuleBinds(this.index, this.ctx.path, this.absPath, module, name));
  }

  run(sessionFixtures: ReadonlySet<number>, overridePlans: ReadonlyMap<number, OverridePlan> = new Map(), loopScopes: ReadonlyMap<number, string> = new Map()): RewriteOutput {
    const pending: Pending[] = [];
    for (const id of sessionFixtures) {
      const fn = this.functionAt(id);
      if (!fn) continue;
      const name = fn.field('name')?.text() ?? '?';
      const fail = (why: string): void => this.flag(RULES.sessionFixture, id, `the session fixture \`${name}\` was left sync: ${why}`);
      const planned = this.fixtureEdits(fn, loopScopes.get(id) ?? null);
      if ('reason' in planned) fail(planned.reason);
      else pending.push({ ...planned, fail, fixture: id });
    }
    const passthroughs: Passthrough[] = [];
    for (const site of this.overrideSites()) {
      const plan = site.nested ? overridePlans.get(start(site.override)) : undefined;
      if (plan) passthroughs.push({ site, plan });
      else {
        const planned = this.overrideEdits(site);
        if (planned) pending.push({ ...planned, fixture: null });
      }
    }

    const missing = new Set(pending.map((p) => p.missing).filter((m): m is string => m !== null));
    if (missing.size > 0) {
      const engine = this.engineRun();
      const written = [...missing].filter((twin) => this.twinWritten(twin));
      if (written.length === missing.size) {
        this.out.engineEdits = engine.edits;
        this.out.engineFindings = engine.findings;
      } else {
        for (const p of pending.filter((x) => x.missing !== null && !written.includes(x.missing))) {
          p.fail(`this file has no async twin \`${p.missing}\` of its session factory, and async-engine could not add one (see its findings when run on this file)`);
        }
        for (let i = pending.length - 1; i >= 0; i--) if (pending[i]?.missing && !written.includes(pending[i]?.missing as string)) pending.splice(i, 1);
        if (written.length > 0) {
          this.out.engineEdits = engine.edits;
          this.out.engineFindings = engine.findings;
        }
      }
    }
    // A passthrough override turns async exactly when the fixture whose session it hands out does.
    const converted = new Set(pending.map((p) => p.fixture).filter((id): id is number => id !== null));
    for (const { site, plan } of passthroughs) {
      if ('fixture' in plan && converted.has(plan.fixture)) pending.push({ ...this.passthroughEdits(site, plan.awaits), missing: null, fixture: null });
      else this.keepSync(site, 'blocked' in plan ? plan.blocked : 'the session fixture it hands out was left sync (see its finding)');
    }
    for (const p of pending) {
      this.out.edits.push(...p.edits);
      this.out.fromImports.push(...p.imports);
      this.out.resolves.push(...(p.settles ?? []));
      if (p.fixture !== null) this.out.asyncFixtures++;
    }
    this.out.fromRemovals.push(...importsFreedBy(this.ctx.tree, this.ctx.path, pending.flatMap((p) => p.frees ?? []), this.out.edits));
    return this.out;
  }

  /**
   * What `run` would do with the session fixture defined at `id` (asked before any edit, by the indexer):
   * `switches`, whether it switches to an AsyncSession (not when its rewrite fails, or needs a factory twin this
   * file lacks, which async-engine, having run before, could not add); `refused`, why its rewrite fails whatever
   * twins the project has, or null; `missing`, the twin of this file it lacks, or null (see twinWritten).
   */
  fixtureOutcome(id: number): { switches: boolean; refused: string | null; missing: string | null; engineFixture: { name: string; id: number; loop?: string } | null } {
    const fn = this.functionAt(id);
    const planned = fn ? this.fixtureEdits(fn) : { reason: 'no such function' };
    return 'reason' in planned
      ? { switches: false, refused: planned.reason, missing: null, engineFixture: null }
      : { switches: planned.missing === null, refused: null, missing: planned.missing, engineFixture: planned.engineFixture ?? null };
  }

  /** Whether async-engine, run on this file as `run` does for the twins its fixtures lack, writes the factory twin `twin`. */
  twinWritten(twin: string): boolean {
    return this.engineRun().edits.some((e) => new RegExp(`(^|\\n)${twin} = `).test(e.text));
  }

  /** async-engine on this file alone, once: the test file's own twins only (this segment's index belongs to async-tests, not to async-engine). */
  private engineRun(): TransformResult {
    this.engine ??= asyncEngine.run({ ...this.ctx, index: undefined });
    return this.engine;
  }

  private functionAt(id: number): SgNode | null {
    return this.root.findAll({ rule: { kind: 'function_definition' } }).find((f) => start(f) === id) ?? null;
  }

  /** `@pytest.fixture def db(): ...` → `@pytest_asyncio.fixture async def db(): async with ... yield session`. */
  private fixtureEdits(fn: SgNode, loop: string | null = null): { edits: TextEdit[]; missing: string | null; imports: Import[]; frees?: Freed[]; settles?: { rule: string; offset: number }[]; engineFixture?: { name: string; id: number; loop?: string } | null } | { reason: string } {
    const shape = sessionShape(fn, this.ctx.source, this.isOpener, inputLineOf(this.ctx));
    if (!shape) return { reason: 'it no longer opens a session' };
    if (!shape.ok) return { reason: shape.reason };
    const connection = shape.shape.connection;
    const v14 = this.ctx.options.sqlalchemyVersion === '1.4';
    // A connection on the engine fixture's value (`def db(engine): connection = engine.connect() ...`): that
    // fixture's engine becomes the async one the connection is opened on.
    const fixtureEngine = connection ? connectionEngineFixture(fn, shape.shape, this.imports, this.ctx.source, v14) : null;
    if (fixtureEngine && 'reason' in fixtureEngine) return { reason: fixtureEngine.reason };
    const asyncEngine = fixtureEngine ? fixtureEngine.engine : connection ? twinName(connection.engine) : undefined;
    if (connection && !fixtureEngine && (!asyncEngine || !this.bindsHere(asyncEngine) || moduleBindings(nameTable(this.ctx.tree, connection.engine)).length !== 1)) {
      return { reason: `its connection comes from \`${connection.engine}\`, which has no async twin \`${asyncEngine ?? '?'}\` in this file` };
    }
    let open = this.asyncOpen(shape.shape.open, connection?.name);
    // `Session(engine)` on an engine the fixture makes for itself, or on an engine fixture's value: that engine
    // becomes an async one. Asked even when the file has a twin of that name: a local binding or a parameter hides
    // the module's engine, whose twin would be the wrong engine.
    const own = !connection ? ownEngine(fn, shape.shape, this.imports, this.ctx.source, v14) : fixtureEngine;
    if (own && 'reason' in own) return { reason: own.reason };
    if (own && !connection) open = own.open !== null ? { ok: true, text: own.open, imports: [], missingTwin: null } : this.asyncOpen(shape.shape.open, undefined, own.engine);
    if (!open.ok) return { reason: open.reason };
    const memory = fixtureEngine ? null : this.memoryDatabase(shape.shape.open, connection?.engine);
    if (memory) return { reason: memory };
    const decorator = this.fixtureCallee(fn);
    if (!decorator) return { reason: 'its fixture decorator is not recognised' };
    const reason = `async-tests: the session fixture yields an AsyncSession from the async session factory`;
    return {
      edits: [
        ...asyncFixtureDecorator({ start: start(decorator), end: end(decorator) }, decorator.parent()?.kind() === 'call' ? keywordSlot(decorator.parent() as SgNode) : null, loop, reason),
        { start: start(fn), end: start(fn), text: 'async ', reason },
        { start: shape.shape.from, end: shape.shape.to, text: asyncShapeText(shape.shape, open.text, asyncEngine, shapeComments(fn, shape.shape, this.ctx.source)), reason },
        ...(own?.edits ?? []),
        ...this.blockAwaits(fn, shape.shape, reason),
      ],
      missing: open.missingTwin,
      imports: [...open.imports, ...(own?.imports ?? [])],
      frees: [...(open.frees ?? []), ...(own?.frees ?? [])],
      // async-engine reported the fixture's own sessionmaker as one it could not twin; it is made async in place now.
      settles: [
        ...(own?.maker !== null && own?.maker !== undefined ? [{ rule: ENGINE_RULE_ARG, offset: own.maker }] : []),
        // Likewise the factory made and called at once on the connection (`sessionmaker(bind=connection)()`).
        ...(connection && shape.shape.open.field('function')?.kind() === 'call' ? [{ rule: ENGINE_RULE_ARG, offset: start(shape.shape.open) }] : []),
      ],
      engineFixture: own?.fixture ?? null,
    };
  }

  /** The session's own coroutine calls in the `with` block a block shape keeps (the calls handing it on are the plan's). */
  private blockAwaits(fn: SgNode, shape: SessionShape, reason: string): TextEdit[] {
    if (!shape.block) return [];
    const wanted = new Set(shape.block.awaits.map((a) => `${a.start}:${a.end}`));
    return fn.findAll({ rule: { kind: 'call' } }).filter((c) => wanted.has(`${start(c)}:${end(c)}`)).flatMap((c) => awaitEdits(c, reason));
  }

  private fixtureCallee(fn: SgNode): SgNode | null {
    const parent = fn.parent();
    if (parent?.kind() !== 'decorated_definition') return null;
    for (const d of parent.children().filter((c) => c.kind() === 'decorator')) {
      const expr = namedChildren(d)[0];
      const callee = expr?.kind() === 'call' ? expr.field('function') : expr;
      if (callee && /^(pytest\.fixture|fixture)$/.test(callee.text().replace(/\s+/g, ''))) return callee;
    }
    return null;
  }

  /**
   * `app.dependency_overrides[get_async_db] = override_get_db` (or `[get_db]`) with a sync override defined
   * at module level, or nested in the function making the assignment.
   */
  private overrideSites(): OverrideSite[] {
    const { getDbName, asyncGetDbName } = this.ctx.options;
    const found: OverrideSite[] = [];
    for (const assignment of this.root.findAll({ rule: { kind: 'assignment' } })) {
      const left = assignment.field('left');
      const value = assignment.field('right');
      if (left?.kind() !== 'subscript' || left.field('value')?.field('attribute')?.text() !== 'dependency_overrides' || value?.kind() !== 'identifier') continue;
      const keys = left.fieldChildren('subscript');
      const key = keys.length === 1 ? (keys[0] as SgNode) : null;
      const keyName = key?.kind() === 'identifier' ? key.text() : key?.kind() === 'attribute' ? (key.field('attribute')?.text() ?? '') : '';
      if (!key || (keyName !== getDbName && keyName !== asyncGetDbName)) continue;
      // A get_db with no async twin keeps its key (async-get-db flagged it) and its handlers stay sync: the override
      // must go on yielding a sync Session (propagate-async keeps it a plain def).
      if (keyName === getDbName && this.keyLacksTwin(key)) continue;
      // The name resolves as Python does: the enclosing functions first, outwards, then the module.
      let override: SgNode | null = null;
      for (let holder = placeOf(assignment).unit; holder && !override; holder = placeOf(holder).unit) override = definitionIn(holder.field('body') as SgNode, value.text());
      override ??= definitionIn(this.root, value.text());
      if (!override || isAsyncDef(override)) continue;
      found.push({ assignment, key, keyName, value, override, nested: placeOf(override).unit !== null });
    }
    return found;
  }

  /** The override key names a sync get_db that gets no async twin (EngineIndex.untwinnedDependencies), imported or defined here. */
  private keyLacksTwin(key: SgNode): boolean {
    if (key.kind() !== 'identifier') return false;
    const imp = this.imports.from.find((i) => (i.alias ?? i.name) === key.text() && isModuleLevel(i.node));
    return imp ? lacksDependencyTwin(this.ctx.options, this.ctx.path, imp.module) : definesUntwinnedDependency(this.ctx.options, this.ctx.path);
  }

  /** A sync override opening its own session gets an async twin on the async factory, which takes its place. */
  private overrideEdits(site: OverrideSite): Omit<Pending, 'fixture'> | null {
    const { getDbName, asyncGetDbName } = this.ctx.options;
    const { value, override, key, keyName } = site;
    const shape = sessionShape(override, this.ctx.source, this.isOpener, inputLineOf(this.ctx));
    const fail = (why: string): void => this.keepSync(site, why);
    if (!shape) return null;
    if (!shape.ok) return fail(shape.reason), null;
    if (shape.shape.connection) return fail('it opens its session on a connection of its own, a shape only session fixtures are converted in'), null;
    if (shape.shape.block) return fail('its `with` block does more than `yield session`, a shape only session fixtures are converted in'), null;
    const open = this.asyncOpen(shape.shape.open);
    if (!open.ok) return fail(open.reason), null;
    const memory = this.memoryDatabase(shape.shape.open);
    if (memory) return fail(memory), null;
    const edits: TextEdit[] = [];
    const imports = [...open.imports];
    const reason = `async-tests: the dependency override yields an AsyncSession`;
    if (keyName === getDbName) {
      const renamed = this.renameKey(key);
      if ('reason' in renamed) return fail(renamed.reason), null;
      edits.push(renamed.edit);
      imports.push(...renamed.imports);
    }
    const scope = site.nested ? nameTable(this.ctx.tree, value.text()) : null;
    let twin = this.twins.get(start(override));
    if (!twin) {
      twin = value.text().includes(getDbName) ? value.text().replace(getDbName, asyncGetDbName) : `${value.text()}_async`;
      if (moduleBindings(nameTable(this.ctx.tree, twin)).length > 0 || (scope && nameTable(this.ctx.tree, twin).occurrences.length > 0)) return fail(`\`${twin}\` is already bound in this file`), null;
      this.twins.set(start(override), twin);
      edits.push(...this.overrideTwin(override, twin, shape.shape, open.text, reason));
    }
    edits.push({ start: start(value), end: end(value), text: twin, reason });
    return { edits, missing: open.missingTwin, fail, imports };
  }

  /**
   * `def override(): try: yield session finally: session.close()` → `async def`, `await session.close()`: the
   * session it hands out is an AsyncSession now, whatever its key. A key naming the sync dependency is renamed
   * to the async one; when that cannot be done, the handlers do not get the override, which is flagged.
   */
  private passthroughEdits(site: OverrideSite, awaits: number[]): { edits: TextEdit[]; imports: Import[]; fail: (why: string) => void } {
    const { getDbName, asyncGetDbName } = this.ctx.options;
    const reason = `async-tests: the dependency override hands out the session fixture's AsyncSession`;
    const edits: TextEdit[] = [{ start: start(site.override), end: start(site.override), text: 'async ', reason }];
    for (const at of awaits) edits.push({ start: at, end: at, text: 'await ', reason });
    const imports: Import[] = [];
    const fail = (why: string): void => this.keepSync(site, why);
    if (site.keyName !== getDbName) return { edits, imports, fail };
    const renamed = this.renameKey(site.key);
    if ('reason' in renamed) {
      this.flag(RULES.sessionFixture, start(site.assignment), `the dependency override \`${site.value.text()}\` hands out the session fixture's AsyncSession now, and was made async, but its key stays \`${site.key.text()}\`: ${renamed.reason}; handlers depending on \`${asyncGetDbName}\` do not get it`);
    } else {
      edits.push(renamed.edit);
      imports.push(...renamed.imports);
    }
    return { edits, imports, fail };
  }

  /**
   * An override left handing out a sync session is flagged, and keeps its key. Keyed by the async dependency
   * (as async-get-db renamed it), every request through it fails on the sync session until it is converted;
   * that is wanted: set back to the sync dependency, which the handlers no longer depend on, it would no
   * longer apply, and the tests' requests would silently reach (and write into) the application's own database.
   */
  private keepSync(site: OverrideSite, why: string): void {
    const { getDbName, asyncGetDbName } = this.ctx.options;
    const key = site.key.text();
    const tail =
      site.keyName === asyncGetDbName
        ? `and was left sync, keyed by \`${key}\`: until it yields an AsyncSession, every request through it fails. Its key was not set back to \`${getDbName}\` on purpose: the handlers no longer depend on \`${getDbName}\`, so that override would not apply and the tests' requests would reach the application's own database`
        : 'and was left as it is';
    this.flag(RULES.sessionFixture, start(site.assignment), `the dependency override \`${site.value.text()}\` yields a sync session to handlers that now expect an AsyncSession (${why}), ${tail}`);
  }

  private overrideTwin(override: SgNode, twin: string, shape: SessionShape, openText: string, reason: string): TextEdit[] {
    const unit = indentUnit(override, this.ctx.source) ?? '    ';
    const holder = override.parent()?.kind() === 'decorated_definition' ? (override.parent() as SgNode) : override;
    const outer = leadingWhitespace(holder, this.ctx.source) ?? '';
    const text = `${outer}async def ${twin}():\n${outer}${unit}async with ${openText} as ${shape.variable}:\n${outer}${unit}${unit}yield ${shape.variable}\n`;
    const newline = this.ctx.source.indexOf('\n', end(holder));
    const at = newline === -1 ? this.ctx.source.length : newline + 1;
    // A nested twin follows with one blank line, a module-level one with two, as PEP 8 spaces them.
    const lead = (newline === -1 ? '\n' : '') + (outer === '' ? '\n\n' : '\n');
    return [{ start: at, end: at, text: `${lead}${text}`, reason }];
  }

  /** `[get_db]` → `[get_async_db]`, when the module the dependency comes from defines the async one. */
  private renameKey(key: SgNode): { edit: TextEdit; imports: { module: string; name: string }[] } | { reason: string } {
    const { asyncGetDbName } = this.ctx.options;
    const reason = `async-tests: override ${asyncGetDbName}, which the handlers depend on now`;
    if (key.kind() !== 'identifier') return { reason: `its key \`${key.text()}\` is not an imported name` };
    const imp = this.imports.from.find((i) => (i.alias ?? i.name) === key.text() && isModuleLevel(i.node));
    if (!imp) return { reason: `its key \`${key.text()}\` is not imported by name` };
    if (!this.moduleBinds(imp.module, asyncGetDbName)) return { reason: `\`${imp.module}\` defines no \`${asyncGetDbName}\` (run async-engine first)` };
    const bound = localNamesFor(this.imports, imp.module, asyncGetDbName)[0];
    if (!bound && moduleBindings(nameTable(this.ctx.tree, asyncGetDbName)).length > 0) return { reason: `\`${asyncGetDbName}\` is bound to something else in this file` };
    return { edit: { start: start(key), end: end(key), text: bound ?? asyncGetDbName, reason }, imports: bound ? [] : [{ module: imp.module, name: asyncGetDbName }] };
  }

  /** The async counterpart of the call opening the sync session; `ownEngine`: the fixture's own engine, made async (see own-engine.ts). */
  private asyncOpen(call: SgNode, connection?: string, ownEngine?: string): Open {
    const callee = call.field('function') as SgNode;
    const args = callArgs(call);
    if (callee.kind() === 'call' && connection !== undefined) return this.inlineMakerOpen(callee, connection);
    if (callee.kind() !== 'identifier') return { ok: false, reason: `the session comes from \`${callee.text()}\`, which is not a name of this file` };
    const name = callee.text();
    const sessionModule = ['sqlalchemy.orm', 'sqlalchemy.orm.session', 'sqlmodel'].find((m) => localNamesFor(this.imports, m, 'Session').includes(name));
    // On a connection, `Session(bind=conn, ...)` may say how it joins the connection's transaction
    // (`join_transaction_mode=`): keywords that mean the same to AsyncSession are carried over.
    const keywords = connection !== undefined && sessionModule ? sessionKeywords(args) : { kept: [] };
    const kept = 'kept' in keywords ? keywords.kept : null;
    const bind =
      connection !== undefined && sessionModule
        ? (sessionBind(call) ?? undefined)
        : args.positional.length === 1 && args.keywords.size === 0 ? args.positional[0] : args.positional.length === 0 && args.keywords.size === 1 ? args.keywords.get('bind') : undefined;
    // On a connection (a connection-bound fixture): the one argument is that connection, passed on as it was.
    if (connection !== undefined && (bind?.text() !== connection || args.splat || kept === null)) return { ok: false, reason: `\`${call.text()}\` passes more than the connection to the session` };
    if (sessionModule) {
      if (bind?.kind() !== 'identifier') return { ok: false, reason: `\`${call.text()}\` is not \`Session(engine)\`` };
      let engineTwin = ownEngine ?? twinName(bind.text());
      const engineImports: Import[] = [];
      const engineFrees: Freed[] = [];
      if (connection === undefined && ownEngine === undefined && !this.bindsHere(engineTwin)) {
        const imported = this.importedTwin(bind.text());
        if ('reason' in imported) return { ok: false, reason: imported.reason ?? `this file has no async engine \`${engineTwin}\` next to \`${bind.text()}\`` };
        engineTwin = imported.local;
        engineImports.push(...imported.imports);
        engineFrees.push(...imported.frees);
      }
      const module = sessionModule === 'sqlmodel' ? SQLMODEL_ASYNC : SA_ASYNC;
      const local = localNamesFor(this.imports, module, 'AsyncSession')[0];
      if (!local && moduleBindings(nameTable(this.ctx.tree, 'AsyncSession')).length > 0) return { ok: false, reason: '`AsyncSession` is bound to something else in this file' };
      const target = connection === undefined ? engineTwin : `bind=${connection}`;
      // `Session` goes from the imports when nothing else uses it (a SQLModel conftest's `with Session(engine)`).
      const frees = [{ module: sessionModule, name: 'Session', local: name }, ...engineFrees];
      return { ok: true, text: `${local ?? 'AsyncSession'}(${[target, 'expire_on_commit=False', ...(kept ?? [])].join(', ')})`, imports: [...(local ? [] : [{ module, name: 'AsyncSession' }]), ...engineImports], missingTwin: null, frees };
    }
    if (connection === undefined && (args.positional.length > 0 || args.keywords.size > 0 || args.splat)) {
      return { ok: false, reason: `\`${call.text()}\` passes arguments to the factory, which its async twin may not take` };
    }
    const factory = this.factoryTwin(name);
    return factory.ok && connection !== undefined ? { ...factory, text: factory.text.replace(/\(\)$/, `(bind=${connection})`) } : factory;
  }

  /**
   * `sessionmaker(bind=connection, ...)()` on the connection of a connection-bound fixture: an AsyncSession on that
   * connection, with the factory's keywords that mean the same to it (as a local factory's are carried over).
   */
  private inlineMakerOpen(maker: SgNode, connection: string): Open {
    const callee = maker.field('function');
    const module = callee?.kind() === 'identifier' ? MAKER_MODULES.find((m) => localNamesFor(this.imports, m, 'sessionmaker').includes(callee.text())) : undefined;
    const args = callArgs(maker);
    if (!callee || !module) return { ok: false, reason: `the session comes from \`${maker.text()}()\`, which is not SQLAlchemy's \`sessionmaker\`` };
    if (args.splat) return { ok: false, reason: `\`${maker.text()}\` is made with unpacked arguments` };
    const bind = args.positional.length === 1 ? args.positional[0] : args.keywords.get('bind');
    if (bind?.text() !== connection || args.positional.length > 1) return { ok: false, reason: `\`${maker.text()}\` passes more than the connection to the session` };
    const keywords = sessionKeywords(args);
    if ('refused' in keywords) return { ok: false, reason: `\`${maker.text()}\` is made with \`${keywords.refused}=\`, which the AsyncSession may not take the same way` };
    const kept = keywords.kept;
    const local = localNamesFor(this.imports, SA_ASYNC, 'AsyncSession')[0];
    if (!local && moduleBindings(nameTable(this.ctx.tree, 'AsyncSession')).length > 0) return { ok: false, reason: '`AsyncSession` is bound to something else in this file' };
    return {
      ok: true,
      text: `${local ?? 'AsyncSession'}(${[`bind=${connection}`, 'expire_on_commit=False', ...kept].join(', ')})`,
      imports: local ? [] : [{ module: SA_ASYNC, name: 'AsyncSession' }],
      missingTwin: null,
      frees: [{ module, name: 'sessionmaker', local: callee.text() }],
    };
  }

  /**
   * The async twin of an engine this file imports by name from a module that binds it (`from app.core.db import
   * engine`, where async-engine wrote `async_engine` next to it): its local name and the import it needs. A reason
   * when the name is imported but its twin cannot be used; `reason: null` when it is not imported at all.
   */
  private importedTwin(name: string): { local: string; imports: Import[]; frees: Freed[] } | { reason: string | null } {
    const twin = twinName(name);
    const imp = this.imports.from.find((i) => (i.alias ?? i.name) === name && isModuleLevel(i.node));
    if (!imp) return { reason: null };
    if (imp.alias !== null) return { reason: `\`${name}\` is an alias; its async twin's name is not known` };
    if (!this.moduleBinds(imp.module, twin)) return { reason: `\`${imp.module}\` defines no async engine \`${twin}\` next to \`${name}\`` };
    const local = localNamesFor(this.imports, imp.module, twin)[0];
    if (!local && moduleBindings(nameTable(this.ctx.tree, twin)).length > 0) return { reason: `\`${twin}\` is bound to something else in this file` };
    return { local: local ?? twin, imports: local ? [] : [{ module: imp.module, name: twin }], frees: [{ module: imp.module, name: imp.name, local: name }] };
  }

  /** `AsyncFactory()` for a session factory `name` of this file or imported from a module that defines its twin. */
  private factoryTwin(name: string): Open {
    const twin = twinName(name);
    const imp = this.imports.from.find((i) => (i.alias ?? i.name) === name && isModuleLevel(i.node));
    if (imp) {
      if (imp.alias !== null) return { ok: false, reason: `\`${name}\` is an alias; its twin's name is not known` };
      if (!this.moduleBinds(imp.module, twin)) return { ok: false, reason: `\`${imp.module}\` defines no \`${twin}\` next to \`${name}\`` };
      const local = localNamesFor(this.imports, imp.module, twin)[0];
      if (!local && moduleBindings(nameTable(this.ctx.tree, twin)).length > 0) return { ok: false, reason: `\`${twin}\` is bound to something else in this file` };
      return { ok: true, text: `${local ?? twin}()`, imports: local ? [] : [{ module: imp.module, name: twin }], missingTwin: null, frees: [{ module: imp.module, name: imp.name, local: name }] };
    }
    const bindings = moduleBindings(nameTable(this.ctx.tree, name));
    if (bindings.length !== 1) return { ok: false, reason: `\`${name}\` is not bound once at module level in this file` };
    return { ok: true, text: `${twin}()`, imports: [], missingTwin: this.bindsHere(twin) ? null : twin };
  }

  /** Why the sync and async engines behind this session cannot share a database (SQLite in memory), or null. */
  private memoryDatabase(call: SgNode, connectionEngine?: string): string | null {
    const callee = call.field('function')?.text() ?? '';
    const args = callArgs(call);
    let engineName: string | null = connectionEngine ?? null;
    const factory = this.moduleAssignment(callee);
    if (engineName !== null) {
      // A session on a connection: the connection's engine is the database.
    } else if (factory?.kind() === 'call') {
      const fa = callArgs(factory);
      const bind = fa.keywords.get('bind') ?? fa.positional[0];
      if (bind?.kind() === 'identifier') engineName = bind.text();
    } else {
      const bind = args.keywords.get('bind') ?? args.positional[0];
      if (bind?.kind() === 'identifier') engineName = bind.text();
    }
    const engine = engineName ? this.moduleAssignment(engineName) : null;
    if (engine?.kind() !== 'call') return null;
    const ea = callArgs(engine);
    let url: SgNode | null = ea.keywords.get('url') ?? ea.positional[0] ?? null;
    if (url?.kind() === 'identifier') url = this.moduleAssignment(url.text());
    const literal = url?.kind() === 'string' ? url.children().filter((c) => c.kind() === 'string_content').map((c) => c.text()).join('') : null;
    if (literal === null) return null;
    if (/:memory:|mode=memory/.test(literal) || /^sqlite(\+\w+)?:\/\/\/?(\?.*)?$/.test(literal)) {
      this.flag(RULES.memoryDatabase, start(url as SgNode), `the test database \`${literal}\` is an in-memory SQLite database: every connection sees its own, so the async engine would not see the tables and rows the sync engine makes`);
      return `its database \`${literal}\` is SQLite in memory, which the sync and async engines cannot share`;
    }
    return null;
  }

  private moduleAssignment(name: string): SgNode | null {
    for (const s of this.root.children()) {
      const a = s.kind() === 'expression_statement' ? namedChildren(s)[0] : null;
      if (a?.kind() === 'assignment' && a.field('left')?.kind() === 'identifier' && a.field('left')?.text() === name) return a.field('right');
    }
    return null;
  }

  private bindsHere(name: string): boolean {
    return moduleBindings(nameTable(this.ctx.tree, name)).length > 0;
  }

  private flag(rule: (typeof RULES)[keyof typeof RULES], offset: number, message: string): void {
    this.out.findings.push({ rule, offset, message, hint: HINTS[rule] });
  }
}

/** Whether the project module imported as `module` from `path` binds `name` at module level (per the index). */
export function importedModuleBinds(index: ProjectIndex | null, path: string, absPath: string, module: string, name: string): boolean {
  if (!index) return false;
  const ref = moduleRefOf(module, absPath);
  if (!ref) return false;
  const entity = index.evaluate(path, { k: 'import', target: { k: 'module', module: ref } });
  const target = entity.k === 'module' ? entity.path : null;
  return !!target && (index.module(target)?.globals.some(([n]) => n === name) ?? false);
}

/** The function `name` defined directly in `block` (a module or a function body), the last one when several are. */
function definitionIn(block: SgNode, name: string): SgNode | null {
  let found: SgNode | null = null;
  for (const s of namedChildren(block)) {
    const def = s.kind() === 'decorated_definition' ? s.field('definition') : s;
    if (def?.kind() === 'function_definition' && def.field('name')?.text() === name) found = def;
  }
  return found;
}

/** Mocks that stand in for a sync Session's query chain: async code awaits other methods, so they no longer fit. */
export function sessionMockFindings(root: SgRoot): FindingInput[] {
  const findings: FindingInput[] = [];
  const lines = new Set<number>();
  const add = (node: SgNode, message: string): void => {
    const line = node.range().start.line;
    if (lines.has(line)) return;
    lines.add(line);
    findings.push({ rule: RULES.sessionMock, offset: start(node), message, hint: HINTS[RULES.sessionMock] });
  };
  for (const attr of root.root().findAll({ rule: { kind: 'attribute' } })) {
    const object = attr.field('object');
    if (attr.field('attribute')?.text() === 'return_value' && object?.kind() === 'attribute' && object.field('attribute')?.text() === 'query' && attr.parent()?.kind() !== 'attribute') {
      add(attr, `\`${attr.text().replace(/\s+/g, '')}\` mocks a sync Session's \`query()\` chain; the async code runs \`await session.execute(select(...))\` instead, which this mock does not answer`);
    } else if (attr.field('attribute')?.text() === 'return_value' && /\.query\.return_value\./.test(`${attr.text()}.`) && attr.parent()?.kind() !== 'attribute') {
      add(attr, `\`${attr.text().replace(/\s+/g, '')}\` mocks a sync Session's \`query()\` chain; the async code does not call \`query()\``);
    }
  }
  for (const call of root.root().findAll({ rule: { kind: 'call' } })) {
    const callee = call.field('function')?.text() ?? '';
    const last = callee.split('.').pop() ?? '';
    const args = callArgs(call);
    // `MagicMock(Session)`: a mock's first positional parameter is its spec.
    const spec = /^(Mock|MagicMock|NonCallableMock|NonCallableMagicMock)$/.test(last) ? (args.keywords.get('spec') ?? args.keywords.get('spec_set') ?? args.positional[0]) : last === 'create_autospec' ? (args.positional[0] ?? args.keywords.get('spec')) : undefined;
    if (spec && /(^|\.)Session$/.test(spec.text())) {
      add(call, `\`${call.text().replace(/\s+/g, ' ')}\` mocks a sync Session: its methods return plain values, but the async code awaits \`execute\`/\`commit\`/\`refresh\`..., which needs an AsyncSession mock (\`AsyncMock\`)`);
    }
  }
  return findings;
}

/**
 * The keywords of `Session(bind=conn, ...)` or `sessionmaker(bind=conn, ...)` besides its bind, as an AsyncSession on
 * that connection takes them (`expire_on_commit` is the async form's own); the first that may not mean the same there
 * is `refused`.
 */
function sessionKeywords(args: ReturnType<typeof callArgs>): { kept: string[] } | { refused: string } {
  const kept: string[] = [];
  for (const [key, value] of args.keywords) {
    if (key === 'bind' || key === 'expire_on_commit' || key === 'future' || (key === 'autocommit' && value.kind() === 'false')) continue;
    if (!MAKER_KEYWORDS.has(key)) return { refused: key };
    kept.push(`${key}=${value.text()}`);
  }
  return { kept };
}
