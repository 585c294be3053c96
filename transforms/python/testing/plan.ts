// The whole-project decisions of async-tests, made once when the index is built: which tests and fixtures
// become async and where they await, which get a marker or the pytest-asyncio fixture decorator, which
// session fixtures may switch to an AsyncSession (every test using the session must cope), and what is
// flagged instead. `run` turns one file's share into edits.
import type { FindingInput } from '../../../engine/types';
import { ASYNC_OBJECT_METHODS, AWAITED_METHODS, SQLMODEL_AWAITED_METHODS } from '../awaits/methods';
import { RULES as AWAIT_RULES } from '../awaits/rules';
import { dirname, moduleRefOf } from '../index/modules';
import { moduleNamesOf } from '../scaffold/engine-index';
import { paramAt } from '../index/param-entries';
import { functionKey, type ProjectIndex } from '../index/project';
import type { CallSite, Expr, FunctionSummary, ModuleSummary } from '../index/types';
import { RULES as PROPAGATE_RULES } from '../propagate/rules';
import type { ConfiguredFactory, FunctionFacts, NestedOverride, OwnAwait, SessionUse, TestFacts } from './facts';
import { FactoryHelpers } from './helpers';
import type { KeywordSlot } from './fixtures';
import type { AsyncioMode } from './pytest-config';
import { HINTS, RULES, type TestRule } from './rules';
import { importedModuleBinds } from './rewrite';

const ID = 'async-tests';

/**
 * How a scoped session fixture is converted by hand on pytest-asyncio before 0.24, which runs every async test and
 * fixture in the loop of its `event_loop` fixture (checked on 0.20.3, Debian 12's, on PostgreSQL through asyncpg).
 */
const OLD_LOOP_BY_HAND = (scope: string): string =>
  `by hand on those versions: a \`@pytest.fixture(scope="${scope}") def event_loop(): loop = asyncio.new_event_loop(); yield loop; loop.close()\` in the conftest.py above every test receiving it, the fixture as \`@pytest_asyncio.fixture(scope="${scope}") async def\` with \`async with\` on the async factory, the tests receiving it with a plain \`@pytest.mark.asyncio\`; or upgrade pytest-asyncio to 0.24 or later and run awaitify again`;
/** Receivers that accept coroutine functions (the same ones propagate-async trusts). */
const ASYNC_AWARE = new Set(['Depends', 'Security', 'add_task', 'BackgroundTask', 'iscoroutinefunction', 'run_in_threadpool', 'to_thread', 'run_in_executor', 'create_task', 'gather', 'ensure_future', 'run']);
/** pytest-asyncio's event loop scopes, narrowest first (pytest's fixture scopes). */
const LOOP_SCOPES = ['function', 'class', 'module', 'package', 'session'];
/** How far a session is followed through helpers it is passed to. */
const MAX_FORWARD_DEPTH = 4;

export interface ConvertedFunction {
  /** The function (its id, the offset of its def). */
  id: number;
  /** Offset of `def`: where `async ` goes (null when it is async already). */
  asyncAt: number | null;
  /** A marker line before the decorators (tests in strict mode without one); `loop`: its `loop_scope`, when it needs one. */
  marker: { at: number; indent: string; loop: string | null } | null;
  /** The `pytest.fixture` callee to replace by `pytest_asyncio.fixture` (fixtures); `loop`: the `loop_scope` to give it, in `slot`. */
  decorator: { start: number; end: number; loop: string | null; slot: KeywordSlot | null } | null;
  reason: string;
}

export interface FileTestPlan {
  functions: ConvertedFunction[];
  awaits: { start: number; end: number; reason: string }[];
  /** Session fixtures (by def offset) whose consumers were all checked: the file rewrites them. */
  sessionFixtures: Set<number>;
  findings: FindingInput[];
  mode: AsyncioMode;
  /** Nested dependency overrides handing out a fixture's session, by def offset (see OverridePlan). */
  overrides: Map<number, OverridePlan>;
  /** `lambda: session` overrides handing out a session fixture's AsyncSession: the fixture's qualified name, by lambda offset. */
  lambdaOverrides: Map<number, string>;
  /** Findings of earlier transforms that the awaits above settle (TransformResult.resolves). */
  resolves: { rule: string; offset: number }[];
  /** Tests and fixtures given back their sync code (see SyncBack). */
  syncBacks: SyncBack[];
  /** Scoped session fixtures (by def offset) that switch with the `loop_scope` of their scope (see TestPlan.loopDomains). */
  loopScopes: Map<number, string>;
}

/**
 * A test or fixture handed a sync Session by a session fixture left sync, which earlier transforms made async
 * code for its annotation (`db: Session` → `db: AsyncSession`, `await db.commit()`, `async def`): it gets its sync
 * code back. `def`: the function; every `await` of its own body goes (each one is on that session's calls), unless `awaits` is false;
 * `async`: the `async` keyword to remove too; `annotations`: the `AsyncSession` names to replace, by the text
 * (`Session`) and the import that needs.
 */
export interface SyncBack {
  def: number;
  /** Whether the awaits of its own body go; not for one that stays async and only keeps its `Session` annotation (see keepSyncAnnotations). */
  awaits: boolean;
  async: boolean;
  annotations: { start: number; end: number; text: string; module: string; add: boolean }[];
  reason: string;
}

/** Methods of an AsyncSession whose awaited call is the same call on a sync Session (not `run_sync`, `stream`...: only AsyncSession has them, or they return async objects). */
const SYNC_BACK_METHODS = new Set([...AWAITED_METHODS, ...SQLMODEL_AWAITED_METHODS].filter((m) => m !== 'run_sync' && !ASYNC_OBJECT_METHODS.has(m)));

/**
 * What a nested override handing out a session fixture's value becomes: async, awaiting its teardown calls,
 * when that fixture (in the same file) turns async; otherwise it yields a sync session, and is flagged.
 */
export type OverridePlan = { fixture: number; awaits: number[] } | { blocked: string };

export interface TestSummary {
  base: ModuleSummary;
  tests: TestFacts;
  /** Offsets of calls in the module that use a coroutine the async way already (see asyncUses). Absent when none. */
  asyncUses?: number[];
}

export class TestPlan {
  private readonly files = new Map<string, FileTestPlan>();
  private readonly facts = new Map<string, FunctionFacts>();
  /** Fixtures whose value is an async function (a factory fixture returning a helper made async), by name. */
  private readonly asyncCallables = new Map<string, { path: string; qualname: string }[]>();
  private readonly helpers: FactoryHelpers;
  /** Tests and fixtures made async, with the calls they await: checked by flagSyncHandoffs. */
  private readonly handoffs: { path: string; fn: FunctionSummary; facts: FunctionFacts; awaits: CallSite[] }[] = [];
  /** Function-scoped session fixtures switched to an async factory of an application module that pools an async engine. */
  private readonly appFactoryFixtures: { path: string; fn: FunctionSummary; requested: string; factory: string; module: string }[] = [];
  /** Session calls that fixtures made async await (functionKey@offset): they are not sync uses of the session any more. */
  private readonly awaitedUses = new Set<string>();
  /** Tests and fixtures that call async code and were left sync, flagged (functionKey): nothing converts them. */
  private readonly refused = new Set<string>();
  /** blockVerdict's answers, by functionKey. */
  private readonly blockVerdicts = new Map<string, CallSite[] | { reason: string }>();
  /** Tests and fixtures this transform awaits calls in, or flags calls of async code in (functionKey): they need to be async. */
  private readonly asyncHere = new Set<string>();
  /** Tests and fixtures receiving a session fixture left sync, by functionKey (see settleSyncReceivers). */
  private readonly syncReceivers = new Map<string, SyncReceiver>();
  /** Session fixtures left sync, and the fixtures handing their session on unchanged (functionKey). */
  private readonly syncSessionFixtures = new Set<string>();
  /**
   * Fixtures handing out the sync Session a project helper returns (see markHelperSessionFixtures), by functionKey:
   * their finding, held until something receiving the session is seen to hand it to async code (reachedSyncFixtures).
   */
  private readonly helperSessionFixtures = new Map<string, { path: string; offset: number; message: string } | null>();
  /** Session fixtures left sync whose session some flagged receiver hands to async code (functionKey). */
  private readonly reachedSyncFixtures = new Set<string>();
  /** Tests and fixtures that are async in the text and get `def` back (functionKey). */
  private readonly madeSync = new Set<string>();
  /** See pathOf; made on first use. */
  private pathsByAbs: Map<string, string> | null = null;
  /** See fixtureModules; made on first use. */
  private fixturesByName: Map<string, [string, TestSummary][]> | null = null;
  /** See importers; by fixture module path and name. */
  private readonly importersOf = new Map<string, readonly string[]>();
  /** The event loop scope of each scoped session fixture that may switch, and of everything receiving it (functionKey; see loopDomains). */
  private readonly loopOf = new Map<string, string>();
  /** Why a scoped session fixture keeps its sync session (functionKey; see loopDomains), and for what it hands its value to, which fixture that is. */
  private readonly loopBlocked = new Map<string, string>();
  private readonly blockedVia = new Map<string, { fixture: string; why: string }>();
  /** The scoped session fixtures given their loop scope, with their receivers (see flagLoopMixes). */
  private readonly eligibleDomains: { key: string; what: string; loop: string; members: Map<string, LoopMember> }[] = [];

  constructor(
    readonly index: ProjectIndex,
    private readonly summaries: ReadonlyMap<string, TestSummary>,
    private readonly modeOf: (summary: ModuleSummary) => AsyncioMode,
    private readonly dependencies: { sync: string; async: string } = { sync: 'get_db', async: 'get_async_db' },
    private readonly pinOf: (summary: ModuleSummary) => string | null = () => null,
  ) {
    for (const [path, s] of summaries) for (const f of s.tests.functions) this.facts.set(functionKey(path, f.id), f);
    this.markHelperSessionFixtures();
    for (const [path, s] of summaries) {
      for (const fn of s.base.functions) {
        const value = fn.test === 'fixture' ? (fn.isGenerator ? fn.provides : fn.returns) : null;
        const entity = value ? index.evaluate(path, value) : null;
        const target = entity?.k === 'function' ? index.function(entity.path, entity.id) : undefined;
        if (!target?.isAsync || target.isGenerator) continue;
        const name = this.fixtureName(path, fn);
        const list = this.asyncCallables.get(name) ?? [];
        list.push({ path, qualname: target.qualname });
        this.asyncCallables.set(name, list);
      }
    }
    this.helpers = new FactoryHelpers(
      index,
      summaries,
      this.facts,
      (f) => (f.fn.test === 'test' && !!summaries.get(f.path)?.base.isTestFile) || (f.fn.test === 'fixture' && f.facts.fixture !== null),
      (name, absPath) => this.asyncCallableFixture(name, absPath),
    );
    for (const flag of this.helpers.flags) this.flag(flag.path, RULES.syncContext, flag.offset, flag.message);
    this.loopDomains();
    // Session fixtures last: whether one may switch depends on how the functions receiving it were converted.
    const sessionFixtures: [string, TestSummary, FunctionSummary, FunctionFacts][] = [];
    for (const [path, s] of summaries) {
      const plan = this.file(path);
      plan.mode = s.base.isTestFile || s.tests.functions.some((f) => f.fixture) ? this.modeOf(s.base) : 'strict';
      for (const fn of s.base.functions) {
        const facts = this.facts.get(functionKey(path, fn.id));
        if (!facts || fn.ignored) continue;
        if (fn.test === 'fixture' && facts.fixture !== null && facts.session === 'ok' && !this.helpers.converted.has(functionKey(path, fn.id))) sessionFixtures.push([path, s, fn, facts]);
        else this.planFunction(path, s, fn, facts);
      }
    }
    for (const [path, s, fn, facts] of sessionFixtures) this.planSessionFixture(path, s, fn, facts);
    this.planOverrides();
    this.settleSyncReceivers();
    this.flagLoopMixes();
    this.settleSyncHelpers();
    this.flagSyncHandoffs();
    this.flagEngineLoops();
    this.flagConfiguredSyncFactories();
    this.flagFixtureEngineLoops();
    this.flagOverrideLoops();
    this.flagPatchedGetDb();
    this.flagPatchedObjects();
    this.flagMockedOverrides();
    this.flagMockedArgs();
    this.flagSyncDependencyNotOverridden();
    this.flagReachedHelperSessionFixtures();
  }

  /**
   * Fixtures handing out what a plain def of the project returns, where that helper returns a sync Session (annotated
   * `-> Session`, or unannotated with every return a sync factory's session: `def make_session(): return
   * SessionLocal()`), as `session = make_session(); yield session`, `return make_session()` or `with make_session() as
   * session: yield session`. Nothing in the fixture names a factory, so its shape was not recognised, and the tests
   * awaiting functions made async with its session were converted without a word, on a sync Session. They are
   * session fixtures left sync: their receivers are settled as for any other (settleSyncReceivers). Converting the
   * fixture would need an async twin of the helper, which nothing writes.
   */
  private markHelperSessionFixtures(): void {
    for (const [path, s] of this.summaries) {
      for (const fn of s.base.functions) {
        const key = functionKey(path, fn.id);
        const facts = this.facts.get(key);
        if (fn.test !== 'fixture' || fn.isAsync || !facts?.fixture || facts.fixture.callee === 'pytest_asyncio.fixture' || facts.session !== null) continue;
        const reason = this.helperSession(path, fn);
        if (reason === null) continue;
        this.facts.set(key, { ...facts, session: { reason } });
        this.helperSessionFixtures.set(key, null);
      }
    }
  }

  /** Why the fixture `fn` hands out a sync Session a project helper returns (see markHelperSessionFixtures), or null. */
  private helperSession(path: string, fn: FunctionSummary): string | null {
    let value = fn.isGenerator ? fn.provides : fn.returns;
    // A sync Session entered by `with` is the Session itself.
    if (value?.k === 'entered' && !value.async) value = value.of;
    if (value?.k !== 'call') return null;
    const made = this.index.resolveFunction(path, value.of);
    const helper = made ? this.index.function(made.path, made.id) : undefined;
    if (!made || !helper || helper.isAsync || helper.isGenerator) return null;
    if (helper.returnsSyncSession === undefined) return null;
    // "it is annotated `-> Session`" / "it returns only sessions of sync factories, such as `X`," as a participle.
    const why = helper.returnsSyncSession.replace(/^it is /, '').replace(/^it returns /, 'returning ').replace(/,$/, '');
    return `it gets it from \`${helper.qualname}()\` (${made.path}), a plain def ${why}, which has no async twin to open an AsyncSession with`;
  }

  /**
   * The findings of the fixtures markHelperSessionFixtures found, for those whose session a flagged receiver hands to
   * async code: one whose tests only use the session the sync way works as it is, and is not reported.
   */
  private flagReachedHelperSessionFixtures(): void {
    for (const [key, held] of this.helperSessionFixtures) {
      if (held && this.reachedSyncFixtures.has(key)) this.flag(held.path, RULES.sessionFixture, held.offset, held.message);
    }
  }

  /** A receiver of the session fixture left sync `fixture` is flagged for handing its session to async code. */
  private reached(fixture: { path: string; id: number }): void {
    this.reachedSyncFixtures.add(functionKey(fixture.path, fixture.id));
  }

