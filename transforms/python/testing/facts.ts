// What async-tests needs to know about one module beyond the project index's summary: pytest markers,
// fixture decorators and scopes, session fixtures, and how functions use the session they are given.
// Plain data, keyed by the same function ids (offsets of `def`) as the project index.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import { awaitState } from '../awaits/awaiting';
import { placeOf } from '../awaits/context';
import { ASYNC_OBJECT_METHODS, AWAITED_METHODS, SESSION_LIKE_METHODS } from '../awaits/methods';
import { sqliteMemory, twinName } from '../async-engine';
import { isTestPath } from '../index/modules';
import { bindingsIn, parametersOf } from '../query/bindings';
import { asyncKeyword, callArgs, decoratorsOf, dottedName, isAsyncDef, namedChildren, sameNode, start, end, type CallArgs } from '../query/syntax';
import { collectImports, isModuleLevel, localNamesFor, type ModuleImports } from '../support/imports';
import type { SessionFactoryKind } from '../../../engine/types';
import { isReturnOf, ownExits, passthroughShape, sessionShape } from './session-shape';
import { fixtureDecorator, plainString, sessionOpener, type FixtureDecorator } from './fixtures';
import { ASYNC_SESSION_MODULES, boundAtModuleLevel } from '../support/sync-back';
import { type LineOf, treeLine } from '../support/input-lines';

