// A session fixture that makes its own engine, as SQLModel's documentation and many course projects write it:
//   engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
//   SQLModel.metadata.create_all(engine)
//   with Session(engine) as session:
//       yield session
//   SQLModel.metadata.drop_all(engine)
// The engine exists only for this fixture, so it is replaced, not twinned: `create_async_engine` with the async
// driver, the schema made through `run_sync` on it, the session an AsyncSession on it. A twin beside the sync
// engine would not do: an in-memory database is the connection's own, so the async engine would see no tables.
import type { SgNode } from '@ast-grep/napi';
import type { TextEdit } from '../../../engine/types';
import { ASYNC_POOLS, ENGINE_KEYWORDS, POOL_KEYWORDS, URL_HELPER, asyncUrlHelper, asyncUrlLiteral, portableConnectDict, soleAssignment, sqliteMemory, stringLiteral } from '../async-engine';
import { bindingsIn, parametersOf } from '../query/bindings';
import { callArgs, decoratorsOf, isAsyncDef, namedChildren, start, end } from '../query/syntax';
import { moduleBindings, nameTable } from '../support/scope';
import { asyncFixtureDecorator, fixtureDecorator } from './fixtures';
import { localNamesFor, type ModuleImports } from '../support/imports';
import { firstLine, type SessionShape } from './session-shape';

type Import = { module: string; name: string };

export interface OwnEngine {
  /** The engine's local name, which the AsyncSession is opened on. */
  engine: string;
  /** How the session is opened when the fixture's own factory (made async in place) opens it; null for `Session(engine)`. */
  open: string | null;
  /** Where the fixture's own `sessionmaker(...)` call starts, when it opens the session; null for `Session(engine)`. */
  maker: number | null;
  edits: TextEdit[];
  imports: Import[];
  /** The `create_engine` import, which can go once nothing else in the file uses it. */
  frees: (Import & { local: string })[];
  /**
   * The engine fixture the session's engine comes from (`def session(engine)` on `def engine(): ... yield
   * _engine`): the name tests request it by and its def's offset; null when the fixture makes its engine itself.
   * Whether anything else in the project receives that fixture is the plan's to check.
   */
  fixture: { name: string; id: number; loop?: string } | null;
}

const CREATE_ENGINE_MODULES = ['sqlalchemy', 'sqlalchemy.engine', 'sqlmodel'];
/** The fixture scopes pytest-asyncio runs an event loop in (`loop_scope`). */
const LOOP_SCOPES = ['function', 'class', 'module', 'package', 'session'];
const SA_ASYNC = 'sqlalchemy.ext.asyncio';
const REASON = 'async-tests: the session fixture makes its own async engine';

/**
 * The edits that make the engine the fixture `fn` creates for its session (`Session(<engine>)`, bound once in
 * `fn` by `create_engine(...)` with a literal URL) an async one, and its schema setup and teardown async; null
 * when the session is not opened on such a local engine; a reason when it is, but something about it cannot be
 * carried over (another use of the engine, an argument the async engine does not take the same way). `v14`: the run
 * targets SQLAlchemy 1.4, which has no `async_sessionmaker` (a local factory becomes `sessionmaker(...,
 * class_=AsyncSession)`, as async-engine writes the twins).
 */