  /**
   * Handlers the migration left on the sync session dependency (routes kept sync, or a `Depends((get_db))` it
   * could not follow) while the tests override only its async twin: async-get-db renamed the override's key, so
   * requests to those handlers no longer get the test session and silently reach the application's own
   * database. Flagged on each override of the twin, since no test module overrides the sync dependency any more.
   */
  private flagSyncDependencyNotOverridden(): void {
    const { sync, async: twin } = this.dependencies;
    const named = (text: string, name: string): boolean => text === name || text.endsWith(`.${name}`);
    const all = [...this.summaries];
    if (all.some(([, s]) => s.tests.overrideKeys.some((k) => named(k.text, sync)))) return;
    const keys = all.flatMap(([path, s]) => s.tests.overrideKeys.filter((k) => named(k.text, twin)).map((k) => ({ path, ...k })));
    if (keys.length === 0) return;
    const dependents: string[] = [];
    for (const [path, s] of all) {
      if (s.base.isTestFile) continue;
      for (const fn of s.base.functions) {
        if (fn.test !== null) continue;
        // Session parameters (`db: Session = Depends(get_db)`), and the others FastAPI fills from a dependency:
        // `session: get_db = Depends()` takes the annotation as the dependency, and async-get-db renames no annotation.
        const injected = [...(fn.params?.depends ?? []), ...(fn.objectDepends ?? [])];
        const onSync = injected.some((d) => {
          const target = this.index.evaluate(path, d.of);
          return target.k === 'function' && this.index.function(target.path, target.id)?.name === sync;
        });
        if (onSync) dependents.push(`\`${fn.qualname}\` (${path})`);
      }
    }
    if (dependents.length === 0) return;
    const shown = dependents.length > 3 ? `${dependents.slice(0, 3).join(', ')} and ${dependents.length - 3} more` : dependents.join(', ');
    for (const k of keys) {
      const memory = this.summaries.get(k.path)?.tests.memoryDatabase;
      this.flag(
        k.path,
        RULES.syncDependencyNotOverridden,
        k.at,
        `the tests override only \`${twin}\`, but ${shown} still ${dependents.length === 1 ? 'depends' : 'depend'} on the sync \`${sync}\` after the migration (kept sync), and no test overrides \`${sync}\` any more: requests reaching ${dependents.length === 1 ? 'it' : 'them'} get the application's own database session, not the test one, and can read and write the application's database; nothing was changed. ${memory === undefined ? this.keptSyncOverrideByHand(sync) : this.noSyncOverrideOnMemory(sync, memory)}`,
      );
    }
  }

  /**
   * The sync override to write by hand beside the async one. It must live in a module awaitify skips: written in
   * the test module, a later run renames its key to the twin and makes it async like the first one (checked), so
   * `get_db` is left without an override again. Only right when the sync and async test engines reach one database.
   */
  private keptSyncOverrideByHand(sync: string): string {
    return `By hand, when the sync and async test engines reach the same database (a file or server URL, not SQLite in memory): in a module starting with \`# awaitify: ignore-file\` that conftest.py imports, keep a sync override of \`${sync}\` beside the async one, on a sync engine made from the URL the async test engine is made from: \`def override_${sync}_sync(): db = SyncTestingSessionLocal(); try: yield db finally: db.close()\` and \`app.dependency_overrides[${sync}] = override_${sync}_sync\`; written in this module, a later run would rename its key to the async twin's and make it async`;
  }

  /** Why no sync override can be kept beside the async one on an in-memory SQLite test database (checked on SQLAlchemy 2 with aiosqlite). */
  private noSyncOverrideOnMemory(sync: string, url: string): string {
    return `The test database \`${url}\` is SQLite in memory, which only the connection that opened it sees: a sync engine and an async engine made on it are two separate databases (the tables and rows made through one are missing through the other, even with StaticPool), so a sync override of \`${sync}\` cannot be kept beside the async one here; convert the code still on \`${sync}\`, or move the tests to a file database (\`sqlite:///./test.db\`) and keep a sync override of \`${sync}\` on it, as the rule's page shows`;
  }

  /**
   * `patch("app.service.get_db", ...)` where async-get-db replaced `app.service`'s import of the session
   * dependency by its twin's: the module no longer has the attribute, so the patch raises AttributeError
   * (or, with `create=True`, replaces nothing the code uses). Only flagged: what replaces the session
   * dependency now is an async generator, which a sync mock or generator set up for `get_db` does not stand
   * in for, so rewriting the string to the twin's name would not make the test right.
   */
  private flagPatchedGetDb(): void {
    for (const [path, s] of this.summaries) {
      for (const p of s.tests.patchedNames) {
        const holder = this.patchedModule(path, p.holder, p.name);
        if (!holder || this.binds(holder, p.name, new Set()) || !this.binds(holder, p.twin, new Set())) continue;
        const dotted = [...p.holder, p.name].join('.');
        const outcome = p.tolerant ? 'the patch only creates an attribute that nothing uses' : 'the patch raises AttributeError';
        const why =
          p.kind === 'dependency'
            ? `(its dependencies use that now), so ${outcome}; it was left as it is, as pointing it at \`${p.twin}\` would need an async generator function in its place, which a replacement written for the sync \`${p.name}\` is not`
            : `(its sessions are opened from the async factory now), so ${outcome}; it was left as it is, as pointing it at \`${p.twin}\` would need a replacement that makes AsyncSessions (used with \`async with\` and awaited), which one written for the sync \`${p.name}\` is not`;
        this.flag(path, RULES.patchGetDb, p.at, `\`${p.patcher}(...)\` patches \`${dotted}\`, which no longer exists after the migration: \`${p.holder.join('.')}\` (${holder}) binds \`${p.twin}\` instead of \`${p.name}\` ${why}`);
      }
    }
  }

  /**
   * The project module a patch's dotted holder names, walked as mock walks it (the longest importable prefix,
   * then attributes); null when it is not a project module, or when `holder.name` is a submodule itself.
   */
  /**
   * `patch("app.api.routes.post_repository")` with nothing saying what replaces it, where that name is a project
   * object (or class) whose methods became async: mock puts a MagicMock there, whose methods return plain values,
   * so the code awaiting them now fails with TypeError. Flagged, not rewritten: `autospec=True` (or
   * `new_callable=AsyncMock`) would make them awaitable, but the test's `return_value`s may need changing too.
   */
  private flagPatchedObjects(): void {
    for (const [path, s] of this.summaries) {
      for (const p of s.tests.patchedObjects) {
        const holder = this.patchedModule(path, p.holder, p.name);
        if (!holder) continue;
        const entity = this.index.evaluate(holder, { k: 'global', name: p.name });
        if (entity.k !== 'instance' && entity.k !== 'class') continue;
        const methods: string[] = [];
        for (const cls of this.index.mro({ path: entity.path, id: entity.id }) ?? []) {
          for (const [name, id] of this.index.classSummary(cls.path, cls.id)?.methods ?? []) {
            if (!methods.includes(name) && this.isAsyncNow({ path: cls.path, id })) methods.push(name);
          }
        }
        if (methods.length === 0) continue;
        const dotted = [...p.holder, p.name].join('.');
        const shown = methods.slice(0, 3).map((m) => `\`${m}\``).join(', ') + (methods.length > 3 ? ', ...' : '');
        const what = entity.k === 'class' ? 'the class' : 'an instance of';
        this.flag(
          path,
          RULES.syncContext,
          p.at,
          `\`${p.patcher}("${dotted}")\` replaces ${what} \`${this.index.classSummary(entity.path, entity.id)?.name ?? p.name}\` with a MagicMock, but its ${shown} ${methods.length === 1 ? 'is' : 'are'} async now: the code awaiting ${methods.length === 1 ? 'it' : 'them'} gets the mock's plain return values and fails with TypeError`,
          `Patch it with \`autospec=True\` (its async methods become AsyncMocks, awaitable, returning their \`return_value\`), or \`new_callable=AsyncMock\`.`,
        );
      }
    }
  }

  /**
   * `app.dependency_overrides[get_service] = lambda: service` with `service = MagicMock()`, where what the dependency
   * injects (the class of `Depends(HeroService)`, or what `get_service` returns) has methods that became async: the
   * handlers await them, and a spec-less mock's methods return plain values, so every request through it fails
   * with TypeError. The test itself calls nothing async, so nothing else reports it. Flagged, not rewritten: the
   * mock's `return_value`s are the test's to keep or change.
   */
  private flagMockedOverrides(): void {
    for (const [path, s] of this.summaries) {
      for (const o of s.tests.mockedOverrides ?? []) {
        const key = dottedExpr(o.key);
        if (key === null) continue;
        const injected = this.index.evaluate(path, { k: 'depends', of: key });
        if (injected.k !== 'instance') continue;
        const methods = this.asyncMethodsOf(injected);
        if (methods.length === 0) continue;
        const className = this.index.classSummary(injected.path, injected.id)?.name ?? 'its class';
        const shown = methods.slice(0, 3).map((m) => `\`${m}\``).join(', ') + (methods.length > 3 ? ', ...' : '');
        this.flag(
          path,
          RULES.syncContext,
          o.at,
          `the dependency override of \`${o.key.join('.')}\` hands out \`${o.mock}\`, a MagicMock without a spec, in place of \`${className}\`, whose ${shown} ${methods.length === 1 ? 'is' : 'are'} async now: the handlers await ${methods.length === 1 ? 'it' : 'them'}, get the mock's plain return values and fail with TypeError`,
          `Give the mock the class as its spec (\`MagicMock(spec=${className})\`: its async methods become AsyncMocks, awaitable, returning their \`return_value\`), or set those methods to \`AsyncMock(...)\`.`,
        );
      }
    }
  }

  /**
   * `TelemetryService(repo=repo)` with `repo = MagicMock()` without a spec, where the class keeps the argument in an
   * attribute typed with a project class (`def __init__(self, repo: TelemetryRepository): self._repo = repo`) whose
   * methods became async: the class awaits them now, and the mock's methods return plain values (TypeError). The
   * test itself is converted as usual (it awaits the class's methods made async); flagged, not rewritten: the mock's
   * `return_value`s are the test's to keep or change.
   */
  private flagMockedArgs(): void {
    for (const [path, s] of this.summaries) {
      for (const m of s.tests.mockedArgs ?? []) {
        const callee = dottedExpr(m.callee);
        if (callee === null) continue;
        const cls = this.index.evaluate(path, callee);
        if (cls.k !== 'class') continue;
        const slot = typeof m.key === 'string' ? { position: null, keyword: m.key } : { position: m.key, keyword: null };
        for (const attr of this.index.heldAttributes(cls, slot)) {
          const held = this.index.evaluate(path, { k: 'attr', of: { k: 'call', of: callee }, name: attr });
          if (held.k !== 'instance') continue;
          const methods = this.asyncMethodsOf(held).filter((name) => !m.asyncAttrs.includes(name));
          if (methods.length === 0) continue;
          const heldName = this.index.classSummary(held.path, held.id)?.name ?? 'its class';
          const className = this.index.classSummary(cls.path, cls.id)?.name ?? m.callee.join('.');
          const shown = methods.slice(0, 3).map((name) => `\`${name}\``).join(', ') + (methods.length > 3 ? ', ...' : '');
          this.flag(
            path,
            RULES.syncContext,
            m.at,
            `\`${m.mock}\`, a MagicMock without a spec, is handed to \`${className}\`, which keeps it as \`self.${attr}\`, a \`${heldName}\`, whose ${shown} ${methods.length === 1 ? 'is' : 'are'} async now: \`${className}\` awaits ${methods.length === 1 ? 'it' : 'them'}, gets the mock's plain return values and fails with TypeError`,
            `Give the mock the class as its spec (\`MagicMock(spec=${heldName})\`: its async methods become AsyncMocks, awaitable, returning their \`return_value\`), or set those methods to \`AsyncMock(...)\`.`,
          );
          break;
        }
      }
    }
  }

  /** The names of the methods of `instance`'s class (its MRO) that are async now. */
  private asyncMethodsOf(instance: { path: string; id: number }): string[] {
    const methods: string[] = [];
    for (const cls of this.index.mro({ path: instance.path, id: instance.id }) ?? []) {
      for (const [name, id] of this.index.classSummary(cls.path, cls.id)?.methods ?? []) {
        if (!methods.includes(name) && this.isAsyncNow({ path: cls.path, id })) methods.push(name);
      }
    }
    return methods;
  }

  private patchedModule(path: string, holder: string[], name: string): string | null {
    const importModule = (parts: string[]): Expr => ({ k: 'import', target: { k: 'module', module: { anchor: null, parts } } });
    const whole = this.index.evaluate(path, importModule([...holder, name]));
    if (whole.k === 'module' && whole.path !== null) return null;
    for (let cut = holder.length; cut > 0; cut--) {
      const module = this.index.evaluate(path, importModule(holder.slice(0, cut)));
      if (module.k !== 'module' || module.path === null) continue;
      let expr: Expr = importModule(holder.slice(0, cut));
      for (const part of holder.slice(cut)) expr = { k: 'attr', of: expr, name: part };
      const found = cut === holder.length ? module : this.index.evaluate(path, expr);
      return found.k === 'module' ? found.path : null;
    }
    return null;
  }

  /**
   * Whether module `path` may bind `name` at module level: a binding of its own, a star import that may bring
   * it (any from outside the project), or a module `__getattr__`.
   */
  private binds(path: string, name: string, seen: Set<string>): boolean {
    const m = this.index.module(path);
    if (!m) return true;
    if (seen.has(path)) return false;
    seen.add(path);
    if (m.globals.some(([n]) => n === name || n === '__getattr__')) return true;
    return m.starImports.some((ref) => {
      const target = this.index.evaluate(path, { k: 'import', target: { k: 'module', module: ref } });
      return target.k !== 'module' || target.path === null || this.binds(target.path, name, seen);
    });
  }

  /**
   * Nested overrides that no session fixture turning async claimed: when the value they hand out is a sync
   * session (a session fixture left sync, or a sync fixture whose value they close), they are flagged.
   */
  private planOverrides(): void {
    for (const [path, s] of this.summaries) {
      for (const f of s.tests.functions) {
        for (const o of f.overrides) {
          if (this.file(path).overrides.has(o.def)) continue;
          const why = this.syncOverrideValue(s.base.absPath, o);
          if (why) this.file(path).overrides.set(o.def, { blocked: why });
        }
      }
    }
  }

  /** Why the fixture value a nested override hands out is a sync session, or null when that is not known. */
  private syncOverrideValue(absPath: string, o: NestedOverride): string | null {
    for (const { path, fn, facts } of this.syncFixtures(o.param, absPath)) {
      if (facts?.session) {
        // The override hands the handlers, which await an AsyncSession now, this sync one.
        this.reached({ path, id: fn.id });
        return `the session fixture \`${fn.qualname}\` (${path}) it hands out stays sync`;
      }
      if (o.awaits === null || o.awaits.length > 0) return `it closes the value of the sync fixture \`${fn.qualname}\` (${path}), a sync session`;
    }
    return null;
  }

  /** The fixtures named `name` visible from `absPath` that stay plain sync fixtures (not async, not switched to an AsyncSession). */
  private syncFixtures(name: string, absPath: string): { path: string; fn: FunctionSummary; facts: FunctionFacts | undefined }[] {
    const found: { path: string; fn: FunctionSummary; facts: FunctionFacts | undefined }[] = [];
    for (const [path, s] of (this.fixtureModules().get(name) ?? []).filter(([p, m]) => this.reaches(name, p, m.base.absPath, absPath))) {
      const plan = this.file(path);
      for (const fn of s.base.functions.filter((f) => f.test === 'fixture' && this.fixtureName(path, f) === name)) {
        if (fn.isAsync || plan.sessionFixtures.has(fn.id) || plan.functions.some((c) => c.asyncAt === fn.id)) continue;
        found.push({ path, fn, facts: this.facts.get(functionKey(path, fn.id)) });
      }
    }
    return found;
  }

  /**
   * Tests made async that hand a fixture's value to an async function while using it as a sync session
   * themselves (`db.commit()` without await): the fixture hands out a sync Session, which the async function
   * cannot use. Session fixtures in a recognised shape are flagged on their own (they switch, or say why not);
   * this is for the others, checked once every fixture's fate is known.
   */
  private flagSyncHandoffs(): void {
    for (const { path, fn, facts, awaits } of this.handoffs) {
      const absPath = this.summaries.get(path)?.base.absPath ?? '';
      const what = `${fn.test === 'test' ? 'test' : 'fixture'} \`${fn.qualname}\``;
      for (const use of facts.sessionUses.filter((u) => !this.awaitedUses.has(useKey(path, fn, u)))) {
        const call = awaits.find((c) => facts.forwards.some((f) => f.param === use.param && f.callStart === c.start && f.callEnd === c.end));
        const fixture = call ? this.syncFixtures(use.param, absPath).find((f) => f.facts?.session === null) : undefined;
        if (!call || !fixture) continue;
        this.flag(
          path,
          RULES.sessionFixture,
          call.start,
          `the ${what} awaits \`${call.text}(...)\`, which is async now, with \`${use.param}\`, but uses \`${use.param}\` as a sync session itself (\`${use.param}.${use.method}()\` without await, line ${use.line}): the fixture \`${fixture.fn.qualname}\` (${fixture.path}) hands out a sync Session, which async code cannot use; the ${what} was made async all the same, and fails until that fixture yields an AsyncSession`,
        );
        break;
      }
    }
  }