const MARK = /^@\s*(?:pytest\.)?mark\.(asyncio|anyio|trio)\b/;
/** A string literal opening with a SQLite URL, and one opening with another database's (see TestFacts.sqliteOnly). */
const SQLITE_URL = /["']sqlite(?:\+\w+)?:\/\//;
const OTHER_DATABASE_URL = /["'](?:postgres(?:ql)?|mysql|mariadb|oracle|mssql|cockroachdb)(?:\+\w+)?:\/\//;
const MARKS = /\bmark\.(asyncio|anyio|trio)\b(\s*\(([^()]*)\))?/g;

/**
 * The event loop scope each async-runner marker in `text` names: the `loop_scope="..."` of an asyncio marker, or ''
 * for any other (a bare `mark.asyncio`, which runs in the default loop scope, pytest-asyncio 0.23's `scope=`, a
 * computed value, anyio or trio).
 */
export function markLoops(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(MARKS)) {
    const loop = m[1] === 'asyncio' && m[3] !== undefined ? /^\s*loop_scope\s*=\s*["'](\w+)["']\s*,?\s*$/.exec(m[3]) : null;
    found.push(loop?.[1] ?? '');
  }
  return found;
}

export interface FunctionFacts {
  id: number;
  params: string[];
  /** Marked for an async runner (asyncio, anyio, trio) on itself or its class. */
  marked: boolean;
  /** The loop scope of each of those markers (see markLoops). */
  markLoops: string[];
  fixture: FixtureDecorator | null;
  /** Where a marker line goes (before the first decorator) and that line's indentation. */
  markerAt: number;
  indent: string;
  /** A method of a unittest.TestCase subclass (by the base's name). */
  unittest: boolean;
  /**
   * `async def` in the run's input, not made async by an earlier transform: something already runs it (a marker,
   * a decorator, unittest's IsolatedAsyncioTestCase, anyio), so it gets no marker or fixture decorator for
   * running it. False when unknown (set by the async-tests indexer from IndexInput.untouched).
   */
  asyncInInput: boolean;
  /**
   * The first call of its own body that runs an event loop of its own (`asyncio.run`, `loop.run_until_complete`...:
   * see loopRunnerCall), as written; absent when none. Set by the async-tests indexer.
   */
  loopRunner?: string;
  /** For fixtures: the session shape ('ok'), a reason it is not recognised, or null when it opens no session. */
  session: 'ok' | { reason: string } | null;
  /**
   * For session fixtures ('ok') whose `with Factory() as session:` block does more than hand the session out (see
   * BlockWork): the calls there handing the session on, which must be to functions async now. Absent otherwise.
   */
  blockHandoffs?: { start: number; end: number; text: string }[];
  /**
   * For session fixtures ('ok'): the rewrite to an AsyncSession succeeds once the project modules it imports
   * the factory twin from bind it (`[module as written, twin]`, checked by the plan); null when it fails. Set by
   * the async-tests indexer (the rewrite needs the tree); null when not asked.
   */
  switches: { requires: [string, string][] } | null;
  /** For session fixtures ('ok'): why the rewrite fails whatever the project binds (set by the indexer, as `switches`); null otherwise. */
  refused: string | null;
  /**
   * For session fixtures ('ok') whose rewrite needs a factory twin their file lacks (`switches` null, `refused`
   * null): set when async-engine, which the rewrite runs on the file to add it, would not write it either, so the
   * fixture certainly stays sync (set by the indexer). Absent otherwise.
   */
  twinUnwritable?: true;
  /**
   * For session fixtures whose rewrite makes the engine of an engine fixture of their file async (see
   * own-engine.ts): that fixture's name and def offset, set by the indexer. The plan refuses the rewrite when
   * anything else in the project may receive that fixture, or another fixture of that name. Absent otherwise.
   */
  engineFixture?: { name: string; id: number; loop?: string };
  /**
   * The parameter a fixture hands on as its own value, unchanged (`def session(db): return db`, `yield db`):
   * its consumers receive that fixture's value under this fixture's name. Null when it hands out anything else.
   */
  handsOut: string | null;
  /** `param.method(...)` calls that only work on a sync session, left without await (see SessionUse). */
  sessionUses: SessionUse[];
  /** Arguments that are one of the parameters, by call: to follow the session into helpers. */
  /** `callEnd` tells apart calls starting at the same offset (`make(db).build()` and `make(db)`). */
  forwards: { param: string; callStart: number; callEnd: number; position: number | null; keyword: string | null }[];
  /**
   * Arguments that are an attribute of `self` as given (`crud.get_item(self.db, 1)`), by call, as `forwards` (`param`:
   * `self.db`): a session fixture's value a class fixture stored there (selfStores) reaches the function through them.
   * Absent when none.
   */
  selfForwards?: { param: string; callStart: number; callEnd: number; position: number | null; keyword: string | null }[];
  /** Calls the index reports inside a generator expression that are in its first iterable, evaluated by the function itself. */
  unblocked: number[];
  /**
   * `monkeypatch.setattr(target, "name", replacement)` and `patch.object(...)` calls: offsets of the target
   * and replacement arguments. For `patch("pkg.mod.name", replacement)`, `path` holds the dotted target
   * (`target` is then the string's offset).
   */
  setattrs: { call: number; target: number; name: string; replacement: number; lambda: boolean; path?: string[] }[];
  /** Dependency overrides of the session dependency that are nested defs handing out a parameter (see overridesOf). */
  overrides: NestedOverride[];
  /**
   * `<app>.dependency_overrides[get_db] = lambda: session`, `session` a parameter: the override hands the fixture's value
   * to the handlers as it is, so nothing in it changes, but it reaches them in TestClient's event loop (see
   * TestPlan.flagOverrideLoops). Absent when none.
   */
  lambdaOverrides?: { param: string; at: number }[];
  /** The `await`s of its own body (see OwnAwait). */
  awaits: OwnAwait[];
  /** It needs to be async for more than its own `await`s: an `async with` / `async for` of its own, an `await` in a def nested in it. */
  otherAsync: boolean;
  /** Parameters annotated `AsyncSession` (see AsyncSessionParam). */
  asyncSessionParams: AsyncSessionParam[];
  /** Parameters with neither annotation nor default: a session fixture's name alone made them sessions for the earlier stages. */
  bareParams: string[];
  /** Parameters a `parametrize` decorator of the function or its class may name: pytest gives them its values, not a fixture's (see parametrizedParams). */
  parametrized: string[];
  /** `self.<attr> = <value>` in its own body; `param` when the value is one of its parameters as given (`self.db = db`). */
  selfStores: { attr: string; param: string | null }[];
  /**
   * A pytest-bdd step (`@given(...)`, `@when`, `@then`, `@step`, imported from `pytest_bdd` or reached through an
   * import of it): pytest-bdd calls it without await and fills its parameters with fixtures by name, as pytest does a
   * test's. Absent when not.
   */
  bddStep?: true;
  /**
   * Reads of the engine a parameter is bound to, `param.bind` or `param.get_bind()` (nested defs included): once
   * that parameter's session fixture hands out an AsyncSession, they give the AsyncEngine. Absent when none.
   */
  bindReads?: { param: string; start: number; text: string }[];
  /**
   * A parameter handed to factory_boy as the session its SQLAlchemy factories write through
   * (`UserFactory._meta.sqlalchemy_session = db`, `... .sqlalchemy_session_factory = lambda: db`), nested defs
   * included. Absent when none.
   */
  factoryStores?: { param: string; line: number; text: string }[];
}

/** An `await` in a function's own body; `receiver` and `method` when it awaits a call `receiver.method(...)` on a plain name. */
export interface OwnAwait {
  start: number;
  /** The awaited call's offset; null when the operand is no call. */
  call: number | null;
  /** A plain name, or `self.<attr>`. */
  receiver: string | null;
  method: string | null;
}

/**
 * A parameter annotated with the `AsyncSession` class imported at module level (`db: AsyncSession`): the name's
 * range in the annotation, and the sync `Session` that takes its place when the function gets its sync code back
 * (the local name, and whether it must be imported); null when `Session` is bound to something else here.
 */
export interface AsyncSessionParam {
  param: string;
  start: number;
  end: number;
  sync: { module: string; name: string; add: boolean } | null;
}

/**
 * `param.method(...)` left without await where an AsyncSession needs it (or has no such method). `start`: the
 * call's offset. `await`: the call's range when the function itself makes the call and an `await` before it
 * is all an AsyncSession needs (a coroutine method whose result is not an object with coroutine methods of its
 * own, in a place where `await` can be written); absent for the others (`query()`, `with db.begin()`, a call
 * in a nested def...).
 */
export interface SessionUse {
  param: string;
  method: string;
  line: number;
  start: number;
  await?: { start: number; end: number };
}

/**
 * `def override_get_db(): try: yield session finally: session.close()` nested in a fixture or test taking
 * `session`, installed there as `<app>.dependency_overrides[get_db] = override_get_db`: it hands the fixture's
 * value to the handlers, so it must hand out what the handlers expect.
 */
export interface NestedOverride {
  /** Offset of the nested `def`. */
  def: number;
  /** The parameter of the enclosing function it yields. */
  param: string;
  /** Offsets of the teardown calls (`session.close()`) to await when it becomes async; null when it is not a plain passthrough. */
  awaits: number[] | null;
  line: number;
}

export interface TestFacts {
  /** A module-level `pytestmark` naming an async runner marker. */
  moduleMarked: boolean;
  /** The loop scope of each async-runner marker of the module's `pytestmark`s (see markLoops). */
  moduleMarkLoops: string[];
  functions: FunctionFacts[];
  /**
   * `TestClient(...)` calls (FastAPI's or Starlette's). `oneLoop`: opened by `with` in a session-scoped
   * fixture, so every request of the run is served in that one client's event loop.
   */
  clients: { start: number; oneLoop: boolean }[];
  /** The keys of `<app>.dependency_overrides[<key>] = ...` assignments, as written, and where each key starts. */
  overrideKeys: { text: string; at: number; unit: number | null; line: number; value: string }[];
  /** Patches of the session dependency by a dotted path (see PatchedName). */
  patchedNames: PatchedName[];
  /** `patch("pkg.mod.name")` with nothing saying what replaces it (see PatchedObject); empty when none. */
  patchedObjects: PatchedObject[];
  /** Dependency overrides handing out a mock without a spec (see MockedOverride). Absent when none. */
  mockedOverrides?: MockedOverride[];
  /** Mocks without a spec handed to a constructor or function (see MockedArg). Absent when none. */
  mockedArgs?: MockedArg[];
  /**
   * The module writes a SQLite URL literal and no other database's (`"sqlite:///./test.db"`): its tests run on
   * SQLite, whose async driver does not tie a connection to an event loop. Absent otherwise.
   */
  sqliteOnly?: true;
  /**
   * The first plain string literal of the module that is a private in-memory SQLite URL (`"sqlite://"`,
   * `"sqlite+aiosqlite:///:memory:"`), a lookup's default included: a database only the connection that opened it
   * sees, so a sync and an async engine made on it are two databases. Absent when none.
   */
  memoryDatabase?: string;
  /**
   * The module creates an async engine that may keep a connection pool (`create_async_engine(...)`,
   * `async_engine_from_config(...)` without `poolclass=NullPool`, written by hand or by async-engine earlier in the
   * run). Absent otherwise.
   */
  asyncEngine?: true;
  /**
   * `request.getfixturevalue("db")` (or the old `getfuncargvalue`) anywhere in the module: a fixture got by name at
   * run time, not as a parameter. `name`: null when the argument is no plain string (any fixture may be meant).
   */
  fixtureLookups: { name: string | null; line: number }[];
  /**
   * The modules a module-level `pytest_plugins = "m"` / `["m", ...]` / `("m", ...)` names; null when it is
   * something else (computed: any module may be meant). Empty without one.
   */
  plugins: string[] | null;
  /** `SessionLocal.configure(bind=...)` on a session factory the module imports (see ConfiguredFactory). Absent when none. */
  configuredFactories?: ConfiguredFactory[];
}

/**
 * `SessionLocal.configure(bind=connection)` in a test module, `SessionLocal` imported by name (`from app.db import
 * SessionLocal`): the tests rebind a session factory of the application, typically to a connection whose transaction
 * each test rolls back. Recorded for a name with "session" in it; the plan checks it is the application's and that
 * the migrated handlers open their sessions from its async twin instead.
 */
export interface ConfiguredFactory {
  /** Offset of the `configure` call. */
  at: number;
  /** The module it is imported from, as written (`app.db.database`, `.database`). */
  module: string;
  /** Its name in that module. */
  name: string;
  /** The async twin that name's module binds after the migration (`AsyncSessionLocal`). */
  twin: string;
  /**
   * What `bind=` is: `engine` for an engine made right there or by a module-level name assigned once
   * (`create_async_engine(...)`, `create_engine(...)`, `async_engine_from_config(...)`), with `nullPool` when it is
   * made with `poolclass=NullPool`; `other` for anything else (a connection, typically).
   */
  bind: 'engine' | 'other';
  nullPool?: true;
}

/**
 * A patcher naming a module attribute by a dotted string: `patch("app.service.get_db", ...)` (mock's or
 * pytest-mock's, decorator included), `monkeypatch.setattr("app.service.get_db", value)` / `.delattr(...)`,
 * `patch.multiple("app.service", get_db=...)`. Recorded for the sync session dependency's name, whose
 * imports async-get-db replaces by its twin's, and for names with "session" in them (`SessionLocal`), whose
 * imports insert-await replaces by the async factory twin's when every use in the module became async.
 */
export interface PatchedName {
  /** Offset of the string (of the keyword, for `patch.multiple`). */
  at: number;
  /** The dotted path before the name, as mock imports and walks it. */
  holder: string[];
  name: string;
  /** The async twin that took the name's place in migrated modules. */
  twin: string;
  /** The session dependency (`get_db`), or a session factory (`SessionLocal`, its twin named as async-engine names it). */
  kind: 'dependency' | 'factory';
  /** The patcher as written (`mocker.patch`). */
  patcher: string;
  /** `create=True` / `raising=False`: a missing attribute is created (mock) or passed over (monkeypatch) instead of raising. */
  tolerant: boolean;
}

/**
 * `patch("app.api.routes.post_repository")` (mock's or pytest-mock's, decorator included) with no replacement
 * (`new`, `new_callable`) nor spec (`spec`, `spec_set`, `autospec`): mock puts a MagicMock there, unless the
 * original is an async function (then an AsyncMock). A MagicMock standing for an object or class whose methods
 * became async returns plain values where the code awaits them now.
 */
/**
 * `<app>.dependency_overrides[get_service] = lambda: service` where `service = MagicMock()` (or `Mock()`) has no
 * spec, or the lambda makes that mock itself: every attribute of such a mock is a sync MagicMock, whatever the
 * dependency's methods are.
 */
export interface MockedOverride {
  /** Offset of the lambda. */
  at: number;
  /** The override's key as a dotted name (`get_service`, `deps.get_service`). */
  key: string[];
  /** The mock as written in the lambda (`service`, `MagicMock()`). */
  mock: string;
}

/**
 * `service = TelemetryService(repo=repo)` with `repo = MagicMock()` (or `Mock()`) without a spec, in the same function
 * or at module level: the class keeps the mock where it expects a project object, and awaits its methods if they
 * became async; a spec-less mock's methods return plain values.
 */
export interface MockedArg {
  /** Offset of the argument. */
  at: number;
  /** The callee as a dotted name (`TelemetryService`, `services.TelemetryService`). */
  callee: string[];
  /** The argument's position as written, or its keyword. */
  key: number | string;
  /** The mock as written (`repo`, `MagicMock()`). */
  mock: string;
  /** Attributes of the mock the same function sets to `AsyncMock(...)` (`repo.save = AsyncMock()`): awaitable. */
  asyncAttrs: string[];
}

export interface PatchedObject {
  /** Offset of the string. */
  at: number;
  holder: string[];
  name: string;
  patcher: string;
}

/**
 * `dependencies`: the names of the session dependency and its async twin, whose overrides are followed (and
 * whose patches by dotted path are recorded, the first for the second).
 */
export function testFacts(tree: SgRoot, source: string, path: string, dependencies: readonly string[] = [], factories: Readonly<Record<string, SessionFactoryKind>> = {}, lineOf: LineOf = treeLine): TestFacts {
  const root = tree.root();
  const imports = collectImports(tree);
  const isOpener = sessionOpener(root, imports, factories);
  const sessionClasses = new Set(['sqlalchemy.orm', 'sqlalchemy.orm.session', 'sqlmodel'].flatMap((m) => localNamesFor(imports, m, 'Session')));
  const moduleMarkLoops: string[] = [];
  for (const statement of root.children()) {
    const assignment = statement.kind() === 'expression_statement' ? namedChildren(statement)[0] : null;
    if (assignment?.kind() === 'assignment' && assignment.field('left')?.text() === 'pytestmark') moduleMarkLoops.push(...markLoops(assignment.field('right')?.text() ?? ''));
  }
  const moduleMarked = moduleMarkLoops.length > 0;
  const inTestFile = isTestPath(path);
  const asyncSessionParams = asyncSessionAnnotations(tree, imports);
  const functions: FunctionFacts[] = [];
  for (const fn of root.findAll({ rule: { kind: 'function_definition' } })) {
    const decorators = decoratorsOf(fn);
    const fixture = fixtureDecorator(decorators);
    if (!inTestFile && !fixture) continue;
    const holder = fn.parent()?.kind() === 'decorated_definition' ? (fn.parent() as SgNode) : fn;
    const cls = enclosingClass(holder);
    const marks = [...decorators, ...(cls ? decoratorsOf(cls) : [])].filter((d) => MARK.test(d.text()));
    const marked = marks.length > 0;
    const lineStart = source.lastIndexOf('\n', start(holder) - 1) + 1;
    const indent = source.slice(lineStart, start(holder));
    const params = parametersOf(fn).map((p) => p.name);
    const shape = fixture && fixture.callee !== 'pytest_asyncio.fixture' ? (sessionShape(fn, source, isOpener, lineOf) ?? unknownOpener(fn, sessionClasses) ?? inlineFactoryOpener(fn) ?? delegatedDependency(fn, dependencies[0])) : null;
    const installed = installedOverrides(fn, dependencies);
    const overrides = overridesOf(fn, params, installed, lineOf);
    const lambdaOverrides = lambdaOverridesOf(params, installed);
    functions.push({
      id: start(fn),
      params,
      marked,
      markLoops: marks.flatMap((d) => markLoops(d.text())),
      fixture,
      markerAt: start(holder),
      indent: /^[ \t]*$/.test(indent) ? indent : '',
      unittest: !!cls && /TestCase\b/.test(cls.field('superclasses')?.text() ?? ''),
      session: shape === null ? null : shape.ok ? 'ok' : { reason: shape.reason },
      ...(shape?.ok && shape.shape.block ? { blockHandoffs: shape.shape.block.handoffs } : {}),
      switches: null,
      refused: null,
      asyncInInput: false,
      handsOut: fixture ? handedOut(fn, params) : null,
      ...usesOf(fn, params, source, overrides, lineOf),
      ...bindReadsOf(fn, params),
      ...factoryStoresOf(fn, params, lineOf),
      overrides,
      ...(lambdaOverrides.length > 0 ? { lambdaOverrides } : {}),
      ...ownAwaits(fn),
      asyncSessionParams: asyncSessionParams(fn),
      parametrized: parametrizedParams(params, [...decorators, ...(cls ? decoratorsOf(cls) : [])]),
      bareParams: parametersOf(fn).filter((p) => !p.annotation && !p.defaultValue && p.node.kind() === 'identifier').map((p) => p.name),
      selfStores: cls ? selfStoresOf(fn, params) : [],
      ...(decorators.some((d) => isBddStepDecorator(d, imports)) ? { bddStep: true as const } : {}),
    });
  }
  const [getDb, twin] = dependencies;
  const twinOf = (name: string): Pick<PatchedName, 'twin' | 'kind'> | null => {
    if (getDb && twin && name === getDb) return { twin, kind: 'dependency' };
    return /session/i.test(name) && name !== twin ? { twin: twinName(name), kind: 'factory' } : null;
  };
  const patchedNames = /patch|setattr|delattr/.test(source) ? patchesOf(root, twinOf) : [];
  const patchedObjects = /patch/.test(source) ? bareObjectPatches(root) : [];
  const fixtureLookups = /getfixturevalue|getfuncargvalue/.test(source) ? fixtureLookupsOf(root, lineOf) : [];
  const facts: TestFacts = { moduleMarked, moduleMarkLoops, functions, ...clientFacts(root, imports, functions, lineOf), patchedNames, patchedObjects, fixtureLookups, plugins: pluginModules(root) };
  const mockedOverrides = /dependency_overrides/.test(source) && /Mock\(/.test(source) ? mockedOverridesOf(root) : [];
  if (mockedOverrides.length > 0) facts.mockedOverrides = mockedOverrides;
  const mockedArgs = /Mock\(/.test(source) ? mockedArgsOf(root) : [];
  if (mockedArgs.length > 0) facts.mockedArgs = mockedArgs;
  const configured = /\.configure\(/.test(source) ? configuredFactoriesOf(root, imports) : [];
  if (configured.length > 0) facts.configuredFactories = configured;
  if (sqliteOnlySource(source, root)) facts.sqliteOnly = true;
  const memory = /sqlite/.test(source) ? memoryDatabaseUrl(root) : null;
  if (memory !== null) facts.memoryDatabase = memory;
  if (ASYNC_ENGINE_MAKER.test(source) && createsAsyncEngine(root)) facts.asyncEngine = true;
  return facts;
}

/**
 * The module writes a SQLite URL literal that is the URL itself (not a lookup's fallback, see writesSqliteUrl) and
 * no other database's URL: its database is SQLite.
 */
export function sqliteOnlySource(source: string, root: SgNode): boolean {
  return SQLITE_URL.test(source) && !OTHER_DATABASE_URL.test(source) && writesSqliteUrl(root);
}

/**
 * Some SQLite URL literal of the module is the URL itself, not the fallback of a lookup the environment or a
 * settings class decides (`os.getenv("TEST_DATABASE_URL", "sqlite:///./test.db")`, `os.environ.get(...) or
 * "sqlite://"`, decouple's `config("DB_URL", default="sqlite://")`, a `BaseSettings` field's default): such a
 * module's tests may well run on PostgreSQL, where the override's AsyncSession fails in TestClient's loop.
 */
/** See TestFacts.memoryDatabase. */
function memoryDatabaseUrl(root: SgNode): string | null {
  for (const literal of root.findAll({ rule: { kind: 'string' } })) {
    const url = plainString(literal);
    if (url !== null && sqliteMemory(url) === 'private') return url;
  }
  return null;
}

function writesSqliteUrl(root: SgNode): boolean {
  return root
    .findAll({ rule: { kind: 'string' } })
    .some((literal) => SQLITE_URL.test(literal.text()) && !lookupDefault(literal));
}

/** The literal is the default of an environment or settings lookup (see writesSqliteUrl). */
function lookupDefault(literal: SgNode): boolean {
  let value = literal;
  while (value.parent()?.kind() === 'parenthesized_expression' || value.parent()?.kind() === 'concatenated_string') value = value.parent() as SgNode;
  const parent = value.parent();
  if (!parent) return false;
  // `os.environ.get("URL") or "sqlite://"`: the literal only when the variable is unset or empty.
  if (parent.kind() === 'boolean_operator' && sameNode(parent.field('right'), value) && /^or$/.test(parent.field('operator')?.text() ?? '')) {
    const left = parent.field('left');
    return !!left && left.kind() === 'call' && environmentLookup(left);
  }
  // The second positional argument, or `default=`, of a lookup call.
  const argument = parent.kind() === 'keyword_argument' ? parent : value;
  const list = argument.parent();
  const call = list?.kind() === 'argument_list' ? list.parent() : null;
  if (call?.kind() === 'call' && environmentLookup(call)) {
    if (argument.kind() === 'keyword_argument') return argument.field('name')?.text() === 'default';
    const positional = namedChildren(list as SgNode).filter((a) => a.kind() !== 'keyword_argument' && a.kind() !== 'comment');
    return positional.length >= 2 && sameNode(positional[1], value);
  }
  // `url: str = "sqlite://"` (or `= Field("sqlite://")`) in the body of a pydantic `BaseSettings` class.
  const holder = call?.kind() === 'call' && /(^|\.)Field$/.test(call.field('function')?.text() ?? '') ? call : value;
  const assignment = holder.parent();
  if (assignment?.kind() !== 'assignment' || !sameNode(assignment.field('right'), holder)) return false;
  const statement = assignment.parent();
  const body = statement?.kind() === 'expression_statement' ? statement.parent() : null;
  const cls = body?.kind() === 'block' ? body.parent() : null;
  return cls?.kind() === 'class_definition' && /Settings\b/.test(cls.field('superclasses')?.text() ?? '');
}

/**
 * `os.getenv(...)`, `os.environ.get(...)`, `os.environ.setdefault(...)` (however `os`/`environ`/`getenv` were
 * imported), python-decouple's `config(...)`, environs' `env(...)` / `env.str(...)`.
 */
function environmentLookup(call: SgNode): boolean {
  const callee = call.field('function');
  const text = callee?.text() ?? '';
  if (/^(?:[\w.]+\.)?getenv$/.test(text)) return true;
  if (/^(?:[\w.]+\.)?environ\.(?:get|setdefault)$/.test(text)) return true;
  return /^(?:config|env(?:\.\w+)?)$/.test(text);
}

const ASYNC_ENGINE_MAKER = /\b(?:create_async_engine|async_engine_from_config)\b/;

/**
 * See TestFacts.asyncEngine: a call of either maker, by its name or as an attribute (`asyncio.create_async_engine`),
 * that may keep a pool: not one given `poolclass=NullPool`, whose connections are never handed to another loop.
 */
function createsAsyncEngine(root: SgNode): boolean {
  return root.findAll({ rule: { kind: 'call' } }).some((call) => {
    const callee = call.field('function');
    const name = callee?.kind() === 'attribute' ? callee.field('attribute')?.text() : callee?.text();
    if (name !== 'create_async_engine' && name !== 'async_engine_from_config') return false;
    const poolclass = callArgs(call).keywords.get('poolclass');
    return !poolclass || !/(^|\.)NullPool$/.test(poolclass.text());
  });
}

/** See TestFacts.fixtureLookups. */
function fixtureLookupsOf(root: SgNode, lineOf: LineOf): TestFacts['fixtureLookups'] {
  const found: TestFacts['fixtureLookups'] = [];
  for (const call of root.findAll({ rule: { kind: 'call' } })) {
    const callee = call.field('function');
    const method = callee?.kind() === 'attribute' ? callee.field('attribute')?.text() : undefined;
    if (method !== 'getfixturevalue' && method !== 'getfuncargvalue') continue;
    const args = callArgs(call);
    const arg = args.positional[0] ?? args.keywords.get('argname');
    found.push({ name: arg ? plainString(arg) : null, line: lineOf(call) });
  }
  return found;
}


/** The modules `pytest_plugins` names at module level (see TestFacts.plugins). */
function pluginModules(root: SgNode): string[] | null {
  const found: string[] = [];
  for (const s of root.children()) {
    const assignment = s.kind() === 'expression_statement' ? namedChildren(s)[0] : null;
    if (assignment?.kind() !== 'assignment' || assignment.field('left')?.text() !== 'pytest_plugins') continue;
    const value = assignment.field('right');
    const items = value?.kind() === 'list' || value?.kind() === 'tuple' ? namedChildren(value) : value ? [value] : [];
    for (const item of items) {
      const literal = plainString(item);
      if (literal === null) return null;
      found.push(literal);
    }
  }
  return found;
}

/**
 * The parameters a `parametrize` decorator among `decorators` names (as a word anywhere in it: no fixture is assumed
 * then). Not one with `indirect=` (anything but `False`): that may hand its values to the fixture of the name, which
 * the function then receives.
 */
function parametrizedParams(params: readonly string[], decorators: readonly SgNode[]): string[] {
  const texts = decorators.map((d) => d.text()).filter((t) => t.includes('parametrize') && !/\bindirect\s*=\s*(?!False\b)/.test(t));
  return texts.length === 0 ? [] : params.filter((p) => texts.some((t) => new RegExp(`\\b${p}\\b`).test(t)));
}

/** The `await`s of `fn`'s own body, and whether anything else in it needs an async def (see FunctionFacts.otherAsync). */
function ownAwaits(fn: SgNode): Pick<FunctionFacts, 'awaits' | 'otherAsync'> {
  const body = fn.field('body');
  const awaits: OwnAwait[] = [];
  let otherAsync = false;
  const own = (node: SgNode): boolean => sameNode(node.ancestors().find((a) => a.kind() === 'function_definition') ?? null, fn);
  for (const node of body ? body.findAll({ rule: { kind: 'await' } }) : []) {
    if (!own(node)) {
      otherAsync = true;
      continue;
    }
    const operand = node.child(1);
    const callee = operand?.kind() === 'call' ? operand.field('function') : null;
    const receiver = callee?.kind() === 'attribute' ? callee.field('object') : null;
    const named = receiver?.kind() === 'identifier' || (!!receiver && selfAttribute(receiver) !== null);
    awaits.push({ start: start(node), call: operand?.kind() === 'call' ? start(operand) : null, receiver: named ? (receiver as SgNode).text() : null, method: named ? (callee?.field('attribute')?.text() ?? null) : null });
  }
  for (const node of body ? body.findAll({ rule: { any: [{ kind: 'with_statement' }, { kind: 'for_statement' }, { kind: 'for_in_clause' }] } }) : []) {
    if (asyncKeyword(node) !== undefined && own(node)) otherAsync = true;
  }
  return { awaits, otherAsync };
}

/** `attr` for `self.attr`, else null. */
function selfAttribute(node: SgNode): string | null {
  if (node.kind() !== 'attribute') return null;
  const object = node.field('object');
  return object?.kind() === 'identifier' && object.text() === 'self' ? (node.field('attribute')?.text() ?? null) : null;
}

/** The `self.<attr> = ...` assignments of `fn`'s own body (see FunctionFacts.selfStores). */
function selfStoresOf(fn: SgNode, params: readonly string[]): FunctionFacts['selfStores'] {
  const body = fn.field('body');
  const stores: FunctionFacts['selfStores'] = [];
  for (const assignment of body ? body.findAll({ rule: { kind: 'assignment' } }) : []) {
    if (!sameNode(assignment.ancestors().find((a) => a.kind() === 'function_definition') ?? null, fn)) continue;
    const left = assignment.field('left');
    const attr = left ? selfAttribute(left) : null;
    if (attr === null) continue;
    const right = assignment.field('right');
    stores.push({ attr, param: right?.kind() === 'identifier' && params.includes(right.text()) ? right.text() : null });
  }
  return stores;
}

/** For each function, its parameters annotated with the module's `AsyncSession` import (see AsyncSessionParam). */
function asyncSessionAnnotations(tree: SgRoot, imports: ModuleImports): (fn: SgNode) => AsyncSessionParam[] {
  const classes = new Map<string, string>();
  for (const i of imports.from) {
    const sync = ASYNC_SESSION_MODULES[i.module];
    if (i.name === 'AsyncSession' && sync !== undefined && isModuleLevel(i.node)) classes.set(i.alias ?? i.name, sync);
  }
  if (classes.size === 0) return () => [];
  const syncOf = (module: string): AsyncSessionParam['sync'] => {
    const imported = imports.from.find((i) => i.module === module && i.name === 'Session' && isModuleLevel(i.node));
    if (imported) return { module, name: imported.alias ?? imported.name, add: false };
    return boundAtModuleLevel(tree, 'Session') ? null : { module, name: 'Session', add: true };
  };
  return (fn) =>
    parametersOf(fn).flatMap((p) => {
      const type = p.annotation?.child(0) ?? null;
      const module = type?.kind() === 'identifier' ? classes.get(type.text()) : undefined;
      if (!type || module === undefined) return [];
      // Rebound in the body, the name holds something else at the calls after it than what the function was given.
      return bindingsIn(fn, p.name).length > 0 ? [] : [{ param: p.name, start: start(type), end: end(type), sync: syncOf(module) }];
    });
}

/** Every patch of `name` by dotted path in the module: decorators and module-level patchers too, not only calls in tests. */
function patchesOf(root: SgNode, twinOf: (name: string) => Pick<PatchedName, 'twin' | 'kind'> | null): PatchedName[] {
  const found: PatchedName[] = [];
  for (const call of root.findAll({ rule: { kind: 'call' } })) {
    const callee = call.field('function') as SgNode;
    const dotted = dottedName(callee);
    if (!dotted) continue;
    const patcher = dotted.join('.');
    const args = callArgs(call);
    if (args.splat) continue;
    const first = args.positional[0];
    const text = first ? plainString(first) : null;
    if (!first || text === null || !DOTTED.test(text)) continue;
    const path = text.split('.');
    if (PATCH_MULTIPLE.test(patcher)) {
      for (const [keyword, value] of args.keywords) {
        const twin = twinOf(keyword);
        if (twin) found.push({ at: start(value.parent() ?? value), holder: path, name: keyword, ...twin, patcher, tolerant: isTrue(args.keywords.get('create')) });
      }
      continue;
    }
    const name = path[path.length - 1] as string;
    const twin = path.length < 2 ? null : twinOf(name);
    if (!twin) continue;
    const tolerant = PATCH.test(patcher) ? isTrue(args.keywords.get('create')) : MONKEYPATCH.test(patcher) && monkeypatchDotted(patcher, args) ? isFalse(args.keywords.get('raising')) : null;
    if (tolerant !== null) found.push({ at: start(first), holder: path.slice(0, -1), name, ...twin, patcher, tolerant });
  }
  return found;
}

/** See PatchedObject. */
function bareObjectPatches(root: SgNode): PatchedObject[] {
  const found: PatchedObject[] = [];
  for (const call of root.findAll({ rule: { kind: 'call' } })) {
    const dotted = dottedName(call.field('function') as SgNode);
    const patcher = dotted?.join('.') ?? '';
    if (!PATCH.test(patcher)) continue;
    const args = callArgs(call);
    if (args.splat || args.positional.length !== 1 || ['new', 'new_callable', 'spec', 'spec_set', 'autospec'].some((k) => args.keywords.has(k))) continue;
    const first = args.positional[0] as SgNode;
    const text = plainString(first);
    if (text === null || !DOTTED.test(text)) continue;
    const path = text.split('.');
    if (path.length < 2) continue;
    found.push({ at: start(first), holder: path.slice(0, -1), name: path[path.length - 1] as string, patcher });
  }
  return found;
}

/** See MockedOverride. */
function mockedOverridesOf(root: SgNode): MockedOverride[] {
  const found: MockedOverride[] = [];
  for (const sub of root.findAll({ rule: { kind: 'subscript' } })) {
    const assignment = sub.parent();
    if (sub.field('value')?.field('attribute')?.text() !== 'dependency_overrides') continue;
    if (assignment?.kind() !== 'assignment' || !sameNode(assignment.field('left'), sub)) continue;
    const key = sub.field('subscript');
    const keyName = key ? dottedName(key) : null;
    const value = assignment.field('right');
    let unit = placeOf(sub).unit;
    let body: SgNode | null = null;
    if (value?.kind() === 'lambda') body = value.field('body');
    else if (value?.kind() === 'identifier') {
      // `def override(): return service` beside the assignment, else at module level (whose names it then sees).
      body = unit ? returnedByDef(value.text(), unit) : null;
      if (!body) {
        body = returnedByDef(value.text(), root);
        if (body) unit = null;
      }
    }
    if (!keyName || !body) continue;
    // A parameter of the function (a fixture's value) is not the module's mock of that name.
    const name = body.text();
    const shadowed = !!unit && parametersOf(unit).some((p) => p.name === name);
    const bare = body.kind() === 'call' ? isBareMock(body) : body.kind() === 'identifier' && !shadowed && (bareMockBinding(name, unit ?? root) ?? (unit ? bareMockBinding(name, root) : null)) === true;
    if (bare) found.push({ at: start(value as SgNode), key: keyName, mock: body.text() });
  }
  return found;
}

/** See MockedArg. */
function mockedArgsOf(root: SgNode): MockedArg[] {
  const found: MockedArg[] = [];
  for (const call of root.findAll({ rule: { kind: 'call' } })) {
    const fn = call.field('function');
    const callee = fn && (fn.kind() === 'identifier' || fn.kind() === 'attribute') ? dottedName(fn) : null;
    if (!callee) continue;
    const args = callArgs(call);
    if (args.splat) continue;
    const unit = placeOf(call).unit;
    const keyed: [number | string, SgNode][] = [...args.positional.map((a, i): [number, SgNode] => [i, a]), ...args.keywords];
    for (const [key, arg] of keyed) {
      const bare = arg.kind() === 'call' ? isBareMock(arg) : arg.kind() === 'identifier' && bareMockIn(arg.text(), unit, root);
      if (!bare) continue;
      const asyncAttrs = arg.kind() === 'identifier' ? asyncMockAttributes(arg.text(), unit ?? root) : [];
      found.push({ at: start(arg), callee, key, mock: arg.text(), asyncAttrs });
    }
  }
  return found;
}

/** Whether `name`, read in `unit` (null: at module level), is bound only to bare mocks there (else at module level). */
function bareMockIn(name: string, unit: SgNode | null, root: SgNode): boolean {
  if (unit && parametersOf(unit).some((p) => p.name === name)) return false;
  const own = unit ? bareMockBinding(name, unit) : null;
  return (own ?? bareMockBinding(name, root)) === true;
}

/** `mock.attr = AsyncMock(...)` statements directly in `scope`: the attributes made awaitable. */
function asyncMockAttributes(name: string, scope: SgNode): string[] {
  const attrs: string[] = [];
  for (const a of scope.findAll({ rule: { kind: 'assignment' } })) {
    const left = a.field('left');
    const right = a.field('right');
    if (left?.kind() !== 'attribute' || left.field('object')?.text() !== name || right?.kind() !== 'call') continue;
    const made = right.field('function');
    if ((made ? dottedName(made) : null)?.pop() === 'AsyncMock') attrs.push(left.field('attribute')?.text() ?? '');
  }
  return attrs;
}

/**
 * What the plain def `name` defined directly in `scope` returns when its body is that one `return` (a docstring
 * before it allowed): `def override_service(): return service`. Null otherwise.
 */
function returnedByDef(name: string, scope: SgNode): SgNode | null {
  const block = scope.kind() === 'function_definition' ? scope.field('body') : scope;
  const defs = (block ? namedChildren(block) : []).filter((d) => d.kind() === 'function_definition' && d.field('name')?.text() === name);
  const def = defs.length === 1 ? (defs[0] as SgNode) : null;
  if (!def || isAsyncDef(def) || parametersOf(def).length > 0) return null;
  let statements = namedChildren(def.field('body') as SgNode);
  if (statements[0]?.kind() === 'expression_statement' && namedChildren(statements[0])[0]?.kind() === 'string') statements = statements.slice(1);
  const only = statements.length === 1 && statements[0]?.kind() === 'return_statement' ? namedChildren(statements[0] as SgNode)[0] : undefined;
  return only ?? null;
}

/** `MagicMock()` / `Mock()` (`unittest.mock.` or `mock.` prefixed too) with no spec: its attributes are sync mocks. */
function isBareMock(call: SgNode): boolean {
  const callee = call.field('function');
  const last = (callee ? dottedName(callee) : null)?.pop() ?? '';
  if (last !== 'MagicMock' && last !== 'Mock') return false;
  const args = callArgs(call);
  return !args.splat && args.positional.length === 0 && !['spec', 'spec_set', 'wraps'].some((k) => args.keywords.has(k));
}

/** Whether every assignment of `name` directly in `scope` (a function, else the module) is a bare mock; null when none is there. */
function bareMockBinding(name: string, scope: SgNode): boolean | null {
  const body = scope.kind() === 'function_definition' ? scope.field('body') : scope;
  const values: SgNode[] = [];
  for (const statement of body ? namedChildren(body) : []) {
    const a = statement.kind() === 'expression_statement' ? namedChildren(statement)[0] : null;
    if (a?.kind() === 'assignment' && a.field('left')?.kind() === 'identifier' && a.field('left')?.text() === name) {
      const right = a.field('right');
      if (right) values.push(right);
    }
  }
  return values.length > 0 ? values.every((v) => v.kind() === 'call' && isBareMock(v)) : null;
}

/** pytest's `monkeypatch.setattr("pkg.mod.name", value)` / `delattr("pkg.mod.name")`: the dotted forms, without the `name` argument. */
function monkeypatchDotted(patcher: string, args: CallArgs): boolean {
  if (patcher.endsWith('.delattr')) return args.positional.length === 1 && !args.keywords.has('name');
  return args.positional.length === 2 && !args.keywords.has('name') && !args.keywords.has('value');
}

const isTrue = (node: SgNode | undefined): boolean => node?.text() === 'True';
const isFalse = (node: SgNode | undefined): boolean => node?.text() === 'False';

function clientFacts(root: SgNode, imports: ModuleImports, functions: FunctionFacts[], lineOf: LineOf): Pick<TestFacts, 'clients' | 'overrideKeys'> {
  const names = new Set(['fastapi.testclient', 'starlette.testclient', 'fastapi'].flatMap((m) => localNamesFor(imports, m, 'TestClient')));
  const clients: TestFacts['clients'] = [];
  if (names.size > 0) {
    for (const call of root.findAll({ rule: { kind: 'call' } })) {
      const callee = call.field('function');
      if (callee?.kind() !== 'identifier' || !names.has(callee.text())) continue;
      const unit = placeOf(call).unit;
      const scope = unit ? functions.find((f) => f.id === start(unit))?.fixture?.scope : undefined;
      clients.push({ start: start(call), oneLoop: scope === 'session' && isWithItemValue(call) });
    }
  }
  const overrideKeys: TestFacts['overrideKeys'] = [];
  for (const sub of root.findAll({ rule: { kind: 'subscript' } })) {
    const value = sub.field('value');
    const assignment = sub.parent();
    if (value?.kind() !== 'attribute' || value.field('attribute')?.text() !== 'dependency_overrides') continue;
    if (assignment?.kind() !== 'assignment' || !sameNode(assignment.field('left'), sub)) continue;
    const key = sub.field('subscript');
    const unit = placeOf(sub).unit;
    if (key) overrideKeys.push({ text: key.text(), at: start(key), unit: unit ? start(unit) : null, line: lineOf(sub), value: assignment.field('right')?.text() ?? '' });
  }
  return { clients, overrideKeys };
}

/** `X.configure(..., bind=...)` with `X` a name with "session" in it, imported from another module by name. */
function configuredFactoriesOf(root: SgNode, imports: ModuleImports): ConfiguredFactory[] {
  const found: ConfiguredFactory[] = [];
  for (const call of root.findAll({ rule: { kind: 'call' } })) {
    const callee = call.field('function');
    const receiver = callee?.kind() === 'attribute' && callee.field('attribute')?.text() === 'configure' ? callee.field('object') : null;
    if (receiver?.kind() !== 'identifier' || !/session/i.test(receiver.text()) || !callArgs(call).keywords.has('bind')) continue;
    const local = receiver.text();
    const imported = imports.from.find((i) => (i.alias ?? i.name) === local && i.name !== '*');
    if (!imported) continue;
    const entry: ConfiguredFactory = { at: start(call), module: imported.module, name: imported.name, twin: twinName(imported.name), bind: 'other' };
    const engine = engineCall(callArgs(call).keywords.get('bind') as SgNode, root);
    if (engine) {
      entry.bind = 'engine';
      if (/(^|\.)NullPool$/.test(callArgs(engine).keywords.get('poolclass')?.text() ?? '')) entry.nullPool = true;
    }
    found.push(entry);
  }
  return found;
}

const ENGINE_MAKERS = new Set(['create_async_engine', 'create_engine', 'async_engine_from_config']);

/** The engine-making call `value` is, inline or through a module-level name assigned once; null otherwise. */
function engineCall(value: SgNode, root: SgNode): SgNode | null {
  let node: SgNode | null = value;
  if (node.kind() === 'identifier') {
    const bindings = bindingsIn(root, node.text());
    const assignment = bindings.length === 1 ? bindings[0]?.parent() : null;
    node = assignment?.kind() === 'assignment' && sameNode(assignment.field('left'), bindings[0] ?? null) ? assignment.field('right') : null;
  }
  const callee = node?.kind() === 'call' ? dottedName(node.field('function') as SgNode) : null;
  return callee && ENGINE_MAKERS.has(callee[callee.length - 1] as string) ? node : null;
}

/** `with TestClient(app) as c:` (or without `as`). */
function isWithItemValue(call: SgNode): boolean {
  const parent = call.parent();
  if (parent?.kind() === 'with_item') return true;
  return parent?.kind() === 'as_pattern' && parent.parent()?.kind() === 'with_item' && sameNode(namedChildren(parent)[0], call);
}

/**
 * A fixture declared to hand out a sync Session (`-> Session`, `-> Generator[Session, None, None]`, `Iterator[...]`)
 * that makes it with a call no opener recognises (`with session_maker.begin() as s: yield s`, the maker a fixture
 * of its own): a session fixture in a shape this transform cannot convert, reported rather than passed over (the
 * tests using it may call async code now). Null for anything else, a fixture handing on a parameter included.
 */
function unknownOpener(fn: SgNode, sessionClasses: ReadonlySet<string>): { ok: false; reason: string } | null {
  if (!returnsSession(fn.field('return_type'), sessionClasses)) return null;
  const body = fn.field('body');
  const exits = body ? body.findAll({ rule: { any: [{ kind: 'yield' }, { kind: 'return_statement' }] } }).filter((e) => sameNode(enclosingDef(e), fn)) : [];
  for (const exit of exits) {
    const value = namedChildren(exit)[0];
    const made = value?.kind() === 'call' ? value : value?.kind() === 'identifier' ? madeBy(fn, value.text()) : null;
    // `sessionmaker(...)` makes a factory, whatever the annotation says: the fixtures opening sessions from it are the ones.
    if (made && !/(^|\.)(async_)?sessionmaker$/.test(made.field('function')?.text() ?? '')) return { ok: false, reason: `its session comes from \`${made.text()}\`, which is no session factory awaitify knows` };
  }
  return null;
}

/**
 * A fixture handing out a session made by a factory it builds in the same expression, which no opener
 * recognises: `session = sessionmaker(bind=engine)()` (or `with sessionmaker(...)() as s`), or a
 * `scoped_session(sessionmaker(...))` registry (its methods proxy a sync Session). Neither has an async twin
 * awaitify could write (`async_scoped_session` needs a scope function the code never had), so the fixture is a
 * session fixture in a shape this transform cannot convert, reported rather than passed over: without this, the
 * tests handing its session to functions made async were converted without a word, and failed on the sync session.
 */
function inlineFactoryOpener(fn: SgNode): { ok: false; reason: string } | null {
  const body = fn.field('body');
  if (!body) return null;
  const exits = body.findAll({ rule: { any: [{ kind: 'yield' }, { kind: 'return_statement' }] } }).filter((e) => sameNode(enclosingDef(e), fn));
  for (const exit of exits) {
    const value = namedChildren(exit)[0];
    const made = value?.kind() === 'call' ? value : value?.kind() === 'identifier' ? madeBy(fn, value.text()) : null;
    const callee = made?.field('function');
    if (!made || !callee) continue;
    if (/(^|\.)scoped_session$/.test(callee.text())) {
      return { ok: false, reason: `it hands out the \`scoped_session(...)\` registry \`${made.text()}\`, which has no async form awaitify writes (\`async_scoped_session\` needs a scope function)` };
    }
    if (callee.kind() === 'call' && /(^|\.)sessionmaker$/.test(callee.field('function')?.text() ?? '')) {
      return { ok: false, reason: `its session comes from \`${made.text()}\`, a factory made inside the fixture, which has no async twin` };
    }
  }
  return null;
}

/**
 * A fixture handing out what the application's sync session dependency yields (`yield from get_db()`, `return
 * next(get_db())`, `database.get_db` alike): a sync Session, in a shape this transform does not convert. Without
 * this, nothing marked it a session fixture, and tests handing its session to functions made async were converted
 * without a word.
 */
function delegatedDependency(fn: SgNode, dependency: string | undefined): { ok: false; reason: string } | null {
  const body = fn.field('body');
  if (!dependency || !body) return null;
  const exits = body.findAll({ rule: { any: [{ kind: 'yield' }, { kind: 'return_statement' }] } }).filter((e) => sameNode(enclosingDef(e), fn));
  for (const exit of exits) {
    let value = namedChildren(exit)[0];
    // `next(get_db())`: the first session the generator yields.
    if (value?.kind() === 'call' && value.field('function')?.text() === 'next') value = callArgs(value).positional[0];
    const callee = value?.kind() === 'call' ? value.field('function') : null;
    const name = callee?.kind() === 'identifier' ? callee.text() : callee?.kind() === 'attribute' ? callee.field('attribute')?.text() : undefined;
    if (name === dependency && value) return { ok: false, reason: `it hands out what \`${value.text()}\` yields, the application's sync session dependency` };
  }
  return null;
}

const GENERATOR_TYPES = /^(typing\.|collections\.abc\.|t\.)?(Generator|Iterator|Iterable)$/;

function returnsSession(type: SgNode | null, sessionClasses: ReadonlySet<string>): boolean {
  let node: SgNode | null | undefined = type?.kind() === 'type' ? namedChildren(type)[0] : type;
  if (node?.kind() === 'generic_type' || node?.kind() === 'subscript') {
    const [head, args] = namedChildren(node);
    if (!head || !GENERATOR_TYPES.test(head.text())) return false;
    const first = args?.kind() === 'type_parameter' ? namedChildren(args)[0] : args;
    node = first?.kind() === 'type' ? namedChildren(first)[0] : first;
  }
  return node?.kind() === 'identifier' && sessionClasses.has(node.text());
}

function enclosingDef(node: SgNode): SgNode | null {
  for (let a = node.parent(); a; a = a.parent()) if (a.kind() === 'function_definition' || a.kind() === 'lambda') return a;
  return null;
}

/** The call a local of `fn` is bound to, by `name = <call>` or `with <call> as name`, when that is its only binding. */
function madeBy(fn: SgNode, name: string): SgNode | null {
  const bindings = bindingsIn(fn, name);
  if (bindings.length !== 1 || parametersOf(fn).some((p) => p.name === name)) return null;
  const id = bindings[0] as SgNode;
  const parent = id.parent();
  if (parent?.kind() === 'assignment' && sameNode(parent.field('left'), id)) {
    const right = parent.field('right');
    return right?.kind() === 'call' ? right : null;
  }
  const pattern = parent?.kind() === 'as_pattern_target' ? parent.parent() : null;
  const value = pattern?.kind() === 'as_pattern' ? namedChildren(pattern)[0] : null;
  return value?.kind() === 'call' ? value : null;
}

function enclosingClass(holder: SgNode): SgNode | null {
  const block = holder.parent();
  const cls = block?.kind() === 'block' ? block.parent() : null;
  return cls?.kind() === 'class_definition' ? cls : null;
}

function usesOf(fn: SgNode, params: string[], source: string, overrides: NestedOverride[], lineOf: LineOf): Pick<FunctionFacts, 'sessionUses' | 'forwards' | 'selfForwards' | 'unblocked' | 'setattrs'> {
  const sessionUses: FunctionFacts['sessionUses'] = [];
  const setattrs: FunctionFacts['setattrs'] = [];
  const forwards: FunctionFacts['forwards'] = [];
  const selfForwards: NonNullable<FunctionFacts['selfForwards']> = [];
  // `self.db`, where `self` is the method's own first parameter (not rebound).
  const selfAttr = (a: SgNode): string | null => {
    const object = a.kind() === 'attribute' ? a.field('object') : null;
    return object?.kind() === 'identifier' && object.text() === 'self' && params[0] === 'self' && a.field('attribute') ? a.text() : null;
  };
  const unblocked: number[] = [];
  const names = new Set(params);
  const body = fn.field('body');
  // Teardown calls of plain passthrough overrides are awaited when their session turns async.
  const convertible = new Set(overrides.flatMap((o) => o.awaits ?? []));
  for (const call of body ? body.findAll({ rule: { kind: 'call' } }) : []) {
    const place = placeOf(call);
    if (!sameNode(place.unit, fn)) {
      // A nested def closing over the parameter uses the same session.
      const closure = closureUse(call, place.unit, fn, names, source, lineOf);
      if (closure && !convertible.has(start(call))) sessionUses.push(closure);
      continue;
    }
    if (place.blocked === 'inside a generator expression' && inFirstIterable(call, fn)) unblocked.push(start(call));
    const callee = call.field('function') as SgNode;
    const receiver = callee.kind() === 'attribute' ? callee.field('object') : null;
    const method = callee.kind() === 'attribute' ? (callee.field('attribute')?.text() ?? '') : '';
    const state = receiver?.kind() === 'identifier' && names.has(receiver.text()) && SESSION_LIKE_METHODS.has(method) ? awaitState(call, source) : 'yes';
    if (receiver && state !== 'yes') {
      const use: SessionUse = { param: receiver.text(), method, line: lineOf(call), start: start(call) };
      // A parameter rebound in the body may hold something else at this call than what the function was given.
      if (state === 'no' && place.blocked === null && awaitableAlone(call, method) && bindingsIn(fn, receiver.text()).length === 0) use.await = { start: start(call), end: end(call) };
      sessionUses.push(use);
    }
    const args = callArgs(call);
    const dotted = dottedName(callee)?.join('.') ?? '';
    // `monkeypatch.setattr("pkg.mod.name", value)`: the dotted form names its target as patch() does.
    const replaced =
      method === 'setattr' || PATCH_OBJECT.test(dotted)
        ? (setattrOf(call, args.positional) ?? (method === 'setattr' && args.positional.length === 2 && args.keywords.size === 0 ? patchOf(call, args) : null))
        : PATCH.test(dotted)
          ? patchOf(call, args)
          : null;
    if (replaced) setattrs.push(replaced);
    args.positional.forEach((a, i) => {
      if (a.kind() === 'identifier' && names.has(a.text())) forwards.push({ param: a.text(), callStart: start(call), callEnd: end(call), position: args.splat ? null : i, keyword: null });
      const attr = selfAttr(a);
      if (attr !== null) selfForwards.push({ param: attr, callStart: start(call), callEnd: end(call), position: args.splat ? null : i, keyword: null });
    });
    for (const [k, a] of args.keywords) {
      if (a.kind() === 'identifier' && names.has(a.text())) forwards.push({ param: a.text(), callStart: start(call), callEnd: end(call), position: null, keyword: k });
      const attr = selfAttr(a);
      if (attr !== null) selfForwards.push({ param: attr, callStart: start(call), callEnd: end(call), position: null, keyword: k });
    }
  }
  // `with db.begin():` on an AsyncSession needs `async with`.
  for (const item of body ? body.findAll({ rule: { kind: 'with_item' } }) : []) {
    const call = item.find({ rule: { kind: 'call' } });
    const callee = call?.field('function');
    const receiver = callee?.kind() === 'attribute' ? callee.field('object') : null;
    const stmt = item.parent()?.parent();
    const isAsyncWith = !!stmt && asyncKeyword(stmt) !== undefined;
    if (receiver?.kind() === 'identifier' && names.has(receiver.text()) && /^begin(_nested)?$/.test(callee?.field('attribute')?.text() ?? '') && !isAsyncWith && sameNode(placeOf(item).unit, fn)) {
      sessionUses.push({ param: receiver.text(), method: callee?.field('attribute')?.text() ?? 'begin', line: lineOf(item), start: start(call as SgNode) });
    }
  }
  // An HTTP client (`client: TestClient`, `AsyncClient`) is no session, whatever its `get`/`delete` calls look like.
  const clients = new Set(parametersOf(fn).filter((p) => /\b\w*Client\b/.test(p.annotation?.text() ?? '')).map((p) => p.name));
  return { sessionUses: sessionUses.filter((u) => !clients.has(u.param)), forwards, ...(selfForwards.length > 0 ? { selfForwards } : {}), unblocked, setattrs };
}

/** FunctionFacts.bindReads, set only when there are some. */
function bindReadsOf(fn: SgNode, params: readonly string[]): Pick<FunctionFacts, 'bindReads'> {
  const reads: NonNullable<FunctionFacts['bindReads']> = [];
  for (const attribute of fn.field('body')?.findAll({ rule: { kind: 'attribute' } }) ?? []) {
    const object = attribute.field('object');
    const name = attribute.field('attribute')?.text();
    if (object?.kind() !== 'identifier' || !params.includes(object.text()) || (name !== 'bind' && name !== 'get_bind')) continue;
    const parent = attribute.parent();
    const called = parent?.kind() === 'call' && sameNode(parent.field('function'), attribute);
    // `.bind` read as a value; `.get_bind()` called.
    if (called !== (name === 'get_bind')) continue;
    const read = called ? (parent as SgNode) : attribute;
    reads.push({ param: object.text(), start: start(read), text: read.text() });
  }
  return reads.length > 0 ? { bindReads: reads } : {};
}

/**
 * FunctionFacts.factoryStores, set only when there are some. factory_boy's `SQLAlchemyModelFactory` calls
 * `session.add(obj)` and then `commit()` or `flush()` (its `sqlalchemy_session_persistence`) as plain calls: on an
 * AsyncSession those return coroutines nobody awaits, so the rows are never written.
 */
function factoryStoresOf(fn: SgNode, params: readonly string[], lineOf: LineOf): Pick<FunctionFacts, 'factoryStores'> {
  const body = fn.field('body');
  if (!body || !body.text().includes('sqlalchemy_session')) return {};
  const stores: NonNullable<FunctionFacts['factoryStores']> = [];
  for (const assignment of body.findAll({ rule: { kind: 'assignment' } })) {
    const left = assignment.field('left');
    const attr = left?.kind() === 'attribute' ? left.field('attribute')?.text() : undefined;
    if (attr !== 'sqlalchemy_session' && attr !== 'sqlalchemy_session_factory') continue;
    let value = assignment.field('right');
    // `sqlalchemy_session_factory = lambda: db`: the factory hands out the parameter.
    if (value?.kind() === 'lambda') value = value.field('body');
    if (value?.kind() !== 'identifier' || !params.includes(value.text()) || bindingsIn(fn, value.text()).length > 0) continue;
    stores.push({ param: value.text(), line: lineOf(assignment), text: assignment.text() });
  }
  return stores.length > 0 ? { factoryStores: stores } : {};
}

/** The parameter every `return`/`yield` of `fn` (at least one) hands out as it is, or null. */
function handedOut(fn: SgNode, params: readonly string[]): string | null {
  const values = new Set<string>();
  for (const exit of ownExits(fn)) {
    const value = namedChildren(exit);
    if (value.length !== 1 || value[0]?.kind() !== 'identifier') return null;
    values.add((value[0] as SgNode).text());
  }
  const [name] = values;
  return values.size === 1 && name !== undefined && params.includes(name) && bindingsIn(fn, name).length === 0 ? name : null;
}

/** `param.method(...)` left without await in a def nested in `fn`, `param` being a parameter of `fn` the nested def does not rebind. */
function closureUse(call: SgNode, unit: SgNode | null, fn: SgNode, names: ReadonlySet<string>, source: string, lineOf: LineOf): FunctionFacts['sessionUses'][number] | null {
  if (!unit || !unit.ancestors().some((a) => sameNode(a, fn))) return null;
  const callee = call.field('function') as SgNode;
  const receiver = callee.kind() === 'attribute' ? callee.field('object') : null;
  const method = callee.kind() === 'attribute' ? (callee.field('attribute')?.text() ?? '') : '';
  if (receiver?.kind() !== 'identifier' || !names.has(receiver.text()) || !SESSION_LIKE_METHODS.has(method) || awaitState(call, source) === 'yes') return null;
  for (let u: SgNode | null = unit; u && !sameNode(u, fn); u = placeOf(u).unit) {
    if (parametersOf(u).some((p) => p.name === receiver.text())) return null;
  }
  return { param: receiver.text(), method, line: lineOf(call), start: start(call) };
}

/**
 * An `await` before the call is all an AsyncSession needs (as insert-await decides it): a coroutine method of
 * SQLAlchemy's AsyncSession (not SQLModel's `exec`, which only its own session has), and, for those returning
 * an object with coroutine methods of its own (`connection()`, `stream()`), only when the result is dropped.
 */
function awaitableAlone(call: SgNode, method: string): boolean {
  if (!AWAITED_METHODS.has(method)) return false;
  return !ASYNC_OBJECT_METHODS.has(method) || call.parent()?.kind() === 'expression_statement';
}

/**
 * Nested defs of `fn` that yield (or, a plain function, only return) one of its parameters and that `fn` installs as an override of the session
 * dependency (`<x>.dependency_overrides[get_db] = name`, the key as a name or a module attribute: `values`, from installedOverrides).
 */
function overridesOf(fn: SgNode, params: string[], values: readonly SgNode[], lineOf: LineOf): NestedOverride[] {
  const body = fn.field('body');
  const installed = new Set(values.filter((v) => v.kind() === 'identifier').map((v) => v.text()));
  if (!body || installed.size === 0) return [];
  const found: NestedOverride[] = [];
  for (const def of namedChildren(body)) {
    const inner = def.kind() === 'decorated_definition' ? def.field('definition') : def;
    const name = inner?.kind() === 'function_definition' ? (inner.field('name')?.text() ?? '') : '';
    if (!inner || !installed.has(name) || isAsyncDef(inner)) continue;
    const own = new Set(parametersOf(inner).map((p) => p.name));
    const yielded = inner
      .findAll({ rule: { kind: 'yield' } })
      .filter((y) => sameNode(placeOf(y).unit, inner))
      .map((y) => namedChildren(y))
      .filter((v) => v.length === 1 && v[0]?.kind() === 'identifier' && params.includes(v[0].text()) && !own.has(v[0].text()))
      .map((v) => (v[0] as SgNode).text());
    // `def override(): return session`: FastAPI injects the fixture's session all the same.
    const statements = namedChildren(inner.field('body') as SgNode);
    const returned = yielded.length === 0 && statements.length === 1 ? params.find((p) => !own.has(p) && isReturnOf(statements[0] as SgNode, p)) : undefined;
    if (returned !== undefined) yielded.push(returned);
    const param = yielded[0];
    if (!param) continue;
    const awaits = new Set(yielded).size === 1 ? passthroughShape(inner, param) : null;
    found.push({ def: start(inner), param, awaits: awaits ? awaits.map((c) => start(c)) : null, line: lineOf(inner) });
  }
  return found;
}

/** See FunctionFacts.lambdaOverrides: `lambda: session` among the values `installedOverrides` found. */
function lambdaOverridesOf(params: string[], values: readonly SgNode[]): { param: string; at: number }[] {
  const found: { param: string; at: number }[] = [];
  for (const value of values) {
    if (value.kind() !== 'lambda' || value.field('parameters') !== null) continue;
    const handed = value.field('body');
    if (handed?.kind() === 'identifier' && params.includes(handed.text())) found.push({ param: handed.text(), at: start(value) });
  }
  return found;
}

/**
 * The values of `<x>.dependency_overrides[<key>] = value` written in `fn` itself (not a nested def), the key naming one
 * of `dependencies` (as a name or a module attribute): what the nested-def and the lambda overrides are read from.
 */
function installedOverrides(fn: SgNode, dependencies: readonly string[]): SgNode[] {
  const body = fn.field('body');
  if (!body || dependencies.length === 0) return [];
  const values: SgNode[] = [];
  for (const assignment of body.findAll({ rule: { kind: 'assignment' } })) {
    const left = assignment.field('left');
    const value = assignment.field('right');
    if (left?.kind() !== 'subscript' || left.field('value')?.field('attribute')?.text() !== 'dependency_overrides' || !value) continue;
    if (!sameNode(placeOf(assignment).unit, fn)) continue;
    const keys = left.fieldChildren('subscript');
    const key = keys.length === 1 ? (keys[0] as SgNode) : null;
    const keyName = key?.kind() === 'identifier' ? key.text() : key?.kind() === 'attribute' ? (key.field('attribute')?.text() ?? '') : '';
    if (dependencies.includes(keyName)) values.push(value);
  }
  return values;
}

/** `x.setattr(target, "name", replacement)` with the attribute named by a plain string literal. */
function setattrOf(call: SgNode, positional: SgNode[]): FunctionFacts['setattrs'][number] | null {
  const [target, name, replacement] = positional;
  const text = name ? plainString(name) : null;
  if (positional.length !== 3 || !target || !replacement || text === null) return null;
  return { call: start(call), target: start(target), name: text, replacement: start(replacement), lambda: replacement.kind() === 'lambda' };
}

/** `patch("pkg.mod.name", replacement)` (or `new=replacement`) with the target a plain dotted string. */
function patchOf(call: SgNode, args: CallArgs): FunctionFacts['setattrs'][number] | null {
  const [target, second] = args.positional;
  const replacement = second ?? args.keywords.get('new');
  const text = target ? plainString(target) : null;
  if (!target || !replacement || args.splat || text === null || !/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(text)) return null;
  const path = text.split('.');
  const name = path.pop() as string;
  return { call: start(call), target: start(target), name, replacement: start(replacement), lambda: replacement.kind() === 'lambda', path };
}

/** unittest.mock's and pytest-mock's patchers (`patch`, `mock.patch`, `mocker.patch`), not `client.patch`: see patchOf. */
const PATCH = /^(?:(?:unittest\.)?mock\.|mocker\.)?patch$/;
const PATCH_OBJECT = /^(?:(?:unittest\.)?mock\.|mocker\.)?patch\.object$/;
const PATCH_MULTIPLE = /^(?:(?:unittest\.)?mock\.|mocker\.)?patch\.multiple$/;
/** A method call on a receiver (pytest's `monkeypatch` fixture under any name), never the builtin `setattr`. */
const MONKEYPATCH = /^\w+(?:\.\w+)*\.(?:setattr|delattr)$/;
const DOTTED = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

/** The call sits in the first `for ... in <iterable>` of its innermost generator expression, which Python evaluates in the enclosing scope. */
function inFirstIterable(call: SgNode, fn: SgNode): boolean {
  const gen = call.ancestors().find((a) => a.kind() === 'generator_expression');
  if (!gen) return false;
  const first = gen.children().find((c) => c.kind() === 'for_in_clause');
  const iterable = first?.field('right');
  if (!iterable || start(call) < start(iterable) || end(call) > end(iterable)) return false;
  const outer = placeOf(gen);
  return outer.blocked === null && sameNode(outer.unit, fn);
}

const BDD_STEP = /^@\s*([\w.]+?)\s*(?:\(|$)/s;
const BDD_STEP_NAMES = new Set(['given', 'when', 'then', 'step']);

/** `@given(...)` (`@when`, `@then`, `@step`) naming pytest-bdd's: imported from it, or an attribute of an import of it. */
function isBddStepDecorator(decorator: SgNode, imports: ModuleImports): boolean {
  const callee = BDD_STEP.exec(decorator.text())?.[1];
  if (callee === undefined) return false;
  const parts = callee.split('.');
  const name = parts.pop() ?? '';
  const head = parts.join('.');
  const bdd = (module: string): boolean => module === 'pytest_bdd' || module.startsWith('pytest_bdd.');
  if (head === '') return imports.from.some((i) => (i.alias ?? i.name) === name && BDD_STEP_NAMES.has(i.name) && bdd(i.module) && isModuleLevel(i.node));
  return BDD_STEP_NAMES.has(name) && imports.plain.some((i) => (i.alias ?? i.module) === head && bdd(i.module) && isModuleLevel(i.node));
}