export function ownEngine(fn: SgNode, shape: SessionShape, imports: ModuleImports, source: string, v14 = false): OwnEngine | { reason: string } | null {
  const body = fn.field('body');
  if (!body) return null;
  const statements = namedChildren(body);
  // `TestingSessionLocal = sessionmaker(bind=engine)` in the fixture, then `session = TestingSessionLocal()`.
  const maker = localMaker(fn, statements, shape.open, imports);
  if (maker && 'reason' in maker) return maker;
  const args = callArgs(maker ? maker.call : shape.open);
  const bind = maker
    ? args.positional.length === 1 && !args.keywords.has('bind') ? args.positional[0] : args.positional.length === 0 ? args.keywords.get('bind') : undefined
    : args.positional.length === 1 && args.keywords.size === 0 ? args.positional[0] : args.positional.length === 0 && args.keywords.size === 1 ? args.keywords.get('bind') : undefined;
  if (bind?.kind() !== 'identifier' || args.splat) return null;
  const name = bind.text();
  const bindings = bindingsIn(fn, name);
  // `def session(engine): ... Session(engine)`: the engine is another fixture's value.
  const param = parametersOf(fn).find((p) => p.name === name && (p.node.kind() === 'identifier' || p.node.kind() === 'typed_parameter'));
  if (bindings.length === 0 && param) return fromEngineFixture(fn, statements, shape, maker, name, param.node, imports, source, v14);
  if (bindings.length !== 1) return null;
  const made = statements.find((s) => soleAssignment(s)?.field('left')?.text() === name);
  const call = made ? soleAssignment(made)?.field('right') : null;
  const callee = call?.kind() === 'call' ? call.field('function') : null;
  const creators = CREATE_ENGINE_MODULES.flatMap((m) => localNamesFor(imports, m, 'create_engine'));
  if (!made || !call || callee?.kind() !== 'identifier' || !creators.includes(callee.text())) return null;
  const fail = (why: string): { reason: string } => ({ reason: `its engine \`${name}\` ${why}` });
  const engineArgs = convertedArguments(call);
  if ('reason' in engineArgs) return fail(engineArgs.reason);

  const imported = localNamesFor(imports, SA_ASYNC, 'create_async_engine')[0];
  const edits: TextEdit[] = [
    { start: start(callee), end: end(callee), text: imported ?? 'create_async_engine', reason: REASON },
    { start: start(engineArgs.url), end: end(engineArgs.url), text: engineArgs.asyncUrl, reason: REASON },
  ];
  // As async-engine does for the engines of test files: pytest-asyncio and TestClient run their own event loops, and
  // a pooled asyncpg connection fails on another loop than its own. Not for an in-memory SQLite database, which a new
  // connection would open empty, nor where the engine says how it pools.
  const toImport: Import[] = [];
  if (engineArgs.pooled) edits.push(...nullPool(call, imports, toImport));
  const side = sessionSide(fn, statements, shape, maker, name, made, true, imports, v14);
  if ('reason' in side) return fail(side.reason);
  if (start(made) > start(shape.open) || (maker && start(made) > start(maker.call))) return fail('is made after the session is opened');
  const from = CREATE_ENGINE_MODULES.find((m) => localNamesFor(imports, m, 'create_engine').includes(callee.text()));
  const frees: OwnEngine['frees'] = from ? [{ module: from, name: 'create_engine', local: callee.text() }] : [];
  return {
    engine: name,
    open: maker ? shape.open.text() : null,
    maker: maker ? start(maker.call) : null,
    edits: [...edits, ...side.edits],
    imports: [...(imported ? [] : [{ module: SA_ASYNC, name: 'create_async_engine' }]), ...toImport, ...side.imports],
    frees: [...frees, ...side.frees],
    fixture: null,
  };
}

/**
 * The connection-bound session fixture (`connection = engine.connect()`, `transaction = connection.begin()`, the
 * session bound to the connection, all rolled back after the test) whose engine is the value of the engine fixture
 * `engine` of this file: that fixture's engine becomes an async one as for `Session(engine)` (see
 * fromEngineFixture); the session fixture's own statements are the shape's to rewrite. Null when the connection's
 * engine is not a parameter of the fixture.
 */
export function connectionEngineFixture(fn: SgNode, shape: SessionShape, imports: ModuleImports, source: string, v14 = false): OwnEngine | { reason: string } | null {
  const name = shape.connection?.engine;
  const body = fn.field('body');
  if (!name || !body) return null;
  const param = parametersOf(fn).find((p) => p.name === name && (p.node.kind() === 'identifier' || p.node.kind() === 'typed_parameter'));
  if (!param || bindingsIn(fn, name).length > 0) return null;
  return fromEngineFixture(fn, namedChildren(body), shape, null, name, param.node, imports, source, v14);
}

/** `, poolclass=NullPool` after the engine call's last argument (NullPool imported into `toImport` when missing). */
function nullPool(call: SgNode, imports: ModuleImports, toImport: Import[]): TextEdit[] {
  const lastArgument = namedChildren(call.field('arguments') as SgNode).pop();
  if (!lastArgument) return [];
  const local = localNamesFor(imports, 'sqlalchemy.pool', 'NullPool')[0];
  if (!local) toImport.push({ module: 'sqlalchemy.pool', name: 'NullPool' });
  return [{ start: end(lastArgument), end: end(lastArgument), text: `, poolclass=${local ?? 'NullPool'}`, reason: REASON }];
}

/**
 * The session fixture's side of the engine `name` becoming async: its schema setup and teardown on it (`create_all`,
 * `drop_all` through `run_sync` in `async with name.begin()`), its `dispose()` awaited (when `dispose`: the engine is
 * the fixture's own), its own session factory made an `async_sessionmaker` (on SQLAlchemy 1.4, `v14`, a
 * `sessionmaker(..., class_=AsyncSession)`); a reason when the engine is used in any other way. `made`: the
 * statement making the engine in the fixture, or the parameter receiving it, whose uses are its own.
 */