  /**
   * Tests that reach the application's own async engine through TestClient (no override replaces its session
   * dependency) use it from several event loops: each TestClient serves requests in a loop of its own, and
   * pytest-asyncio runs each async test in another. A pooled asyncpg/aiomysql connection made in one loop fails
   * in the next. The engine and its arguments live in application code this transform does not see, so the
   * fix (an engine without a pool for the test run) is left to the user: one finding, on the first client.
   */
  private flagEngineLoops(): void {
    if (this.overridesSessionDependency()) return;
    const all = [...this.summaries];
    // The fix the finding gives, applied: `AsyncSessionLocal.configure(bind=create_async_engine(..., poolclass=NullPool))`.
    if (this.configuredAppFactories().some((c) => c.nullPool === true)) return;
    // The engine shared across loops must exist: async handlers over a sync engine (one async-engine could not
    // twin) or over no database at all pool nothing across loops.
    const asyncEngine = all.some(([, s]) => !s.base.isTestFile && s.tests.asyncEngine === true);
    const asyncApp = asyncEngine && all.some(([, s]) => !s.base.isTestFile && s.base.functions.some((f) => f.isAsync && f.test === null));
    const clients = all.filter(([, s]) => s.base.isTestFile).flatMap(([path, s]) => s.tests.clients.map((c) => ({ path, ...c })));
    const first = firstInFileOrder(clients, (c) => c.start);
    if (!asyncApp || !first) return;
    const asyncTests = [...this.files.values()].some((f) => f.functions.some((fn) => fn.asyncAt !== null)) || all.some(([path, s]) => s.base.isTestFile && s.base.functions.some((f) => f.isAsync && f.test !== null && !this.madeSync.has(functionKey(path, f.id))));
    if (!asyncTests && clients.length === 1 && first.oneLoop) return;
    const loops = asyncTests ? 'TestClient serves requests in an event loop of its own, and each async test runs in another' : 'each TestClient serves its requests in an event loop of its own';
    this.flag(
      first.path,
      RULES.engineLoops,
      first.start,
      `the tests reach the application's async engine through \`TestClient\` (no dependency override replaces its session dependency) from more than one event loop: ${loops}; if that engine keeps a connection pool (the default), a connection made in one loop is handed to the next and fails there with asyncpg or aiomysql ("attached to a different loop"); nothing was changed`,
    );
  }

  /**
   * `SessionLocal.configure(bind=connection)` in the tests, `SessionLocal` the application's sync factory, when no
   * dependency override hands the requests a test session: the migrated handlers open their sessions from its async
   * twin through the async dependency, which that call does not touch, so the requests leave what `bind=` gave them
   * (a connection whose transaction each test rolls back, a test database) and commit to the async engine's database.
   * Not when the tests configure the twin too. One finding per call; nothing is changed.
   */
  private flagConfiguredSyncFactories(): void {
    if (this.overridesSessionDependency()) return;
    const all = [...this.summaries];
    const asyncApp = all.some(([, s]) => !s.base.isTestFile && s.base.functions.some((f) => f.isAsync && f.test === null));
    if (!asyncApp) return;
    const configured = this.configuredAppFactories();
    // The twin bound to something other than an engine (a connection) is the isolation given back by hand.
    const rebound = new Set(configured.filter((c) => c.bind === 'other').map((c) => c.name));
    for (const c of configured) {
      if (rebound.has(c.twin) || !this.binds(c.target, c.twin, new Set())) continue;
      const target = c.target;
      this.flag(
        c.path,
        RULES.syncFactoryRebound,
        c.at,
        `\`${c.name}.configure(bind=...)\` rebinds the application's sync session factory (${target}) for the tests, but the migrated handlers open their sessions from its async twin \`${c.twin}\` through the async session dependency, and nothing in the tests rebinds that or overrides the dependency: the tests' requests no longer run on what \`bind=\` gives (a connection whose transaction each test rolls back, or a test database), so what they write is committed to the async engine's database and stays there, and later tests see it; nothing was changed`,
      );
    }
  }

  /** `X.configure(bind=...)` calls of the test files whose `X` is a session factory an application module binds. */
  private configuredAppFactories(): (ConfiguredFactory & { path: string; target: string })[] {
    const out: (ConfiguredFactory & { path: string; target: string })[] = [];
    for (const [path, s] of this.summaries) {
      if (!s.base.isTestFile) continue;
      for (const c of s.tests.configuredFactories ?? []) {
        const ref = moduleRefOf(c.module, s.base.absPath);
        const entity = ref ? this.index.evaluate(path, { k: 'import', target: { k: 'module', module: ref } }) : null;
        const target = entity?.k === 'module' ? entity.path : null;
        const summary = target ? this.summaries.get(target) : undefined;
        if (target && summary && !summary.base.isTestFile && summary.base.globals.some(([n]) => n === c.name)) out.push({ ...c, path, target });
      }
    }
    return out;
  }

  /**
   * The application module `module` (as imported by the test file at `path`) creates an async engine that may keep a
   * pool (TestFacts.asyncEngine), on a URL that is not SQLite alone (TestFacts.sqliteOnly): not a test file, resolved
   * in the project.
   */
  private poolingAppModule(path: string, absPath: string, module: string): boolean {
    const ref = moduleRefOf(module, absPath);
    if (!ref) return false;
    const entity = this.index.evaluate(path, { k: 'import', target: { k: 'module', module: ref } });
    const target = entity.k === 'module' ? entity.path : null;
    const summary = target ? this.summaries.get(target) : undefined;
    // aiosqlite serves a connection from any loop (checked): only another database's driver fails across loops.
    return !!summary && !summary.base.isTestFile && summary.tests.asyncEngine === true && summary.tests.sqliteOnly !== true;
  }

  /**
   * A function-scoped session fixture switched to the application's async factory (appFactoryFixtures) that more than
   * one async test receives: pytest-asyncio runs each test (and its function-scoped fixtures) in an event loop of its
   * own, and the factory's engine pools its connections, so a connection made in one test's loop is handed to the next
   * test, where asyncpg or aiomysql fail ("another operation is in progress", "attached to a different loop"). No
   * TestClient is needed for that (flagEngineLoops); one finding per fixture, at its definition. The engine lives in
   * application code: the fix is left to the user.
   */
  private flagFixtureEngineLoops(): void {
    for (const { path, fn, requested, factory, module } of this.appFactoryFixtures) {
      const tests = new Set<string>();
      this.forEachReceiver(requested, path, this.summaries.get(path)?.base.absPath ?? '', fn.id, ({ otherPath, consumer }) => {
        const plan = this.files.get(otherPath);
        const async = consumer.isAsync || (plan?.functions.some((c) => c.asyncAt === consumer.id) ?? false);
        if (consumer.test === 'test' && async) tests.add(functionKey(otherPath, consumer.id));
        return () => undefined;
      });
      if (tests.size < 2) continue;
      this.flag(
        path,
        RULES.engineLoops,
        fn.id,
        `the session fixture \`${fn.qualname}\` now opens its sessions from the application's async factory \`${factory}\` (${module}), whose engine keeps a connection pool, and ${tests.size} async tests receive it, each run by pytest-asyncio in an event loop of its own: a connection pooled in one test's loop is handed to the next test, where asyncpg or aiomysql fail ("another operation is in progress", "attached to a different loop"); nothing was changed`,
      );
    }
  }

  /**
   * The dependency a nested override of `consumer` (`def get_session_override(): yield session`) replaces, by name,
   * when it is a project function that is still sync after the earlier stages and is not the sync dependency whose
   * async twin exists (async-tests renames that key to the twin): `dependency_overrides[get_session] =
   * get_session_override` with `get_session` left a sync generator (no twin written for it). What it injects into
   * stays on the sync Session, so the override must keep handing one out. Null otherwise (a key or value that is
   * not a plain name, a function the index cannot see, an async dependency).
   */
  private overriddenSyncDependency(path: string, s: TestSummary, consumer: FunctionSummary, o: NestedOverride): string | null {
    const nested = this.index.function(path, o.def)?.name;
    if (nested === undefined) return null;
    for (const k of s.tests.overrideKeys) {
      if (k.unit !== consumer.id || k.value !== nested || !/^[A-Za-z_]\w*$/.test(k.text)) continue;
      const target = this.index.evaluate(path, { k: 'global', name: k.text });
      if (target.k !== 'function') continue;
      const fn = this.index.function(target.path, target.id);
      if (!fn || this.isAsyncNow(target)) continue;
      if (fn.name === this.dependencies.sync && this.index.evaluate(target.path, { k: 'global', name: this.dependencies.async }).k === 'function') continue;
      return k.text;
    }
    return null;
  }

  /** Some test overrides a dependency named like a session's (`dependency_overrides[get_db]`) that an async handler uses. */
  private overridesSessionDependency(): boolean {
    return [...this.summaries].some(([path, s]) => s.tests.overrideKeys.some((k) => /db|database|session/i.test(k.text) && !this.overridesNoAsyncHandler(path, k.text)));
  }

  /**
   * The override key `text` (a plain name) is a project function that none of the application's async functions
   * injecting a session depends on after the run (`Depends(...)` written out, or through an `Annotated` alias), while
   * some do depend on another provider: a second `get_db` no route uses, say. Overriding it replaces none of their
   * sessions. A key naming the sync dependency counts as its twin in the same module too (async-tests renames the
   * key to it). False when the key is anything else, cannot be resolved, or no async function injects a session.
   */
  private overridesNoAsyncHandler(path: string, text: string): boolean {
    if (!/^[A-Za-z_]\w*$/.test(text)) return false;
    const target = this.index.evaluate(path, { k: 'global', name: text });
    if (target.k !== 'function') return false;
    const keyOf = (f: { path: string; id: number }): string => functionKey(f.path, f.id);
    const covered = new Set([keyOf(target)]);
    if (this.index.function(target.path, target.id)?.name === this.dependencies.sync) {
      const twin = this.index.evaluate(target.path, { k: 'global', name: this.dependencies.async });
      if (twin.k === 'function') covered.add(keyOf(twin));
    }
    let injected = false;
    for (const [app, s] of this.summaries) {
      if (s.base.isTestFile) continue;
      for (const fn of s.base.functions) {
        if (!fn.isAsync || fn.test !== null) continue;
        const providers = [
          ...(fn.params?.depends ?? []).map((d) => this.index.resolveFunction(app, d.of)),
          ...(fn.params?.aliasDepends ?? []).map((d) => this.index.aliasProvider(app, d.of)),
        ];
        for (const provider of providers) {
          if (provider === null) return false; // a provider the index cannot see may be the key
          if (covered.has(keyOf(provider))) return false;
          injected = true;
        }
      }
    }
    return injected;
  }

  /**
   * A session fixture switched to an AsyncSession here, handed to the application by a nested override
   * (`def get_session_override(): return session` in a `client(session)` fixture) whose module talks to it through
   * `TestClient`: TestClient runs the handlers in an event loop of its own, while the fixture opened (and closes) the
   * session in the test's. aiosqlite does not mind; asyncpg and aiomysql connections belong to the loop they were made
   * in. Not where the module names a SQLite URL and no other database's (its tests run on SQLite). Once per project,
   * on the first such override.
   */
  private flagOverrideLoops(): void {
    const found: { path: string; at: number; fixture: string }[] = [];
    for (const [path, plan] of this.files) {
      const s = this.summaries.get(path);
      if (!s || s.tests.clients.length === 0 || s.tests.sqliteOnly) continue;
      for (const [def, o] of plan.overrides) {
        if (!('fixture' in o)) continue;
        const fixture = this.index.function(path, o.fixture)?.qualname ?? 'the session fixture';
        found.push({ path, at: def, fixture });
      }
      for (const [at, fixture] of plan.lambdaOverrides) found.push({ path, at, fixture });
    }
    const first = firstInFileOrder(found, (f) => f.at);
    if (!first) return;
    this.flag(
      first.path,
      RULES.overrideLoops,
      first.at,
      `this dependency override hands the application the AsyncSession of \`${first.fixture}\`, opened in the test's event loop, and \`TestClient\` runs the handlers in an event loop of its own: on SQLite (aiosqlite) that works; with asyncpg or aiomysql the session's connection fails in the other loop ("attached to a different loop")${found.length > 1 ? ` (${found.length - 1} more such override${found.length === 2 ? '' : 's'} in the tests)` : ''}; nothing was changed`,
    );
  }

  fileFor(path: string, source: string): FileTestPlan | null {
    const summary = this.index.module(path);
    if (!summary) return null;
    if (summary.sourceLength !== source.length) throw new Error(`${ID}: ${path} changed between indexing and rewriting (the index was built over another text)`);
    return this.files.get(path) ?? null;
  }

  private planFunction(path: string, s: TestSummary, fn: FunctionSummary, facts: FunctionFacts): void {
    const isTest = fn.test === 'test' && s.base.isTestFile;
    const isFixture = fn.test === 'fixture' && facts.fixture !== null;
    const helperAwaits = this.helpers.converted.get(functionKey(path, fn.id));
    if (helperAwaits) {
      this.planHelper(path, fn, helperAwaits);
      return;
    }
    if (!isTest && !isFixture) return;
    const plan = this.file(path);
    const what = isTest ? `test \`${fn.qualname}\`` : `fixture \`${fn.qualname}\``;

    if (isFixture && facts.session !== null && facts.session !== 'ok') {
      const unawaited = this.unawaitedNote(path, fn);
      const message = `the ${what} opens a sync session, but ${facts.session.reason}, so it was left as it is${unawaited}; tests using it still get a sync Session (those that call async code were made async anyway, and fail until the fixture is converted)`;
      const key = functionKey(path, fn.id);
      // A helper's session is reported once some receiver hands it to async code (flagReachedHelperSessionFixtures),
      // unless the fixture itself leaves a call of async code unawaited.
      if (this.helperSessionFixtures.has(key) && unawaited === '') this.helperSessionFixtures.set(key, { path, offset: fn.id, message });
      else this.flag(path, RULES.sessionFixture, fn.id, message);
      this.noteSyncReceivers(path, s, fn);
      return;
    }

    const awaits: CallSite[] = [];
    const problems: { rule: TestRule; offset: number; message: string; hint?: string }[] = [];
    const usedAsync = new Set(s.asyncUses ?? []);
    for (const call of fn.calls) {
      if (call.ignored || call.onSession) continue;
      for (const ref of call.references ?? []) {
        const target = this.index.resolveFunction(path, ref.expr);
        const replaced = this.replacedBy(path, facts, call, ref.start);
        if (!target) continue;
        const isAsync = this.isAsyncNow(target);
        if (replaced?.async === !isAsync) {
          problems.push({ rule: RULES.syncContext, offset: ref.start, message: `the ${what} replaces the ${replaced.async ? 'async' : 'sync'} \`${replaced.qualname}\` with the ${isAsync ? 'async' : 'sync'} \`${ref.text}\` through \`${ref.receiver}()\`: its callers ${replaced.async ? 'await what it returns' : 'would get an un-awaited coroutine'}` });
          continue;
        }
        if (!isAsync || replaced || ASYNC_AWARE.has(ref.receiver.split('.').pop() ?? '')) continue;
        problems.push({ rule: RULES.syncContext, offset: ref.start, message: `\`${ref.text}\` is async, but the ${what} passes it to \`${ref.receiver}()\`, which calls it without await` });
      }
      for (const lambda of facts.setattrs.filter((a) => a.lambda && this.replacedBy(path, facts, call, a.replacement)?.async)) {
        problems.push({ rule: RULES.syncContext, offset: lambda.replacement, message: `the ${what} replaces an async function with a lambda through \`${call.text}()\`: its callers await what it returns, and a lambda's value cannot be awaited` });
      }
      const target = this.index.resolveFunction(path, call.callee);
      const resolved = target ? this.index.function(target.path, target.id) : undefined;
      const fixtureValue = !target && facts.params.includes(call.text) ? this.asyncCallableFixture(call.text, s.base.absPath) : null;
      const callee = target && resolved && this.isAsyncNow(target) ? { qualname: resolved.qualname, path: target?.path ?? path, isGenerator: resolved.isGenerator } : fixtureValue ? { ...fixtureValue, isGenerator: false } : null;
      if (!callee || call.awaited === 'yes' || usedAsync.has(call.start)) continue;
      const shown = fixtureValue
        ? `\`${call.text}(...)\` calls the fixture's value, the async \`${callee.qualname}\` (${callee.path})`
        : `\`${call.text}(...)\` calls the async \`${callee.qualname}\` (${callee.path})`;
      if (callee.isGenerator) {
        problems.push({ rule: RULES.syncContext, offset: call.start, message: `${shown}, an async generator: the ${what} must iterate it with \`async for\`` });
      } else if (call.awaited === 'misplaced') {
        problems.push({ rule: RULES.syncContext, offset: call.start, message: `${shown}, but the \`await\` before it applies to a longer expression` });
      } else if (call.blocked && !facts.unblocked.includes(call.start)) {
        problems.push({ rule: RULES.syncContext, offset: call.start, message: `${shown}, but it runs ${call.blocked}, where it cannot be awaited` });
      } else awaits.push(call);
    }
    for (const m of fn.mockAssignments ?? []) {
      const target = this.index.resolveFunction(path, m.target);
      const replaced = target && this.isAsyncNow(target) ? this.index.function(target.path, target.id) : undefined;
      if (!replaced) continue;
      const value = m.value === 'mock' ? 'a sync mock' : 'a lambda';
      problems.push({
        rule: RULES.syncContext,
        offset: m.start,
        message: `the ${what} assigns ${value} to \`${m.text}\`, in place of \`${replaced.qualname}\`, which is async now: the code under test awaits what it returns, and ${m.value === 'mock' ? "a Mock's return value" : "a lambda's value"} cannot be awaited (use \`AsyncMock(...)\`)`,
      });
    }
    const alreadyAsync = fn.isAsync;
    if (!alreadyAsync && facts.loopRunner !== undefined && awaits[0] !== undefined) {
      problems.push({ rule: RULES.syncContext, offset: awaits[0].start, message: `\`${awaits[0].text}(...)\` is async now, but the ${what} runs \`${facts.loopRunner}(...)\`, which starts an event loop of its own and fails inside the one an async test runs in (\`RuntimeError\`)`, hint: 'Make the test async by hand: await the coroutine it runs instead (`assert await notify(1) == 1` for `asyncio.run(notify(1))`), and await the calls of the functions made async.' });
    }
    if (awaits.length === 0 && problems.length === 0 && !alreadyAsync) return;
    const own = isFixture && !alreadyAsync ? this.ownSessionCalls(fn, facts) : [];
    const unawaitable = own.find((u) => !u.await);
    if (unawaitable && awaits.length > 0) {
      problems.push({
        rule: RULES.syncContext,
        offset: unawaitable.start,
        message: `the ${what} calls the async \`${awaits[0]?.text ?? ''}(...)\`, but its own \`${unawaitable.param}.${unawaitable.method}()\` (line ${unawaitable.line}), on the session it is given, needs more than an \`await\` to work on an AsyncSession (\`async with\`, select() for query(), run_sync, or a place where await can be written)`,
        hint: 'Convert the fixture by hand: `@pytest_asyncio.fixture async def`, `async with db.begin():`, `(await db.execute(select(...))).scalars()` for `db.query(...)`, and `await` before the session\'s coroutine methods and the async calls.',
      });
    }
    // An `async def` test is broken without its marker and awaits whatever else is wrong in it: it is
    // converted all the same, and only the calls that cannot be awaited are left to the finding.
    for (const p of problems) this.flag(path, p.rule, p.offset, `${p.message}; ${alreadyAsync ? `the rest of the async ${what} was converted` : `the ${what} was left unchanged`}`, p.hint);
    if (awaits.length > 0 || own.length > 0 || problems.length > 0) this.asyncHere.add(functionKey(path, fn.id));
    const refuse = (): void => void this.refused.add(functionKey(path, fn.id));
    if (problems.length > 0 && !alreadyAsync) return refuse();
    if (!alreadyAsync && facts.unittest) {
      this.flag(path, RULES.unittest, fn.id, `the ${what} calls async code, but it is a method of a unittest.TestCase class, whose async methods pytest-asyncio does not run; it was left unchanged`);
      return refuse();
    }
    const loop = this.loopOf.get(functionKey(path, fn.id)) ?? null;
    if (!alreadyAsync && isFixture && !functionScoped(facts) && loop === null) {
      const via = this.blockedVia.get(functionKey(path, fn.id));
      const why = via ? `; it receives the session fixture ${via.fixture}, which keeps its sync session: ${via.why}` : '';
      this.flag(path, RULES.fixtureScope, fn.id, `the ${what} calls async code, but it is ${facts.fixture?.scope === 'dynamic' ? 'of a scope set at run time' : `\`${facts.fixture?.scope}\`-scoped`}: as an async fixture it would run in an event loop of that scope, not the tests' loop${why}; it was left unchanged`);
      return refuse();
    }
    const { marker, decorator } = asyncMarks(plan.mode, s, facts, isTest, isFixture, alreadyAsync, loop);
    if (alreadyAsync && !marker && !decorator) return;
    const reason = awaits.length > 0
      ? `${ID}: the ${what} awaits ${awaits[0]?.text}(), which is async now`
      : `${ID}: the async ${what} needs ${isTest ? 'the asyncio marker' : 'the pytest-asyncio fixture decorator'} to run in strict mode`;
    plan.functions.push({ id: fn.id, asyncAt: alreadyAsync ? null : fn.id, marker, decorator, reason });
    if (!alreadyAsync) plan.resolves.push(madeAsyncAfterAll(fn.id));
    if (awaits.length > 0) this.handoffs.push({ path, fn, facts, awaits });
    for (const call of awaits) plan.awaits.push({ start: call.start, end: call.end, reason: `${ID}: await ${call.text}(): it is async now` });
    // As insert-await awaits them in any other function becoming async: that transform leaves fixtures alone (they
    // stay sync unless this one converts them) and flags these calls, which a second run would await otherwise.
    this.awaitUses(path, fn, own, 'the fixture is async now, and its session an AsyncSession');
  }

  /**
   * Awaits the session calls `uses` of `fn`, each one an `await` fixes (SessionUse.await): they are no sync uses
   * of the session any more, and the findings earlier transforms made at them are settled.
   */
  private awaitUses(path: string, fn: FunctionSummary, uses: readonly SessionUse[], why: string): void {
    const plan = this.file(path);
    if (uses.length > 0) this.asyncHere.add(functionKey(path, fn.id));
    for (const use of uses) {
      const range = use.await as { start: number; end: number };
      plan.awaits.push({ ...range, reason: `${ID}: await ${use.param}.${use.method}(): ${why}` });
      plan.resolves.push(...settled(range.start));
      this.awaitedUses.add(useKey(path, fn, use));
    }
  }

  /** The fixture's own calls on a session it is given that the session resolver knows (an annotated parameter). */
  private ownSessionCalls(fn: FunctionSummary, facts: FunctionFacts): SessionUse[] {
    const onSession = new Set(fn.calls.filter((c) => c.onSession && !c.ignored).map((c) => c.start));
    return facts.sessionUses.filter((u) => onSession.has(u.start));
  }

  /** A helper that receives an async factory (or calls a helper that does): async, awaiting those calls. */
  private planHelper(path: string, fn: FunctionSummary, awaits: CallSite[]): void {
    const plan = this.file(path);
    const reason = `${ID}: the helper \`${fn.qualname}\` awaits ${awaits[0]?.text}(), which is async now`;
    this.asyncHere.add(functionKey(path, fn.id));
    if (!fn.isAsync) {
      plan.functions.push({ id: fn.id, asyncAt: fn.id, marker: null, decorator: null, reason });
      plan.resolves.push(madeAsyncAfterAll(fn.id));
    }
    for (const call of awaits) plan.awaits.push({ start: call.start, end: call.end, reason: `${ID}: await ${call.text}(): it is async now` });
  }

  private isAsyncNow(target: { path: string; id: number }): boolean {
    return !!this.index.function(target.path, target.id)?.isAsync || this.helpers.madeAsync(target.path, target.id);
  }

  /**
   * For the replacement argument of `monkeypatch.setattr(target, "name", replacement)`, the function it
   * replaces when that resolves in the project, or null.
   */
  private replacedBy(path: string, facts: FunctionFacts, call: CallSite, replacement: number): { qualname: string; async: boolean } | null {
    const entry = facts.setattrs.find((a) => a.replacement === replacement && a.call === call.start);
    const holder = entry && !entry.path ? call.references?.find((r) => r.start === entry.target) : undefined;
    if (!entry || (!holder && !entry.path)) return null;
    const target = holder ? this.index.resolveFunction(path, { k: 'attr', of: holder.expr, name: entry.name }) : this.patchTarget(path, entry.path ?? [], entry.name);
    const fn = target ? this.index.function(target.path, target.id) : undefined;
    return target && fn ? { qualname: fn.qualname, async: this.isAsyncNow(target) } : null;
  }

  /**
   * The project function `patch("pkg.mod.Cls.name", ...)` replaces: the longest prefix of the path that is a
   * project module, then attributes, as `mock` imports and walks it.
   */
  private patchTarget(path: string, dotted: string[], name: string): { path: string; id: number } | null {
    for (let cut = dotted.length; cut > 0; cut--) {
      const module: Expr = { k: 'import', target: { k: 'module', module: { anchor: null, parts: dotted.slice(0, cut) } } };
      const found = this.index.evaluate(path, module);
      if (found.k !== 'module' || found.path === null) continue;
      let expr: Expr = module;
      for (const part of [...dotted.slice(cut), name]) expr = { k: 'attr', of: expr, name: part };
      return this.index.resolveFunction(path, expr);
    }
    return null;
  }

  /** The async function a fixture of this name visible from `absPath` provides, when every such fixture provides one. */
  private asyncCallableFixture(name: string, absPath: string): { qualname: string; path: string } | null {
    // Asked for every parameter of every test and fixture, while the modules defining a fixture of a common name
    // (`db`) grow with the project: a name no fixture gives an async callable for is answered before they are read.
    const found = this.asyncCallables.get(name);
    if (found === undefined || found.length === 0) return null;
    const visible = (this.fixtureModules().get(name) ?? []).filter(([p, s]) => this.reaches(name, p, s.base.absPath, absPath));
    if (visible.length === 0) return null;
    const all = visible.every(([p]) => found.some((f) => f.path === p));
    return all ? (found.find((f) => f.path === visible[0]?.[0]) ?? null) : null;
  }

  /**
   * For a session fixture left sync: the calls in it of functions that are async now, which run nowhere (an
   * un-awaited coroutine; `init_db(session)` seeding the database, for one), as a clause of the finding.
   */
  private unawaitedNote(path: string, fn: FunctionSummary): string {
    const calls: string[] = [];
    for (const call of fn.calls) {
      if (call.ignored || call.onSession || call.awaited === 'yes') continue;
      const target = this.index.resolveFunction(path, call.callee);
      if (target && this.isAsyncNow(target)) calls.push(`\`${call.text}(...)\` (line ${call.line})`);
    }
    if (calls.length === 0) return '';
    return `, and its call${calls.length > 1 ? 's' : ''} of ${calls.length > 1 ? 'functions that are' : 'a function that is'} async now, ${calls.join(', ')}, ${calls.length > 1 ? 'are' : 'is'} not awaited: ${calls.length > 1 ? 'they do' : 'it does'} not run`;
  }

  /**
   * Whether some `pytest_plugins` of the project may name the module at `absPath` (one naming a computed value may
   * name any module). A plugin's fixtures reach every test of the run.
   */
  private loadedAsPlugin(absPath: string): boolean {
    const names = new Set(moduleNamesOf(absPath));
    for (const [, s] of this.summaries) {
      const plugins = s.tests.plugins;
      if (plugins === null || plugins.some((p) => names.has(p))) return true;
    }
    return false;
  }

  /**
   * Whether the fixture `name` of the module at `fixturePath` (`fixtureAbs`) reaches a consumer in `consumerAbs`:
   * by pytest's visibility of where it is defined, or of a test module or conftest importing it by that name
   * (`from tests.database import test_db`: pytest registers the fixtures a module binds, imported ones too).
   */
  private reaches(name: string, fixturePath: string, fixtureAbs: string, consumerAbs: string): boolean {
    return fixtureVisible(fixtureAbs, consumerAbs) || this.importers(name, fixturePath).some((abs) => fixtureVisible(abs, consumerAbs));
  }

  /**
   * The test modules and conftests (absolute paths) whose module-level `name` is the fixture `name` of the module
   * at `fixturePath`, imported by its def's name (also through re-exports): pytest registers it under its `name=`,
   * else that name. An import under another name (`import test_db as db`, which pytest registers as `db` when
   * `name=` does not fix it) is not followed.
   */
  private importers(name: string, fixturePath: string): readonly string[] {
    const key = `${fixturePath}\0${name}`;
    const known = this.importersOf.get(key);
    if (known) return known;
    const found: string[] = [];
    const fixtures = this.summaries.get(fixturePath)?.base.functions.filter((f) => f.test === 'fixture' && this.fixtureName(fixturePath, f) === name) ?? [];
    if (fixtures.length > 0) {
      for (const [path, s] of this.summaries) {
        if (path === fixturePath || !s.base.isTestFile) continue;
        const imported = fixtures.some((f) => {
          const target = this.index.resolveFunction(path, { k: 'global', name: f.name });
          return target !== null && target.path === fixturePath && target.id === f.id;
        });
        if (imported) found.push(s.base.absPath);
      }
    }
    this.importersOf.set(key, found);
    return found;
  }

  /** The name tests request a fixture by: its decorator's `name=` when given ('' when not a plain string), else the def's. */
  private fixtureName(path: string, fn: FunctionSummary): string {
    return this.facts.get(functionKey(path, fn.id))?.fixture?.name ?? fn.name;
  }

  /**
   * The modules defining a fixture of each name, in file-list order: looked up per call of a fixture
   * parameter, where scanning every module each time grew with the square of the project.
   */
  private fixtureModules(): Map<string, [string, TestSummary][]> {
    if (this.fixturesByName === null) {
      this.fixturesByName = new Map();
      for (const entry of this.summaries) {
        const names = new Set(entry[1].base.functions.filter((f) => f.test === 'fixture').map((f) => this.fixtureName(entry[0], f)));
        for (const name of names) {
          const list = this.fixturesByName.get(name);
          if (list) list.push(entry);
          else this.fixturesByName.set(name, [entry]);
        }
      }
    }
    return this.fixturesByName;
  }

  /**
   * Scoped session fixtures (`scope="session"`, `"module"`...) may switch to an AsyncSession when the fixture and all
   * the code receiving its value, directly or through other fixtures, run in one event loop of its scope: an
   * AsyncSession (its connection) works only in the loop it was opened in. pytest-asyncio (0.24 and later) runs an
   * async fixture in the loop of its `loop_scope` and a test in the loop its asyncio marker names (the function's by
   * default), so each of them gets that loop scope: `loop_scope=` on the fixtures made (or being) async, a marker
   * naming it on the async tests. Sync tests and fixtures need nothing: pytest-asyncio resolves their async fixtures
   * in the fixtures' own loop. Any receiver that cannot be given the loop scope keeps the fixture sync, flagged.
   */
  private loopDomains(): void {
    const domains: { key: string; what: string; loop: string; members: Map<string, LoopMember>; problems: string[] }[] = [];
    for (const [path, s] of this.summaries) {
      for (const fn of s.base.functions) {
        const key = functionKey(path, fn.id);
        const facts = this.facts.get(key);
        if (fn.test !== 'fixture' || !facts?.fixture || facts.session !== 'ok' || fn.ignored || functionScoped(facts) || this.helpers.converted.has(key)) continue;
        // It stays sync whatever its receivers do (planSessionFixture flags it): they get no loop of its scope.
        if ('reason' in this.blockVerdict(path, s, fn, facts)) continue;
        domains.push({ key, what: `\`${fn.qualname}\` (${path})`, ...this.loopDomain(path, s, fn, facts) });
      }
    }
    // A function receiving two scoped session fixtures of different loop scopes runs in one loop only.
    for (const d of domains) {
      for (const o of domains) {
        if (o === d || o.loop === d.loop) continue;
        const both = [...d.members.keys()].find((k) => o.members.has(k));
        if (both !== undefined) d.problems.push(`${d.members.get(both)?.who ?? '?'} receives the \`${o.loop}\`-scoped session fixture ${o.what} as well`);
      }
    }
    for (const d of domains) {
      if (d.problems.length === 0) {
        this.eligibleDomains.push(d);
        this.loopOf.set(d.key, d.loop);
        for (const m of d.members.keys()) this.loopOf.set(m, d.loop);
        continue;
      }
      const why = d.problems.slice(0, 3).join('; ') + (d.problems.length > 3 ? `; and ${d.problems.length - 3} more` : '');
      this.loopBlocked.set(d.key, why);
      for (const m of d.members.keys()) if (!this.blockedVia.has(m)) this.blockedVia.set(m, { fixture: d.what, why });
    }
  }