function sessionSide(fn: SgNode, statements: SgNode[], shape: SessionShape, maker: LocalMaker | null, name: string, made: SgNode, dispose: boolean, imports: ModuleImports, v14: boolean): { edits: TextEdit[]; imports: Import[]; frees: OwnEngine['frees'] } | { reason: string } {
  const edits: TextEdit[] = [];
  const toImport: Import[] = [];
  const frees: OwnEngine['frees'] = [];
  const connection = ['conn', 'connection', 'async_conn'].find((c) => !fn.find({ rule: { kind: 'identifier', regex: `^${c}$` } }));
  if (!connection) return { reason: 'is used with names this fixture already binds' };
  // Every other use of the engine must be one this file can write in its async form.
  for (const use of fn.findAll({ rule: { kind: 'identifier', regex: `^${name}$` } })) {
    if (start(use) >= start(made) && end(use) <= end(made)) continue;
    if (start(use) >= start(shape.open) && end(use) <= end(shape.open)) continue;
    if (maker && start(use) >= start(maker.call) && end(use) <= end(maker.call)) continue;
    // `engine.connect()` of a connection-bound shape: the shape's async text opens it on the async engine.
    if (shape.connection && start(use) >= shape.from && end(use) <= shape.to) continue;
    const statement = statements.find((s) => start(s) <= start(use) && end(use) <= end(s));
    const use$ = statement ? schemaCall(statement, name) : null;
    if (!statement || !use$ || (use$ === 'dispose' && !dispose)) return { reason: `is used in \`${firstLine((statement ?? use).text())}\`, which has no async form here` };
    if (use$ === 'dispose') {
      edits.push({ start: start(statement), end: start(statement), text: 'await ', reason: REASON });
      continue;
    }
    const indent = shape.indent;
    edits.push({
      start: start(statement),
      end: end(statement),
      text: `async with ${name}.begin() as ${connection}:\n${indent}${shape.unit}await ${connection}.run_sync(${use$.metadata}.${use$.method})`,
      reason: REASON,
    });
  }
  if (maker && v14) {
    // SQLAlchemy 1.4 has no async_sessionmaker (an ImportError): its sessionmaker makes AsyncSessions through
    // class_, so the factory keeps its callee and sessionmaker stays imported.
    const asyncSession = localNamesFor(imports, SA_ASYNC, 'AsyncSession')[0];
    if (!asyncSession) toImport.push({ module: SA_ASYNC, name: 'AsyncSession' });
    edits.push({ start: start(maker.call), end: end(maker.call), text: `${maker.callee}(${[name, `class_=${asyncSession ?? 'AsyncSession'}`, 'expire_on_commit=False', ...maker.kept].join(', ')})`, reason: REASON });
  } else if (maker) {
    const asyncMaker = localNamesFor(imports, SA_ASYNC, 'async_sessionmaker')[0];
    if (!asyncMaker) toImport.push({ module: SA_ASYNC, name: 'async_sessionmaker' });
    // As async-engine writes the factory twins: expire_on_commit=False, since an expired attribute read later
    // would load lazily, which an AsyncSession cannot do outside an await.
    edits.push({ start: start(maker.call), end: end(maker.call), text: `${asyncMaker ?? 'async_sessionmaker'}(${[name, 'expire_on_commit=False', ...maker.kept].join(', ')})`, reason: REASON });
    frees.push({ module: maker.module, name: 'sessionmaker', local: maker.callee });
  }
  return { edits, imports: toImport, frees };
}

/**
 * The session's engine is the value of the engine fixture `name` of this file (the fast_zero course's conftest and
 * many SQLAlchemy projects: `@pytest.fixture(scope="session") def engine(): _engine = create_engine(URL); yield
 * _engine; _engine.dispose()`): that fixture's engine becomes an async one in place, on NullPool, and the fixture
 * stays a plain sync fixture. Creating an AsyncEngine awaits nothing; with NullPool it holds no connection between
 * checkouts, so each test opens its connections in its own event loop, whatever the engine fixture's scope (a
 * pooled connection would be reused in a later test's loop, which asyncpg refuses), and its sync teardown,
 * `sync_engine.dispose()`, closes nothing (NullPool's dispose does no I/O; `AsyncEngine.dispose()` only runs that
 * same call in a greenlet). Inside `with` blocks not using the engine (testcontainers' container) too. One holding
 * `with _engine.begin(): yield _engine` open (the fast_zero course's final conftest) becomes an async fixture in
 * the event loop of its own scope instead (`loop_scope`, which the plan checks pytest-asyncio has). Refused when
 * the engine fixture does anything else, pools its connections (an in-memory SQLite database needs its one
 * connection kept), or is not the one fixture of that name in this file.
 */
function fromEngineFixture(fn: SgNode, statements: SgNode[], shape: SessionShape, maker: LocalMaker | null, name: string, param: SgNode, imports: ModuleImports, source: string, v14: boolean): OwnEngine | { reason: string } {
  const fail = (why: string): { reason: string } => ({ reason: `its engine comes from the fixture \`${name}\`, which ${why}` });
  const module = fn.getRoot().root();
  const defs = namedChildren(module)
    .map((s) => (s.kind() === 'decorated_definition' ? s.field('definition') : null))
    .filter((d): d is SgNode => d?.kind() === 'function_definition')
    .filter((d) => {
      const decorator = fixtureDecorator(decoratorsOf(d));
      return decorator !== null && (decorator.name ?? d.field('name')?.text()) === name;
    });
  if (defs.length === 0) return { reason: `its engine \`${name}\` is a fixture parameter, and no fixture of this file named \`${name}\` makes it (an engine fixture of another module is not converted)` };
  if (defs.length > 1) return fail('is defined more than once in this file');
  const ef = defs[0] as SgNode;
  const decorator = fixtureDecorator(decoratorsOf(ef));
  if (isAsyncDef(ef) || decorator?.callee === 'pytest_asyncio.fixture') return fail('is async already');
  let body = namedChildren(ef.field('body') as SgNode);
  if (body[0]?.kind() === 'expression_statement' && namedChildren(body[0])[0]?.kind() === 'string') body = body.slice(1);
  // `with PostgresContainer(...) as postgres:` around it all (testcontainers): the engine lives in the container's block.
  const wrappers: SgNode[] = [];
  while (body.length === 1 && body[0]?.kind() === 'with_statement' && !/^async\b/.test(body[0].text())) {
    wrappers.push(body[0]);
    body = namedChildren(body[0].field('body') as SgNode);
  }
  const [make] = body;
  // SQLModel's testing pattern split in two fixtures: `engine = create_engine(...)`, then the schema made on it
  // (`SQLModel.metadata.create_all(engine)`) before it is handed out.
  const schema = make ? schemaStatementsAfter(body, 1, make) : [];
  const [handOut, teardown, ...rest] = body.slice(1 + schema.length);
  const assignment = make ? soleAssignment(make) : null;
  const variable = assignment?.field('left');
  const call = assignment?.field('right');
  const callee = call?.kind() === 'call' ? call.field('function') : null;
  const creators = CREATE_ENGINE_MODULES.flatMap((m) => localNamesFor(imports, m, 'create_engine'));
  const shapeOnly = 'does more than make an engine with `create_engine(...)`, hand it out and dispose it';
  if (!make || !call || variable?.kind() !== 'identifier' || callee?.kind() !== 'identifier' || !creators.includes(callee.text())) return fail(`${shapeOnly} (\`${firstLine((make ?? ef).text())}\`)`);
  const engine = variable.text();
  const mentions = (node: SgNode): boolean => node.find({ rule: { kind: 'identifier', regex: `^${engine}$` } }) !== null;
  const opened = handOut?.kind() === 'with_statement' ? namedChildren(handOut).find((c) => c.kind() === 'with_clause') : undefined;
  // fast_zero's `with _engine.begin(): yield _engine`: a connection (and transaction) held open for the run. On an
  // AsyncEngine that is an `async with`, so the fixture becomes async, in the event loop of its own scope (the held
  // connection stays in that loop; the tests' connections, NullPool's, are opened in theirs).
  const heldBody = opened && mentions(opened) ? namedChildren((handOut as SgNode).field('body') as SgNode) : null;
  const held = heldBody !== null && new RegExp(`^${engine}\\.(begin|connect)\\(\\)(\\s+as\\s+\\w+)?$`).test(opened?.text() ?? '') && heldBody.length === 1 ? (heldBody[0] as SgNode) : null;
  if (heldBody !== null && held === null) return fail(`${shapeOnly} (\`${firstLine((handOut as SgNode).text())}\`)`);
  const scope = decorator?.scope ?? 'function';
  if (held && !LOOP_SCOPES.includes(scope)) return fail(`holds \`${opened?.text()}\` open around its \`yield\`, which needs an async fixture in an event loop of its scope, and its scope \`${scope}\` is ${scope === 'dynamic' ? 'set at run time' : 'no scope pytest-asyncio runs event loops in'}`);
  if (wrappers.some((w) => mentions(namedChildren(w).find((c) => c.kind() === 'with_clause') ?? w))) return fail(`${shapeOnly} (\`${firstLine((wrappers[0] as SgNode).text())}\`)`);
  const handed = handOut ? handedOut(held ?? handOut) : null;
  if (!handOut || handed === null || handed.value !== engine) return fail(`${shapeOnly} (\`${firstLine((handOut ?? ef).text())}\`)`);
  if (schema.length > 0 && (held || wrappers.length > 0)) return fail(`${shapeOnly} (\`${firstLine((held ? (handOut as SgNode) : (wrappers[0] as SgNode)).text())}\`)`);
  if (schema.length > 0) return fromSchemaEngineFixture(ef, decorator, { make, call, engine, schema, handOut, handed, after: body.slice(2 + schema.length) }, fn, statements, shape, maker, name, param, imports, source, v14, fail);
  const disposal = teardown && handed.yields ? schemaCall(teardown, engine) : null;
  if ((teardown && disposal !== 'dispose') || rest.length > 0) return fail(`${shapeOnly} (\`${firstLine(((teardown && disposal !== 'dispose' ? teardown : rest[0]) ?? ef).text())}\`)`);
  if (bindingsIn(ef, engine).length !== 1) return fail(`binds \`${engine}\` more than once`);
  const engineArgs = convertedArguments(call, true);
  if ('reason' in engineArgs) return fail(`makes an engine that ${engineArgs.reason}`);
  if (!engineArgs.pooled && !engineArgs.nullPool) {
    return fail(
      engineArgs.memory
        ? `makes its engine on ${engineArgs.helper ? 'a URL that may be an' : 'an'} in-memory SQLite database: that database lives in the one connection the pool keeps, which an async engine would reuse in the event loop of each test, and which the sync fixture could not close`
        : 'makes an engine that says how it pools connections: an async pooled connection is tied to the event loop that opened it, while the fixture hands the engine to tests running in loops of their own, and its sync teardown cannot close one',
    );
  }

  const imported = localNamesFor(imports, SA_ASYNC, 'create_async_engine')[0];
  const reason = 'async-tests: the engine fixture makes the async engine the session fixture opens its AsyncSession on';
  const edits: TextEdit[] = [
    { start: start(callee), end: end(callee), text: imported ?? 'create_async_engine', reason },
    { start: start(engineArgs.url), end: end(engineArgs.url), text: engineArgs.asyncUrl, reason },
  ];
  const toImport: Import[] = imported ? [] : [{ module: SA_ASYNC, name: 'create_async_engine' }];
  if (engineArgs.pooled) edits.push(...nullPool(call, imports, toImport));
  if (held && decorator) {
    edits.push(
      ...asyncFixtureDecorator({ start: decorator.start, end: decorator.end }, decorator.slot, scope === 'function' ? null : scope, reason),
      { start: start(ef), end: start(ef), text: 'async ', reason },
      { start: start(handOut), end: start(handOut), text: 'async ', reason },
    );
    if (teardown) edits.push({ start: start(teardown), end: start(teardown), text: 'await ', reason });
  } else if (teardown) {
    const disposeCallee = (namedChildren(teardown)[0] as SgNode).field('function') as SgNode;
    edits.push({ start: start(disposeCallee), end: end(disposeCallee), text: `${engine}.sync_engine.dispose`, reason });
  }
  if (engineArgs.helper) {
    if (moduleBindings(nameTable(fn.getRoot(), URL_HELPER)).length > 0 || nameTable(fn.getRoot(), URL_HELPER).occurrences.length > 0) return fail(`makes its engine on a URL known only at run time, whose async form needs the helper \`${URL_HELPER}\`, a name this file already uses`);
    edits.push(helperEdit(ef, source));
  }
  const fixture = held ? { name, id: start(ef), loop: scope } : { name, id: start(ef) };
  return withSessionSide({ fn, statements, shape, maker, name, param, imports, v14, fail }, { callee, edits, toImport, fixture });
}