  /**
   * A receiver of a scoped session fixture, async in the end, that also receives a fixture this plan made async
   * outside that fixture's receivers (one calling async code, a function-scoped session fixture switching): that
   * one runs in an event loop of its own scope, and what it makes bound to its loop fails in the receiver's.
   * Known only once every function's plan is: flagged, the receiver left as planned.
   */
  private flagLoopMixes(): void {
    const madeAsync = (path: string, id: number): boolean => {
      const plan = this.file(path);
      return plan.functions.some((c) => c.id === id && c.asyncAt !== null) || (plan.sessionFixtures.has(id) && !this.loopOf.has(functionKey(path, id)));
    };
    for (const d of this.eligibleDomains) {
      for (const [key, m] of d.members) {
        if (!((m.fn.isAsync && !this.madeSync.has(key)) || madeAsync(m.path, m.fn.id))) continue;
        const other = m.facts.params
          .filter((p) => !m.facts.parametrized.includes(p))
          .flatMap((param) => (this.fixtureModules().get(param) ?? []).filter(([p, x]) => this.reaches(param, p, x.base.absPath, m.s.base.absPath)).flatMap(([fp, fs]) => fs.base.functions.filter((f) => f.test === 'fixture' && this.fixtureName(fp, f) === param).map((f) => ({ fp, f }))))
          .find(({ fp, f }) => !d.members.has(functionKey(fp, f.id)) && functionKey(fp, f.id) !== d.key && !f.isAsync && madeAsync(fp, f.id));
        if (!other) continue;
        this.flag(
          m.path,
          RULES.fixtureScope,
          m.fn.id,
          `the ${m.fn.test === 'test' ? 'test' : 'fixture'} \`${m.fn.qualname}\` runs in the \`${d.loop}\`-scoped event loop of the session fixture ${d.what} it receives, but it also receives the fixture \`${other.f.qualname}\` (${other.fp}), made async here, which runs in an event loop of its own scope: an AsyncSession or connection made in one loop fails in the other (with asyncpg: "attached to a different loop"); it was converted all the same`,
          `Give \`${other.f.qualname}\` \`loop_scope="${d.loop}"\` when everything receiving it can run in that loop, or stop handing both fixtures to \`${m.fn.qualname}\`.`,
        );
      }
    }
  }

  /**
   * The loop scope of the scoped session fixture `fn` (its scope), the tests and fixtures receiving its value (by
   * functionKey), and what keeps them from running in one loop of that scope: a scope set at run time, a project
   * pinning pytest-asyncio below 0.24 (no `loop_scope`), a receiver whose own marker or `loop_scope` names another loop,
   * a unittest method, an async fixture outside them that an async receiver gets (it runs in another loop), a lookup
   * by `getfixturevalue`.
   */
  private loopDomain(path: string, s: TestSummary, fn: FunctionSummary, facts: FunctionFacts): { loop: string; members: Map<string, LoopMember>; problems: string[] } {
    const scope = facts.fixture?.scope ?? 'function';
    const members = new Map<string, LoopMember>();
    if (scope === 'dynamic') return { loop: scope, members, problems: ['no `loop_scope` can be written for a scope set at run time'] };
    const rank = LOOP_SCOPES.indexOf(scope);
    if (rank < 0) return { loop: scope, members, problems: [`\`${scope}\` is no scope pytest-asyncio runs event loops in`] };
    const problems: string[] = [];
    const pin = this.pinOf(s.base);
    if (pin !== null) problems.push(`the project keeps pytest-asyncio below 0.24 (${pin}), which has no \`loop_scope\` (${OLD_LOOP_BY_HAND(scope)})`);
    // The pre-0.24 way to widen the loop, removed in pytest-asyncio 1.0: a project still doing it runs an older one.
    const loopFixture = (this.fixtureModules().get('event_loop') ?? []).find(([p, x]) => this.reaches('event_loop', p, x.base.absPath, s.base.absPath) || /(^|\/)conftest\.py$/.test(p));
    if (loopFixture) problems.push(`the project overrides pytest-asyncio's \`event_loop\` fixture (${loopFixture[0]}), as versions before 0.24 needed instead of \`loop_scope\` (removed in 1.0; ${OLD_LOOP_BY_HAND(scope)})`);
    const name = this.fixtureName(path, fn);
    if (name === '') return { loop: scope, members, problems: [...problems, 'it is named by an expression, so the code receiving it cannot be found'] };
    const names = [{ name, fromAbs: s.base.absPath }];
    this.forEachReceiver(
      name,
      path,
      s.base.absPath,
      fn.id,
      ({ otherPath, other, consumer, cf }) => {
        const who = `\`${consumer.qualname}\` (${otherPath})`;
        members.set(functionKey(otherPath, consumer.id), { path: otherPath, s: other, fn: consumer, facts: cf, who });
        const problem = loopProblem(other, consumer, cf, scope);
        if (problem) problems.push(`${who} ${problem}`);
        // The handlers it hands the session (or what is made from it) to run in TestClient's own event loop.
        const override = other.tests.overrideKeys.find((k) => k.unit === consumer.id);
        if (override) problems.push(`${who} installs a dependency override (\`dependency_overrides[${override.text}]\`, line ${override.line}): the application's handlers, which TestClient runs in an event loop of its own, would get what it hands them from the fixture's loop`);
        return (passedAs, tooDeep) => {
          if (tooDeep || passedAs === '') problems.push(`${who} hands it on as the fixture \`${passedAs || consumer.name}\`, ${passedAs === '' ? 'named by an expression' : 'through more fixtures than are followed'}`);
          else names.push({ name: passedAs, fromAbs: other.base.absPath });
        };
      },
      true,
    );
    problems.push(...this.lookedUp(names));
    // A receiver also getting an async fixture of another loop would mix the two loops' objects once it is async
    // (the receivers this plan makes async are not known yet: any may be). A function-scoped session fixture that
    // may switch counts as async; a scoped one is a domain of its own (a clash, when its scope differs, see loopDomains).
    const self = functionKey(path, fn.id);
    for (const m of members.values()) {
      for (const param of m.facts.params.filter((p) => !m.facts.parametrized.includes(p))) {
        for (const [fixturePath, fs] of (this.fixtureModules().get(param) ?? []).filter(([p, x]) => this.reaches(param, p, x.base.absPath, m.s.base.absPath))) {
          for (const f of fs.base.functions.filter((x) => x.test === 'fixture' && this.fixtureName(fixturePath, x) === param)) {
            const key = functionKey(fixturePath, f.id);
            const ff = this.facts.get(key);
            const fx = ff?.fixture;
            const isAsync = f.isAsync || fx?.callee === 'pytest_asyncio.fixture' || (ff?.session === 'ok' && functionScoped(ff));
            if (!isAsync || key === self || members.has(key) || fx?.loopScope === scope) continue;
            problems.push(`${m.who} also receives the async fixture \`${f.qualname}\` (${fixturePath}), which runs in another event loop`);
          }
        }
      }
    }
    return { loop: scope, members, problems };
  }

  /** A session fixture switches to an AsyncSession only when nothing that receives the session uses it the sync way. */
  private planSessionFixture(path: string, s: TestSummary, fn: FunctionSummary, facts: FunctionFacts): void {
    const what = `fixture \`${fn.qualname}\``;
    const block = this.blockVerdict(path, s, fn, facts);
    if ('reason' in block) {
      this.flag(path, RULES.sessionFixture, fn.id, `the session ${what} was left sync: ${block.reason}`);
      this.noteSyncReceivers(path, s, fn);
      const requested = this.fixtureName(path, fn);
      if (requested === '') return;
      this.forEachReceiver(requested, path, s.base.absPath, fn.id, ({ otherPath, cf, name }) => {
        for (const o of cf.overrides.filter((x) => x.param === name)) this.file(otherPath).overrides.set(o.def, { blocked: 'the session fixture it hands out was left sync (see its finding)' });
        return () => undefined;
      });
      return;
    }
    const loop = this.loopOf.get(functionKey(path, fn.id));
    if (!functionScoped(facts) && loop === undefined) {
      const why = this.loopBlocked.get(functionKey(path, fn.id)) ?? 'no `loop_scope` can be written for it';
      this.flag(path, RULES.fixtureScope, fn.id, `the session ${what} is ${facts.fixture?.scope === 'dynamic' ? 'of a scope set at run time' : `\`${facts.fixture?.scope}\`-scoped`}; an AsyncSession is bound to the event loop it was opened in, so the fixture and everything receiving it must run in one event loop of that scope (\`loop_scope\`), but ${why}; it was left sync${this.unawaitedNote(path, fn)} (tests using it that call async code were still made async, and fail until it hands out an AsyncSession)`);
      this.noteSyncReceivers(path, s, fn);
      return;
    }
    if (loop !== undefined) this.file(path).loopScopes.set(fn.id, loop);
    // A module pytest does not collect (`tests/fixtures/db.py`) hands its fixtures to tests through an import,
    // which is followed (see reaches), or as a plugin (`pytest_plugins`, `-p`), which is not: its consumers are
    // unknown then, and when no test module or conftest imports it, a plugin is how it reaches them.
    if (!collectedByPytest(s.base.absPath) && (this.loadedAsPlugin(s.base.absPath) || this.importers(this.fixtureName(path, fn), path).length === 0)) {
      this.flag(path, RULES.sessionFixture, fn.id, `the session ${what} is defined in a module that is neither a \`conftest.py\` nor a test module, and reaches tests as a plugin (\`pytest_plugins\`, \`-p\`), which is not followed: the code receiving it cannot be found and checked; it was left sync`);
      this.noteSyncReceivers(path, s, fn);
      return;
    }
    // Tests request it by this name; one given by an expression (`name=NAME`) cannot be matched to them.
    const requested = this.fixtureName(path, fn);
    if (requested === '') {
      this.flag(path, RULES.sessionFixture, fn.id, `the session ${what} is named by an expression (\`name=...\` is not a plain string), so the code receiving it cannot be found and checked; it was left sync`);
      return;
    }
    // Code using the session the sync way follows the fixture only when its rewrite is sure to succeed: the
    // rewrite happens in the fixture's file, and a follower elsewhere awaiting a sync session would fail.
    const switches = facts.switches !== null && facts.switches.requires.every(([module, name]) => importedModuleBinds(this.index, path, s.base.absPath, module, name));
    const engineBlocked = facts.refused === null && facts.engineFixture ? this.engineFixtureShared(path, fn, facts.engineFixture) : null;
    if (engineBlocked !== null) {
      // Its rewrite would make the engine fixture's engine async for every test and fixture pytest hands it to.
      this.flag(path, RULES.sessionFixture, fn.id, `the session ${what} was left sync: its engine comes from the fixture \`${facts.engineFixture?.name}\`, whose engine would have to become an AsyncEngine, but ${engineBlocked}`);
      this.noteSyncReceivers(path, s, fn);
      this.forEachReceiver(requested, path, s.base.absPath, fn.id, ({ otherPath, cf, name }) => {
        for (const o of cf.overrides.filter((x) => x.param === name)) this.file(otherPath).overrides.set(o.def, { blocked: 'the session fixture it hands out was left sync (see its finding)' });
        return () => undefined;
      });
      return;
    }
    if (facts.refused !== null) {
      // Its rewrite fails, and says why there (not its receivers' sync code, which is right for the sync Session
      // it goes on handing out).
      this.noteSyncReceivers(path, s, fn);
      this.file(path).sessionFixtures.add(fn.id);
      // The overrides handing it out stay sync too, and are flagged where they are.
      this.forEachReceiver(requested, path, s.base.absPath, fn.id, ({ otherPath, cf, name }) => {
        for (const o of cf.overrides.filter((x) => x.param === name)) this.file(otherPath).overrides.set(o.def, { blocked: 'the session fixture it hands out was left sync (see its finding)' });
        return () => undefined;
      });
      return;
    }
    const problems: string[] = [];
    const followers: Follower[] = [];
    const bindReads: { path: string; who: string; read: NonNullable<FunctionFacts['bindReads']>[number] }[] = [];
    const overrides: { path: string; override: NestedOverride; awaits: number[] }[] = [];
    const lambdas: { path: string; at: number }[] = [];
    // The names the session goes by (its own, those of fixtures handing it on) and where each is defined.
    const names = [{ name: requested, fromAbs: s.base.absPath }];
    this.forEachReceiver(requested, path, s.base.absPath, fn.id, (r) => {
      const { otherPath, consumer, cf, name } = r;
      const who = `\`${consumer.qualname}\` (${otherPath})${name === requested ? '' : ` receiving it as \`${name}\``}`;
      for (const read of (cf.bindReads ?? []).filter((b) => b.param === name)) bindReads.push({ path: otherPath, who, read });
      const use = this.syncUse(otherPath, consumer, cf, name, 0, new Set());
      const follower = use && switches ? this.follower(otherPath, r.other, consumer, cf, name, name === requested ? s.base.absPath : null) : null;
      if (follower) followers.push(follower);
      else if (use) problems.push(`${who} ${use}`);
      for (const o of cf.overrides.filter((x) => x.param === name)) {
        const keptSync = this.overriddenSyncDependency(otherPath, r.other, consumer, o);
        // The override turns async with the fixture, which only this file's rewrite knows to have succeeded.
        if (keptSync !== null) problems.push(`${who} hands it to the handlers through a dependency override (line ${o.line}) of \`${keptSync}\`, which stays a sync function after the migration (it gets no async twin): the code it is injected into stays sync too, and would get an AsyncSession it does not await`);
        else if (o.awaits === null) problems.push(`${who} hands it to the handlers through a dependency override (line ${o.line}) that does more than yield it and close it`);
        else if (otherPath !== path) problems.push(`${who} hands it to the handlers through a dependency override (line ${o.line}) in another file than the fixture's`);
        else overrides.push({ path: otherPath, override: o, awaits: o.awaits });
      }
      for (const o of (cf.lambdaOverrides ?? []).filter((x) => x.param === name)) lambdas.push({ path: otherPath, at: o.at });
      return (passedAs, tooDeep) => {
        if (tooDeep || passedAs === '') problems.push(`${who} hands it on as the fixture \`${passedAs || consumer.name}\`, ${passedAs === '' ? 'named by an expression' : 'through more fixtures than are followed'}`);
        else names.push({ name: passedAs, fromAbs: r.other.base.absPath });
      };
    });
    problems.push(...this.lookedUp(names));
    if (problems.length > 0) {
      const shown = problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
      this.flag(path, RULES.sessionFixture, fn.id, `the session ${what} could yield an AsyncSession, but code receiving it still uses a sync session: ${shown}; it was left sync`);
      this.noteSyncReceivers(path, s, fn);
      return;
    }
    // Its rewrite may still fail for want of a factory twin (and say why there): it hands out a sync Session as before.
    // That is certain when the twin is imported from a module that lacks it (the rewrite asks this index too), or
    // is one async-engine would not write in its file (asked by the indexer); otherwise it may yet switch.
    if (!switches) this.noteSyncReceivers(path, s, fn, facts.switches !== null || facts.twinUnwritable === true);
    this.file(path).sessionFixtures.add(fn.id);
    for (const call of block) this.file(path).awaits.push({ start: call.start, end: call.end, reason: `${ID}: await ${call.text}(): it is async now, and the session fixture async too` });
    for (const o of overrides) this.file(o.path).overrides.set(o.override.def, { fixture: fn.id, awaits: o.awaits });
    // Left as they are (the AsyncSession is what the handlers expect now), but the session reaches them in TestClient's loop.
    if (switches) for (const o of lambdas) this.file(o.path).lambdaOverrides.set(o.at, fn.qualname);
    for (const f of followers) this.follow(f, fn);
    // Switched, it hands out an AsyncSession, whose bind is the AsyncEngine: nothing here can tell what is done
    // with it (a module's engine patched with it for code opening sync sessions of its own, say).
    if (switches && functionScoped(facts) && loop === undefined) {
      const factory = facts.switches?.requires.find(([module]) => this.poolingAppModule(path, s.base.absPath, module));
      if (factory) this.appFactoryFixtures.push({ path, fn, requested, factory: factory[1], module: factory[0] });
    }
    if (switches) {
      for (const { path: at, who, read } of bindReads) {
        this.flag(
          at,
          RULES.sessionFixture,
          read.start,
          `${who} reads \`${read.text}\` of the session ${what} (${path}), which now hands out an AsyncSession: that is the AsyncEngine it is bound to, not the sync Engine it was; code given it as a sync engine (\`Session(engine)\`, \`engine.connect()\`, a module's engine patched with it for code opening its own sessions) fails with it`,
        );
      }
    }
  }

  /**
   * The calls of async code in a session fixture whose `with` block does more than `yield session` (BlockWork), to
   * await as the fixture turns async; or why it stays sync: a call handing the session on to anything but a function
   * of the project that is async now (a sync helper would get an AsyncSession), an async call where `await` cannot be
   * written, or a rewrite that is not certain (its awaits must not land in a fixture that stays sync).
   */
  private blockVerdict(path: string, s: TestSummary, fn: FunctionSummary, facts: FunctionFacts): CallSite[] | { reason: string } {
    if (facts.refused !== null || !facts.blockHandoffs) return [];
    const key = functionKey(path, fn.id);
    let verdict = this.blockVerdicts.get(key);
    if (!verdict) {
      const switches = facts.switches !== null && facts.switches.requires.every(([module, name]) => importedModuleBinds(this.index, path, s.base.absPath, module, name));
      verdict = this.blockCalls(path, fn, facts.blockHandoffs, switches);
      this.blockVerdicts.set(key, verdict);
    }
    return verdict;
  }

  private blockCalls(path: string, fn: FunctionSummary, handoffs: NonNullable<FunctionFacts['blockHandoffs']>, switches: boolean): CallSite[] | { reason: string } {
    if (!switches) return { reason: 'its `with` block does more than `yield session`, and the async twin of its session factory is not certain to be written' };
    const awaits: CallSite[] = [];
    for (const call of fn.calls) {
      if (call.onSession) continue;
      const target = this.index.resolveFunction(path, call.callee);
      if (!target || !this.isAsyncNow(target)) continue;
      if (call.ignored || call.awaited !== undefined || call.blocked !== undefined || this.index.function(target.path, target.id)?.isGenerator) {
        return { reason: `its call of \`${call.text}(...)\` (line ${call.line}), async now, cannot be awaited where it is` };
      }
      awaits.push(call);
    }
    const missing = handoffs.find((h) => !awaits.some((c) => c.start === h.start && c.end === h.end));
    if (missing) return { reason: `its \`with\` block hands the session to \`${missing.text}(...)\`, which is not a project function that is async after the migration: it would get an AsyncSession it does not await` };
    return awaits;
  }

  /**
   * A class's fixture storing a sync session fixture's value on the test object (`self.db = db`): the methods of
   * its class awaiting calls on `self.db` got those awaits from the earlier stages (the attribute holds a session
   * for them) and receive the sync session as well. Only when that fixture is the class's one store of the
   * attribute: another may put something else there.
   */
  private noteSelfReceivers(path: string, s: TestSummary, storer: FunctionSummary, attr: string, fixture: { qualname: string; path: string; id: number }): void {
    const cls = storer.qualname.slice(0, storer.qualname.lastIndexOf('.'));
    const members = s.base.functions.filter((f) => f.qualname.startsWith(`${cls}.`) && !f.qualname.slice(cls.length + 1).includes('.'));
    const stores = members.flatMap((f) => (this.facts.get(functionKey(path, f.id))?.selfStores ?? []).filter((x) => x.attr === attr));
    if (stores.length !== 1) return;
    const at = `self.${attr}`;
    for (const f of members) {
      const facts = this.facts.get(functionKey(path, f.id));
      // It awaits calls on the stored session, or hands it to other code (a coroutine function: handedToCoroutine).
      if (f.id === storer.id || !facts || !(facts.awaits.some((a) => a.receiver === at) || facts.selfForwards?.some((x) => x.param === at))) continue;
      const key = functionKey(path, f.id);
      const receiver = this.syncReceivers.get(key) ?? { path, s, fn: f, facts, fixtures: new Map() };
      if (!receiver.fixtures.has(at)) receiver.fixtures.set(at, fixture);
      this.syncReceivers.set(key, receiver);
    }
  }

  /**
   * Why the engine fixture `engine` (defined in `path`) cannot become async for the session fixture `fn` alone, or
   * null: pytest hands a fixture parameter the nearest fixture of that name for the requesting test, so another
   * fixture of that name anywhere in the project may be the one a test gets; and any other test or fixture taking
   * it (`engine.connect()`, `Session(engine)` left sync) would get the AsyncEngine. Checked project-wide, not by
   * visibility: cheap, and on the safe side.
   */
  private engineFixtureShared(path: string, fn: FunctionSummary, engine: { name: string; id: number; loop?: string }): string | null {
    const found: string[] = [];
    // An engine fixture made async in the loop of its scope (it holds `with _engine.begin():` open) needs `loop_scope`.
    const s = this.summaries.get(path);
    if (engine.loop !== undefined && engine.loop !== 'function' && s) {
      const pin = this.pinOf(s.base);
      if (pin !== null) found.push(`it would become an async fixture with \`loop_scope\`, and the project keeps pytest-asyncio below 0.24 (${pin}), which has none`);
      const loopFixture = (this.fixtureModules().get('event_loop') ?? []).find(([p, x]) => this.reaches('event_loop', p, x.base.absPath, s.base.absPath) || /(^|\/)conftest\.py$/.test(p));
      if (loopFixture) found.push(`it would become an async fixture with \`loop_scope\`, and the project overrides pytest-asyncio's \`event_loop\` fixture (${loopFixture[0]}), as versions before 0.24 needed instead`);
    }
    for (const [otherPath, other] of this.summaries) {
      for (const f of other.base.functions) {
        if (otherPath === path && (f.id === engine.id || f.id === fn.id)) continue;
        const ff = this.facts.get(functionKey(otherPath, f.id));
        if (f.test === 'fixture' && this.fixtureName(otherPath, f) === engine.name) found.push(`another fixture \`${f.qualname}\` (${otherPath}, line ${f.line}) is named \`${engine.name}\` too, and pytest hands the nearest one to each test`);
        else if (f.test === 'fixture' && this.fixtureName(otherPath, f) === '') found.push(`the fixture \`${f.qualname}\` (${otherPath}, line ${f.line}) is named by an expression, and may be named \`${engine.name}\``);
        else if ((f.test !== null || ff?.fixture) && ff?.params.includes(engine.name)) found.push(`\`${f.qualname}\` (${otherPath}, line ${f.line}) takes \`${engine.name}\` too, and would get the AsyncEngine`);
      }
      for (const lookup of other.tests.fixtureLookups) {
        if (lookup.name === null || lookup.name === engine.name) found.push(`${otherPath} gets ${lookup.name === null ? 'a fixture named by an expression' : `\`${lookup.name}\``} by \`getfixturevalue(...)\` (line ${lookup.line})`);
      }
    }
    if (found.length === 0) return null;
    return found.slice(0, 3).join('; ') + (found.length > 3 ? `; and ${found.length - 3} more` : '');
  }

  /**
   * `request.getfixturevalue("db")` where a fixture of one of `names` is visible (its own name, or one handing it
   * on): the value is got at run time, and what the code does with it is not followed. A lookup by an expression
   * may be any fixture's.
   */
  private lookedUp(names: readonly { name: string; fromAbs: string }[]): string[] {
    const found: string[] = [];
    for (const [path, s] of this.summaries) {
      for (const lookup of s.tests.fixtureLookups) {
        const hit = names.find((n) => (lookup.name === null || lookup.name === n.name) && fixtureVisible(n.fromAbs, s.base.absPath) && (lookup.name === null || !this.hiddenFrom(n.name, n.fromAbs, s.base.absPath, null)));
        if (hit) found.push(`${path} gets ${lookup.name === null ? 'a fixture named by an expression' : `\`${lookup.name}\``} by \`getfixturevalue(...)\` (line ${lookup.line}), which is not followed`);
      }
    }
    return found;
  }

  /**
   * For a session fixture left sync: the tests and fixtures receiving it, settled once every function's plan is
   * known (settleSyncReceivers).
   */
  private noteSyncReceivers(path: string, s: TestSummary, fixture: FunctionSummary, certain = true): void {
    const name = this.fixtureName(path, fixture);
    if (name === '') return;
    this.syncSessionFixtures.add(functionKey(path, fixture.id));
    this.forEachReceiver(name, path, s.base.absPath, fixture.id, ({ otherPath, other, consumer, cf, name: as }) => {
      const key = functionKey(otherPath, consumer.id);
      const receiver = this.syncReceivers.get(key) ?? { path: otherPath, s: other, fn: consumer, facts: cf, fixtures: new Map() };
      if (!receiver.fixtures.has(as)) receiver.fixtures.set(as, { qualname: fixture.qualname, path, id: fixture.id, ...(certain ? {} : { certain }) });
      this.syncReceivers.set(key, receiver);
      for (const store of cf.selfStores.filter((x) => x.param === as)) this.noteSelfReceivers(otherPath, other, consumer, store.attr, { qualname: fixture.qualname, path, id: fixture.id });
      return (passedAs, tooDeep) => {
        // A fixture handing it on is a session fixture left sync too.
        if (!tooDeep && passedAs !== '') this.syncSessionFixtures.add(key);
      };
    }, false, true);
  }

  /**
   * Every test and fixture that can receive the session fixture `name` (visible from `fromAbs`), and, through each
   * fixture handing it on unchanged (`def session(db): return db`), under that fixture's name from where that one
   * is visible, up to MAX_FORWARD_DEPTH such steps. `each` sees every receiver once per name; for a receiver that
   * hands the value on it returns what to do with the name it hands it on under (`''`: an expression) and whether
   * the walk stops there for depth, before the walk goes on with that name. `throughEvery`: through every fixture
   * receiving it, not only those handing it on unchanged (for event loops: what they make of it may be bound to its loop).
   */
  private forEachReceiver(
    requested: string,
    fromPath: string,
    fromAbs: string,
    fromId: number,
    each: (r: { otherPath: string; other: TestSummary; consumer: FunctionSummary; cf: FunctionFacts; name: string }) => (passedAs: string, tooDeep: boolean) => void,
    throughEvery = false,
    /** pytest-bdd steps too (FunctionFacts.bddStep): they take fixtures by name as tests do. */
    steps = false,
  ): void {
    const seen = new Set<string>();
    const visit = (name: string, fromPath: string, fromAbs: string, fromId: number, depth: number): void => {
      // A fixture defined in a class reaches the methods of that class and of its subclasses only, wherever they are.
      const fromClass = this.summaries.get(fromPath)?.base.functions.find((f) => f.id === fromId)?.classId ?? null;
      const fromKey = functionKey(fromPath, fromId);
      for (const [otherPath, other] of this.summaries) {
        if (fromClass === null && !this.reaches(name, fromPath, fromAbs, other.base.absPath)) continue;
        for (const consumer of other.base.functions) {
          const cf = this.facts.get(functionKey(otherPath, consumer.id));
          if ((consumer.test === null && !(steps && cf?.bddStep && !consumer.isAsync)) || (otherPath === fromPath && consumer.id === fromId)) continue;
          if (fromClass !== null && !this.inherits(otherPath, consumer.classId, { path: fromPath, id: fromClass })) continue;
          if (!cf || !cf.params.includes(name) || cf.parametrized.includes(name) || this.hiddenFrom(name, fromAbs, other.base.absPath, consumer.classId, functionKey(otherPath, consumer.id), fromKey, fromClass !== null)) continue;
          const forward = each({ otherPath, other, consumer, cf, name });
          const key = functionKey(otherPath, consumer.id);
          if (consumer.test !== 'fixture' || cf.fixture === null || (!throughEvery && cf.handsOut !== name) || seen.has(key)) continue;
          seen.add(key);
          const passedAs = this.fixtureName(otherPath, consumer);
          const tooDeep = depth >= MAX_FORWARD_DEPTH;
          forward(passedAs, tooDeep);
          if (!tooDeep && passedAs !== '') visit(passedAs, otherPath, other.base.absPath, consumer.id, depth + 1);
        }
      }
    };
    visit(requested, fromPath, fromAbs, fromId, 0);
  }

  /**
   * A fixture `name` nearer to a consumer (in `consumerAbs`, a method of the class `consumerClass` of its module or
   * not) than the module at `fromAbs` defining one: one of its class's or of a base class's, its module's, or a
   * conftest's in a directory below that module's (not when the one asked about is a class's: `askedInClass`). pytest
   * hands the consumer that one. Not the consumer itself (`self`, a functionKey): a fixture requesting its own name
   * (`def db(db):`) gets the farther one it overrides. Nor the fixture asked about (`asked`, a functionKey): a
   * class's fixture hides the module's from its methods, not from itself.
   */
  private hiddenFrom(name: string, fromAbs: string, consumerAbs: string, consumerClass: number | null, self = '', asked = '', askedInClass = false): boolean {
    const fromDir = dirname(fromAbs);
    const consumerPath = this.pathOf(consumerAbs);
    const imported = consumerPath === null ? null : this.importedFixture(consumerPath, name);
    if (imported !== null && imported !== fromAbs && imported !== '?') return true;
    return (this.fixtureModules().get(name) ?? []).some(([path, m]) => {
      const abs = m.base.absPath;
      const own = abs === consumerAbs;
      const closer = !own && abs !== fromAbs && /(^|\/)conftest\.py$/.test(abs) && fixtureVisible(abs, consumerAbs) && dirname(abs).length > fromDir.length;
      return m.base.functions.some((f) => {
        if (f.test !== 'fixture' || this.fixtureName(path, f) !== name || functionKey(path, f.id) === self || functionKey(path, f.id) === asked) return false;
        // A class's fixture, for the methods of that class and its subclasses, wherever they are.
        if (f.classId !== null) return consumerPath !== null && this.inherits(consumerPath, consumerClass, { path, id: f.classId });
        // The module's own fixture is nearer unless it is the one asked about; neither it nor a conftest's is nearer than a class's.
        return !askedInClass && (own ? abs !== fromAbs : closer);
      });
    });
  }

  /** The class `classId` of module `path` is `base` or a subclass of it (as far as the index resolves its bases). */
  private inherits(path: string, classId: number | null, base: { path: string; id: number }): boolean {
    if (classId === null) return false;
    return (this.index.mro({ path, id: classId }) ?? []).some((c) => c.path === base.path && c.id === base.id);
  }

  /**
   * When module `path` binds `name` by an import (`from tests.fakes import db`): the absolute path of the module
   * defining the fixture it imports, or '?' when it is not known to be a project fixture (pytest hands the module's
   * tests a conftest's fixture then, unless it is a plugin's). Null when no import binds the name.
   */
  private importedFixture(path: string, name: string): string | null {
    const binding = this.index.module(path)?.globals.find(([n]) => n === name)?.[1];
    if (binding?.k !== 'import') return null;
    const entity = this.index.evaluate(path, { k: 'global', name });
    const target = entity.k === 'function' ? this.index.function(entity.path, entity.id) : undefined;
    return target?.test === 'fixture' ? (this.summaries.get(entity.k === 'function' ? entity.path : '')?.base.absPath ?? '?') : '?';
  }

  /** The display path of the module at `absPath`, or null. */
  private pathOf(absPath: string): string | null {
    this.pathsByAbs ??= new Map([...this.summaries].map(([path, s]) => [s.base.absPath, path]));
    return this.pathsByAbs.get(absPath) ?? null;
  }

  /**
   * The tests and fixtures receiving a session fixture left sync. Earlier transforms wrote async code where the
   * parameter is annotated `Session` (the annotation made it a session for them): `db: AsyncSession`, `await
   * db.commit()`, and `async def` for the awaits, before this transform decided the fixture's fate. On the sync
   * Session the fixture hands out, `await db.commit()` raises TypeError, in a test that may have passed before
   * the migration. When those awaits are all it has of async code, it gets its sync code back (see SyncBack);
   * when it awaits other code too (an async CRUD function it hands the session to), it must stay async, and the
   * sync session fails there: it is flagged at its first await on the session, as is a fixture this transform
   * made async for the code it calls, awaiting its own calls on that session.
   */
  private settleSyncReceivers(): void {
    for (const [key, r] of this.syncReceivers) {
      const back = this.syncBack(key, r);
      if (back) {
        const plan = this.file(r.path);
        plan.syncBacks.push(back);
        // The asyncio marker / pytest_asyncio decorator planned for the async def it was.
        if (back.async) {
          plan.functions = plan.functions.filter((f) => f.id !== r.fn.id);
          this.madeSync.add(key);
        }
        // insert-await's findings at the session calls of a fixture it had to leave sync: they are sync calls on a sync session.
        for (const u of r.facts.sessionUses.filter((x) => r.fixtures.has(x.param))) plan.resolves.push({ rule: AWAIT_RULES.syncContext, offset: u.start });
        // A fixture given back only its `Session` annotation may still hand out a repository built on the sync session.
        if (r.fn.test === 'fixture') this.flagHeldSession(r);
        continue;
      }
      // Left a plain def: its calls on the sync session are right as they are, whatever insert-await said of them.
      if (!r.fn.isAsync && !this.asyncHere.has(key)) {
        // A pytest-bdd step may be handed another fixture of the name (see definedOnce): then nothing is settled.
        if (r.fn.test === null && !this.definedOnce(r)) continue;
        const plan = this.file(r.path);
        for (const u of r.facts.sessionUses.filter((x) => r.fixtures.has(x.param))) plan.resolves.push({ rule: AWAIT_RULES.syncContext, offset: u.start });
        // A fixture handing out a repository built on the sync session: the tests awaiting its methods get it.
        if (r.fn.test === 'fixture' && this.flagHeldSession(r)) this.keepSyncAnnotations(r);
        // A pytest-bdd step stays sync (pytest-bdd calls it without await): the sync Session it gets is what it uses.
        else if (r.fn.test === null) this.keepSyncAnnotations(r);
        continue;
      }
      const written = r.fn.calls.find((c) => c.onSession && c.awaited === 'yes' && !c.ignored && c.text.split('.').length === 2 && r.fixtures.has(c.text.split('.')[0] ?? ''));
      const planned = r.facts.sessionUses.find((u) => r.fixtures.has(u.param) && this.awaitedUses.has(useKey(r.path, r.fn, u)));
      const onSelf = r.facts.awaits.find((a) => a.receiver !== null && a.receiver.startsWith('self.') && r.fixtures.has(a.receiver));
      const at = written
        ? { start: written.start, param: written.text.split('.')[0] ?? '', call: written.text }
        : planned
          ? { start: planned.start, param: planned.param, call: `${planned.param}.${planned.method}` }
          : onSelf?.receiver
            ? { start: onSelf.call ?? onSelf.start, param: onSelf.receiver, call: `${onSelf.receiver}.${onSelf.method ?? ''}` }
            : null;
      const what = `${r.fn.test === 'test' ? 'test' : 'fixture'} \`${r.fn.qualname}\``;
      const handed = at ? null : this.handedToCoroutine(r);
      const handedFixture = handed ? r.fixtures.get(handed.param) : undefined;
      if (handed && handedFixture) {
        // No await on the session itself, but a coroutine function it awaits gets the sync Session: its own awaits on
        // the session's methods fail there. Nothing in the test can be given back: the call must stay awaited.
        this.reached(handedFixture);
        this.flag(
          r.path,
          RULES.sessionFixture,
          handed.start,
          `the ${what} awaits \`${handed.call}(...)\`, which is async now, handing it \`${handed.param}\`, but the session fixture \`${handedFixture.qualname}\` (${handedFixture.path}) was left sync (see its finding) and hands it a sync Session: the coroutine function's awaits on that session fail with TypeError until the fixture yields an AsyncSession`,
          `Convert the fixture \`${handedFixture.qualname}\` to an async one (\`@pytest_asyncio.fixture async def ...: async with AsyncSessionLocal() as session: yield session\`): the ${what} then works as written.`,
        );
        continue;
      }
      const fixture = at ? r.fixtures.get(at.param) : undefined;
      if (!at || !fixture) {
        // Also when it hands the session only to coroutine functions that never await it (async def helpers left on
        // the sync Session): the sync Session it gets is what they use, and its annotation says so.
        if (!handed && (this.flagHeldSession(r) || this.handedToCoroutine(r, false) !== null)) this.keepSyncAnnotations(r);
        continue;
      }
      this.reached(fixture);
      this.flag(
        r.path,
        RULES.sessionFixture,
        at.start,
        `the ${what} awaits \`${at.call}(...)\` on \`${at.param}\`, but the session fixture \`${fixture.qualname}\` (${fixture.path}) was left sync (see its finding) and hands it a sync Session, whose methods return no awaitable: it fails with TypeError until the fixture yields an AsyncSession; it was not given back its sync code, as it ${this.whyAsync(key, r)}`,
        `Convert the fixture \`${fixture.qualname}\` to an async one (\`@pytest_asyncio.fixture async def ...: async with AsyncSessionLocal() as session: yield session\`): the ${what} then works as written.`,
      );
    }
  }

  /**
   * A receiver of a sync session fixture that builds a project object keeping that session (`repo =
   * UserRepository(db_session)`, a fixture returning one), whose methods awaiting it are async now: those methods
   * fail with TypeError on the sync Session, wherever the object is used (a test awaiting `repo.create(...)`, or the
   * tests a fixture hands it to). The call handing the session over is not the awaited one, so handedToCoroutine does
   * not see it; it is flagged at the constructor call. Whether it was.
   */
  private flagHeldSession(r: SyncReceiver): boolean {
    for (const f of r.facts.forwards) {
      const fixture = r.fixtures.get(f.param);
      if (!fixture || fixture.certain === false) continue;
      const call = r.fn.calls.find((c) => c.start === f.callStart && c.end === f.callEnd);
      if (!call || call.ignored) continue;
      const entity = this.index.evaluate(r.path, call.callee);
      if (entity.k !== 'class') continue;
      const cls = { path: entity.path, id: entity.id };
      const attrs = this.index.heldAttributes(cls, { position: f.position, keyword: f.keyword });
      if (attrs.size === 0) continue;
      const methods = [
        ...new Set(
          this.index
            .heldUses(cls, attrs)
            .map((u) => this.index.findMethod(cls, u.use.in))
            .filter((m): m is { path: string; id: number } => m !== null && this.isAsyncNow(m))
            .map((m) => this.index.function(m.path, m.id)?.qualname ?? '?'),
        ),
      ];
      if (methods.length === 0) continue;
      this.reached(fixture);
      const what = `${r.fn.test === 'test' ? 'test' : 'fixture'} \`${r.fn.qualname}\``;
      const shown = methods.slice(0, 3).map((m) => `\`${m}\``).join(', ') + (methods.length > 3 ? ', ...' : '');
      this.flag(
        r.path,
        RULES.sessionFixture,
        call.start,
        `the ${what} builds \`${call.text}(...)\` on \`${f.param}\`, but the session fixture \`${fixture.qualname}\` (${fixture.path}) was left sync (see its finding) and hands it a sync Session: ${shown} ${methods.length === 1 ? 'is' : 'are'} async now and await${methods.length === 1 ? 's' : ''} that session, and ${r.fn.test === 'test' ? 'the calls awaiting them fail' : 'every test awaiting them fails'} with TypeError until the fixture yields an AsyncSession`,
        `Convert the fixture \`${fixture.qualname}\` to an async one (\`@pytest_asyncio.fixture async def ...: async with AsyncSessionLocal() as session: yield session\`): the ${what} then works as written.`,
      );
      return true;
    }
    return false;
  }

  /**
   * Whether each fixture name the receiver gets a sync session fixture's value by is that of one fixture in the
   * project (none named by an expression). pytest-bdd fills a step's parameters from the fixtures of the scenario's
   * test, whose module may see another fixture of the name than the step's module does: only then is it certain.
   */
  private definedOnce(r: SyncReceiver): boolean {
    return [...r.fixtures.keys()].every((name) => {
      const defs = [...this.summaries].flatMap(([path, s]) => s.base.functions.filter((f) => f.test === 'fixture' && ['', name].includes(this.fixtureName(path, f))));
      return defs.length === 1;
    });
  }

  /**
   * A receiver flagged for building an object on a sync session fixture (flagHeldSession), which awaits no call on
   * that session itself: the earlier stages switched its parameter's annotation to `AsyncSession` for the session
   * transforms' sake, but what it gets is the sync Session the fixture hands out, and the object keeps that one.
   * The annotation is set back to `Session` (the awaits it has are on the object's methods, and stay). Only for
   * fixtures certain to stay sync: one that may yet switch hands out an AsyncSession.
   */
  private keepSyncAnnotations(r: SyncReceiver): void {
    const annotations = r.facts.asyncSessionParams.filter((p) => p.sync !== null && r.fixtures.has(p.param) && r.fixtures.get(p.param)?.certain !== false);
    if (annotations.length === 0 || r.fn.ignored) return;
    const fixtures = [...new Set(annotations.map((a) => r.fixtures.get(a.param)?.qualname))].map((q) => `\`${q}\``).join(', ');
    this.file(r.path).syncBacks.push({
      def: r.fn.id,
      awaits: false,
      async: false,
      annotations: annotations.map((a) => ({ start: a.start, end: a.end, text: a.sync?.name ?? 'Session', module: a.sync?.module ?? '', add: a.sync?.add ?? false })),
      reason: `${ID}: the session fixture ${fixtures} stays sync, so the ${r.fn.test ?? 'pytest-bdd step'} \`${r.fn.qualname}\` gets a sync Session, and its annotation says so`,
    });
  }

  /**
   * The first call of the receiver `r` that hands it one of its sync session fixtures' values and is awaited (as
   * written, or by this plan) on a function that is async now and may await that session (`awaitingIt`; with false,
   * one that never does: see mayAwaitSession), or null.
   */
  private handedToCoroutine(r: SyncReceiver, awaitingIt = true): { start: number; param: string; call: string } | null {
    const planned = new Set(this.file(r.path).awaits.map((a) => a.start));
    for (const f of [...r.facts.forwards, ...(r.facts.selfForwards ?? [])]) {
      const fixture = r.fixtures.get(f.param);
      if (!fixture || fixture.certain === false) continue;
      const call = r.fn.calls.find((c) => c.start === f.callStart);
      if (!call || call.ignored || (call.awaited !== 'yes' && !planned.has(call.start))) continue;
      const target = this.index.resolveFunction(r.path, call.callee);
      if (target && this.isAsyncNow(target) && this.mayAwaitSession(target, new Set()) === awaitingIt) return { start: call.start, param: f.param, call: call.text };
    }
    return null;
  }

  /**
   * Whether the coroutine function `target` may await a session it is handed: a session call of its own awaited, or an
   * awaited call handing a session to project code that may (or to code the index cannot resolve). One that only calls
   * its session without await (an `async def` helper propagate-async left on the sync Session of twin-less handlers)
   * works on the sync Session a fixture left sync hands it. Made async by this stage's helpers: assumed to.
   */
  private mayAwaitSession(target: { path: string; id: number }, seen: Set<string>): boolean {
    const key = functionKey(target.path, target.id);
    if (seen.has(key)) return false;
    seen.add(key);
    const fn = this.index.function(target.path, target.id);
    if (!fn || !fn.isAsync) return true;
    for (const c of fn.calls) {
      if (c.awaited !== 'yes' || c.ignored) continue;
      if (c.onSession) return true;
      if (!c.sessionArg) continue;
      const inner = this.index.resolveFunction(target.path, c.callee);
      if (!inner || this.mayAwaitSession(inner, seen)) return true;
    }
    return false;
  }

  /**
   * propagate-async flags the session calls of an unannotated helper parameter that callers hand a session
   * (ASYNC-SESSION-UNRECOGNISED: "after the migration that is an AsyncSession"). When every call handing it one
   * passes a session fixture left sync, as a test or fixture receiving it (see settleSyncReceivers), the helper
   * gets the sync Session it always got: its calls are right as they are, and those findings are settled. Any
   * other call handing it a session, or one whose callee or argument is not told here, keeps them.
   */
  private settleSyncHelpers(): void {
    if (this.syncReceivers.size === 0) return;
    // helper key + parameter → whether every session handed to it is a sync fixture's.
    const handed = new Map<string, { path: string; fn: FunctionSummary; param: string; sync: boolean }>();
    for (const path of this.index.paths()) {
      for (const caller of this.index.module(path)?.functions ?? []) {
        for (const call of caller.calls) {
          if (!call.sessionArg) continue;
          const target = this.index.resolveFunction(path, call.callee);
          const callee = target ? this.index.function(target.path, target.id) : undefined;
          if (!target || !callee?.params?.untypedSessionLike) continue;
          const bound = callee.kind === 'method' || callee.kind === 'classmethod' ? 1 : 0;
          const r = this.syncReceivers.get(functionKey(path, caller.id));
          for (const key of call.sessionArg) {
            const param = paramAt(callee.params.untypedSessionLike, typeof key === 'string' ? key : key + bound);
            if (param === undefined) continue;
            const passed = r?.facts.forwards.find((f) => f.callStart === call.start && f.callEnd === call.end && (typeof key === 'string' ? f.keyword === key : f.position === key));
            const sync = !!passed && r!.fixtures.has(passed.param) && (r!.fn.test !== null || this.definedOnce(r!));
            const at = `${functionKey(target.path, callee.id)}:${param}`;
            const known = handed.get(at);
            handed.set(at, { path: target.path, fn: callee, param, sync: sync && (known?.sync ?? true) });
          }
        }
      }
    }
    for (const { path, fn, param, sync } of handed.values()) {
      if (!sync) continue;
      for (const call of fn.calls.filter((c) => c.text.startsWith(`${param}.`))) this.file(path).resolves.push({ rule: PROPAGATE_RULES.unrecognisedSession, offset: call.start });
    }
  }

  /**
   * Whether another fixture of a name the receiver gets a sync session fixture's value by is visible from it (a
   * closer conftest's, its module's own), which pytest may hand it instead, maybe an AsyncSession.
   */
  private shadowed(r: SyncReceiver): boolean {
    return [...r.fixtures.keys()].some((name) =>
      (this.fixtureModules().get(name) ?? [])
        .filter(([p, m]) => this.reaches(name, p, m.base.absPath, r.s.base.absPath))
        .some(([path, m]) =>
          m.base.functions.some((f) => {
            // A class's fixture is visible to the methods of that class and its subclasses only.
            if (f.classId !== null && !this.inherits(r.path, r.fn.classId, { path, id: f.classId })) return false;
            return f.test === 'fixture' && this.fixtureName(path, f) === name && !this.syncSessionFixtures.has(functionKey(path, f.id));
          }),
        ),
    );
  }

  /** Why a receiver of a sync session fixture keeps its async code (see settleSyncReceivers). */
  private whyAsync(key: string, r: SyncReceiver): string {
    const other = r.facts.awaits.find((a) => a.receiver === null || !r.fixtures.has(a.receiver));
    if (this.asyncHere.has(key) || other) return 'awaits other async code';
    if (r.facts.otherAsync) return 'has other async code (`async with`, `async for`, or an `await` in a nested def)';
    if (this.shadowed(r)) return 'may get its session from another fixture of that name, which may hand out an AsyncSession';
    return 'could not be given back its sync form with certainty';
  }

  /**
   * What gives a receiver of sync session fixtures (SyncReceiver) its sync code back, or null when something
   * else in it needs async code or the annotation cannot be set back with certainty: every `await` of its own
   * body must be on a call of such a session whose sync twin is the same call, and nothing else in it async.
   */
  private syncBack(key: string, r: SyncReceiver): SyncBack | null {
    const { fn, facts } = r;
    const isTest = fn.test === 'test' && r.s.base.isTestFile;
    const isFixture = fn.test === 'fixture' && facts.fixture !== null;
    if ((!isTest && !isFixture) || fn.ignored || this.asyncHere.has(key) || this.refused.has(key) || facts.otherAsync) return null;
    const ignored = new Set(fn.calls.filter((c) => c.ignored).map((c) => c.start));
    const onSession = (a: OwnAwait): boolean => a.receiver !== null && a.method !== null && r.fixtures.has(a.receiver) && SYNC_BACK_METHODS.has(a.method) && a.call !== null && !ignored.has(a.call);
    if (!facts.awaits.every(onSession)) return null;
    if (this.shadowed(r)) return null;
    const awaited = new Set(facts.awaits.map((a) => a.receiver));
    const annotated = facts.asyncSessionParams.filter((p) => r.fixtures.has(p.param));
    // Each session it awaits calls on was annotated, and goes back to `Session`, or had no annotation (the session
    // fixture's name made it a session for the earlier stages): that is how the awaits came.
    const bare = new Set(facts.bareParams);
    // `self.db` holding such a session (see noteSelfReceivers) has no annotation here to set back.
    const stored = (p: string | null): boolean => p !== null && p.startsWith('self.') && r.fixtures.has(p);
    if ([...awaited].some((p) => !annotated.some((a) => a.param === p) && !bare.has(p as string) && !stored(p)) || annotated.some((a) => a.sync === null)) return null;
    if (annotated.length === 0 && awaited.size === 0) return null;
    // Async before the migration (its own marker, a pytest_asyncio fixture, a module marked for asyncio): it stays async, without the awaits.
    const wasAsync = facts.marked || r.s.tests.moduleMarked || facts.fixture?.callee === 'pytest_asyncio.fixture';
    const fixtures = [...new Set(annotated.map((a) => r.fixtures.get(a.param)?.qualname))].map((q) => `\`${q}\``).join(', ');
    return {
      def: fn.id,
      awaits: true,
      async: fn.isAsync && facts.awaits.length > 0 && !wasAsync,
      annotations: annotated.map((a) => ({ start: a.start, end: a.end, text: a.sync?.name ?? 'Session', module: a.sync?.module ?? '', add: a.sync?.add ?? false })),
      reason: `${ID}: the session fixture ${fixtures} stays sync, so the ${isTest ? 'test' : 'fixture'} \`${fn.qualname}\` gets its sync code back`,
    };
  }

  /**
   * A test or fixture receiving the session fixture `param` that uses it the sync way only through calls an
   * `await` fixes (`db.commit()`, `db.refresh(user)`, `db.execute(...)`; `db.add(x)` needs none): it follows
   * the fixture, becoming async and awaiting them when the fixture switches to an AsyncSession (a seeding
   * fixture, a test committing rows). Null when it cannot: another use needs more than `await` (`query()`,
   * `with db.begin()`, a helper using it the sync way, a nested def), or the function cannot become async (a
   * unittest method, a fixture of a wider scope, one left sync for calls it cannot await, an ignored line).
   */
  private follower(path: string, s: TestSummary, fn: FunctionSummary, facts: FunctionFacts, param: string, fixtureAbs: string | null = null): Follower | null {
    const uses = facts.sessionUses.filter((u) => u.param === param && !this.awaitedUses.has(useKey(path, fn, u)));
    const ignored = new Set(fn.calls.filter((c) => c.ignored).map((c) => c.start));
    if (uses.length === 0 || uses.some((u) => !u.await || ignored.has(u.start)) || fn.ignored || this.refused.has(functionKey(path, fn.id))) return null;
    const isTest = fn.test === 'test' && s.base.isTestFile;
    const isFixture = fn.test === 'fixture' && facts.fixture !== null && facts.session === null;
    // An import of the name may bind another fixture, which pytest would hand it instead (see hiddenFrom); not when
    // it imports the very fixture followed (`fixtureAbs`: its module, when it is received by its own name).
    const imported = this.importedFixture(path, param);
    if ((!isTest && !isFixture) || (imported !== null && (fixtureAbs === null || imported !== fixtureAbs))) return null;
    if (!fn.isAsync && (facts.unittest || (isFixture && !functionScoped(facts) && !this.loopOf.has(functionKey(path, fn.id))))) return null;
    // With these awaited, nothing else it does with the session may be sync (a helper it hands it to).
    const rest = this.syncUse(path, fn, facts, param, 0, new Set(), new Set(uses.map((u) => useKey(path, fn, u))));
    return rest ? null : { path, s, fn, facts, uses, isTest, isFixture };
  }

  /** Converts a follower (see follower) of the session fixture `fixture`, which switches to an AsyncSession. */
  private follow(f: Follower, fixture: FunctionSummary): void {
    const plan = this.file(f.path);
    const what = `${f.isTest ? 'test' : 'fixture'} \`${f.fn.qualname}\``;
    const reason = `${ID}: the ${what} uses the session fixture \`${fixture.qualname}\`, which yields an AsyncSession now`;
    if (!f.fn.isAsync && !plan.functions.some((c) => c.asyncAt === f.fn.id)) {
      const { marker, decorator } = asyncMarks(plan.mode, f.s, f.facts, f.isTest, f.isFixture, false, this.loopOf.get(functionKey(f.path, f.fn.id)) ?? null);
      plan.functions.push({ id: f.fn.id, asyncAt: f.fn.id, marker, decorator, reason });
      plan.resolves.push(madeAsyncAfterAll(f.fn.id));
    }
    this.awaitUses(f.path, f.fn, f.uses, `the session fixture \`${fixture.qualname}\` yields an AsyncSession now`);
  }

  /**
   * How `fn` (or a helper it hands the session to) uses parameter `param` the sync way, or null. `awaiting`: uses
   * (useKey) to count as awaited besides those already planned.
   */
  private syncUse(path: string, fn: FunctionSummary, facts: FunctionFacts, param: string, depth: number, seen: Set<string>, awaiting: ReadonlySet<string> = NONE): string | null {
    const key = `${functionKey(path, fn.id)}:${param}`;
    if (seen.has(key) || depth > MAX_FORWARD_DEPTH) return null;
    seen.add(key);
    const left = facts.sessionUses.filter((u) => u.param === param && !this.awaitedUses.has(useKey(path, fn, u)) && !awaiting.has(useKey(path, fn, u)));
    // The use an `await` cannot fix, when there is one, is what keeps a follower from following.
    // No await can fix this one: factory_boy makes its calls on the session itself.
    const handed = facts.factoryStores?.find((x) => x.param === param);
    if (handed) return `hands it to factory_boy (\`${handed.text}\`, line ${handed.line}), whose SQLAlchemy factories call \`add()\` and \`commit()\`/\`flush()\` on it without await, which never writes their rows on an AsyncSession`;
    const direct = left.find((u) => !u.await) ?? left[0];
    if (direct) return `calls \`${param}.${direct.method}()\` without await (line ${direct.line})`;
    for (const f of facts.forwards) {
      if (f.param !== param) continue;
      const call = fn.calls.find((c) => c.start === f.callStart && c.end === f.callEnd);
      const made = call ? this.index.evaluate(path, call.callee) : null;
      if (made?.k === 'class') {
        const held = this.heldUse(made, f);
        if (held) return held;
        continue;
      }
      const target = call ? this.index.resolveFunction(path, call.callee) : null;
      const callee = target ? this.index.function(target.path, target.id) : undefined;
      if (!target || !callee || callee.isAsync) continue;
      if (callee.sessionBlocker) return `passes it to \`${callee.qualname}\`, which still calls \`${callee.sessionBlocker}\` without await`;
      const cf = this.facts.get(functionKey(target.path, target.id));
      if (!cf) continue;
      const offset = callee.kind === 'method' && call?.callee.k === 'attr' ? 1 : 0;
      const name = f.keyword ?? (f.position === null ? null : cf.params[f.position + offset]);
      if (!name) continue;
      const inner = this.syncUse(target.path, callee, cf, name, depth + 1, seen);
      if (inner) return `passes it to \`${callee.qualname}\`, which ${inner}`;
    }
    return null;
  }

  /**
   * A session handed to the constructor of a project class (`Seeder(db)`, `UserRepository(session=db)`): the
   * `__init__` that runs (the first on the class's MRO) stores that parameter on the instance, itself or through
   * the `super().__init__(...)` it hands it to, and a method of a class on the MRO calls a session method on
   * that attribute the sync way. Which methods the code holding the object calls is not followed: any such use
   * counts.
   */
  private heldUse(cls: { path: string; id: number }, f: { position: number | null; keyword: string | null }, depth = 0): string | null {
    const qualname = this.index.classSummary(cls.path, cls.id)?.qualname ?? '?';
    const attrs = this.index.heldAttributes(cls, f);
    const found = attrs.size > 0 ? this.index.heldUses(cls, attrs).find((u) => !u.use.awaited) : undefined;
    if (found) {
      const { path, use } = found;
      return `passes it to \`${qualname}(...)\`, which keeps it as \`self.${use.attr}\`, and whose method \`${use.in}\` calls \`self.${use.attr}.${use.method}()\` without await (${path}:${use.line})`;
    }
    // `self.repo = LegacyRepo(db)` in the `__init__` that runs, its parameter a session there (annotated).
    const init = this.index.findMethod(cls, '__init__');
    if (!init || depth >= MAX_FORWARD_DEPTH) return null;
    for (const call of this.index.function(init.path, init.id)?.calls ?? []) {
      if (!call.sessionArg || call.onSession) continue;
      const made = this.index.evaluate(init.path, call.callee);
      if (made.k !== 'class') continue;
      for (const slot of call.sessionArg) {
        const inner = this.heldUse(made, typeof slot === 'string' ? { position: null, keyword: slot } : { position: slot, keyword: null }, depth + 1);
        if (inner) return `passes it to \`${qualname}(...)\`, which ${inner}`;
      }
    }
    return null;
  }

  private file(path: string): FileTestPlan {
    let plan = this.files.get(path);
    if (!plan) {
      plan = { functions: [], awaits: [], sessionFixtures: new Set(), findings: [], mode: 'strict', overrides: new Map(), lambdaOverrides: new Map(), resolves: [], syncBacks: [], loopScopes: new Map() };
      this.files.set(path, plan);
    }
    return plan;
  }

  private flag(path: string, rule: TestRule, offset: number, message: string, hint: string = HINTS[rule]): void {
    this.file(path).findings.push({ rule, offset, message, hint });
  }
}