/** The `create_all` / `drop_all` statements on the engine `make` binds, from `body[from]` on, up to the first other statement. */
function schemaStatementsAfter(body: SgNode[], from: number, make: SgNode): SgNode[] {
  const engine = soleAssignment(make)?.field('left');
  if (engine?.kind() !== 'identifier') return [];
  const found: SgNode[] = [];
  for (const statement of body.slice(from)) {
    const use = schemaCall(statement, engine.text());
    if (use === null || use === 'dispose') break;
    found.push(statement);
  }
  return found;
}

/**
 * An engine fixture that makes its schema before handing the engine out (`engine = create_engine("sqlite://",
 * poolclass=StaticPool)`, `SQLModel.metadata.create_all(engine)`, `return engine`; after a `yield`, maybe
 * `drop_all` and `dispose()`): the schema needs the engine's connection, awaited, so the fixture becomes an async
 * fixture (function-scoped only: it then runs in each test's own event loop, which the session fixture and the
 * test share), the schema calls go through `run_sync` in `async with engine.begin()`, and its `dispose()` is
 * awaited. An in-memory SQLite database keeps its pool (aiosqlite's default for one is StaticPool, the one
 * connection the schema lives in); a database that pools otherwise gets NullPool, as the sync engine fixture's
 * conversion gives it.
 */
function fromSchemaEngineFixture(
  ef: SgNode,
  decorator: ReturnType<typeof fixtureDecorator>,
  made: { make: SgNode; call: SgNode; engine: string; schema: SgNode[]; handOut: SgNode; handed: { value: string; yields: boolean }; after: SgNode[] },
  fn: SgNode,
  statements: SgNode[],
  shape: SessionShape,
  maker: LocalMaker | null,
  name: string,
  param: SgNode,
  imports: ModuleImports,
  source: string,
  v14: boolean,
  fail: (why: string) => { reason: string },
): OwnEngine | { reason: string } {
  const { call, engine, schema, handOut, handed, after } = made;
  const scope = decorator?.scope ?? 'function';
  if (!decorator || !LOOP_SCOPES.includes(scope)) return fail(`makes its schema on the engine, which needs an async fixture, and its scope \`${scope}\` is ${scope === 'dynamic' ? 'set at run time' : 'no scope pytest-asyncio runs event loops in'}`);
  const teardown = handed.yields ? after : [];
  const odd = (handed.yields ? [] : after).concat(teardown.filter((t) => schemaCall(t, engine) === null));
  if (odd.length > 0) return fail(`does more than make an engine with \`create_engine(...)\`, make its schema, hand it out and drop it or dispose it (\`${firstLine((odd[0] as SgNode).text())}\`)`);
  if (bindingsIn(ef, engine).length !== 1) return fail(`binds \`${engine}\` more than once`);
  const engineArgs = convertedArguments(call, true);
  if ('reason' in engineArgs) return fail(`makes an engine that ${engineArgs.reason}`);
  if (engineArgs.helper && (moduleBindings(nameTable(fn.getRoot(), URL_HELPER)).length > 0 || nameTable(fn.getRoot(), URL_HELPER).occurrences.length > 0)) {
    return fail(`makes its engine on a URL known only at run time, whose async form needs the helper \`${URL_HELPER}\`, a name this file already uses`);
  }
  if (!engineArgs.pooled && !engineArgs.nullPool && !engineArgs.memory) {
    return fail('makes an engine that says how it pools connections: an async pooled connection is tied to the event loop that opened it, and the tests may reach the engine from other loops (a TestClient runs the application in its own)');
  }
  // Wider than a test, the fixture runs in an event loop of its scope (`loop_scope`), the tests in theirs: only an
  // engine holding no connection between checkouts (NullPool) can be shared so. An in-memory database lives in the
  // one connection its pool keeps, which would be handed from that loop to each test's.
  if (scope !== 'function' && engineArgs.memory) {
    return fail(`makes its schema on ${engineArgs.helper ? 'a URL that may be an' : 'an'} in-memory SQLite database and is \`${scope}\`-scoped: that database lives in the one connection the pool keeps, which the async engine would hand from the fixture's event loop to each test's`);
  }
  const connection = ['conn', 'connection', 'async_conn'].find((c) => !ef.find({ rule: { kind: 'identifier', regex: `^${c}$` } }));
  if (!connection) return fail('binds every name the schema code would need for its connection');
  const imported = localNamesFor(imports, SA_ASYNC, 'create_async_engine')[0];
  const reason = 'async-tests: the engine fixture makes the async engine, and its schema, the session fixture opens its AsyncSession on';
  const callee = call.field('function') as SgNode;
  const edits: TextEdit[] = [
    ...asyncFixtureDecorator({ start: decorator.start, end: decorator.end }, decorator.slot, scope === 'function' ? null : scope, reason),
    { start: start(ef), end: start(ef), text: 'async ', reason },
    { start: start(callee), end: end(callee), text: imported ?? 'create_async_engine', reason },
    { start: start(engineArgs.url), end: end(engineArgs.url), text: engineArgs.asyncUrl, reason },
  ];
  const toImport: Import[] = imported ? [] : [{ module: SA_ASYNC, name: 'create_async_engine' }];
  if (engineArgs.pooled) edits.push(...nullPool(call, imports, toImport));
  if (engineArgs.helper) edits.push(helperEdit(ef, source));
  const indent = lineIndent(handOut);
  for (const statement of [...schema, ...teardown]) {
    const use = schemaCall(statement, engine);
    if (use === 'dispose') edits.push({ start: start(statement), end: start(statement), text: 'await ', reason });
    else if (use !== null) edits.push({ start: start(statement), end: end(statement), text: `async with ${engine}.begin() as ${connection}:\n${indent}${shape.unit}await ${connection}.run_sync(${use.metadata}.${use.method})`, reason });
  }
  return withSessionSide({ fn, statements, shape, maker, name, param, imports, v14, fail }, { callee, edits, toImport, fixture: { name, id: start(ef), loop: scope } });
}

/** What both engine-fixture conversions share: the session fixture's side, and the one OwnEngine they make. */
interface EngineFixtureContext {
  fn: SgNode;
  statements: SgNode[];
  shape: SessionShape;
  maker: LocalMaker | null;
  name: string;
  param: SgNode;
  imports: ModuleImports;
  v14: boolean;
  fail: (why: string) => { reason: string };
}

/** The engine fixture's conversion (`callee` its `create_engine`) completed by the session fixture's side. */
function withSessionSide(
  c: EngineFixtureContext,
  engine: { callee: SgNode; edits: TextEdit[]; toImport: Import[]; fixture: NonNullable<OwnEngine['fixture']> },
): OwnEngine | { reason: string } {
  const side = sessionSide(c.fn, c.statements, c.shape, c.maker, c.name, c.param, false, c.imports, c.v14);
  if ('reason' in side) return c.fail(`the session fixture ${side.reason.replace(/^is used/, 'uses')}`);
  const local = engine.callee.text();
  const from = CREATE_ENGINE_MODULES.find((m) => localNamesFor(c.imports, m, 'create_engine').includes(local));
  return {
    engine: c.name,
    open: c.maker ? c.shape.open.text() : null,
    maker: c.maker ? start(c.maker.call) : null,
    edits: [...engine.edits, ...side.edits],
    imports: [...engine.toImport, ...side.imports],
    frees: [...(from ? [{ module: from, name: 'create_engine', local }] : []), ...side.frees],
    fixture: engine.fixture,
  };
}

/** The whitespace before `node` on its line. */
function lineIndent(node: SgNode): string {
  const column = node.range().start.column;
  return ' '.repeat(column);
}