const NONE: ReadonlySet<string> = new Set();

/** A session call of a function, as TestPlan.awaitedUses holds it. */
/** `a.b.c` as the index's expression (a global and its attributes); null for no name. */
function dottedExpr(names: readonly string[]): Expr | null {
  const [first, ...rest] = names;
  if (first === undefined) return null;
  return rest.reduce<Expr>((of, name) => ({ k: 'attr', of, name }), { k: 'global', name: first });
}

function useKey(path: string, fn: FunctionSummary, use: SessionUse): string {
  return `${functionKey(path, fn.id)}@${use.start}`;
}

/** A test or fixture receiving session fixtures left sync (`fixtures`: each one's name, as it receives it, and where it is). */
interface SyncReceiver {
  path: string;
  s: TestSummary;
  fn: FunctionSummary;
  facts: FunctionFacts;
  /** `certain: false`: the fixture stays sync only if its rewrite fails for want of a factory twin its file may yet get. */
  fixtures: Map<string, { qualname: string; path: string; id: number; certain?: false }>;
}

/** A test or fixture that follows a session fixture to an AsyncSession (TestPlan.follower). */
interface Follower {
  path: string;
  s: TestSummary;
  fn: FunctionSummary;
  facts: FunctionFacts;
  uses: SessionUse[];
  isTest: boolean;
  isFixture: boolean;
}