/** `yield x` / `return x` as a whole statement: the name handed out, and whether it is yielded. */
function handedOut(statement: SgNode): { value: string; yields: boolean } | null {
  if (statement.kind() === 'return_statement') {
    const value = namedChildren(statement)[0];
    return value?.kind() === 'identifier' ? { value: value.text(), yields: false } : null;
  }
  const expr = statement.kind() === 'expression_statement' ? namedChildren(statement)[0] : null;
  const value = expr?.kind() === 'yield' ? namedChildren(expr)[0] : null;
  return value?.kind() === 'identifier' ? { value: value.text(), yields: true } : null;
}

/** async-engine's `_async_database_url` helper, before the fixture `def` (above its comment lines, two blank lines around it). */
function helperEdit(def: SgNode, source: string): TextEdit {
  const holder = def.parent()?.kind() === 'decorated_definition' ? (def.parent() as SgNode) : def;
  let offset = source.lastIndexOf('\n', start(holder) - 1) + 1;
  while (offset > 0) {
    const previous = source.lastIndexOf('\n', offset - 2) + 1;
    if (!/^[ \t]*#/.test(source.slice(previous, offset))) break;
    offset = previous;
  }
  const before = /\n*$/.exec(source.slice(0, offset))?.[0].length ?? 0;
  const lead = offset === 0 ? '' : '\n'.repeat(Math.max(0, 3 - before));
  return { start: offset, end: offset, text: `${lead}${asyncUrlHelper()}\n\n\n`, reason: 'async-tests: run-time async URL helper for the engine fixture' };
}

export const MAKER_MODULES = ['sqlalchemy.orm', 'sqlalchemy.orm.session'];
/** sessionmaker keywords that mean the same to async_sessionmaker (as async-engine carries them to its twins). */
export const MAKER_KEYWORDS = new Set(['autoflush', 'info', 'autobegin', 'join_transaction_mode', 'close_resets_only', 'enable_baked_queries']);

interface LocalMaker {
  call: SgNode;
  /** The local name `sessionmaker` is imported as, and from where. */
  callee: string;
  module: string;
  /** The keyword arguments carried over as written. */
  kept: string[];
}

/**
 * The `sessionmaker(...)` the fixture binds, once, to the name whose call `open` opens the session (no arguments),
 * as a statement of its own before it; null when the session is not opened so; a reason when it is, but the
 * factory cannot become an `async_sessionmaker` here.
 */
function localMaker(fn: SgNode, statements: SgNode[], open: SgNode, imports: ModuleImports): LocalMaker | { reason: string } | null {
  const opener = open.field('function');
  if (opener?.kind() !== 'identifier') return null;
  const factory = opener.text();
  const made = statements.find((s) => soleAssignment(s)?.field('left')?.text() === factory);
  const call = made ? soleAssignment(made)?.field('right') : null;
  const callee = call?.kind() === 'call' ? call.field('function') : null;
  const module = callee?.kind() === 'identifier' ? MAKER_MODULES.find((m) => localNamesFor(imports, m, 'sessionmaker').includes(callee.text())) : undefined;
  if (!made || !call || !callee || !module || bindingsIn(fn, factory).length !== 1) return null;
  const fail = (why: string): { reason: string } => ({ reason: `its session factory \`${factory}\` ${why}` });
  const openArgs = callArgs(open);
  if (openArgs.positional.length > 0 || openArgs.keywords.size > 0 || openArgs.splat) return fail('is called with arguments, which its async form may not take');
  if (start(made) > start(open)) return fail('is made after the session is opened');
  // Used only where it is made and where the session is opened: anything else would get an async factory unawares.
  for (const use of fn.findAll({ rule: { kind: 'identifier', regex: `^${factory}$` } })) {
    if ((start(use) >= start(made) && end(use) <= end(made)) || (start(use) >= start(open) && end(use) <= end(open))) continue;
    return fail(`is used in \`${firstLine((statements.find((s) => start(s) <= start(use) && end(use) <= end(s)) ?? use).text())}\`, which has no async form here`);
  }
  const args = callArgs(call);
  if (args.splat) return fail('is made with unpacked arguments');
  const kept: string[] = [];
  for (const [key, value] of args.keywords) {
    if (key === 'bind' || key === 'expire_on_commit' || key === 'future') continue;
    if (key === 'autocommit' && value.kind() === 'false') continue;
    if (MAKER_KEYWORDS.has(key)) {
      kept.push(`${key}=${value.text()}`);
      continue;
    }
    return fail(`is made with \`${key}=\`, which the async session factory may not take the same way`);
  }
  return { call, callee: callee.text(), module, kept };
}

/** `X.create_all(engine)` / `X.drop_all(bind=engine)` (the metadata and method), or `engine.dispose()`, as a whole statement. */
function schemaCall(statement: SgNode, engine: string): { metadata: string; method: string } | 'dispose' | null {
  const call = statement.kind() === 'expression_statement' ? namedChildren(statement)[0] : null;
  if (call?.kind() !== 'call') return null;
  const callee = call.field('function');
  const args = callArgs(call);
  if (callee?.kind() !== 'attribute' || args.splat) return null;
  const method = callee.field('attribute')?.text() ?? '';
  if (method === 'dispose' && callee.field('object')?.text() === engine && args.positional.length === 0 && args.keywords.size === 0) return 'dispose';
  if (method !== 'create_all' && method !== 'drop_all') return null;
  const bind = args.positional.length === 1 && args.keywords.size === 0 ? args.positional[0] : args.positional.length === 0 && args.keywords.size === 1 ? args.keywords.get('bind') : undefined;
  return bind?.text() === engine ? { metadata: (callee.field('object') as SgNode).text(), method } : null;
}

/**
 * The engine's URL and its async form, when every argument means the same to create_async_engine: a literal
 * rewritten, or (`runtime`) any other expression wrapped in async-engine's `_async_database_url` helper (`helper`).
 * `pooled`: it names no pool and is not on an in-memory SQLite database (it gets NullPool); `nullPool`: it names
 * NullPool itself; `memory`: its literal URL is an in-memory SQLite database.
 */
function convertedArguments(call: SgNode, runtime = false): { url: SgNode; asyncUrl: string; pooled: boolean; nullPool: boolean; memory: boolean; helper: boolean } | { reason: string } {
  const args = callArgs(call);
  if (args.splat) return { reason: 'is created with unpacked arguments' };
  const url = args.positional.length === 1 ? args.positional[0] : args.positional.length === 0 ? args.keywords.get('url') : undefined;
  const literal = url ? stringLiteral(url) : null;
  if (!url) return { reason: 'has no literal URL' };
  if (literal && /[bB]/.test(literal.prefix)) return { reason: 'has a bytes URL' };
  const plain = literal && !/[fF]/.test(literal.prefix) ? literal : null;
  if (!plain && !runtime) return { reason: 'has no literal URL' };
  let asyncUrl: string;
  let scheme: string | null = null;
  let memory = false;
  if (plain) {
    const converted = asyncUrlLiteral(plain);
    if ('unknown' in converted) return { reason: `has a URL whose scheme \`${converted.unknown}\` has no async driver awaitify knows` };
    asyncUrl = converted.text;
    scheme = converted.scheme;
    memory = sqliteMemory(plain.content) !== null;
  } else {
    if (url.find({ rule: { any: [{ kind: 'await' }, { kind: 'yield' }, { kind: 'lambda' }] } })) return { reason: 'has a URL expression awaitify cannot wrap' };
    // A default written in it (`os.environ.get("URL", "sqlite://")`) may be the database the tests get: in memory,
    // it needs the pool NullPool would take away.
    // `create_engine(TEST_URL)` on a module constant `TEST_URL = "sqlite://"`: its literal says the same.
    const constant = url.kind() === 'identifier' ? moduleConstant(url) : null;
    const literals = [url, ...url.findAll({ rule: { kind: 'string' } }), ...(constant ? [constant] : [])].map((n) => stringLiteral(n)).filter((l) => l !== null);
    memory = literals.some((l) => sqliteMemory(l.content) !== null);
    // Its scheme too (whether `connect_args` means the same to the async driver).
    const fixed = constant ? stringLiteral(constant) : null;
    const converted = fixed && !/[bBfF]/.test(fixed.prefix) ? asyncUrlLiteral(fixed) : null;
    if (converted && 'scheme' in converted) scheme = converted.scheme;
    asyncUrl = `${URL_HELPER}(${url.text()})`;
  }
  for (const [key, value] of args.keywords) {
    if (key === 'url' || ENGINE_KEYWORDS.has(key)) continue;
    // Async engines are 2.0-style whatever it says; an explicit True stays as written, as async-engine keeps it.
    if (key === 'future' && value.kind() === 'true') continue;
    if (key === 'poolclass' && ASYNC_POOLS.has(value.text().split('.').pop() ?? '')) continue;
    if (key === 'connect_args' && scheme?.startsWith('sqlite') && value.kind() === 'dictionary' && portableConnectDict(value, 'sqlite')) continue;
    return { reason: `is created with \`${key}=\`, which the async engine may not take the same way` };
  }
  const pooled = !POOL_KEYWORDS.some((k) => args.keywords.has(k)) && !memory;
  const nullPool = args.keywords.get('poolclass')?.text().split('.').pop() === 'NullPool' && POOL_KEYWORDS.filter((k) => args.keywords.has(k)).length === 1;
  return { url, asyncUrl, pooled, nullPool, memory, helper: !plain };
}

/** The string a module-level name is bound to, once, by `NAME = "..."`; null for anything else. */
function moduleConstant(name: SgNode): SgNode | null {
  const root = name.getRoot();
  if (moduleBindings(nameTable(root, name.text())).length !== 1) return null;
  for (const statement of namedChildren(root.root())) {
    const assignment = soleAssignment(statement);
    if (assignment?.field('left')?.text() === name.text() && assignment.field('right')?.kind() === 'string') return assignment.field('right');
  }
  return null;
}