/**
 * What earlier transforms reported at a session call this one awaits: insert-await's call in a fixture that
 * had to stay sync, propagate-async's call on an unannotated parameter it could not tell for a session.
 */
/**
 * propagate-async's ASYNC-CALLER-BLOCKED at a test, fixture or helper it left a plain def for a sync session call
 * (insert-await leaves fixtures alone): this transform makes it async and awaits those calls, so the finding's
 * "it is left a plain def" no longer holds.
 */
function madeAsyncAfterAll(fnId: number): { rule: string; offset: number } {
  return { rule: PROPAGATE_RULES.callerBlocked, offset: fnId };
}

function settled(offset: number): { rule: string; offset: number }[] {
  return [AWAIT_RULES.syncContext, PROPAGATE_RULES.unrecognisedSession].map((rule) => ({ rule, offset }));
}

/** A test or fixture receiving a scoped session fixture's value (see TestPlan.loopDomain). */
interface LoopMember {
  path: string;
  s: TestSummary;
  fn: FunctionSummary;
  facts: FunctionFacts;
  /** How a finding names it. */
  who: string;
}

/** Why a test or fixture receiving a session fixture of scope `loop` cannot run in that fixture's event loop, or null. */
function loopProblem(s: TestSummary, fn: FunctionSummary, facts: FunctionFacts, loop: string): string | null {
  if (facts.unittest) return 'is a method of a unittest.TestCase class, which pytest-asyncio does not run in a loop of that scope';
  if (fn.ignored && fn.isAsync) return 'is async on a line marked `# awaitify: ignore`, where no loop scope can be written';
  const fixture = fn.test === 'fixture' ? facts.fixture : null;
  if (fixture === null) {
    const other = [...facts.markLoops, ...s.tests.moduleMarkLoops].find((m) => m !== loop);
    if (other === undefined) return null;
    return `carries an async marker running it in another event loop (${other === '' ? `one without \`loop_scope="${loop}"\`` : `\`loop_scope="${other}"\``})`;
  }
  if (fixture.scope === 'dynamic') return 'is a fixture of a scope set at run time';
  if (LOOP_SCOPES.indexOf(fixture.scope ?? 'function') > LOOP_SCOPES.indexOf(loop)) return `is a fixture of a wider scope (\`${fixture.scope}\`)`;
  const own = fixture.loopScope ?? (fixture.callee === 'pytest_asyncio.fixture' ? '' : null);
  if (own !== null && own !== loop) return `is an async fixture running in another event loop (${own === '' ? 'no `loop_scope`' : `\`loop_scope="${own}"\``})`;
  return null;
}

function functionScoped(facts: FunctionFacts): boolean {
  return facts.fixture?.scope === null || facts.fixture?.scope === 'function';
}

/**
 * What a test or fixture becoming (or being) async needs besides `async`: the asyncio marker for a test in
 * strict mode without one, `pytest_asyncio.fixture` for a fixture (in auto mode only for one made async here).
 */
function asyncMarks(mode: AsyncioMode, s: TestSummary, facts: FunctionFacts, isTest: boolean, isFixture: boolean, alreadyAsync: boolean, loop: string | null = null): Pick<ConvertedFunction, 'marker' | 'decorator'> {
  const strict = mode === 'strict';
  // What was async before the run is run by whatever ran it then (a decorator, unittest, anyio): only a loop scope
  // this run's session fixture needs is written on it.
  const runner = strict && !(facts.asyncInInput && loop === null);
  // A loop scope needs the marker in auto mode too. The markers it has already name that loop scope (see loopDomain).
  const marker = isTest && (runner || loop !== null) && !facts.marked && !s.tests.moduleMarked ? { at: facts.markerAt, indent: facts.indent, loop } : null;
  const decorator = isFixture && facts.fixture && facts.fixture.callee !== 'pytest_asyncio.fixture' && (runner || !alreadyAsync || loop !== null) ? { start: facts.fixture.start, end: facts.fixture.end, loop, slot: facts.fixture.slot } : null;
  return { marker, decorator };
}

/** A module pytest collects fixtures from by itself: a `conftest.py`, or a test module as its default `python_files` names them. */
function collectedByPytest(absPath: string): boolean {
  return /^(conftest|test_.*|.*_test)\.py$/.test(absPath.slice(absPath.lastIndexOf('/') + 1));
}

/** pytest's fixture visibility: a conftest's fixtures reach every test below its directory, a module's only itself. */
function fixtureVisible(fixtureAbs: string, consumerAbs: string): boolean {
  if (/(^|\/)conftest\.py$/.test(fixtureAbs)) return consumerAbs.startsWith(`${dirname(fixtureAbs)}/`);
  return fixtureAbs === consumerAbs;
}

/** The first of `items` by path, then by offset in the file: the one a once-per-project finding goes on. */
function firstInFileOrder<T extends { path: string }>(items: readonly T[], offset: (item: T) => number): T | undefined {
  return [...items].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : offset(a) - offset(b)))[0];
}
