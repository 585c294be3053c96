// The session module gains async twins next to its sync engine, session factory and get_db (REFERENCE §4).
// The sync objects stay: Alembic, scripts and not-yet-migrated code keep using them.
//
// Twins are only written where the module itself shows the engine serves ORM sessions: a sessionmaker bound
// to it, or a get_db building `Session(engine)`. An engine with neither (a script's, or one used for raw
// connections to another database) is left alone, because creating its async twin would import an async
// driver the project may not have.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import { isNonSessionLibraryName } from './support/driver-libraries';
import type { FindingInput, IndexInput, ProjectIndexer, SessionFactoryKind, TextEdit, Transform, TransformContext, TransformOptions, TransformResult } from '../../engine/types';
import { EngineIndex, importedByOthers, importsUntwinned, type EngineSummary, type SessionBind } from './scaffold/engine-index';
import { unfollowedBindings } from './scaffold/reexports';
import { SessionResolver, sessionOptionsFrom, singleBase } from './query/sessions';
import { isBindingOccurrence, occurrencesOf, signatureOf } from './query/bindings';
import { isTestPath } from './index/modules';
import { dottedName, ifBranchBodies, isAsyncDef, isDocstring, reraises } from './query/syntax';
import { sessionShape } from './testing/session-shape';
import { moduleFixtures } from './testing/fixtures';
import { twinName, twinOrigin } from './scaffold/twin-names';

export { twinName, twinOrigin };
import { cachedTree } from './support/cached-tree';
import { collectImports, dunderAllNames, ImportBinding, isContextmanager, isTopLevel, importsFreedBy, ModuleImports, moduleLevelImportBindings, planImportEdits } from './support/imports';
import { maySeeModuleBinding, moduleBindings, NameTable, cachedNameTables } from './support/scope';
import { cached } from '../../engine/cached';
import { inputLineOf } from './support/input-lines';

export const RULE_URL = 'ENGINE-URL-UNSUPPORTED';
export const RULE_ARG = 'ENGINE-ARG-UNSUPPORTED';
export const RULE_GET_DB = 'ENGINE-GET-DB-UNRECOGNISED';

export const RULE_CREATE_ALL = 'ENGINE-CREATE-ALL-SYNC';
export const RULE_NAME = 'ENGINE-NAME-CONFLICT';
export const RULE_MEMORY = 'ENGINE-SQLITE-MEMORY';
export const RULE_LISTENER = 'ENGINE-EVENT-LISTENER';
export const RULE_CONTEXT_MANAGER = 'ENGINE-SESSION-CONTEXT-MANAGER';

const SA_ASYNC = 'sqlalchemy.ext.asyncio';
const SQLMODEL_ASYNC = 'sqlmodel.ext.asyncio.session';
export const URL_HELPER = '_async_database_url';

/** The run-time helper `_async_database_url(url)` giving a computed URL its async driver, as a module-level def (no trailing newline). */
export function asyncUrlHelper(): string {
  const drivers = Object.entries(ASYNC_DRIVERS).map(([from, to]) => `        "${from}": "${to}",`).join('\n');
  return [
    `def ${URL_HELPER}(url) -> str:`,
    '    """The URL with its sync driver replaced by the async one (for create_async_engine); str or sqlalchemy URL."""',
    '    drivers = {',
    drivers,
    '    }',
    '    if isinstance(url, str):',
    '        scheme, separator, rest = url.partition("://")',
    '        if separator and scheme in drivers:',
    '            return drivers[scheme] + "://" + rest',
    '    elif hasattr(url, "drivername") and hasattr(url, "set"):',
    '        scheme = url.drivername',
    '        if scheme in drivers:',
    '            return url.set(drivername=drivers[scheme]).render_as_string(hide_password=False)',
    '    else:',
    '        raise TypeError(f"expected a database URL (str or sqlalchemy URL), got {type(url).__name__}")',
    '    raise ValueError(f"no async driver is known for the database URL scheme {scheme!r}; set the async URL by hand")',
  ].join('\n');
}

/**
 * REFERENCE §4, exactly, plus psycopg 3, which the reference does not name: SQLAlchemy 2.0's
 * `postgresql+psycopg` dialect picks its asyncio variant by itself under create_async_engine, so the URL stays.
 * Anything else is reported rather than guessed.
 */
export const ASYNC_DRIVERS: Record<string, string> = {
  postgresql: 'postgresql+asyncpg',
  'postgresql+psycopg2': 'postgresql+asyncpg',
  'postgresql+psycopg': 'postgresql+psycopg',
  sqlite: 'sqlite+aiosqlite',
  mysql: 'mysql+aiomysql',
  'mysql+pymysql': 'mysql+aiomysql',
};

const CREATE_ENGINE = new Set(['sqlalchemy.create_engine', 'sqlalchemy.engine.create_engine', 'sqlalchemy.engine.create.create_engine', 'sqlmodel.create_engine']);
const SESSIONMAKER = new Set(['sqlalchemy.orm.sessionmaker', 'sqlalchemy.orm.session.sessionmaker']);
const CREATE_ASYNC_ENGINE = new Set(['sqlalchemy.ext.asyncio.create_async_engine', 'sqlalchemy.ext.asyncio.engine.create_async_engine']);
const ASYNC_SESSIONMAKER = new Set(['sqlalchemy.ext.asyncio.async_sessionmaker', 'sqlalchemy.ext.asyncio.session.async_sessionmaker']);
const ASYNC_SESSION = new Set(['sqlalchemy.ext.asyncio.AsyncSession', 'sqlalchemy.ext.asyncio.session.AsyncSession', 'sqlmodel.ext.asyncio.session.AsyncSession']);
const SA_SESSION = new Set(['sqlalchemy.orm.Session', 'sqlalchemy.orm.session.Session']);
const SQLMODEL_SESSION = new Set(['sqlmodel.Session', 'sqlmodel.orm.session.Session']);
const SESSION_CALLS = new Set([...SA_SESSION, ...SQLMODEL_SESSION, ...SESSIONMAKER]);
/** The last name of each name of a set (callsOneOf), made once per set. */
const lastNames = new WeakMap<ReadonlySet<string>, Set<string>>();

/**
 * create_engine keywords that mean the same on the async engine: create_async_engine hands them to the same
 * create_engine. `connect_args`, `poolclass` and `future` are judged separately.
 */
export const ENGINE_KEYWORDS = new Set([
  'echo', 'echo_pool', 'pool_pre_ping', 'pool_size', 'max_overflow', 'pool_recycle', 'pool_timeout', 'pool_use_lifo',
  'pool_reset_on_return', 'isolation_level', 'execution_options', 'hide_parameters', 'logging_name', 'pool_logging_name',
  'query_cache_size', 'label_length', 'max_identifier_length', 'json_serializer', 'json_deserializer',
  'enable_from_linting', 'insertmanyvalues_page_size', 'use_insertmanyvalues', 'implicit_returning',
]);
/** Pools whose `_is_asyncio` suits an async dialect (SQLAlchemy 2.0 rejects QueuePool/SingletonThreadPool there). */
export const ASYNC_POOLS = new Set(['NullPool', 'StaticPool', 'AssertionPool', 'AsyncAdaptedQueuePool']);
/** create_engine keywords saying how the engine pools its connections: a test engine keeping them gets no NullPool. */
export const POOL_KEYWORDS = ['poolclass', 'pool_size', 'max_overflow', 'pool_timeout', 'pool_use_lifo'];
/** sqlite3.connect() keywords; aiosqlite.connect passes its keywords on to sqlite3.connect unchanged. */
export const SQLITE_CONNECT_KEYS = new Set(['check_same_thread', 'timeout', 'detect_types', 'isolation_level', 'cached_statements', 'uri', 'factory']);
/** sessionmaker/Session keywords AsyncSession passes to its sync Session with the same meaning. */
const FACTORY_KEYWORDS = new Set(['autoflush', 'info', 'autobegin', 'join_transaction_mode', 'close_resets_only', 'enable_baked_queries']);

/** `event.listen(target, ...)` and `@event.listens_for(target, ...)`: the target is the first argument. */
const LISTEN_CALLS = new Set(['sqlalchemy.event.listen', 'sqlalchemy.event.listens_for', 'sqlalchemy.event.api.listen', 'sqlalchemy.event.api.listens_for']);

const kindOf = (node: SgNode): string => String(node.kind());
const namedChildren = (node: SgNode): SgNode[] => node.children().filter((c) => c.isNamed() && kindOf(c) !== 'comment');

/** One `name = create_engine(...)` / `name = sessionmaker(...)` statement binding an engine or a factory. */
interface Site {
  statement: SgNode;
  call: SgNode;
}

interface Engine {
  name: string;
  /**
   * The statements binding it: one top-level assignment, or one in each branch of a module-level
   * `if`/`elif`/`else` (see branchSites); each gets its twin right after it, so the twin exists exactly when it does.
   */
  sites: Site[];
  /** The module-level statement holding the sites: the assignment itself, or the `if`. */
  anchor: SgNode;
  sqlmodel: boolean;
  /** Some sessionmaker or get_db in the module uses it: only then does it get a twin. */
  used: boolean;
  /**
   * Bound at module level to `None`, and to its engine by the one function declaring it `global` (see
   * globalEngine): the twin is `None` there too, and that function declares and binds it after the engine.
   */
  global?: { placeholder: SgNode; declaration: SgNode };
  /** A sessionmaker bound to it could not be twinned: half a scaffold helps nobody, so it gets none. */
  blocked: boolean;
  twin: string | null;
}

interface Import {
  module: string;
  name: string;
}

/** An async twin ready to be written after its sync original. */
interface Twin {
  name: string;
  callee: string;
  args: string[];
  imports: Import[];
  /** The URL goes through the run-time helper. */
  helper: boolean;
  statement: SgNode;
  call: SgNode;
  of: string;
}

interface Factory {
  name: string;
  /** As Engine.sites: a factory in the branches of the engine's `if` has one in each branch. */
  sites: Site[];
  anchor: SgNode;
  engine: Engine;
  twin: string | null;
}

/** Where get_db takes its session from. */
type SessionSource =
  | { kind: 'local-factory'; factory: Factory }
  | { kind: 'imported-factory'; expression: string; imports: Import[] }
  /** `Session(engine)` on an engine imported from a module that writes its twin (see scaffold/engine-index.ts). */
  | { kind: 'imported-engine'; expression: string; imports: Import[]; sqlmodel: boolean; options: string[] }
  /** `options`: the other keyword arguments of `Session(...)`, carried over to the AsyncSession as written. */
  | { kind: 'session'; engine: Engine; sqlmodel: boolean; options: string[] }
  /** `Session(get_engine())` on an engine made on first use (see lazyEngine). */
  | { kind: 'lazy-engine'; lazy: LazyEngine; sqlmodel: boolean; options: string[] }
  /** `get_session_factory()()`: a factory made by a function of this file (see MadeByFunction). */
  | { kind: 'function-factory'; factory: MadeByFunction };

/**
 * `@lru_cache def get_engine(): return create_engine(...)` and `@lru_cache def get_session_factory(): return
 * sessionmaker(bind=get_engine(), ...)`: an engine or a factory a module-level function makes (see
 * madeByFunction). Its twin is the same function, decorators included, on the async engine or factory.
 */
interface MadeByFunction {
  name: string;
  fn: SgNode;
  /** The statement holding it at module level: the decorated definition, or the def itself. */
  outer: SgNode;
  decorators: SgNode[];
  /** The `return` statement and its create_engine/sessionmaker call. */
  site: Site;
  /** A factory's engine function; null for an engine function. */
  engine: MadeByFunction | null;
  sqlmodel: boolean;
  twin: string | null;
}

/**
 * `engine = None` at module level and `def get_engine(): global engine; if engine is None: engine = create_engine(...);
 * return engine`: the engine made on first use. Its twin is the same shape on the async engine (lazyTwinText).
 */
interface LazyEngine {
  name: string;
  getter: string;
  fn: SgNode;
  site: Site;
}

/**
 * Engines whose sessions are opened in other modules (SQLModel's `Session(engine)` in deps.py, the engine in
 * core/db.py): the summaries let the engine's module write the twin and the importing get_db use it.
 */
/**
 * The names `from m import n` binds in this file that it calls somewhere (`n(...)`): cheap, by text first, since
 * most files call none of the few names they import that way.
 */
function calledImportedNames(tree: SgRoot, source: string, imports: ModuleImports): Set<string> {
  const locals = new Set(imports.from.filter((i) => i.name !== '*').map((i) => i.alias ?? i.name).filter((name) => source.includes(`${name}(`)));
  const out = new Set<string>();
  if (locals.size === 0) return out;
  for (const call of tree.root().findAll({ rule: { kind: 'call' } })) {
    const callee = call.field('function');
    if (callee?.kind() === 'identifier' && locals.has(callee.text())) out.add(callee.text());
  }
  return out;
}

export const engineIndexer: ProjectIndexer<SgRoot, EngineSummary, EngineIndex> = {
  id: 'async-engine-sessions',
  // `async def get_db`: a module whose dependency is async already (EngineIndex.asyncDependencyModules);
  // `create_all`/`drop_all` and get_db: the imported engines and factories a file needs the twin of (twinRefs).
  // `fixture`: the fixtures of test modules and conftests (EngineSummary.fixtures).
  // `import`: every file's `from m import n`, for the names other modules import from a module
  // (EngineIndex.importedByOthers); a file with none of the other words gives only those.
  prefilter: (options) => [...sessionWords(options), 'import'],
  summarize: (input: IndexInput<SgRoot>) => {
    const imports = collectImports(input.tree);
    const called = calledImportedNames(input.tree, input.source, imports);
    const fromImports: NonNullable<EngineSummary['fromImports']> = imports.from
      .filter((i) => i.name !== '*' && i.module !== '__future__')
      // `top`: a module-level import, which binds the name for importers of this module (a re-export); `local`: its alias;
      // `called`: the file calls it (`next(get_session())`), which async-get-db's delegating generators must know.
      .map((i) => ({
        module: i.module,
        name: i.name,
        ...(i.node.parent()?.kind() === 'module' ? { top: true as const } : {}),
        ...(i.alias !== null && i.alias !== i.name ? { local: i.alias } : {}),
        ...(called.has(i.alias ?? i.name) ? { called: true as const } : {}),
      }));
    // The ignore mark as in the engine's prefilter check (pipeline.ts mayAct): such a file was always summarized.
    const full = input.source.includes('awaitify:') || sessionWords(input.options).some((w) => input.source.includes(w));
    // On the memoising view: every call's callee is resolved through the same few scopes again and again.
    const summary: EngineSummary = full
      ? new EngineTwins({ path: input.path, source: input.source, tree: cachedTree(input.tree), options: input.options, isIgnored: () => false }).summary(input.absPath)
      : { absPath: input.absPath, sessionBinds: [], twinnable: [], sessionAliases: [], sessionFactories: [] };
    fromImports.push(...moduleAttributeUses(input.tree, input.source, input.options.getDbName));
    const bindings = unfollowedBindings(input.tree, input.source);
    // A plain assignment (`SessionLocal = session.SessionLocal`, the name's only binding) is followed as an import is.
    for (const b of bindings) if (b.object !== undefined) fromImports.push({ module: b.module, name: b.name, top: true, assigned: b.object, ...(b.local !== b.name ? { local: b.local } : {}) });
    if (fromImports.length > 0) summary.fromImports = fromImports;
    // In every file, session words or not: an intermediate class (`class ModelRepo(BaseRepo): pass`) may name none.
    const classBases = importedClassBases(input.tree, input.source, imports);
    if (classBases) summary.classBases = classBases;
    const unfollowed = bindings.filter((b) => b.object === undefined).map(({ local, module, name, why }) => ({ local, module, name, why }));
    if (unfollowed.length > 0) summary.unfollowed = unfollowed;
    return summary;
  },
  build: (summaries, options) => new EngineIndex(summaries, options),
  extendOptions: (index, options) => ({
    ...options,
    sessionAliases: { ...index.sessionAliases, ...options.sessionAliases },
    asyncEngineTwins: { ...index.importedTwins, ...options.asyncEngineTwins },
    sessionFactories: { ...index.sessionFactories, ...options.sessionFactories },
    ...(Object.keys(index.dunderAllModules).length > 0 ? { dunderAllModules: index.dunderAllModules } : {}),
    // Only when some module has one: summaries of later transforms hold the options.
    ...(Object.keys(index.asyncDependencyModules).length > 0 ? { asyncDependencyModules: index.asyncDependencyModules } : {}),
    ...(Object.keys(index.untwinnedImports).length > 0 ? { untwinnedImports: index.untwinnedImports } : {}),
    ...(Object.keys(index.untwinnedDependencies).length > 0 ? { untwinnedDependencies: index.untwinnedDependencies } : {}),
    ...(Object.keys(index.untwinnedDependencyModules).length > 0 ? { untwinnedDependencyModules: index.untwinnedDependencyModules } : {}),
    ...(Object.keys(index.nonSessionDependencyModules).length > 0 ? { nonSessionDependencyModules: index.nonSessionDependencyModules } : {}),
    ...(Object.keys(index.nonSessionDependencies).length > 0 ? { nonSessionDependencies: index.nonSessionDependencies } : {}),
    ...(Object.keys(index.sessionAttributes).length > 0 ? { sessionAttributes: index.sessionAttributes } : {}),
    ...(Object.keys(index.sessionFixtures).length > 0 ? { sessionFixtures: index.sessionFixtures } : {}),
    ...(Object.keys(index.importedByOthers).length > 0 ? { importedByOthers: index.importedByOthers } : {}),
    ...(Object.keys(index.calledByOthers).length > 0 ? { calledByOthers: index.calledByOthers } : {}),
    ...(Object.keys(index.reexportCandidates).length > 0 ? { reexportCandidates: index.reexportCandidates } : {}),
    ...(Object.keys(index.unfollowedReexports).length > 0 ? { unfollowedReexports: index.unfollowedReexports } : {}),
    ...(Object.keys(index.keptDependencyPaths).length > 0 ? { keptDependencyPaths: index.keptDependencyPaths } : {}),
  }),
};

// What an importer of a re-exporting module may name through it: the session dependency, factories, engines.
const REEXPORTED_ATTRIBUTE = /session|engine/i;

/**
 * `deps.get_db`, `database.SessionLocal` where `deps` / `database` is a module this file imports
 * (`from app.api import deps`, `import app.db.session as database`): a use of the name through that module, recorded
 * like `from app.api.deps import get_db` so the index counts it among the names others take from the module (a
 * module re-exporting `get_db` must then re-export `get_async_db`, which the use is switched to).
 */
function moduleAttributeUses(tree: SgRoot, source: string, getDbName: string): SessionBind[] {
  if (!source.includes(`.${getDbName}`) && !/\.\w*(session|engine)/i.test(source)) return [];
  const modules = new Map<string, string>();
  // Only statements of the module itself, and a plain `import a.b` only under an alias: it binds the package `a`,
  // and `a.b.get_db` is no identifier's attribute.
  for (const b of moduleLevelImportBindings(collectImports(tree), { relative: true })) {
    if (b.node.parent()?.kind() === 'module' && (b.aliased || b.node.kind() !== 'import_statement')) modules.set(b.local, b.target);
  }
  if (modules.size === 0) return [];
  const uses: SessionBind[] = [];
  for (const attribute of tree.root().findAll({ rule: { kind: 'attribute' } })) {
    const object = attribute.field('object');
    const name = attribute.field('attribute')?.text() ?? '';
    const module = object?.kind() === 'identifier' ? modules.get(object.text()) : undefined;
    if (module === undefined || (name !== getDbName && !REEXPORTED_ATTRIBUTE.test(name))) continue;
    if (!uses.some((u) => u.module === module && u.name === name)) uses.push({ module, name });
  }
  return uses;
}

/** The words of a file the session summary (EngineTwins.summary) can find anything in. */
function sessionWords(options: TransformOptions): string[] {
  return ['Session', 'sessionmaker', 'create_engine', 'create_all', 'drop_all', options.getDbName, 'fixture'];
}

export const transform: Transform<SgRoot> = {
  id: 'async-engine',
  description: 'Async twins in the session module: create_async_engine, an async session factory, get_async_db; create_all in async startup via run_sync',
  language: 'python',
  indexer: engineIndexer as Transform<SgRoot>['indexer'],
  // Kept in step with the early return below.
  prefilter: (options) => ['create_engine', 'sessionmaker', 'create_all', 'drop_all', options.getDbName],
  run(ctx: TransformContext<SgRoot>): TransformResult {
    if (!/create_engine|sessionmaker|create_all|drop_all/.test(ctx.source) && !ctx.source.includes(ctx.options.getDbName)) {
      return { edits: [], findings: [] };
    }
    // ctx.index is the segment's index, which is ours only when async-engine runs as its own transform.
    if (ctx.index !== undefined && !(ctx.index instanceof EngineIndex)) throw new Error('async-engine was given an index it did not build');
    return new EngineTwins(ctx, ctx.index ?? null).run();
  },
};

/**
 * The same create_all/drop_all conversion, run again after propagate-async: a startup function it made
 * async still calls the sync engine, which would block the event loop, and a second run of the whole
 * preset would convert it then — so the first run must.
 */
export const createAllTransform: Transform<SgRoot> = {
  id: 'async-create-all',
  description: 'create_all/drop_all on the sync engine inside functions made async (by propagation) → run_sync on the async engine',
  language: 'python',
  prefilter: () => ['create_all', 'drop_all'],
  run(ctx: TransformContext<SgRoot>): TransformResult {
    if (!/create_all|drop_all/.test(ctx.source)) return { edits: [], findings: [] };
    return new EngineTwins(ctx).runCreateAllOnly();
  },
};

/**
 * The engine `Session(engine, autoflush=False)` / `Session(bind=engine, ...)` opens, and the keyword arguments to
 * carry over as written; or why they cannot be. `autocommit=False` is the default and gone in SQLAlchemy 2.0, so it
 * is dropped; `expire_on_commit` is written False by the twin (REFERENCE section 3).
 */
function sessionArguments(args: SgNode[]): { bind: SgNode | null; options: string[] } | { why: string } {
  let bind: SgNode | null = null;
  const options: string[] = [];
  for (const [i, arg] of args.entries()) {
    if (kindOf(arg) !== 'keyword_argument') {
      if (i > 0) return { why: 'arguments after the engine are positional' };
      bind = arg;
      continue;
    }
    const name = arg.field('name')?.text() ?? '';
    const value = arg.field('value');
    if (name === 'bind') bind = value;
    else if (name === 'autocommit') {
      if (value?.text() !== 'False') return { why: '`autocommit` mode does not exist on an AsyncSession' };
    } else if (name === 'binds') return { why: '`binds` maps several engines' };
    else if (name !== 'expire_on_commit') options.push(arg.text());
  }
  return { bind, options };
}

/** Why an imported session factory the project pass knows gets no `Async...` twin to open in get_async_db. */
const FACTORY_WITHOUT_TWIN: Record<Exclude<SessionFactoryKind, 'twin'>, string> = {
  async: 'makes AsyncSessions already (get_db itself should be async)',
  none: 'gets no async twin in its module (see the finding there)',
};

class EngineTwins {
  private readonly imports: ModuleImports;
  private readonly bindings: ImportBinding[];
  private readonly findings: FindingInput[] = [];
  private readonly edits: TextEdit[] = [];
  private readonly importsToAdd: Import[] = [];
  /** Imports a conversion may leave unused (see importsFreedBy). */
  private readonly mayFree: { module: string; name: string; local: string }[] = [];
  private resolver: SessionResolver | null = null;
  private readonly counts: Record<string, number> = {};
  private readonly v14: boolean;
  private helperNeeded = false;
  /** Lazy engines (LazyEngine) and engine functions (MadeByFunction) given a twin through the URL helper: insertHelper places it above the first. */
  private readonly lazyTwinned: Engine[] = [];
  /** Engine and factory functions of this file (madeByFunctions) and their twins (judgeFunctions), each found once. */
  private functionsFound: { engines: MadeByFunction[]; factories: MadeByFunction[] } | null = null;
  private functionTwins: { of: MadeByFunction; twin: Twin }[] | null = null;
  /** Lifespans given `await <engine>.dispose()`, by function start and engine, so one is written per pair. */
  private readonly disposed = new Set<string>();

  private readonly table: (name: string) => NameTable;
  /** Null without the project pass (one file through processSource): only this file's evidence counts. */
  private readonly index: EngineIndex | null;

  constructor(
    private readonly ctx: TransformContext<SgRoot>,
    index: EngineIndex | null = null,
  ) {
    this.index = index;

    this.table = cachedNameTables(ctx.tree);
    this.imports = collectImports(ctx.tree);
    this.bindings = moduleLevelImportBindings(this.imports);
    this.v14 = ctx.options.sqlalchemyVersion === '1.4';
  }

  /** Alembic's env.py and migrations run on the sync engine and stay as they are. */
  private importsAlembic(): boolean {
    const alembic = (module: string): boolean => module === 'alembic' || module.startsWith('alembic.');
    return this.imports.plain.some((i) => alembic(i.module)) || this.imports.from.some((i) => alembic(i.module));
  }

  /** The planned edits with their imports, or only the findings when an import would land on an ignored line. */
  private result(): TransformResult {
    if (this.edits.length === 0) return { edits: [], findings: this.findings };
    const remove = importsFreedBy(this.ctx.tree, this.ctx.path, this.mayFree, this.edits);
    const importEdits = planImportEdits(this.ctx.tree, this.ctx.source, { add: this.importsToAdd, remove }, importedByOthers(this.ctx.options, this.ctx.path));
    if (importEdits.some((e) => this.ctx.isIgnored(e.start, e.end))) return { edits: [], findings: this.findings };
    return {
      edits: [...importEdits.map((e) => ({ ...e, reason: 'imports for the async twins' })), ...this.edits],
      findings: this.findings,
      counts: this.counts,
    };
  }

  run(): TransformResult {
    const none = { edits: [], findings: [] };
    if (this.importsAlembic()) return none;
    // A module that already creates an async engine or factory was migrated (by us or by hand): leave it.
    const root = this.ctx.tree.root();
    if (root.find({ rule: { kind: 'identifier', regex: '^(create_async_engine|async_sessionmaker)$' } })) {
      // Its sync get_db gets no twin (see summary), and async-get-db leaves the uses on it: say why, on every run.
      const getDb = this.findGetDb();
      const asyncName = this.ctx.options.asyncGetDbName;
      if (getDb && !isAsyncDef(getDb) && moduleBindings(this.table(asyncName)).length === 0 && !this.yieldsNoSession(getDb)) {
        this.flag(RULE_GET_DB, getDb.field('name')!, `\`${this.ctx.options.getDbName}\` is a sync dependency in a module that already creates an async engine or session factory, which awaitify leaves as it is, so \`${asyncName}\` was not added`, `Write \`async def ${asyncName}(): async with AsyncSessionLocal() as session: yield session\` by hand beside it; until it exists, \`Depends(${this.ctx.options.getDbName})\` and the code receiving its session stay sync (GETDB-NO-TWIN), then run awaitify again.`);
      }
      // Said on every run, like the finding above: the context manager stays sync whatever the run.
      const engines = this.collectEngines();
      this.flagSessionContextManagers(
        this.collectFactories(engines).filter((f) => this.bindsAsyncFactory(twinName(f.name))),
        [...engines.values()].filter((e) => this.bindsAsyncEngine(twinName(e.name))),
      );
      return this.findings.length > 0 ? { edits: [], findings: this.findings } : none;
    }

    const engines = this.collectEngines();
    const factories = this.collectFactories(engines);
    const found = this.findGetDb();
    const getDb = found && this.yieldsNoSession(found) ? null : found;
    const opened = getDb ? openedSession(getDb) : null;
    const source = getDb ? this.sessionSource(getDb, opened, engines, factories) : null;
    if (source?.kind === 'session') source.engine.used = true;
    for (const engine of this.handedOutByTests(engines)) engine.used = true;
    for (const engine of engines.values()) {
      if (this.index?.usedElsewhere(this.ctx.path, engine.name)) engine.used = true;
    }

    for (const engine of engines.values()) {
      if (!engine.used) continue;
      const own = factories.filter((f) => f.engine === engine);
      const judged = this.judge(engine, own);
      if (!judged) continue;
      engine.twin = judged.engineTwins[0]!.name;
      judged.engineTwins.forEach((twin, i) => this.commit(twin, i === 0 ? 'async engines added' : null));
      if (engine.global) {
        // The twin exists exactly when the engine does: `None` until the function binding the engine binds it too.
        this.insertAfter(engine.global.placeholder, `${engine.twin} = None`, `async twin of ${engine.name}`);
        this.insertAfter(engine.global.declaration, `${leadingWhitespace(engine.global.declaration, this.ctx.source) ?? ''}global ${engine.twin}`, `async twin of ${engine.name}`);
      }
      for (const site of engine.sites) this.flagMemoryDatabase(engine, site);
      own.forEach((factory, i) => {
        factory.twin = judged.factoryTwins[i]![0]!.name;
        judged.factoryTwins[i]!.forEach((twin, j) => this.commit(twin, j === 0 ? 'session factories added' : null));
      });
    }
    for (const { of, twin } of this.judgeFunctions()) {
      of.twin = twin.name;
      this.writeFunctionTwin(of, twin);
      if (!of.engine) this.flagMemoryDatabase(asEngine(of), of.site, `${twin.name}()`);
    }
    if (getDb && source) this.planGetDb(getDb, source, opened?.commits ?? false, opened?.copied ?? null, !!opened?.factory, opened?.setup ?? []);
    this.flagSessionContextManagers(
      factories.filter((f) => f.twin !== null),
      [...engines.values()].filter((e) => e.twin !== null),
    );
    this.convertCreateAll(engines);
    this.mirrorListeners(engines, factories);

    if (this.helperNeeded) this.insertHelper([...[...engines.values()].filter((e) => e.twin !== null), ...this.lazyTwinned]);
    return this.result();
  }

  /**
   * In a test file, the engines a fixture or dependency override hands out as `Session(engine)` (SQLModel's
   * testing shape: `with Session(engine) as session: yield session`, no sessionmaker). async-tests makes that
   * function `async with AsyncSession(async_engine, ...)`, which needs the twin; without one it is flagged and
   * every migrated test on it fails. A sync helper that only reads through `Session(engine)` is no such
   * evidence: it stays sync and needs no twin.
   */
  private handedOutByTests(engines: Map<string, Engine>): Engine[] {
    if (!isTestPath(this.ctx.path) || engines.size === 0) return [];
    const boundEngine = (call: SgNode): Engine | undefined => {
      const qualified = this.qualifiedName(call.field('function'));
      if (!qualified || !(SA_SESSION.has(qualified) || SQLMODEL_SESSION.has(qualified))) return undefined;
      // Only the plain form async-tests rewrites: the engine alone, positional or as `bind=`.
      const args = namedChildren(call.field('arguments')!);
      if (args.length !== 1) return undefined;
      const arg = args[0]!;
      const bind = kindOf(arg) === 'keyword_argument' ? (arg.field('name')?.text() === 'bind' ? arg.field('value') : null) : arg;
      return bind && kindOf(bind) === 'identifier' ? engines.get(bind.text()) : undefined;
    };
    const found = new Set<Engine>();
    for (const fn of this.ctx.tree.root().findAll({ rule: { kind: 'function_definition' } })) {
      const shape = sessionShape(fn, this.ctx.source, (call) => boundEngine(call) !== undefined, inputLineOf(this.ctx));
      const engine = shape?.ok ? boundEngine(shape.shape.open) : undefined;
      if (engine) found.add(engine);
    }
    return [...found];
  }

  /**
   * An engine's twin and its session factories' twins, or null when any of them cannot be written (then none
   * is: an engine twin without its factory twin helps nobody). Judging writes nothing but findings.
   */
  private judge(engine: Engine, own: Factory[]): { engineTwins: Twin[]; factoryTwins: Twin[][] } | null {
    if (engine.blocked || this.ignored(engine.anchor) || own.some((f) => this.ignored(f.anchor))) return null;
    const engineTwins: Twin[] = [];
    for (const site of engine.sites) {
      const twin = this.prepareEngine(engine, site);
      if (!twin) return null; // the first site reported stops here: one finding says enough
      engineTwins.push(twin);
    }
    const factoryTwins: Twin[][] = [];
    for (const factory of own) {
      const twins: Twin[] = [];
      for (const site of factory.sites) {
        const twin = this.prepareFactory(factory, site, engineTwins[0]!.name);
        if (!twin) return null;
        twins.push(twin);
      }
      factoryTwins.push(twins);
    }
    return { engineTwins, factoryTwins };
  }

  /**
   * The project pass's view of this file: the imported engines it opens ORM sessions on, and its own engines
   * that get a twin once some module uses them. A file with ignore comments promises no twin (the comments are
   * not resolved here), nor does one already holding an async engine: importers then keep their finding.
   */
  summary(absPath: string): EngineSummary {
    const sessionBinds: SessionBind[] = [];
    for (const call of this.ctx.tree.root().findAll({ rule: { kind: 'call' } })) {
      if (!this.callsOneOf(call, SESSION_CALLS)) continue;
      const bind = bindArgument(call);
      const imported = bind ? this.importedEngineRef(bind) : null;
      if (imported) sessionBinds.push({ module: imported.module, name: imported.name });
    }
    const migrated = !!this.ctx.tree.root().find({ rule: { kind: 'identifier', regex: '^(create_async_engine|async_sessionmaker)$' } });
    const twinnable: string[] = [];
    const twinnedHere: string[] = [];
    const twinnedFactories = new Set<string>();
    let getDbTwin: EngineSummary['getDbTwin'];
    if (migrated) {
      for (const engine of this.collectEngines().values()) if (this.bindsAsyncEngine(twinName(engine.name))) twinnedHere.push(engine.name);
      // run() leaves a module holding an async engine or factory as it is: a sync get_db there without its twin
      // (one this transform could not write on an earlier run, or a module migrated by hand) gets none now either.
      const getDb = this.importsAlembic() ? null : this.findGetDb();
      if (getDb && !isAsyncDef(getDb) && moduleBindings(this.table(this.ctx.options.asyncGetDbName)).length === 0) getDbTwin = this.yieldsNoSession(getDb) ? { kind: 'not-session' } : { kind: 'none' };
    } else if (!this.importsAlembic() && !this.ctx.source.includes('awaitify:')) {
      const engines = this.collectEngines();
      const factories = this.collectFactories(engines);
      const found = this.findGetDb();
      const getDb = found && this.yieldsNoSession(found) ? null : found;
      const source = getDb ? this.sessionSource(getDb, openedSession(getDb), engines, factories) : null;
      if (source?.kind === 'session') source.engine.used = true;
      if (found && !getDb && !isAsyncDef(found) && moduleBindings(this.table(this.ctx.options.asyncGetDbName)).length === 0) getDbTwin = { kind: 'not-session' };
      for (const engine of engines.values()) {
        const own = factories.filter((f) => f.engine === engine);
        if (!this.judge(engine, own)) continue;
        twinnable.push(engine.name);
        if (engine.used) twinnedHere.push(engine.name);
        for (const factory of own) twinnedFactories.add(factory.name);
      }
      if (getDb) getDbTwin = this.getDbTwin(getDb, source, twinnable, twinnedFactories);
    }
    const summary: EngineSummary = { absPath, sessionBinds, twinnable, sessionAliases: this.sessionAliases(), sessionFactories: this.sessionFactories(twinnedFactories) };
    const functionTwins = this.functionTwinNames(migrated);
    if (Object.keys(functionTwins.factories).length > 0) summary.factoryFunctionTwins = functionTwins.factories;
    if (Object.keys(functionTwins.engines).length > 0) summary.engineFunctionTwins = functionTwins.engines;
    if (summary.sessionFactories.length > 0 && this.ctx.tree.root().find({ rule: { kind: 'identifier', regex: '^__all__$' } })) summary.dunderAll = [...dunderAllNames(this.ctx.tree)];
    if (twinnedHere.length > 0) summary.twinnedHere = twinnedHere;
    const twinRefs = this.twinRefs();
    if (twinRefs.length > 0) summary.twinRefs = twinRefs;
    if (this.definesAsyncGetDb()) summary.asyncDependency = true;
    if (getDbTwin) summary.getDbTwin = getDbTwin;
    const attributes = this.sessionAttributes();
    if (attributes) summary.sessionAttributes = attributes;
    const fixtures = isTestPath(this.ctx.path) && /fixture|\bimport\b/.test(this.ctx.source) ? moduleFixtures(this.ctx.tree, this.ctx.source, this.sessions(), this.ctx.options.sessionFactories) : null;
    if (fixtures) summary.fixtures = fixtures;
    return summary;
  }

  /**
   * What the twin of this file's sync get_db needs (EngineSummary.getDbTwin), from sessionSource's verdict without the
   * project index (`source`) and the engines and factories this file can twin; undefined when it is written here, or
   * exists, or get_db is async already.
   */
  private getDbTwin(getDb: SgNode, source: SessionSource | null, twinnable: readonly string[], twinnedFactories: ReadonlySet<string>): EngineSummary['getDbTwin'] {
    if (moduleBindings(this.table(this.ctx.options.asyncGetDbName)).length > 0) return undefined;
    if (isAsyncDef(getDb)) return undefined;
    if (dependsDecorated(getDb)) return { kind: 'none' };
    if (source?.kind === 'session') return twinnable.includes(source.engine.name) ? undefined : { kind: 'none' };
    if (source?.kind === 'local-factory') return twinnedFactories.has(source.factory.name) ? undefined : { kind: 'none' };
    if (source?.kind === 'lazy-engine') return this.prepareLazyTwin(source.lazy) !== null ? undefined : { kind: 'none' };
    if (source?.kind === 'function-factory') return this.judgeFunctions().some((t) => t.of === source.factory) ? undefined : { kind: 'none' };
    // Without the index, sessionSource refuses what only the whole run can tell: an imported engine or factory.
    const shape = openedSession(getDb);
    const opened = shape?.call;
    const { callee, args } = shape ? opener(shape) : { callee: null, args: [] };
    if (!opened || !callee) return { kind: 'none' };
    const importedFunction = args.length === 0 ? this.importedFactoryFunction(callee) : null;
    if (importedFunction) return { kind: 'factory-function', ref: importedFunction };
    const qualified = this.qualifiedName(callee);
    if (qualified && (SA_SESSION.has(qualified) || SQLMODEL_SESSION.has(qualified))) {
      const split = sessionArguments(args);
      const bind = 'why' in split ? null : split.bind;
      const imported = bind ? this.importedEngineRef(bind) : null;
      return imported ? { kind: 'engine', ref: imported } : { kind: 'none' };
    }
    if (source?.kind === 'imported-factory' || (args.length === 0 && kindOf(callee) === 'identifier')) {
      const imported = kindOf(callee) === 'identifier' ? this.importedEngine(callee) : null;
      return imported ? { kind: 'factory', ref: imported } : { kind: 'none' };
    }
    if (args.length === 0 && kindOf(callee) === 'attribute') {
      const object = this.qualifiedName(callee.field('object'));
      if (object && !/^(sqlalchemy|sqlmodel)(\.|$)/.test(object)) return { kind: 'qualified', name: `${object}.${callee.field('attribute')!.text()}` };
    }
    return { kind: 'none' };
  }

  /**
   * Module-level classes whose methods store a session in `self.<attr>` from a parameter or annotation, for their
   * subclasses in other modules (EngineIndex.sessionAttributes); null when there is none.
   */
  private sessionAttributes(): Record<string, Record<string, boolean>> | null {
    if (!/\bclass\b/.test(this.ctx.source) || !this.ctx.source.includes('self.')) return null;
    let sessions: SessionResolver | null = null;
    let found: Record<string, Record<string, boolean>> | null = null;
    for (const statement of this.ctx.tree.root().children()) {
      const cls = kindOf(statement) === 'decorated_definition' ? statement.field('definition') : statement;
      if (!cls || kindOf(cls) !== 'class_definition') continue;
      sessions ??= this.sessions();
      const attrs = sessions.storedSessionAttributes(cls);
      if (attrs.length === 0) continue;
      found ??= {};
      found[cls.field('name')!.text()] = Object.fromEntries(attrs.map((a) => [a.name, a.sqlmodel]));
    }
    return found;
  }

  /** This file's session resolver, made once (its verdicts are memoised per scope). */
  private sessions(): SessionResolver {
    return (this.resolver ??= new SessionResolver(this.ctx.tree, this.imports, sessionOptionsFrom(this.ctx.options, this.ctx.path)));
  }

  /** A module-level `async def get_db` (decorated or not): its dependents already receive what it yields. */
  private definesAsyncGetDb(): boolean {
    const name = this.ctx.options.getDbName;
    if (!this.ctx.source.includes(`async def ${name}`)) return false;
    return this.ctx.tree.root().children().some((statement) => {
      const def = kindOf(statement) === 'decorated_definition' ? statement.field('definition') : statement;
      return !!def && kindOf(def) === 'function_definition' && def.field('name')?.text() === name && isAsyncDef(def);
    });
  }

  /**
   * This file's module-level session factories, each bound once at module level, for the modules that import
   * and call them (EngineIndex.sessionFactories): one that makes AsyncSessions already, one whose twin this
   * run writes (`twinned`, judged like the engines) or the file already binds, and one with no twin known.
   */
  private sessionFactories(twinned: ReadonlySet<string>): { name: string; kind: SessionFactoryKind }[] {
    const factories: { name: string; kind: SessionFactoryKind }[] = [];
    for (const statement of this.ctx.tree.root().children()) {
      const assignment = soleAssignment(statement);
      const left = assignment?.field('left');
      const call = assignment?.field('right');
      if (!left || kindOf(left) !== 'identifier' || !call || kindOf(call) !== 'call') continue;
      const kind = this.factoryKind(call);
      if (kind === null || moduleBindings(this.table(left.text())).length !== 1) continue;
      const name = left.text();
      if (kind === 'async') factories.push({ name, kind });
      else factories.push({ name, kind: twinned.has(name) || this.bindsAsyncFactory(twinName(name)) ? 'twin' : 'none' });
    }
    // Bound in every branch of a module-level `if`: one factory whatever the branch, when the branches agree on its kind.
    for (const statement of this.ctx.tree.root().children()) {
      if (kindOf(statement) !== 'if_statement') continue;
      for (const [name, sites] of this.branchAssignments(statement, (callee) => SESSIONMAKER.has(callee) || ASYNC_SESSIONMAKER.has(callee))) {
        const kinds = sites.map((site) => this.factoryKind(site.call));
        if (kinds.some((k) => k !== kinds[0])) continue;
        if (kinds[0] === 'async') factories.push({ name, kind: 'async' });
        else factories.push({ name, kind: twinned.has(name) || this.bindsAsyncFactory(twinName(name)) ? 'twin' : 'none' });
      }
    }
    // `SessionLocal, engine = sql_global_init(url)`: the conventional name, which importers switch to
    // `AsyncSessionLocal` by the name alone (awaits/factories.ts), made here by a call this pass does not follow,
    // and no twin bound beside it: importers must keep it (`none`), not import a name nothing defines. A name
    // handed on (`SessionLocal = _session.SessionLocal`) is a re-export, judged by the module it comes from.
    const conventional = 'SessionLocal';
    const bindings = factories.some((f) => f.name === conventional) ? [] : moduleBindings(this.table(conventional));
    const madeByCall = (node: SgNode): boolean => {
      let target = node.parent();
      if (target && /^(pattern_list|tuple_pattern|list_pattern)$/.test(kindOf(target))) target = target.parent();
      return !!target && kindOf(target) === 'assignment' && !!target.field('right') && kindOf(target.field('right')!) === 'call';
    };
    if (bindings.length > 0 && bindings.every((b) => b.role === 'binding' && madeByCall(b.node)) && moduleBindings(this.table(twinName(conventional))).length === 0) {
      factories.push({ name: conventional, kind: 'none' });
    }
    return factories;
  }

  /** `sessionmaker(...)` makes sync sessions, `async_sessionmaker(...)` or `sessionmaker(class_=AsyncSession)` async ones. */
  private factoryKind(call: SgNode): 'sync' | 'async' | null {
    const callee = this.qualifiedName(call.field('function'));
    if (callee !== null && ASYNC_SESSIONMAKER.has(callee)) return 'async';
    if (callee === null || !SESSIONMAKER.has(callee)) return null;
    const args = call.field('arguments');
    const cls = args && kindOf(args) === 'argument_list' ? keywordArgument(args, 'class_')?.field('value') : null;
    const qualified = cls ? this.qualifiedName(cls) : null;
    return qualified && ASYNC_SESSION.has(qualified) ? 'async' : 'sync';
  }

  /**
   * The imported names whose async twin this file will import without opening a session on them: the engine a
   * `create_all`/`drop_all` is given, the factory get_db calls (EngineSummary.twinRefs).
   */
  private twinRefs(): SessionBind[] {
    const refs: SessionBind[] = [];
    const add = (node: SgNode | null | undefined): void => {
      const imported = node && kindOf(node) === 'identifier' ? this.importedEngine(node) : null;
      if (imported && !refs.some((r) => r.module === imported.module && r.name === imported.name)) refs.push(imported);
    };
    if (/create_all|drop_all/.test(this.ctx.source)) {
      for (const call of this.ctx.tree.root().findAll({ rule: { kind: 'call' } })) {
        const callee = call.field('function');
        const method = callee && kindOf(callee) === 'attribute' ? callee.field('attribute')!.text() : '';
        if (method !== 'create_all' && method !== 'drop_all') continue;
        const args = namedChildren(call.field('arguments')!);
        const bindArg = args.find((a) => kindOf(a) === 'keyword_argument' && a.field('name')?.text() === 'bind') ?? (args[0] && kindOf(args[0]) !== 'keyword_argument' ? args[0] : undefined);
        add(bindArg && kindOf(bindArg) === 'keyword_argument' ? bindArg.field('value') : bindArg);
      }
    }
    const getDb = this.findGetDb();
    const shape = getDb ? openedSession(getDb) : null;
    const opening = shape ? opener(shape) : null;
    if (opening && opening.args.length === 0) add(opening.callee);
    return refs;
  }

  /**
   * `name` is bound in this file only by `create_async_engine(...)`: once at module level, or in every branch of a
   * module-level `if` (moduleCallSites).
   */
  private bindsAsyncEngine(name: string): boolean {
    const sites = this.moduleCallSites(name);
    return sites !== null && sites.every((site) => CREATE_ASYNC_ENGINE.has(this.qualifiedName(site.call.field('function')) ?? ''));
  }

  /** `name` is bound in this file only by an async session factory (a twin written by hand or by an earlier run), as above. */
  private bindsAsyncFactory(name: string): boolean {
    const sites = this.moduleCallSites(name);
    return sites !== null && sites.every((site) => this.factoryKind(site.call) === 'async');
  }

  /**
   * The statements binding `name` at module level when those are all its bindings and each is `name = <call>(...)`:
   * one top-level statement, or one in each branch of a module-level `if`/`elif`/`else` (branchSites). Null otherwise.
   */
  private moduleCallSites(name: string): Site[] | null {
    const bindings = moduleBindings(this.table(name)).length;
    if (bindings === 0) return null;
    for (const statement of this.ctx.tree.root().children()) {
      if (kindOf(statement) === 'if_statement') {
        const sites = bindings > 1 ? this.branchSites(statement, name) : null;
        if (sites) return sites;
        continue;
      }
      const assignment = soleAssignment(statement);
      const call = assignment?.field('right');
      if (bindings === 1 && assignment?.field('left')?.text() === name && call && kindOf(call) === 'call') return [{ statement, call }];
    }
    return null;
  }

  /** Module-level `X = <session type>`, `X: TypeAlias = ...` and `type X = ...` of this file. */
  private sessionAliases(): { name: string; sqlmodel: boolean }[] {
    const resolver = this.sessions();
    const aliases: { name: string; sqlmodel: boolean }[] = [];
    for (const statement of this.ctx.tree.root().children()) {
      const target = kindOf(statement) === 'type_alias_statement' ? statement : soleAssignment(statement);
      if (!target) continue;
      const left = kindOf(statement) === 'type_alias_statement' ? namedChildren(statement)[0] : target.field('left');
      const right = kindOf(statement) === 'type_alias_statement' ? namedChildren(statement)[1] : target.field('right');
      const name = left && kindOf(left) === 'type' ? namedChildren(left)[0] : left;
      const value = right && kindOf(right) === 'type' ? namedChildren(right)[0] : right;
      if (!name || kindOf(name) !== 'identifier' || !value) continue;
      // A call makes a value (a factory, a session), never a type alias.
      if (kindOf(value) === 'call') continue;
      const verdict = resolver.typeVerdict(value, new Set());
      if (verdict.session) aliases.push({ name: name.text(), sqlmodel: verdict.sqlmodel });
    }
    return aliases;
  }

  /** The module-level `from <project module> import <name>` an identifier is bound by, if that is its only binding. */
  /**
   * An engine another module binds, as this file names it: `engine` imported by name (importedEngine), or
   * `database.engine` through a module this file imports at module level (`from app import database`, `import
   * app.database as database`), recorded as `app.database` / `engine` like `from app.database import engine`.
   */
  private importedEngineRef(bind: SgNode): { module: string; name: string } | null {
    if (kindOf(bind) === 'identifier') return this.importedEngine(bind);
    if (kindOf(bind) !== 'attribute') return null;
    const object = bind.field('object')!;
    if (kindOf(object) !== 'identifier' || moduleBindings(this.table(object.text())).length !== 1) return null;
    const name = bind.field('attribute')!.text();
    const from = this.imports.from.find((i) => (i.alias ?? i.name) === object.text() && i.name !== '*' && this.isModuleImport(i.node));
    const module = from
      ? /\.$/.test(from.module)
        ? `${from.module}${from.name}`
        : `${from.module}.${from.name}`
      : (this.imports.plain.find((i) => i.alias === object.text() && this.isModuleImport(i.node))?.module ?? null);
    if (module === null || /^(sqlalchemy|sqlmodel)(\.|$)/.test(module)) return null;
    return { module, name };
  }

  private importedEngine(id: SgNode): { module: string; name: string } | null {
    const imported = this.imports.from.find((i) => (i.alias ?? i.name) === id.text() && i.name !== '*' && this.isModuleImport(i.node));
    if (!imported || moduleBindings(this.table(id.text())).length !== 1 || /^(sqlalchemy|sqlmodel)(\.|$)/.test(imported.module)) return null;
    return { module: imported.module, name: imported.name };
  }

  /** Only the create_all/drop_all conversion, against twins that already exist (added by an earlier pass). */
  runCreateAllOnly(): TransformResult {
    if (this.importsAlembic()) return { edits: [], findings: [] };
    const engines = this.collectEngines();
    const root = this.ctx.tree.root();
    for (const engine of engines.values()) {
      const twin = twinName(engine.name);
      const defined = root.children().some((statement) => {
        const assignment = soleAssignment(statement);
        const call = assignment?.field('right');
        return assignment?.field('left')?.text() === twin && call && kindOf(call) === 'call' && /create_async_engine$/.test(call.field('function')?.text() ?? '');
      });
      // An engine bound in the branches of a module-level `if` has its twin in each branch.
      if (defined || (engine.sites.length > 1 && this.bindsAsyncEngine(twin))) engine.twin = twin;
    }
    this.convertCreateAll(engines);
    return this.result();
  }

  // ---- discovery -------------------------------------------------------------------------------------------

  /**
   * Top-level `name = create_engine(...)`, and an engine bound in every branch of a module-level `if`/`elif`/`else`
   * (`if DATABASE_URL.startswith("sqlite"): engine = create_engine(..., connect_args=...)` / `else: engine =
   * create_engine(...)`): see branchSites.
   */
  private collectEngines(): Map<string, Engine> {
    const engines = new Map<string, Engine>();
    for (const statement of this.ctx.tree.root().children()) {
      if (kindOf(statement) === 'if_statement') {
        for (const [name, sites] of this.branchAssignments(statement, (callee) => CREATE_ENGINE.has(callee))) {
          const sqlmodel = sites.map((site) => this.qualifiedName(site.call.field('function'))!.startsWith('sqlmodel.'));
          // SQLModel's engine decides the factory's AsyncSession class: branches must agree on it.
          if (sqlmodel.some((s) => s !== sqlmodel[0])) continue;
          engines.set(name, { name, sites, anchor: statement, sqlmodel: sqlmodel[0]!, used: false, blocked: false, twin: null });
        }
        continue;
      }
      const assignment = soleAssignment(statement);
      const call = assignment?.field('right');
      const left = assignment?.field('left');
      if (assignment && call && left && kindOf(call) === 'none' && kindOf(left) === 'identifier') {
        const bound = this.globalEngine(statement, left.text());
        if (bound) engines.set(left.text(), bound);
        continue;
      }
      if (!assignment || !call || !left || kindOf(call) !== 'call' || kindOf(left) !== 'identifier') continue;
      const callee = this.qualifiedName(call.field('function'));
      if (!callee || !CREATE_ENGINE.has(callee)) continue;
      engines.set(left.text(), { name: left.text(), sites: [{ statement, call }], anchor: statement, sqlmodel: callee.startsWith('sqlmodel.'), used: false, blocked: false, twin: null });
    }
    return engines;
  }

  /**
   * `engine = None` at module level (`placeholder`), bound to its engine at run time by a module-level function:
   *   def init_engine():
   *       global engine
   *       engine = create_engine(f"sqlite:///{path}", echo=True)
   * when that function is the only one declaring it `global`, declares it directly in its body, and binds it there
   * once, directly in its body (not in an `if` or a loop), after the declaration, by `create_engine(...)`; and nothing
   * else at module level binds it. Its twin is `None` at module level too and bound in that function right after the
   * engine, so it exists exactly when the engine does (code reading the module's `engine` at call time, such as
   * `with Session(engine) as session:` in get_db, reads the twin the same way). Null otherwise.
   */
  private globalEngine(placeholder: SgNode, name: string): Engine | null {
    const table = this.table(name);
    if (moduleBindings(table).length !== 1) return null;
    const declarations = table.occurrences.filter((o) => o.role === 'declaration');
    const declaration = declarations[0];
    if (declarations.length !== 1 || !declaration || kindOf(declaration.node.parent()!) !== 'global_statement') return null;
    const fn = declaration.scope;
    const outer = fn.parent() && kindOf(fn.parent()!) === 'decorated_definition' ? fn.parent()! : fn;
    if (kindOf(fn) !== 'function_definition' || outer.parent()?.id() !== this.ctx.tree.root().id()) return null;
    const body = fn.field('body');
    const globalStatement = declaration.node.parent()!;
    if (!body || globalStatement.parent()?.id() !== body.id() || leadingWhitespace(globalStatement, this.ctx.source) === null) return null;
    const bindings = table.occurrences.filter((o) => o.role === 'binding' && o.scope.id() === fn.id());
    if (bindings.length !== 1) return null;
    const statement = namedChildren(body).find((s) => soleAssignment(s)?.field('left')?.id() === bindings[0]!.node.id());
    const call = statement ? soleAssignment(statement)?.field('right') : null;
    if (!statement || !call || kindOf(call) !== 'call' || statement.range().start.index < globalStatement.range().end.index) return null;
    if (leadingWhitespace(statement, this.ctx.source) === null) return null;
    const callee = this.qualifiedName(call.field('function'));
    if (!callee || !CREATE_ENGINE.has(callee)) return null;
    return { name, sites: [{ statement, call }], anchor: outer, sqlmodel: callee.startsWith('sqlmodel.'), used: false, blocked: false, twin: null, global: { placeholder, declaration: globalStatement } };
  }

  /**
   * The names every branch of the module-level `if` statement binds by a call `accepts` (its qualified callee),
   * with their sites in branch order, where branchSites accepts them.
   */
  private branchAssignments(ifStatement: SgNode, accepts: (callee: string) => boolean): Map<string, Site[]> {
    const found = new Map<string, Site[]>();
    const first = ifBranches(ifStatement)?.[0];
    for (const statement of first ? namedChildren(first) : []) {
      const left = soleAssignment(statement)?.field('left');
      if (!left || kindOf(left) !== 'identifier' || found.has(left.text())) continue;
      const sites = this.branchSites(ifStatement, left.text());
      if (sites && sites.every((site) => accepts(this.qualifiedName(site.call.field('function')) ?? ''))) found.set(left.text(), sites);
    }
    return found;
  }

  /**
   * The statements binding `name` when they are exactly one `name = <call>(...)` directly in each branch of the
   * module-level `ifStatement`, which has an `else` (so every path binds it, and the twin written after each is
   * bound exactly when the name is), and nothing else binds it: no other statement of the module, import, loop,
   * nested block or `global` declaration in a function. Each must start its own line: its twin goes on the next
   * one, at its indentation. Null otherwise.
   */
  private branchSites(ifStatement: SgNode, name: string): Site[] | null {
    const branches = ifBranches(ifStatement);
    if (!branches) return null;
    const table = this.table(name);
    if (table.occurrences.some((o) => o.role === 'declaration') || moduleBindings(table).length !== branches.length) return null;
    const sites: Site[] = [];
    for (const block of branches) {
      const own = namedChildren(block).flatMap((statement): Site[] => {
        const assignment = soleAssignment(statement);
        const left = assignment?.field('left');
        const call = assignment?.field('right');
        return left && kindOf(left) === 'identifier' && left.text() === name && call && kindOf(call) === 'call' ? [{ statement, call }] : [];
      });
      if (own.length !== 1 || leadingWhitespace(own[0]!.statement, this.ctx.source) === null) return null;
      sites.push(own[0]!);
    }
    return sites;
  }

  /** sessionmaker calls bound to one of the engines; a bound one we cannot twin is reported. */
  private collectFactories(engines: Map<string, Engine>): Factory[] {
    const factories: Factory[] = [];
    // Factories bound in every branch of a module-level `if` (each to an engine of this file, after it on every path).
    const branched = new Map<number, Factory | null>();
    for (const statement of this.ctx.tree.root().children()) {
      if (kindOf(statement) !== 'if_statement') continue;
      for (const [name, sites] of this.branchAssignments(statement, (callee) => SESSIONMAKER.has(callee))) {
        const binds = sites.map((site) => bindArgument(site.call));
        const engine = binds[0] && kindOf(binds[0]) === 'identifier' ? engines.get(binds[0].text()) : undefined;
        const same = !!engine && binds.every((b) => !!b && kindOf(b) === 'identifier' && b.text() === engine.name);
        const factory = same ? { name, sites, anchor: statement, engine: engine!, twin: null } : null;
        for (const site of sites) branched.set(site.call.id(), factory);
      }
    }
    for (const call of this.ctx.tree.root().findAll({ rule: { kind: 'call' } })) {
      if (!this.callsOneOf(call, SESSIONMAKER)) continue;
      // `sessionmaker(async_engine, class_=AsyncSession)` (the SQLAlchemy 1.4 form of the twin this transform writes)
      // already makes async sessions: nothing to twin, nothing to refuse.
      if (this.factoryKind(call) === 'async') continue;
      const bind = bindArgument(call);
      if (!bind) continue; // bound later with .configure(): nothing here ties it to an engine
      // A factory function's: judged with its engine function (judgeFunctions).
      if (this.madeByFunctions().factories.some((f) => f.site.call.id() === call.id())) continue;
      const engine = kindOf(bind) === 'identifier' ? engines.get(bind.text()) : undefined;
      const group = branched.get(call.id());
      if (group) {
        if (group.sites[0]!.call.id() !== call.id()) continue; // the group is judged at its first site
        if (!this.boundBefore(group.engine, group)) {
          group.engine.blocked = true;
          continue;
        }
        group.engine.used = true;
        factories.push(group);
        continue;
      }
      const assignment = call.parent();
      const statement = assignment?.parent();
      const plain =
        !!assignment && kindOf(assignment) === 'assignment' && assignment.field('right')?.id() === call.id() &&
        kindOf(assignment.field('left')!) === 'identifier' && !!statement && soleAssignment(statement)?.id() === assignment.id() &&
        statement.parent()?.kind() === 'module';
      if (!engine || !plain) {
        // Only this factory stays sync: the engine's plain factories still get twins (the registry's users are
        // flagged where they hand its session to async code), and an engine no plain factory uses gets none.
        this.refuseBind(call, bind, engine !== undefined);
        continue;
      }
      if (call.range().start.index < engine.anchor.range().end.index) {
        engine.blocked = true; // bound to an earlier engine of the same name
        continue;
      }
      engine.used = true;
      factories.push({ name: assignment.field('left')!.text(), sites: [{ statement, call }], anchor: statement, engine, twin: null });
    }
    return factories.filter((f) => !f.engine.blocked);
  }

  /**
   * Whether the engine is bound before the factory on every path: its statement ends before the factory's, or both
   * are in the branches of the same `if` and in each branch the engine's site comes first.
   */
  private boundBefore(engine: Engine, factory: Factory): boolean {
    if (engine.anchor.range().end.index <= factory.anchor.range().start.index) return true;
    if (engine.anchor.id() !== factory.anchor.id()) return false;
    return factory.sites.every((site, i) => engine.sites[i]!.statement.range().end.index <= site.statement.range().start.index);
  }

  /** Why a sessionmaker gets no twin: not a plain module-level factory, or not bound to an engine of this file. */
  private refuseBind(call: SgNode, bind: SgNode, ownEngine: boolean): void {
    const byHand = 'Add `create_async_engine(...)` and `async_sessionmaker(async_engine, expire_on_commit=False)` beside it by hand.';
    if (ownEngine) {
      this.flag(RULE_ARG, call, 'this session factory is not a plain module-level `Name = sessionmaker(...)` (wrapped in scoped_session, or inside a block), so no async twin was added for it', byHand);
      return;
    }
    const callee = kindOf(bind) === 'call' ? this.qualifiedName(bind.field('function')) : null;
    if (callee !== null && CREATE_ENGINE.has(callee)) {
      this.flag(
        RULE_ARG,
        call,
        `the engine of this session factory is created inline, in its \`bind\` (\`${quoted(bind)}\`), and async twins are only added for an engine assigned to a module-level name, so none were added for it`,
        'Assign the engine to a module-level name (`engine = create_engine(...)`, then `sessionmaker(bind=engine, ...)`) and run again, or add the async twins by hand.',
      );
      return;
    }
    const branched = kindOf(bind) === 'identifier' ? this.branchRefusal(bind.text()) : null;
    if (branched !== null) {
      this.flag(RULE_ARG, call, `this session factory is bound to \`${bind.text()}\`, which is ${branched}, so no async twins were added for it`, byHand);
      return;
    }
    if (this.callsModuleFunction(bind)) {
      this.flag(RULE_ARG, call, `this session factory is bound to \`${quoted(bind)}\`, which is neither a module-level \`create_engine(...)\` of this file nor a call of an engine function awaitify twins (a module-level def without parameters whose body is only \`return create_engine(...)\`, undecorated or cached by functools), in a factory function of that shape, so no async twins were added for it`, byHand);
      return;
    }
    this.flag(RULE_ARG, call, `this session factory is bound to \`${quoted(bind)}\`, which is not a module-level \`create_engine(...)\` of this file, so no async twins were added for it`, byHand);
  }

  /** `f(...)` calling a def of this module (`get_engine()`): an engine function that may not be of the shape awaitify twins. */
  private callsModuleFunction(node: SgNode): boolean {
    const callee = kindOf(node) === 'call' ? node.field('function') : null;
    if (!callee || kindOf(callee) !== 'identifier') return false;
    return this.ctx.tree.root().children().some((statement) => {
      const def = kindOf(statement) === 'decorated_definition' ? statement.field('definition') : statement;
      return !!def && kindOf(def) === 'function_definition' && def.field('name')?.text() === callee.text();
    });
  }

  /**
   * Why a name bound inside a module-level `if` or `try` is not an engine awaitify twins (branchSites says which
   * are), or null when no such statement binds it.
   */
  private branchRefusal(name: string): string | null {
    const holders = moduleBindings(this.table(name)).flatMap((b) => {
      const top = b.node.ancestors().find((a) => a.parent()?.kind() === 'module');
      return top && ['if_statement', 'try_statement'].includes(kindOf(top)) ? [top] : [];
    });
    if (holders.length === 0) return null;
    if (holders.some((h) => kindOf(h) === 'try_statement')) {
      return 'bound in a `try` statement (twins are written only for one `create_engine(...)` in each branch of a module-level `if`/`else`)';
    }
    if (holders.some((h) => ifBranches(h) === null)) return 'bound in a module-level `if` without an `else` (on a path that binds nothing, its twin would be unbound too)';
    return 'bound in the branches of a module-level `if`, but not by exactly one `create_engine(...)` directly in each branch and nowhere else';
  }

  /**
   * `get_db` hands out no SQLAlchemy session: every value it yields is made, in its body, by a connect call of a
   * database driver or client library (`conn = sqlite3.connect(DB)`, `with psycopg2.connect(dsn) as conn`), as the
   * module's imports name it. Such a dependency is not the session dependency: it gets no twin, and nothing is
   * reported about it or its uses. When unsure (a project factory, a name not followed), it is taken for one.
   */
  private yieldsNoSession(getDb: SgNode): boolean {
    const body = getDb.field('body');
    if (!body) return false;
    const own = (node: SgNode): boolean => node.ancestors().find((a) => kindOf(a) === 'function_definition' || kindOf(a) === 'lambda')?.range().start.index === getDb.range().start.index;
    const yields = body.findAll({ rule: { kind: 'yield' } }).filter(own);
    if (yields.length === 0) return false;
    const driverCall = (node: SgNode | null): boolean => {
      if (!node || kindOf(node) !== 'call') return false;
      const name = this.qualifiedName(node.field('function'));
      return name !== null && isNonSessionLibraryName(name);
    };
    return yields.every((y) => {
      const value = namedChildren(y)[0] ?? null;
      if (driverCall(value)) return true;
      if (!value || kindOf(value) !== 'identifier') return false;
      const name = value.text();
      const makers: SgNode[] = [];
      for (const a of body.findAll({ rule: { kind: 'assignment' } }).filter(own)) {
        if (a.field('left')?.text() === name) makers.push(a.field('right') as SgNode);
      }
      for (const item of body.findAll({ rule: { kind: 'as_pattern' } }).filter(own)) {
        if (item.field('alias')?.text() === name) makers.push(namedChildren(item)[0] as SgNode);
      }
      return makers.length > 0 && makers.every(driverCall);
    });
  }

  private findGetDb(): SgNode | null {
    for (const statement of this.ctx.tree.root().children()) {
      if (kindOf(statement) === 'function_definition' && statement.field('name')?.text() === this.ctx.options.getDbName) return statement;
      // `@Depends def get_db(): ...` (the name bound to `Depends(get_db)`): found, to be refused (dependsDecorated).
      const inner = kindOf(statement) === 'decorated_definition' ? statement.field('definition') : null;
      if (inner && kindOf(inner) === 'function_definition' && inner.field('name')?.text() === this.ctx.options.getDbName && dependsDecorated(inner)) return inner;
    }
    return null;
  }

  /**
   * `get_engine()` (no arguments), when `get_engine` is a module-level, undecorated, parameterless plain def whose body
   * is exactly `global X`, `if X is None: X = create_engine(...)` (no `else`) and `return X`, and `X` is bound nowhere
   * else than by a module-level `X = None` and that assignment, and declared `global` nowhere else. Null otherwise.
   */
  private lazyEngine(call: SgNode): LazyEngine | null {
    const callee = call.field('function');
    if (!callee || kindOf(callee) !== 'identifier' || namedChildren(call.field('arguments')!).length > 0) return null;
    const fn = this.ctx.tree.root().children().find((st) => kindOf(st) === 'function_definition' && st.field('name')?.text() === callee.text());
    if (!fn || moduleBindings(this.table(callee.text())).length !== 1 || isAsyncDef(fn)) return null;
    if (namedChildren(fn.field('parameters')!).length > 0) return null;
    const body = namedChildren(fn.field('body')!);
    if (body.length !== 3) return null;
    const [declaration, check, ret] = body as [SgNode, SgNode, SgNode];
    const declared = kindOf(declaration) === 'global_statement' ? namedChildren(declaration) : [];
    if (declared.length !== 1 || kindOf(declared[0]!) !== 'identifier') return null;
    const name = declared[0]!.text();
    const returned = kindOf(ret) === 'return_statement' ? namedChildren(ret) : [];
    if (returned.length !== 1 || returned[0]!.text() !== name) return null;
    if (kindOf(check) !== 'if_statement' || check.field('alternative') || namedChildren(check).some((c) => ['elif_clause', 'else_clause'].includes(kindOf(c)))) return null;
    if (check.field('condition')?.text().replace(/\s+/g, ' ') !== `${name} is None`) return null;
    const inner = namedChildren(check.field('consequence')!);
    const assignment = inner.length === 1 ? soleAssignment(inner[0]!) : null;
    const created = assignment?.field('right');
    if (!assignment || assignment.field('left')?.text() !== name || !created || kindOf(created) !== 'call') return null;
    const creator = this.qualifiedName(created.field('function'));
    if (!creator || !CREATE_ENGINE.has(creator)) return null;
    // Every binding: the module-level `X = None` and this assignment; every `global X`: this one.
    const table = this.table(name);
    const bindings = table.occurrences.filter((o) => o.role === 'binding' || o.role === 'import');
    const declarations = table.occurrences.filter((o) => o.role === 'declaration');
    if (declarations.length !== 1 || declarations[0]!.node.id() !== declared[0]!.id()) return null;
    const none = bindings.filter((b) => b.node.id() !== assignment.field('left')!.id());
    if (none.length !== 1 || kindOf(none[0]!.scope) !== 'module') return null;
    const noneStatement = none[0]!.node.parent();
    if (!noneStatement || kindOf(noneStatement) !== 'assignment' || noneStatement.field('right')?.kind() !== 'none' || noneStatement.parent()?.parent()?.kind() !== 'module') return null;
    return { name, getter: callee.text(), fn, site: { statement: inner[0]!, call: created } };
  }

  /** The twin's names and create_async_engine call for a lazy engine, or null (and a finding) when it cannot be written. */
  private prepareLazyTwin(lazy: LazyEngine): { getter: string; twin: Twin } | null {
    if (this.ignored(lazy.fn)) return null;
    const engine: Engine = { name: lazy.name, sites: [lazy.site], anchor: lazy.fn, sqlmodel: false, used: true, blocked: false, twin: null };
    const twin = this.prepareEngine(engine, lazy.site);
    if (!twin) return null;
    const getter = /^get_/.test(lazy.getter) ? `get_async_${lazy.getter.slice(4)}` : twinName(lazy.getter);
    if (!this.nameFree(getter, lazy.fn)) return null;
    return { getter, twin };
  }

  /**
   * Writes the lazy engine's twin after its getter: `async_engine = None` and `def get_async_engine()` of the same
   * shape on `create_async_engine(...)`, made on first use as the sync one is. Returns the getter's name, or null.
   */
  private writeLazyTwin(lazy: LazyEngine): string | null {
    const prepared = this.prepareLazyTwin(lazy);
    const unit = indentUnit(lazy.fn, this.ctx.source);
    if (!prepared || unit === null) return null;
    const { getter, twin } = prepared;
    this.importsToAdd.push(...twin.imports);
    if (twin.helper) {
      this.helperNeeded = true;
      this.lazyTwinned.push({ name: lazy.name, sites: [lazy.site], anchor: lazy.fn, sqlmodel: false, used: true, blocked: false, twin: twin.name });
    }
    const text = [
      `${twin.name} = None`,
      '',
      '',
      `def ${getter}():`,
      `${unit}global ${twin.name}`,
      `${unit}if ${twin.name} is None:`,
      `${unit}${unit}${twin.name} = ${twin.callee}(${twin.args.join(', ')})`,
      `${unit}return ${twin.name}`,
    ].join('\n');
    const end = lineEnd(this.ctx.source, lazy.fn.range().end.index);
    const prefix = end === this.ctx.source.length && !this.ctx.source.endsWith('\n') ? '\n' : '';
    this.edits.push({ start: end, end, text: `${prefix}\n\n${text}\n`, reason: `async twin of ${lazy.getter}` });
    this.count('async engines added');
    return getter;
  }

  /**
   * This file's engine functions and factory functions (MadeByFunction), found once: a module-level plain def,
   * bound once, without parameters, whose body (after a docstring) is only `return create_engine(...)`, or
   * `return sessionmaker(bind=<engine function>(), ...)` (the bind positional or keyword, the engine function called
   * without arguments), with no decorator or only a functools cache (cacheDecorator). Anything more (a parameter, a
   * statement before the return, another decorator, a factory bound to another function) is not one.
   */
  private madeByFunctions(): { engines: MadeByFunction[]; factories: MadeByFunction[] } {
    if (this.functionsFound) return this.functionsFound;
    const engines: MadeByFunction[] = [];
    const factories: MadeByFunction[] = [];
    if (/\bdef\b/.test(this.ctx.source) && this.ctx.source.includes('create_engine')) {
      const statements = this.ctx.tree.root().children();
      for (const statement of statements) {
        const engine = this.madeByFunction(statement, CREATE_ENGINE);
        if (engine) engines.push(engine);
      }
      for (const statement of statements) {
        const factory = this.madeByFunction(statement, SESSIONMAKER);
        const bind = factory ? bindArgument(factory.site.call) : null;
        const callee = bind && kindOf(bind) === 'call' && namedChildren(bind.field('arguments')!).length === 0 ? bind.field('function') : null;
        const engine = callee && kindOf(callee) === 'identifier' ? engines.find((e) => e.name === callee.text()) : undefined;
        if (factory && engine) factories.push({ ...factory, engine, sqlmodel: engine.sqlmodel });
      }
    }
    return (this.functionsFound = { engines, factories });
  }

  /** The module-level statement as a function making what a call of `accepts` makes (see madeByFunctions), or null. */
  private madeByFunction(statement: SgNode, accepts: ReadonlySet<string>): MadeByFunction | null {
    const fn = kindOf(statement) === 'decorated_definition' ? statement.field('definition') : statement;
    if (!fn || kindOf(fn) !== 'function_definition' || isAsyncDef(fn)) return null;
    const decorators = statement.children().filter((d) => kindOf(d) === 'decorator');
    if (decorators.length > 1 || !decorators.every((d) => this.cacheDecorator(d))) return null;
    if (namedChildren(fn.field('parameters')!).length > 0 || fn.field('type_parameters')) return null;
    const name = fn.field('name')!.text();
    if (moduleBindings(this.table(name)).length !== 1) return null;
    let body = namedChildren(fn.field('body')!);
    const first = body[0];
    if (first && isDocstring(first)) body = body.slice(1);
    const ret = body.length === 1 && kindOf(body[0]!) === 'return_statement' ? body[0]! : null;
    const call = ret && namedChildren(ret).length === 1 ? namedChildren(ret)[0]! : null;
    if (!ret || !call || kindOf(call) !== 'call') return null;
    const callee = this.qualifiedName(call.field('function'));
    if (!callee || !accepts.has(callee)) return null;
    // The twin is written at the original's indentation, its `return` on a line of its own.
    if (leadingWhitespace(statement, this.ctx.source) !== '' || leadingWhitespace(ret, this.ctx.source) === null || indentUnit(fn, this.ctx.source) === null) return null;
    return { name, fn, outer: statement, decorators, site: { statement: ret, call }, engine: null, sqlmodel: callee.startsWith('sqlmodel.'), twin: null };
  }

  /**
   * `@functools.lru_cache` / `@functools.cache` under any name the imports give them, lru_cache also called with no
   * arguments or only a maxsize (`@lru_cache()`, `@lru_cache(maxsize=None)`): the same decorator on the twin makes
   * one async engine (or factory) per process, as it makes one sync engine.
   */
  private cacheDecorator(decorator: SgNode): boolean {
    const expression = namedChildren(decorator)[0];
    if (!expression) return false;
    const called = kindOf(expression) === 'call';
    const qualified = this.qualifiedName(called ? expression.field('function') : expression);
    if (qualified === 'functools.cache') return !called;
    if (qualified !== 'functools.lru_cache') return false;
    if (!called) return true;
    const args = namedChildren(expression.field('arguments')!);
    if (args.length === 0) return true;
    const arg = args[0]!;
    const value = kindOf(arg) === 'keyword_argument' ? (arg.field('name')?.text() === 'maxsize' ? arg.field('value') : null) : arg;
    return args.length === 1 && !!value && ['integer', 'none'].includes(kindOf(value));
  }

  /**
   * `get_session_factory()` with no arguments on a name imported from a project module (`from app.db import
   * get_session_factory`, module-level, the name's only binding): the import, or null.
   */
  private importedFactoryFunction(call: SgNode): { module: string; name: string } | null {
    if (kindOf(call) !== 'call' || namedChildren(call.field('arguments')!).length > 0) return null;
    const callee = call.field('function');
    return callee && kindOf(callee) === 'identifier' ? this.importedEngine(callee) : null;
  }

  /**
   * This file's factory and engine functions with their twin's name (EngineSummary.factoryFunctionTwins,
   * engineFunctionTwins): those judgeFunctions twins, or, in a module already migrated, those beside which a def of the
   * twin's name is bound (and only so).
   */
  private functionTwinNames(migrated: boolean): { factories: Record<string, string>; engines: Record<string, string> } {
    const twins = { factories: {} as Record<string, string>, engines: {} as Record<string, string> };
    if (!migrated) {
      if (this.importsAlembic() || this.ctx.source.includes('awaitify:')) return twins;
      for (const { of, twin } of this.judgeFunctions()) (of.engine ? twins.factories : twins.engines)[of.name] = twin.name;
      return twins;
    }
    const { engines, factories } = this.madeByFunctions();
    for (const fn of [...engines, ...factories]) {
      const name = functionTwinName(fn.name);
      const bindings = moduleBindings(this.table(name));
      const def = bindings.length === 1 ? bindings[0]!.node.parent() : null;
      if (def && kindOf(def) === 'function_definition' && def.field('name')?.id() === bindings[0]!.node.id()) (fn.engine ? twins.factories : twins.engines)[fn.name] = name;
    }
    return twins;
  }

  /** `get_session_factory()` with no arguments, naming a factory function of this file (madeByFunctions), or null. */
  private factoryFunctionCalled(call: SgNode): MadeByFunction | null {
    const callee = call.field('function');
    if (!callee || kindOf(callee) !== 'identifier' || namedChildren(call.field('arguments')!).length > 0) return null;
    return this.madeByFunctions().factories.find((f) => f.name === callee.text()) ?? null;
  }

  /**
   * The twins of this file's engine functions and of the factory functions bound to them, judged once: an engine
   * function with no factory function gets none (nothing shows it serves ORM sessions), and as in judge, an engine
   * function and its factory functions get their twins together or not at all. Judging writes nothing but findings.
   */
  private judgeFunctions(): { of: MadeByFunction; twin: Twin }[] {
    if (this.functionTwins) return this.functionTwins;
    const { engines, factories } = this.madeByFunctions();
    const judged: { of: MadeByFunction; twin: Twin }[] = [];
    for (const engine of engines) {
      const own = factories.filter((f) => f.engine === engine);
      if (own.length === 0 || [engine, ...own].some((f) => this.ignored(f.outer))) continue;
      const engineTwin = this.prepareEngine(asEngine(engine), engine.site, functionTwinName(engine.name));
      if (!engineTwin) continue;
      const twins = [{ of: engine, twin: engineTwin }];
      for (const factory of own) {
        const twin = this.prepareFactory(asFactory(factory), factory.site, `${engineTwin.name}()`, functionTwinName(factory.name));
        if (twin) twins.push({ of: factory, twin });
      }
      if (twins.length === own.length + 1) judged.push(...twins);
    }
    return (this.functionTwins = judged);
  }

  // ---- engine ----------------------------------------------------------------------------------------------

  private prepareEngine(engine: Engine, site: Site, name = twinName(engine.name)): Twin | null {
    const args = site.call.field('arguments');
    if (!args || kindOf(args) !== 'argument_list') return null;
    let url: SgNode | null = null;
    const kept: string[] = [];
    const splats: SgNode[] = [];
    for (const arg of namedChildren(args)) {
      const kind = kindOf(arg);
      if (kind === 'keyword_argument' && arg.field('name')?.text() !== 'url') {
        const name = arg.field('name')!.text();
        const value = arg.field('value')!;
        if (name === 'future') {
          // Async engines are always 2.0-style (1.4 forces future=True); only an explicit True is worth keeping.
          if (kindOf(value) === 'true') kept.push(arg.text());
          continue;
        }
        if (ENGINE_KEYWORDS.has(name)) {
          kept.push(arg.text());
          continue;
        }
        if (name === 'poolclass' && ASYNC_POOLS.has(lastName(value))) {
          kept.push(arg.text());
          continue;
        }
        if (name === 'connect_args' && this.connectArgsPortable(value, this.schemeOf(url))) {
          kept.push(arg.text());
          continue;
        }
        return this.refuseEngine(engine, arg, `\`${name}=\` cannot be carried over to the async engine as it is`);
      }
      if (kind === 'keyword_argument' || (url === null && !['list_splat', 'dictionary_splat'].includes(kind))) {
        url = kind === 'keyword_argument' ? arg.field('value') : arg;
        continue;
      }
      if (kind === 'dictionary_splat') {
        // Judged once the URL is known (its connect_args depend on the scheme), passed on as written.
        splats.push(arg);
        kept.push(arg.text());
        continue;
      }
      return this.refuseEngine(engine, arg, `the argument \`${quoted(arg)}\` cannot be classified`);
    }
    if (!url) return this.refuseEngine(engine, site.call, 'the engine has no URL argument');
    for (const splat of splats) {
      const why = this.splatRefusal(splat, this.schemeOf(url));
      if (why !== null) return this.refuseEngine(engine, splat, why);
    }
    // connect_args may precede the URL keyword; judge them again now the URL is known.
    const connectArgs = keywordArgument(args, 'connect_args');
    if (connectArgs && !this.connectArgsPortable(connectArgs.field('value')!, this.schemeOf(url))) {
      return this.refuseEngine(engine, connectArgs, '`connect_args=` cannot be carried over to the async engine as it is');
    }
    const asyncUrl = this.asyncUrl(url);
    if (asyncUrl === null) return null;

    if (!this.nameFree(name, site.statement)) return null;
    const create = this.importedName(SA_ASYNC, 'create_async_engine', site.statement);
    if (!create) return null;
    const imports = [...create.imports];
    // `**kwargs` may name a pool: NullPool beside it could be given twice.
    if (splats.length === 0 && this.wantsNullPool(args, url)) {
      const nullPool = this.importedName('sqlalchemy.pool', 'NullPool', site.statement);
      if (!nullPool) return null;
      kept.push(`poolclass=${nullPool.local}`);
      imports.push(...nullPool.imports);
    }
    return { name, callee: create.local, args: [asyncUrl.text, ...kept], imports, helper: asyncUrl.helper, statement: site.statement, call: site.call, of: engine.name };
  }

  /**
   * A test suite runs its async engine on several event loops: pytest-asyncio gives each test its own, and
   * TestClient serves requests on another. A pooled asyncpg (or aiomysql) connection made on one loop fails on
   * the next ("another operation is in progress", "attached to a different loop"), and SQLAlchemy's documented
   * answer is NullPool: a connection per checkout, on the loop that asks. So a test file's twin gets it, unless
   * the engine names its pool (kept as it is), sizes a queue pool (NullPool refuses those arguments), or is a
   * literal in-memory SQLite database (a new connection would be a new, empty database).
   */
  private wantsNullPool(args: SgNode, url: SgNode): boolean {
    if (!isTestPath(this.ctx.path)) return false;
    if (POOL_KEYWORDS.some((k) => keywordArgument(args, k))) return false;
    const literal = stringLiteral(url);
    return !(literal && sqliteMemory(literal.content) !== null);
  }

  /**
   * An in-memory SQLite database belongs to the connection that opened it, so the twin (its own pool, its own
   * aiosqlite connections) opens another, empty one: the tables create_all made on the sync engine, and its
   * rows, are not there (`no such table` at run time). A shared-cache one (`file::memory:?cache=shared`,
   * `mode=memory`) is shared in the process, but only while some connection to it stays open. The twin is
   * still written, since it is what the async code needs; the finding says where its schema must come from.
   * Only a URL seen as a literal (or a module constant holding one) is judged.
   */
  private flagMemoryDatabase(engine: Engine, site: Site, twin = twinName(engine.name)): void {
    const url = engineUrl(site.call);
    const literal = url ? stringLiteral(this.moduleConstant(url) ?? url) : null;
    const memory = literal && !/[bBfF]/.test(literal.prefix) ? sqliteMemory(literal.content) : null;
    if (!url || memory === null) return;
    const what =
      memory === 'private'
        ? `\`${engine.name}\` is an in-memory SQLite database, which exists only in the connection that opened it: its async twin \`${twin}\` opens a separate, empty database, without the tables (create_all) or rows made through \`${engine.name}\``
        : `\`${engine.name}\` is a shared-cache in-memory SQLite database: its async twin \`${twin}\` sees the same tables and rows only while some connection to it stays open, and an empty database otherwise`;
    this.flag(
      RULE_MEMORY,
      url,
      what,
      `Create the schema on the async engine (\`async with ${twin}.begin() as conn: await conn.run_sync(Base.metadata.create_all)\`, e.g. in the app's lifespan or the test fixture) and seed data through it, or use a file database.`,
    );
  }

  private refuseEngine(engine: Engine, at: SgNode, why: string): null {
    this.flag(RULE_ARG, at, `${why}; no async twins were added for \`${engine.name}\``, 'Write `create_async_engine(...)` with the async equivalent of this argument by hand (see the docs page).');
    return null;
  }

  /** The create_async_engine URL: a rewritten literal, or the run-time helper around the expression. */
  private asyncUrl(url: SgNode): { text: string; helper: boolean } | null {
    const literal = stringLiteral(url);
    if (literal) {
      if (/[bBfF]/.test(literal.prefix)) {
        if (/[bB]/.test(literal.prefix)) {
          this.flag(RULE_URL, url, 'the database URL is a bytes literal', 'Give create_engine a str URL, then run again.');
          return null;
        }
      } else {
        const converted = asyncUrlLiteral(literal);
        if ('unknown' in converted) {
          this.flag(RULE_URL, url, `no async driver is known for the URL scheme \`${converted.unknown}\`; no async twins were added`, 'Create the async engine by hand with the async driver of this database.');
          return null;
        }
        return { text: converted.text, helper: false };
      }
    }
    if (url.find({ rule: { any: [{ kind: 'await' }, { kind: 'yield' }, { kind: 'named_expression' }, { kind: 'lambda' }] } })) {
      this.flag(RULE_URL, url, 'the URL expression cannot be evaluated a second time safely', 'Store the URL in a variable, then run again.');
      return null;
    }
    return { text: `${URL_HELPER}(${url.text()})`, helper: true };
  }

  /** The literal URL's scheme, 'runtime' when it is computed. */
  private schemeOf(url: SgNode | null): string {
    const literal = url ? stringLiteral(url) : null;
    if (!literal || /[fF]/.test(literal.prefix)) return 'runtime';
    return /^([A-Za-z0-9+._-]+):\/\//.exec(literal.content)?.[1]?.split('+')[0] ?? 'runtime';
  }

  /** connect_args the async driver takes with the same meaning. Only sqlite3's pass through (aiosqlite forwards them). */
  private connectArgsPortable(value: SgNode, scheme: string): boolean {
    // `connect_args = {}`, then `if url.startswith("sqlite"): connect_args = {"check_same_thread": False}`: the twin is
    // written right after the engine, with the same name, so it gets the same value; every value it may hold must suit.
    const dicts = kindOf(value) === 'identifier' && this.moduleConstant(value) === null ? this.moduleDicts(value.text()) : null;
    if (dicts !== null) {
      return dicts.literals.every((d) => portableConnectDict(d, scheme)) && (dicts.keys.length === 0 || ((scheme === 'sqlite' || scheme === 'runtime') && dicts.keys.every((k) => SQLITE_CONNECT_KEYS.has(k.key))));
    }
    const resolved = this.moduleConstant(value) ?? value;
    const kind = kindOf(resolved);
    if (kind === 'conditional_expression') {
      const [whenTrue, , whenFalse] = namedChildren(resolved);
      return !!whenTrue && !!whenFalse && this.connectArgsPortable(whenTrue, scheme) && this.connectArgsPortable(whenFalse, scheme);
    }
    return kind === 'dictionary' && portableConnectDict(resolved, scheme);
  }

  /**
   * Why `**name` cannot be handed to the async engine as it is, or null when it can: `name` is a module-level dict
   * (moduleDicts) whose every key, in any literal or `name["key"] = value` store, is a create_engine keyword that means
   * the same there (ENGINE_KEYWORDS), a pool that suits an async dialect, or connect_args the async driver takes.
   */
  private splatRefusal(splat: SgNode, scheme: string): string | null {
    const inner = namedChildren(splat)[0];
    const dicts = inner && kindOf(inner) === 'identifier' ? this.moduleDicts(inner.text()) : null;
    if (!inner || dicts === null) {
      return `\`${quoted(splat)}\` is not a module-level dict built only from literals and \`name["key"] = value\` stores, so what it passes cannot be judged`;
    }
    const entries = [
      ...dicts.literals.flatMap((d) => namedChildren(d).map((pair) => ({ key: kindOf(pair) === 'pair' ? stringLiteral(pair.field('key')!) : null, value: pair.field('value') }))),
      ...dicts.keys.map((k) => ({ key: { prefix: '', content: k.key } as Pick<StringLiteral, 'prefix' | 'content'>, value: k.value })),
    ];
    for (const { key, value } of entries) {
      if (!key || key.prefix !== '' || !value) return `\`${quoted(splat)}\` holds a key that is not a plain string`;
      const name = key.content;
      if (ENGINE_KEYWORDS.has(name)) continue;
      if (name === 'poolclass' && ASYNC_POOLS.has(lastName(value))) continue;
      if (name === 'connect_args' && this.connectArgsPortable(value, scheme)) continue;
      return `\`${quoted(splat)}\` may pass \`${name}=\`, which cannot be carried over to the async engine as it is`;
    }
    return null;
  }

  /**
   * The dict literals a module-level name is ever bound to, and the `name["key"] = value` stores into it, when those
   * are all it meets: every binding a module-level `name = {...}` (an `if` at module level included), no `global`
   * declaration, and every other use a store with a string key or an argument of a `create_engine(...)` call
   * (`connect_args=name`, `**name`). Null otherwise (an `update()`, a function given it, a comprehension...).
   */
  private moduleDicts(name: string): { literals: SgNode[]; keys: { key: string; value: SgNode }[] } | null {
    const table = this.table(name);
    // A function's own `kwargs` (a parameter, a local) is another variable; a `global` one may rebind the module's.
    if (table.occurrences.some((o) => o.role === 'declaration')) return null;
    const bindings = moduleBindings(table);
    if (bindings.length < 1 || bindings.some((b) => b.role !== 'binding')) return null;
    const literals: SgNode[] = [];
    for (const binding of bindings) {
      const assignment = binding.node.parent();
      const value = assignment?.field('right');
      if (!assignment || kindOf(assignment) !== 'assignment' || assignment.field('left')?.id() !== binding.node.id() || !value || kindOf(value) !== 'dictionary') return null;
      if (assignment.field('type')) return null;
      literals.push(value);
    }
    const keys: { key: string; value: SgNode }[] = [];
    for (const use of table.occurrences.filter((o) => o.role === 'reference' && maySeeModuleBinding(table, o))) {
      const parent = use.node.parent();
      if (parent && kindOf(parent) === 'subscript' && parent.field('value')?.id() === use.node.id()) {
        const store = parent.parent();
        const subscripts = parent.fieldChildren('subscript');
        const key = subscripts.length === 1 ? stringLiteral(subscripts[0]!) : null;
        const value = store?.field('right');
        if (!store || kindOf(store) !== 'assignment' || store.field('left')?.id() !== parent.id() || !key || key.prefix !== '' || !value) return null;
        if (store.parent()?.kind() !== 'expression_statement') return null;
        keys.push({ key: key.content, value });
        continue;
      }
      const holder = parent && (kindOf(parent) === 'dictionary_splat' || kindOf(parent) === 'keyword_argument') ? parent.parent() : null;
      const call = holder && kindOf(holder) === 'argument_list' ? holder.parent() : null;
      if (!call || kindOf(call) !== 'call' || !this.callsOneOf(call, CREATE_ENGINE)) return null;
      if (kindOf(parent!) === 'keyword_argument' && parent!.field('value')?.id() !== use.node.id()) return null;
    }
    return { literals, keys };
  }

  /** The value of a module-level name assigned exactly once and never rebound, or null. */
  private moduleConstant(node: SgNode): SgNode | null {
    if (kindOf(node) !== 'identifier') return null;
    const table = this.table(node.text());
    const bindings = table.occurrences.filter((o) => o.role !== 'reference');
    if (bindings.length !== 1 || moduleBindings(table).length !== 1) return null;
    const assignment = bindings[0]!.node.parent();
    if (!assignment || kindOf(assignment) !== 'assignment' || assignment.field('left')?.id() !== bindings[0]!.node.id()) return null;
    return assignment.field('right');
  }

  private insertHelper(twinned: Engine[]): void {
    const first = twinned.sort((a, b) => a.anchor.range().start.index - b.anchor.range().start.index)[0];
    if (!first) return;
    if (this.table(URL_HELPER).occurrences.length > 0) {
      this.flag(RULE_NAME, first.anchor, `\`${URL_HELPER}\` is already used in this file`, 'Rename it, then run again.');
      this.edits.length = 0;
      return;
    }
    // Above the comment lines that belong to the engine statement, so they stay attached to it.
    const source = this.ctx.source;
    let offset = lineStart(source, first.anchor.range().start.index);
    while (offset > 0) {
      const previous = lineStart(source, offset - 1);
      if (!/^[ \t]*#/.test(source.slice(previous, offset))) break;
      offset = previous;
    }
    const helper = asyncUrlHelper();
    // Two blank lines around a top-level def (PEP 8), counting the ones already there.
    const before = /\n*$/.exec(source.slice(0, offset))![0].length;
    const lead = offset === 0 ? '' : '\n'.repeat(Math.max(0, 3 - before));
    this.edits.push({ start: offset, end: offset, text: `${lead}${helper}\n\n\n`, reason: 'run-time async URL helper' });
  }

  // ---- session factory -------------------------------------------------------------------------------------

  private prepareFactory(factory: Factory, site: Site, asyncEngine: string, name = twinName(factory.name)): Twin | null {
    const callArgs = site.call.field('arguments')!;
    let sqlmodel = factory.engine.sqlmodel;
    const kept: string[] = [];
    let positional = 0;
    for (const arg of namedChildren(callArgs)) {
      if (kindOf(arg) !== 'keyword_argument') {
        // The bind: an engine's name, or a call of the engine function (madeByFunctions).
        if (positional++ === 0 && (kindOf(arg) === 'identifier' || arg.id() === bindArgument(site.call)?.id())) continue;
        return this.refuseFactory(factory, arg, `the argument \`${quoted(arg)}\` cannot be classified`);
      }
      const name = arg.field('name')!.text();
      const value = arg.field('value')!;
      if (name === 'bind' || name === 'expire_on_commit' || name === 'future') continue; // rewritten / always on for async
      if (name === 'autocommit') {
        if (kindOf(value) === 'false') continue; // the default, and a no-op kept only for compatibility in 2.0
        return this.refuseFactory(factory, arg, '`autocommit=` other than False (legacy autocommit mode) has no async equivalent');
      }
      if (name === 'class_') {
        const cls = this.qualifiedName(value);
        if (cls && SQLMODEL_SESSION.has(cls)) sqlmodel = true;
        else if (!cls || !SA_SESSION.has(cls)) return this.refuseFactory(factory, arg, `the custom session class \`${quoted(value)}\` has no known async counterpart`);
        continue;
      }
      if (FACTORY_KEYWORDS.has(name)) {
        kept.push(arg.text());
        continue;
      }
      return this.refuseFactory(factory, arg, `\`${name}=\` cannot be carried over to the async session factory as it is`);
    }

    if (!this.nameFree(name, site.statement)) return null;
    const args = [asyncEngine];
    const imports: Import[] = [];
    if (sqlmodel || this.v14) {
      // 1.4 has no async_sessionmaker; SQLModel's AsyncSession adds `exec` to SQLAlchemy's.
      const cls = this.importedName(sqlmodel ? SQLMODEL_ASYNC : SA_ASYNC, 'AsyncSession', site.statement);
      if (!cls) return null;
      args.push(`class_=${cls.local}`);
      imports.push(...cls.imports);
    }
    let callee = site.call.field('function')!.text();
    if (!this.v14) {
      const maker = this.importedName(SA_ASYNC, 'async_sessionmaker', site.statement);
      if (!maker) return null;
      callee = maker.local;
      imports.push(...maker.imports);
    }
    args.push('expire_on_commit=False', ...kept);
    return { name, callee, args, imports, helper: false, statement: site.statement, call: site.call, of: factory.name };
  }

  private refuseFactory(factory: Factory, at: SgNode, why: string): null {
    this.flag(RULE_ARG, at, `${why}; no async session factory was added for \`${factory.name}\``, 'Write the async session factory by hand (see the docs page).');
    return null;
  }

  // ---- get_db ----------------------------------------------------------------------------------------------

  /** What get_db opens, when it has one of the plain shapes (`shape`: openedSession's); null (and a finding) otherwise. */
  private sessionSource(getDb: SgNode, shape: ReturnType<typeof openedSession>, engines: Map<string, Engine>, factories: Factory[]): SessionSource | null {
    const asyncName = this.ctx.options.asyncGetDbName;
    if (moduleBindings(this.table(asyncName)).length > 0) return null; // already has its twin
    if (isAsyncDef(getDb)) return null; // already async
    const opened = shape?.call;
    const unrecognisedFirst = dependsDecorated(getDb);
    const unrecognised = (why: string): null => {
      this.flag(RULE_GET_DB, getDb.field('name')!, `\`${this.ctx.options.getDbName}\` ${why}, so \`${asyncName}\` was not added`, `Write \`async def ${asyncName}(): async with AsyncSessionLocal() as session: yield session\` by hand, keeping what ${this.ctx.options.getDbName} does around the session; until it exists, \`Depends(${this.ctx.options.getDbName})\` and the code receiving its session stay sync (GETDB-NO-TWIN), then run awaitify again.`);
      return null;
    };
    if (unrecognisedFirst) {
      return unrecognised(
        'is decorated `@Depends`: its name is bound to `Depends(...)`, which parameters use as their default (`db: Session = ' +
          this.ctx.options.getDbName +
          '`), and a twin would need the decorator and every such default moved with it',
      );
    }
    if (!opened || !shape) return unrecognised('is not one of the plain shapes (`db = Factory(); try: yield db; finally: db.close()` or `with Factory() as db: yield db`, each with or without `db.commit()` after the yield)');
    const { callee, args } = opener(shape);
    const qualified = this.qualifiedName(callee);
    const sessionClass = qualified && (SA_SESSION.has(qualified) || SQLMODEL_SESSION.has(qualified));
    if (sessionClass) {
      const split = sessionArguments(args);
      if ('why' in split) return unrecognised(`opens \`${quoted(opened)}\`, whose ${split.why}`);
      const { bind, options } = split;
      const engine = bind && kindOf(bind) === 'identifier' ? engines.get(bind.text()) : undefined;
      const sqlmodel = SQLMODEL_SESSION.has(qualified!);
      if (engine) return { kind: 'session', engine, sqlmodel, options };
      const imported = bind && !(kindOf(bind) === 'identifier' && engines.has(bind.text())) ? this.importedEngineRef(bind) : null;
      if (imported && this.index?.twinWritten(this.ctx.path, imported.module, imported.name)) {
        const twin = twinName(imported.name);
        // `database.engine` through an imported module reaches the twin the same way: `database.async_engine`.
        if (kindOf(bind!) === 'attribute') return { kind: 'imported-engine', expression: `${bind!.field('object')!.text()}.${twin}`, imports: [], sqlmodel, options };
        return { kind: 'imported-engine', expression: twin, imports: [{ module: imported.module, name: twin }], sqlmodel, options };
      }
      if (imported) return unrecognised(`opens \`${quoted(opened)}\` on an engine imported from \`${imported.module}\`, which gets no async twin there (no module-level \`create_engine(...)\` awaitify can convert)`);
      const lazy = bind && kindOf(bind) === 'call' ? this.lazyEngine(bind) : null;
      if (lazy) return { kind: 'lazy-engine', lazy, sqlmodel, options };
      // `engine = make_engine(settings)`, `engine = None` set later by `global engine`: no literal `create_engine(...)` to twin.
      const branched = bind && kindOf(bind) === 'identifier' ? this.branchRefusal(bind.text()) : null;
      if (branched !== null) return unrecognised(`opens \`${quoted(opened)}\` on \`${bind!.text()}\`, which is ${branched}`);
      return unrecognised(`opens \`${quoted(opened)}\` on an engine that is not a module-level \`name = create_engine(...)\` of this file (made by a function of its own, or bound later)`);
    }
    if (args.length > 0) return unrecognised(`passes arguments to \`${quoted(callee)}\``);
    const factoryFunction = kindOf(callee) === 'call' ? this.factoryFunctionCalled(callee) : null;
    if (factoryFunction) return { kind: 'function-factory', factory: factoryFunction };
    const importedFunction = this.importedFactoryFunction(callee);
    if (importedFunction) {
      // `get_session_factory()()` with the function imported: its module twins it in this run, or nothing is written.
      const twin = this.index?.factoryFunctionTwin(this.ctx.path, importedFunction.module, importedFunction.name) ?? null;
      if (twin === null) return unrecognised(`opens its session with \`${quoted(callee)}\`, which \`${importedFunction.module}\` does not define as a factory function given an async twin in this run (see async-engine's docs)`);
      return { kind: 'imported-factory', expression: `${twin}()`, imports: [{ module: importedFunction.module, name: twin }] };
    }
    if (kindOf(callee) === 'identifier') {
      const factory = factories.find((f) => f.name === callee.text());
      if (factory) return { kind: 'local-factory', factory };
      const imported = this.imports.from.find((i) => (i.alias ?? i.name) === callee.text() && i.name !== '*' && moduleBindings(this.table(callee.text())).length === 1 && this.isModuleImport(i.node));
      if (imported && !/^(sqlalchemy|sqlmodel)(\.|$)/.test(imported.module)) {
        const kind = this.projectFactoryKind(`${imported.module}.${imported.name}`);
        if (kind !== undefined && kind !== 'twin') return unrecognised(`opens its session with \`${quoted(callee)}\`, which ${FACTORY_WITHOUT_TWIN[kind]}`);
        if (importsUntwinned(this.ctx.options, this.ctx.path, imported.module, imported.name)) {
          return unrecognised(`opens its session with \`${quoted(callee)}\`, which \`${imported.module}\` does not define as a module-level \`${imported.name} = sessionmaker(...)\` given an async twin (\`${twinName(imported.name)}\` would not exist)`);
        }
        return { kind: 'imported-factory', expression: twinName(imported.name), imports: [{ module: imported.module, name: twinName(imported.name) }] };
      }
      if (moduleBindings(this.table(callee.text())).length > 1) return unrecognised(`opens its session with \`${quoted(callee)}\`, a name this file binds more than once (imported twice?), so which factory it is cannot be told`);
      return unrecognised(`opens its session with \`${quoted(callee)}\`, which is neither a sessionmaker of this file nor imported from another module`);
    }
    if (kindOf(callee) === 'attribute') {
      const object = callee.field('object')!;
      const qualifiedObject = this.qualifiedName(object);
      if (qualifiedObject && !/^(sqlalchemy|sqlmodel)(\.|$)/.test(qualifiedObject)) {
        // Only a factory the project pass saw its module twin: the attribute is not checked by any import.
        const attribute = callee.field('attribute')!.text();
        const kind = this.projectFactoryKind(`${qualifiedObject}.${attribute}`);
        if (kind !== 'twin') {
          return unrecognised(`opens its session with \`${quoted(callee)}\`, which ${kind === undefined ? `is not a module-level \`${attribute} = sessionmaker(...)\` awaitify gave an async twin (\`${object.text()}.${twinName(attribute)}\` would not exist)` : FACTORY_WITHOUT_TWIN[kind]}`);
        }
        return { kind: 'imported-factory', expression: `${object.text()}.${twinName(attribute)}`, imports: [] };
      }
    }
    return unrecognised(`opens its session with \`${quoted(callee)}\`, which is not recognised as a session factory`);
  }

  /** What the project pass knows of the session factory `module.Name` (TransformOptions.sessionFactories). */
  private projectFactoryKind(qualified: string): SessionFactoryKind | undefined {
    const table = this.ctx.options.sessionFactories ?? {};
    return Object.prototype.hasOwnProperty.call(table, qualified) ? table[qualified] : undefined;
  }

  /**
   * `commits`: get_db commits after its yield (see openedSession), and so does the twin. `copied`: the body of
   * get_db's `with` and its target, written into the twin's `async with` as they are (see openedSession).
   */
  private planGetDb(getDb: SgNode, source: SessionSource, commits: boolean, copied: CopiedBody | null, began: boolean, setup: readonly string[]): void {
    if (this.ignored(getDb)) return;
    let open: string;
    if (source.kind === 'session') {
      if (!source.engine.twin) return; // its engine was reported
      const cls = this.importedName(source.sqlmodel ? SQLMODEL_ASYNC : SA_ASYNC, 'AsyncSession', getDb);
      if (!cls) return;
      this.importsToAdd.push(...cls.imports);
      open = `${cls.local}(${[source.engine.twin, ...source.options, 'expire_on_commit=False'].join(', ')})`;
    } else if (source.kind === 'lazy-engine') {
      const cls = this.importedName(source.sqlmodel ? SQLMODEL_ASYNC : SA_ASYNC, 'AsyncSession', getDb);
      const twin = cls ? this.writeLazyTwin(source.lazy) : null;
      if (!cls || twin === null) return;
      this.importsToAdd.push(...cls.imports);
      open = `${cls.local}(${[`${twin}()`, ...source.options, 'expire_on_commit=False'].join(', ')})`;
    } else if (source.kind === 'imported-engine') {
      const cls = this.importedName(source.sqlmodel ? SQLMODEL_ASYNC : SA_ASYNC, 'AsyncSession', getDb);
      if (!cls) return;
      for (const imp of source.imports) {
        if (!this.nameFree(imp.name, getDb, imp.module)) return;
      }
      this.importsToAdd.push(...cls.imports, ...source.imports);
      open = `${cls.local}(${[source.expression, ...source.options, 'expire_on_commit=False'].join(', ')})`;
    } else if (source.kind === 'local-factory') {
      if (!source.factory.twin) return; // reported with the factory
      // async_sessionmaker.begin() is the same "begin once" context: commit at the end, roll back on an exception.
      open = began ? `${source.factory.twin}.begin()` : `${source.factory.twin}()`;
    } else if (source.kind === 'function-factory') {
      if (!source.factory.twin) return; // reported with the factory function
      open = `${source.factory.twin}()()`;
    } else {
      for (const imp of source.imports) {
        if (!this.nameFree(imp.name, getDb, imp.module)) return;
      }
      this.importsToAdd.push(...source.imports);
      open = began ? `${source.expression}.begin()` : `${source.expression}()`;
    }
    const unit = indentUnit(getDb, this.ctx.source);
    if (unit === null) return;
    // Committed after the yield: only when the request ended without an exception, as get_db did (an exception
    // thrown in at the yield leaves the `async with`, whose close rolls back, as get_db's except and finally did).
    const commit = commits ? [`${unit}${unit}await session.commit()`] : [];
    const body = copied ? [this.ctx.source.slice(lineStart(this.ctx.source, copied.body.range().start.index), copied.body.range().end.index)] : [...setup.map((line) => `${unit}${unit}${line}`), `${unit}${unit}yield session`, ...commit];
    const text = [`async def ${this.ctx.options.asyncGetDbName}():`, `${unit}async with ${open} as ${copied?.variable ?? 'session'}:`, ...body].join('\n');
    const end = lineEnd(this.ctx.source, getDb.range().end.index);
    const prefix = end === this.ctx.source.length && !this.ctx.source.endsWith('\n') ? '\n' : '';
    this.edits.push({ start: end, end, text: `${prefix}\n\n${text}\n`, reason: `async twin of ${this.ctx.options.getDbName}` });
    this.count('get_db twins added');
  }

  // ---- create_all / drop_all in async startup code ---------------------------------------------------------

  private convertCreateAll(engines: Map<string, Engine>): void {
    for (const call of this.ctx.tree.root().findAll({ rule: { kind: 'call' } })) {
      const callee = call.field('function');
      const method = callee && kindOf(callee) === 'attribute' ? callee.field('attribute')!.text() : '';
      if (method !== 'create_all' && method !== 'drop_all') continue;
      if (!/metadata$/i.test(lastName(callee!.field('object')!))) continue;
      const fn = enclosingFunction(call);
      // At module level or in a sync function the sync engine still does the job without blocking a loop.
      if (!fn || !isAsyncDef(fn)) continue;
      const statement = call.parent();
      const fail = (why: string): void => this.flag(RULE_CREATE_ALL, call, `\`${method}\` runs on the sync engine inside an async function (${why}), which blocks the event loop`, `Use \`async with async_engine.begin() as conn: await conn.run_sync(${callee!.field('object')!.text()}.${method})\`.`);
      if (!statement || kindOf(statement) !== 'expression_statement' || namedChildren(statement).length !== 1 || statement.find({ rule: { kind: 'comment' } })) {
        fail('not a plain statement');
        continue;
      }
      const args = namedChildren(call.field('arguments')!);
      const bindArg = args.find((a) => kindOf(a) === 'keyword_argument' && a.field('name')?.text() === 'bind') ?? (args[0] && kindOf(args[0]) !== 'keyword_argument' ? args[0] : undefined);
      if (!bindArg || args.some((a) => ['list_splat', 'dictionary_splat'].includes(kindOf(a)) || (a !== bindArg && kindOf(a) !== 'keyword_argument'))) {
        fail('its engine argument is not recognised');
        continue;
      }
      const bind = kindOf(bindArg) === 'keyword_argument' ? bindArg.field('value')! : bindArg;
      const session = asyncSessionOfGetBind(bind, fn, (type) => this.qualifiedName(type));
      if (session !== null) {
        if (!this.ignored(statement)) this.createAllOnSession(statement, callee!.field('object')!.text(), method, session, args.filter((a) => a !== bindArg), fail);
        continue;
      }
      const asyncEngine = this.asyncEngineFor(bind, engines, statement);
      if (!asyncEngine) {
        // A session's get_bind() (its session not known to be an AsyncSession here): if it is one, that is its AsyncEngine's
        // sync engine, where the DDL raises MissingGreenlet rather than blocking.
        if (isGetBindCall(bind)) {
          const session = bind.field('function')!.field('object')!.text();
          this.flag(RULE_CREATE_ALL, call, `\`${method}\` runs on \`${quoted(bind)}\` inside an async function: if \`${session}\` is an AsyncSession by then, that is its AsyncEngine's sync engine and the DDL raises MissingGreenlet; if it is a sync Session, it blocks the event loop`, `With an AsyncSession: \`await ${session}.run_sync(lambda sync_session: ${callee!.field('object')!.text()}.${method}(bind=sync_session.get_bind()))\`.`);
          continue;
        }
        fail(`no async twin of \`${quoted(bind)}\` is known`);
        continue;
      }
      const indent = leadingWhitespace(statement, this.ctx.source);
      const unit = indentUnit(fn, this.ctx.source);
      if (indent === null || unit === null) {
        fail('it does not start its own line');
        continue;
      }
      if (this.ignored(statement)) continue;
      const rest = args.filter((a) => a !== bindArg).map((a) => a.text());
      const text = `async with ${asyncEngine.text}.begin() as conn:\n${indent}${unit}await conn.run_sync(${[`${callee!.field('object')!.text()}.${method}`, ...rest].join(', ')})`;
      this.importsToAdd.push(...asyncEngine.imports);
      // The sync engine's import goes when this was its last use (a lifespan's `create_all(engine)` in main.py).
      // `get_engine()`: the engine function's import, likewise.
      const boundName = kindOf(bind) === 'identifier' ? bind : kindOf(bind) === 'call' && kindOf(bind.field('function')!) === 'identifier' ? bind.field('function')! : null;
      const imported = boundName ? this.imports.from.find((i) => (i.alias ?? i.name) === boundName.text() && this.isModuleImport(i.node)) : undefined;
      if (imported) this.mayFree.push({ module: imported.module, name: imported.name, local: boundName!.text() });
      this.edits.push({ start: statement.range().start.index, end: statement.range().end.index, text, reason: `${method} through run_sync on the async engine` });
      this.count('create_all converted');
      this.disposeAtShutdown(fn, asyncEngine.text);
    }
  }

  /**
   * `metadata.create_all(bind=db.get_bind())` with `db` an AsyncSession: get_bind() is the AsyncEngine's sync
   * engine, and DDL on it outside a greenlet raises MissingGreenlet (it does not merely block). In `run_sync` the
   * sync session's get_bind() is that same engine and runs there; create_all opens and commits its own connection
   * as before, apart from the session's transaction.
   */
  private createAllOnSession(statement: SgNode, metadata: string, method: string, session: string, rest: readonly SgNode[], fail: (why: string) => void): void {
    const param = 'sync_session';
    if (new RegExp(`\\b${param}\\b`).test(statement.text())) {
      fail(`the name \`${param}\` it would need is used there`);
      return;
    }
    const args = [`bind=${param}.get_bind()`, ...rest.map((a) => a.text())].join(', ');
    this.edits.push({ start: statement.range().start.index, end: statement.range().end.index, text: `await ${session}.run_sync(lambda ${param}: ${metadata}.${method}(${args}))`, reason: `${method} through run_sync on the AsyncSession whose engine it was given` });
    this.count('create_all converted');
  }

  /**
   * A lifespan (`@asynccontextmanager`) that now runs DDL on the async engine disposes of it when it ends. The
   * DDL's connection goes back to the pool, and an asyncpg (or aiomysql) connection belongs to the loop that
   * made it: the next loop serving the app (a test's `with TestClient(app)`, each in a loop of its own) gets
   * it and fails with "attached to a different loop". SQLAlchemy's answer for an AsyncEngine passed from one
   * loop to another is `dispose()` before the next loop uses it; at shutdown it only closes idle connections,
   * so production (one loop) loses nothing. The sync create_all it replaces had no such issue, so without this
   * a suite that passed before failed on PostgreSQL with nothing reported. Only the plain shape is changed:
   * one `yield`, a statement of the body itself, no `return`, no `dispose()` already; startup handlers have
   * no end to put it at.
   */
  private disposeAtShutdown(fn: SgNode, engine: string): void {
    const key = `${fn.range().start.index}:${engine}`;
    if (this.disposed.has(key)) return;
    const holder = fn.parent();
    const lifespan = holder?.kind() === 'decorated_definition' && holder.children().some((d) => {
      if (kindOf(d) !== 'decorator') return false;
      const expr = namedChildren(d)[0];
      return !!expr && ['identifier', 'attribute'].includes(kindOf(expr)) && this.qualifiedName(expr) === 'contextlib.asynccontextmanager';
    });
    if (!lifespan) return;
    const own = (node: SgNode): boolean => enclosingFunction(node)?.id() === fn.id();
    const body = fn.field('body')!;
    const yields = body.findAll({ rule: { kind: 'yield' } }).filter(own);
    const statements = namedChildren(body);
    const yieldStatement = yields.length === 1 ? yields[0]!.parent() : null;
    if (!yieldStatement || kindOf(yieldStatement) !== 'expression_statement' || !statements.some((st) => st.id() === yieldStatement.id())) return;
    if (body.findAll({ rule: { kind: 'return_statement' } }).some(own)) return;
    if (body.findAll({ rule: { kind: 'call' } }).some((c) => c.field('function')?.text() === `${engine}.dispose`)) return;
    const last = statements[statements.length - 1]!;
    const indent = leadingWhitespace(statements[0]!, this.ctx.source);
    if (indent === null || this.ignored(last)) return;
    const at = lineEnd(this.ctx.source, last.range().end.index);
    const lead = at === this.ctx.source.length && !this.ctx.source.endsWith('\n') ? '\n' : '';
    this.disposed.add(key);
    this.edits.push({ start: at, end: at, text: `${lead}${indent}await ${engine}.dispose()\n`, reason: 'dispose the async engine when the lifespan ends: its pooled connections belong to this event loop' });
    this.count('async engines disposed at shutdown');
  }

  private asyncEngineFor(bind: SgNode, engines: Map<string, Engine>, at: SgNode): { text: string; imports: Import[] } | null {
    if (kindOf(bind) === 'identifier') {
      const local = engines.get(bind.text());
      if (local) return local.twin ? { text: local.twin, imports: [] } : null;
      const imported = this.imports.from.find((i) => (i.alias ?? i.name) === bind.text() && this.isModuleImport(i.node));
      if (!imported || moduleBindings(this.table(bind.text())).length !== 1 || /^(sqlalchemy|sqlmodel)(\.|$)/.test(imported.module)) return null;
      // A module of the run that writes no twin of it (an engine that serves no sessions, one made by a class).
      if (importsUntwinned(this.ctx.options, this.ctx.path, imported.module, imported.name)) return null;
      const twin = twinName(imported.name);
      if (!this.nameFree(twin, at, imported.module)) return null;
      return { text: twin, imports: [{ module: imported.module, name: twin }] };
    }
    if (kindOf(bind) === 'attribute') {
      const object = bind.field('object')!;
      const qualified = this.qualifiedName(object);
      if (qualified && !/^(sqlalchemy|sqlmodel)(\.|$)/.test(qualified)) return { text: `${object.text()}.${twinName(bind.field('attribute')!.text())}`, imports: [] };
    }
    return this.engineFunctionTwinCall(bind, at);
  }

  /**
   * `get_engine()` (no arguments) calling an engine function given its twin in this run (judgeFunctions), or one
   * imported from a module of the run that twins it: `get_async_engine()`, with the twin's import. Null otherwise.
   */
  private engineFunctionTwinCall(bind: SgNode, at: SgNode): { text: string; imports: Import[] } | null {
    const callee = kindOf(bind) === 'call' && namedChildren(bind.field('arguments')!).length === 0 ? bind.field('function') : null;
    if (!callee || kindOf(callee) !== 'identifier') return null;
    const local = this.functionTwins?.find((t) => !t.of.engine && t.of.name === callee.text() && t.of.twin !== null);
    if (local) return { text: `${local.twin.name}()`, imports: [] };
    const imported = this.importedEngine(callee);
    const twin = imported ? (this.index?.engineFunctionTwin(this.ctx.path, imported.module, imported.name) ?? null) : null;
    if (!imported || twin === null || !this.nameFree(twin, at, imported.module)) return null;
    return { text: `${twin}()`, imports: [{ module: imported.module, name: twin }] };
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** Dotted path a callee or class expression stands for through the module's imports, or null. */
  /**
   * `call`'s callee qualifies to one of `names`. Its last name is compared first, without resolving anything: most
   * calls of a file are passed over there, before qualifiedName reads the name's bindings across the file.
   */
  private callsOneOf(call: SgNode, names: ReadonlySet<string>): boolean {
    const callee = call.field('function');
    const tails = cached(lastNames, names, () => new Set([...names].map((name) => name.slice(name.lastIndexOf('.') + 1))));
    if (!tails.has(this.qualifiedTail(callee) ?? '')) return false;
    return names.has(this.qualifiedName(callee) ?? '');
  }

  /** The last name qualifiedName would give `node` (its import's target, or the attribute), without resolving it. */
  private qualifiedTail(node: SgNode | null): string | null {
    if (!node) return null;
    if (kindOf(node) === 'attribute') return node.field('attribute')?.text() ?? null;
    if (kindOf(node) !== 'identifier') return null;
    const text = node.text();
    const target = this.bindings.find((b) => b.local === text)?.target;
    return target === undefined ? null : target.slice(target.lastIndexOf('.') + 1);
  }

  private qualifiedName(node: SgNode | null): string | null {
    if (!node) return null;
    if (kindOf(node) === 'identifier') {
      const binding = this.bindings.find((b) => b.local === node.text());
      if (!binding) return null;
      const table = this.table(node.text());
      return moduleBindings(table).length === 1 ? binding.target : null;
    }
    if (kindOf(node) === 'attribute') {
      const object = this.qualifiedName(node.field('object'));
      return object ? `${object}.${node.field('attribute')!.text()}` : null;
    }
    return null;
  }

  /** A module-level `from ... import` (relative ones included, unlike moduleLevelImportBindings). */
  private isModuleImport(statement: SgNode): boolean {
    return !statement.ancestors().some((a) => ['function_definition', 'class_definition', 'lambda'].includes(kindOf(a)));
  }

  /**
   * The local name to use for `module.name`, adding the import when needed; null (and a finding) when the
   * name is taken by something else.
   */
  private importedName(module: string, name: string, at: SgNode): { local: string; imports: Import[] } | null {
    const existing = this.imports.from.find((i) => i.module === module && i.name === name && this.isModuleImport(i.node));
    if (existing) return { local: existing.alias ?? existing.name, imports: [] };
    if (!this.nameFree(name, at, module)) return null;
    return { local: name, imports: [{ module, name }] };
  }

  /**
   * Event listeners registered on an engine that got its twin: `event.listen(engine, "connect", fn)` or
   * `@event.listens_for(engine, "connect")`. They do not reach the async engine, whose pool and connections belong to
   * its own `sync_engine` (SQLite's `PRAGMA foreign_keys=ON`, a search path, statement logging would silently stop in
   * the migrated code). A module-level registration is repeated on `<twin>.sync_engine` (listening on an AsyncEngine
   * itself raises NotImplementedError); one made in a function, on an engine bound in a function, or on a session
   * factory (whose twin is an async_sessionmaker, listened to through its `sync_session_class`) is reported.
   */
  private mirrorListeners(engines: Map<string, Engine>, factories: Factory[]): void {
    if (!/\blistens?(_for)?\b/.test(this.ctx.source)) return;
    const root = this.ctx.tree.root();
    for (const call of root.findAll({ rule: { kind: 'call' } })) {
      const qualified = this.qualifiedName(call.field('function'));
      if (qualified === null || !LISTEN_CALLS.has(qualified)) continue;
      const args = call.field('arguments');
      const target = args && kindOf(args) === 'argument_list' ? namedChildren(args)[0] : undefined;
      if (!target || kindOf(target) !== 'identifier') continue;
      const name = target.text();
      const engine = engines.get(name);
      const factory = factories.find((f) => f.name === name && f.twin !== null);
      if (!(engine?.twin) && !factory) continue;
      const scope = this.referenceScope(target);
      if (scope === null) continue; // a local of that name: not the module's engine
      const decorator = call.parent() && kindOf(call.parent()!) === 'decorator' ? call.parent()! : null;
      const statement = decorator ?? (call.parent() && kindOf(call.parent()!) === 'expression_statement' ? call.parent()! : null);
      const atModule = scope.id() === root.id() && statement !== null && (decorator ? decorator.parent()?.parent()?.id() === root.id() : statement.parent()?.id() === root.id());
      if (engine?.twin && !engine.global && atModule && statement && !this.ignored(statement)) {
        const text = call.text();
        const offset = target.range().start.index - call.range().start.index;
        const mirrored = `${text.slice(0, offset)}${engine.twin}.sync_engine${text.slice(offset + name.length)}`;
        if (decorator) {
          const start = lineStart(this.ctx.source, decorator.range().start.index);
          this.edits.push({ start, end: start, text: `@${mirrored}\n`, reason: `listener of ${name} on its async twin` });
        } else {
          this.insertAfter(statement, mirrored, `listener of ${name} on its async twin`);
        }
        this.count('event listeners repeated on async engines');
        continue;
      }
      const twin = engine?.twin ?? factory!.twin!;
      const what = engine ? `the async engine \`${twin}\` (its \`${twin}.sync_engine\`)` : `the sessions of \`${twin}\`, an async_sessionmaker`;
      this.flag(
        RULE_LISTENER,
        call,
        `this listener is registered on \`${name}\`, which got the async twin \`${twin}\`, but not on ${what}: the migrated code runs on the twin, where it does not fire`,
        engine
          ? `Register it on \`${twin}.sync_engine\` as well, where \`${twin}\` exists (listening on an AsyncEngine itself raises NotImplementedError).`
          : `Make the sync maker the twin's \`sync_session_class\` (\`${twin} = async_sessionmaker(..., sync_session_class=${name})\`) or listen on a Session class its sessions use.`,
      );
    }
  }

  /** The scope whose binding of the identifier's name this reference sees: the module, or null for a local binding. */
  private referenceScope(node: SgNode): SgNode | null {
    const table = this.table(node.text());
    const occurrence = table.occurrences.find((o) => o.node.id() === node.id());
    if (!occurrence) return null;
    const root = this.ctx.tree.root();
    for (let scope: SgNode | null = occurrence.scope; scope && scope.id() !== root.id(); scope = scope.parent()) {
      const local = table.occurrences.some((o) => o.scope.id() === scope!.id() && (o.role === 'binding' || o.role === 'import'));
      const global = table.occurrences.some((o) => o.scope.id() === scope!.id() && o.role === 'declaration');
      if (local && !global) return null;
      if (global) return occurrence.scope;
    }
    return occurrence.scope;
  }

  /** Writes a prepared twin on the line after its sync original, in the original's layout (one line or one argument a line). */
  private commit(twin: Twin, counter: string | null): void {
    this.importsToAdd.push(...twin.imports);
    if (twin.helper) this.helperNeeded = true;
    // A site in a branch of a module-level `if` is indented: the twin goes into the same branch.
    const indent = leadingWhitespace(twin.statement, this.ctx.source) ?? '';
    this.insertAfter(twin.statement, `${indent}${twin.name} = ${this.twinCall(twin, indent)}`, `async twin of ${twin.of}`);
    if (counter !== null) this.count(counter);
  }

  /** The twin's call in its original's layout (one line, or one argument a line closed at `indent`). */
  private twinCall(twin: Twin, indent: string): string {
    const args = twin.call.field('arguments')!;
    const first = namedChildren(args)[0];
    const argIndent = first ? leadingWhitespace(first, this.ctx.source) : null;
    if (args.text().includes('\n') && argIndent !== null) {
      const trailingComma = /,\s*\)$/.test(args.text()) ? ',' : '';
      return `${twin.callee}(\n${twin.args.map((a) => `${argIndent}${a}`).join(',\n')}${trailingComma}\n${indent})`;
    }
    return `${twin.callee}(${twin.args.join(', ')})`;
  }

  /**
   * Writes the twin of an engine or factory function after it: the same decorators (a cache), `def <twin>():` and
   * `return` of the async call. Its docstring and return annotation are not copied (they describe the sync object).
   */
  private writeFunctionTwin(of: MadeByFunction, twin: Twin): void {
    this.importsToAdd.push(...twin.imports);
    if (twin.helper) {
      this.helperNeeded = true;
      this.lazyTwinned.push({ ...asEngine(of), twin: twin.name });
    }
    const indent = leadingWhitespace(of.site.statement, this.ctx.source) ?? '';
    const text = [...of.decorators.map((d) => d.text()), `def ${twin.name}():`, `${indent}return ${this.twinCall(twin, indent)}`].join('\n');
    const end = lineEnd(this.ctx.source, of.outer.range().end.index);
    const prefix = end === this.ctx.source.length && !this.ctx.source.endsWith('\n') ? '\n' : '';
    this.edits.push({ start: end, end, text: `${prefix}\n\n${text}\n`, reason: `async twin of ${of.name}` });
    this.count(of.engine ? 'session factories added' : 'async engines added');
  }

  /** True when `name` is unbound at module level (or bound by an import of it from `module`). */
  private nameFree(name: string, at: SgNode, module?: string): boolean {
    const bindings = moduleBindings(this.table(name));
    const ok = bindings.every((b) => {
      if (b.role !== 'import' || module === undefined) return false;
      return this.imports.from.some((i) => i.module === module && i.name === name && i.alias === null && b.node.ancestors().some((a) => a.id() === i.node.id()));
    });
    if (!ok) this.flag(RULE_NAME, at, `\`${name}\` is already bound to something else in this file, so the async twin was not added`, `Rename the existing \`${name}\`, then run again.`);
    return ok;
  }

  private insertAfter(statement: SgNode, line: string, reason: string): void {
    const end = lineEnd(this.ctx.source, statement.range().end.index);
    const prefix = end === this.ctx.source.length && !this.ctx.source.endsWith('\n') ? '\n' : '';
    this.edits.push({ start: end, end, text: `${prefix}${line}\n`, reason });
  }

  private ignored(node: SgNode): boolean {
    return this.ctx.isIgnored(node.range().start.index, node.range().end.index);
  }

  private count(key: string): void {
    this.counts[key] = (this.counts[key] ?? 0) + 1;
  }

  /**
   * The module's own context managers handing out sessions of a factory (or engine) with an async twin:
   * `@contextmanager def get_db(): db = SessionLocal() ...`, or a plain generator the module wraps, `get_db =
   * contextmanager(get_session)` (open-webui's session module). They stay sync generators (a plain `with` drives
   * them), so every `with get_db() as db:` keeps a sync Session, and the code using it is not migrated: said here,
   * since nothing else is when that code hands its session to nothing made async.
   */
  private flagSessionContextManagers(factories: readonly Factory[], engines: readonly Engine[]): void {
    if (factories.length === 0 && engines.length === 0) return;
    const factoryNames = new Set(factories.map((f) => f.name));
    const engineNames = new Set(engines.map((e) => e.name));
    const root = this.ctx.tree.root();
    const wrappers = new Map<string, SgNode>();
    for (const statement of root.children()) {
      const assignment = soleAssignment(statement);
      const left = assignment?.field('left');
      const right = assignment?.field('right');
      if (!left || kindOf(left) !== 'identifier' || !right || kindOf(right) !== 'call' || !isContextmanager(this.ctx.tree, right.field('function')?.text() ?? '')) continue;
      const args = namedChildren(right.field('arguments')!);
      if (args.length === 1 && kindOf(args[0]!) === 'identifier' && !wrappers.has(args[0]!.text())) wrappers.set(args[0]!.text(), left);
    }
    for (const statement of root.children()) {
      const def = kindOf(statement) === 'decorated_definition' ? statement.field('definition') : statement;
      if (!def || kindOf(def) !== 'function_definition' || isAsyncDef(def)) continue;
      const name = def.field('name')!.text();
      const decorated = kindOf(statement) === 'decorated_definition' ? statement.children().find((d) => kindOf(d) === 'decorator' && isContextmanager(this.ctx.tree, d.text())) : undefined;
      const wrapper = wrappers.get(name);
      const body = def.field('body');
      if ((!decorated && !wrapper) || !body || !body.find({ rule: { kind: 'yield' } })) continue;
      const opens = body.findAll({ rule: { kind: 'call' } }).find((call) => {
        const callee = call.field('function');
        if (!callee || kindOf(callee) !== 'identifier') return false;
        if (factoryNames.has(callee.text())) return true;
        const qualified = this.qualifiedName(callee);
        if (!qualified || !(SA_SESSION.has(qualified) || SQLMODEL_SESSION.has(qualified))) return false;
        const bind = bindArgument(call);
        return !!bind && kindOf(bind) === 'identifier' && engineNames.has(bind.text());
      });
      if (!opens) continue;
      const shown = wrapper ? `\`${wrapper.text()}\` (\`${name}\` made a context manager by \`${wrapper.parent()?.field('right')?.text() ?? ''}\`)` : `\`${name}\` (\`${decorated?.text().replace(/\s+/g, '') ?? '@contextmanager'}\`)`;
      const callee = opens.field('function')!.text();
      const bind = bindArgument(opens);
      const opener = `${quoted(opens.field('function')!)}(...)`;
      const asyncOpener = factoryNames.has(callee) ? `${twinName(callee)}()` : `AsyncSession(${twinName(bind?.text() ?? 'engine')}, expire_on_commit=False)`;
      this.flag(
        RULE_CONTEXT_MANAGER,
        wrapper ?? def.field('name')!,
        `${shown} hands out sessions from the sync \`${opener}\`: it stays a sync context manager, so the code opening sessions with \`with ${wrapper?.text() ?? name}() as db:\` keeps sync sessions and is not migrated (awaitify writes no async twin for a context manager)`,
        `To migrate that code, write an async twin beside it (\`@asynccontextmanager async def ${wrapper?.text() ?? name}_async(): async with ${asyncOpener} as db: yield db\`), open it with \`async with\` in the functions to migrate, annotate the sessions they hand on \`AsyncSession\`, and run awaitify again; until then that code works on the sync session.`,
      );
    }
  }

  private flag(rule: string, node: SgNode, message: string, hint: string): void {
    this.findings.push({ rule, offset: node.range().start.index, message, hint });
  }
}

/**
 * Module-level classes whose chain of one-base classes of this module ends at an imported class: class name → that
 * import (EngineSummary.classBases). `from m import Base as B` gives `{ module: 'm', name: 'Base' }`; `import m` (or
 * `import m as mm`) with `class C(mm.Base)` gives the same. Null when there is none.
 */
export function importedClassBases(tree: SgRoot, source: string, imports: ModuleImports = collectImports(tree)): Record<string, SessionBind> | null {
  if (!/\bclass\b/.test(source)) return null;
  const classes = new Map<string, SgNode[]>();
  for (const statement of tree.root().children()) {
    const cls = kindOf(statement) === 'decorated_definition' ? statement.field('definition') : statement;
    if (cls && kindOf(cls) === 'class_definition') cached(classes, cls.field('name')!.text(), () => []).push(cls);
  }
  if (classes.size === 0) return null;
  const fromImported = new Map<string, SessionBind>();
  for (const imp of imports.from) if (imp.name !== '*' && isTopLevel(imp.node)) fromImported.set(imp.alias ?? imp.name, { module: imp.module, name: imp.name });
  const modules = new Map<string, string>();
  for (const imp of imports.plain) if (isTopLevel(imp.node)) modules.set(imp.alias ?? imp.module, imp.module);
  let found: Record<string, SessionBind> | null = null;
  for (const [name, defs] of classes) {
    if (defs.length !== 1 || fromImported.has(name)) continue;
    let cls = defs[0] as SgNode;
    for (let depth = 0; depth < 8; depth++) {
      const base = singleBase(cls);
      const dotted = base ? dottedName(base) : null;
      if (!dotted) break;
      const head = dotted[0] as string;
      if (dotted.length === 1) {
        const imported = fromImported.get(head);
        if (imported) (found ??= {})[name] = imported;
        const local = imported ? undefined : classes.get(head);
        if (local?.length !== 1 || local[0]!.id() === cls.id()) break;
        cls = local[0]!;
        continue;
      }
      const module = modules.get(dotted.slice(0, -1).join('.'));
      if (module !== undefined) (found ??= {})[name] = { module, name: dotted[dotted.length - 1] as string };
      break;
    }
  }
  return found;
}

/** The assignment a statement consists of: `x = ...` (not chained, not annotated-only). */
export function soleAssignment(statement: SgNode): SgNode | null {
  if (kindOf(statement) !== 'expression_statement') return null;
  const children = namedChildren(statement);
  if (children.length !== 1 || kindOf(children[0]!) !== 'assignment') return null;
  const assignment = children[0]!;
  const right = assignment.field('right');
  return right && kindOf(right) !== 'assignment' ? assignment : null;
}

/**
 * `db.get_bind()` (no arguments) where `db` is a parameter of `fn` annotated AsyncSession and never rebound in
 * it: that session's name. Other binds (an attribute of an object, a local the function assigns) are not followed.
 */
function asyncSessionOfGetBind(bind: SgNode, fn: SgNode, qualified: (type: SgNode) => string | null): string | null {
  if (!isGetBindCall(bind)) return null;
  const name = bind.field('function')!.field('object')!.text();
  const type = signatureOf(fn).all.find((p) => p.name === name)?.annotation?.child(0) ?? null;
  if (!type || !['identifier', 'attribute'].includes(kindOf(type)) || !ASYNC_SESSION.has(qualified(type) ?? '')) return null;
  return reboundIn(fn.field('body')!, name) ? null : name;
}

/** `name.get_bind()`, no arguments, on a plain name. */
function isGetBindCall(bind: SgNode): boolean {
  if (kindOf(bind) !== 'call') return false;
  const callee = bind.field('function');
  if (!callee || kindOf(callee) !== 'attribute' || callee.field('attribute')?.text() !== 'get_bind') return false;
  return namedChildren(bind.field('arguments')!).length === 0 && kindOf(callee.field('object')!) === 'identifier';
}

/** Some statement of `body` (nested functions included, to stay on the safe side) may bind `name` again. */
function reboundIn(body: SgNode, name: string): boolean {
  return occurrencesOf(body, name).some((id) => isBindingOccurrence(id));
}

/** The engine a sessionmaker/Session call binds: the first positional argument or `bind=`. */
function bindArgument(call: SgNode): SgNode | null {
  const args = call.field('arguments');
  if (!args || kindOf(args) !== 'argument_list') return null;
  const named = namedChildren(args);
  const keyword = named.find((a) => kindOf(a) === 'keyword_argument' && a.field('name')?.text() === 'bind');
  if (keyword) return keyword.field('value');
  const first = named[0];
  return first && !['keyword_argument', 'list_splat', 'dictionary_splat'].includes(kindOf(first)) ? first : null;
}

function keywordArgument(args: SgNode, name: string): SgNode | null {
  return namedChildren(args).find((a) => kindOf(a) === 'keyword_argument' && a.field('name')?.text() === name) ?? null;
}

/**
 * An expression as a message quotes it: as written when short and on one line, else its first line cut short
 * (a call as `callee(...)`), so a finding never carries a whole multi-line argument list.
 */
function quoted(node: SgNode): string {
  const text = node.text();
  if (!text.includes('\n') && text.length <= 60) return text;
  const callee = kindOf(node) === 'call' ? node.field('function')?.text() : undefined;
  if (callee !== undefined && !callee.includes('\n') && callee.length <= 60) return `${callee}(...)`;
  const first = text.split('\n')[0]!.trimEnd();
  return `${first.length > 60 ? first.slice(0, 57) : first}...`;
}

/** The URL a create_engine call is given: its first positional argument or `url=`. */
function engineUrl(call: SgNode): SgNode | null {
  const args = call.field('arguments');
  if (!args || kindOf(args) !== 'argument_list') return null;
  const keyword = keywordArgument(args, 'url');
  if (keyword) return keyword.field('value');
  const first = namedChildren(args)[0];
  return first && !['keyword_argument', 'list_splat', 'dictionary_splat'].includes(kindOf(first)) ? first : null;
}

/** The query keys SQLAlchemy's pysqlite dialect hands to sqlite3.connect; with `uri=true` the rest go into the URI. */
const PYSQLITE_QUERY_KEYS = new Set(['uri', 'timeout', 'isolation_level', 'detect_types', 'check_same_thread', 'cached_statements']);

/**
 * Whether a SQLite URL names a database of its own connection (`private`: `sqlite://`, `sqlite:///:memory:`, any
 * `sqlite+driver`), one shared in the process while a connection to it is open (`shared`: `?uri=true` with
 * `file::memory:?cache=shared` or `file:name?mode=memory&cache=shared`), or neither (null: a file database,
 * another dialect). As SQLAlchemy's pysqlite dialect (aiosqlite's too) reads it: without `uri=true` a missing
 * database is `:memory:`; with it, the database plus the query keys sqlite3 does not take is the filename, a
 * URI when it starts with `file:` (SQLite's own rule), and an empty one is a private temporary database.
 */
export function sqliteMemory(url: string): 'private' | 'shared' | null {
  const match = /^sqlite(?:\+\w+)?:\/\/[^/?]*(?:\/([^?]*))?(?:\?(.*))?$/.exec(url);
  if (!match) return null;
  const database = match[1] ?? '';
  const query = new Map<string, string>();
  for (const pair of (match[2] ?? '').split('&')) {
    const [key, value] = pair.split('=');
    if (key) query.set(key, (value ?? '').toLowerCase());
  }
  if (!['true', '1', 'yes', 'on'].includes(query.get('uri') ?? '')) return database === '' || database === ':memory:' ? 'private' : null;
  if (!database.startsWith('file:')) {
    const uriKeys = [...query.keys()].filter((key) => !PYSQLITE_QUERY_KEYS.has(key));
    return uriKeys.length === 0 && (database === '' || database === ':memory:') ? 'private' : null;
  }
  const path = database.slice('file:'.length);
  if (path === '') return 'private';
  if (path !== ':memory:' && query.get('mode') !== 'memory') return null;
  return query.get('cache') === 'shared' ? 'shared' : 'private';
}

/**
 * The async form of a plain (not bytes, not f-) URL literal: the async driver's scheme in place of the sync one
 * (ASYNC_DRIVERS), quotes and the rest kept; `unknown`, the scheme (or `(none)`) when no async driver is known.
 */
export function asyncUrlLiteral(literal: StringLiteral): { text: string; scheme: string } | { unknown: string } {
  const scheme = /^([A-Za-z0-9+._-]+):\/\//.exec(literal.content)?.[1];
  // `sqlite+pysqlite` names the driver `sqlite://` uses by default: the same database, spelled out. (Literal URLs
  // only: the run-time helper's table stays REFERENCE §4's, and raises on it.)
  const target = scheme === undefined ? undefined : ASYNC_DRIVERS[scheme === 'sqlite+pysqlite' ? 'sqlite' : scheme];
  if (scheme === undefined || target === undefined) return { unknown: scheme ?? '(none)' };
  return { text: `${literal.open}${target}${literal.content.slice(scheme.length)}${literal.close}`, scheme };
}

/**
 * A `connect_args` dict literal the async driver takes with the same meaning, for a URL of `scheme` (its dialect,
 * `runtime` when computed): empty, or of sqlite3.connect() keys only, which aiosqlite forwards unchanged. With a
 * run-time URL, sqlite3 keys can only work when the URL is sqlite: the sync engine fails otherwise too.
 */
export function portableConnectDict(dict: SgNode, scheme: string): boolean {
  const entries = namedChildren(dict);
  if (entries.length === 0) return true;
  if (scheme !== 'sqlite' && scheme !== 'sqlite+pysqlite' && scheme !== 'runtime') return false;
  return entries.every((pair) => {
    if (kindOf(pair) !== 'pair') return false;
    const key = stringLiteral(pair.field('key')!);
    return !!key && key.prefix === '' && SQLITE_CONNECT_KEYS.has(key.content);
  });
}

/** `a.b.StaticPool` → `StaticPool`; `Base.metadata` → `metadata`. */
function lastName(node: SgNode): string {
  if (kindOf(node) === 'identifier') return node.text();
  if (kindOf(node) === 'attribute') return node.field('attribute')?.text() ?? '';
  return '';
}

export interface StringLiteral {
  prefix: string;
  open: string;
  content: string;
  close: string;
}

/** A single string literal without interpolations or escapes, split into its parts. */
export function stringLiteral(node: SgNode): StringLiteral | null {
  if (kindOf(node) !== 'string') return null;
  const parts = node.children();
  const start = parts[0];
  const end = parts[parts.length - 1];
  if (!start || !end || kindOf(start) !== 'string_start' || kindOf(end) !== 'string_end') return null;
  const middle = parts.slice(1, -1);
  if (middle.some((p) => kindOf(p) !== 'string_content')) {
    // An f-string with interpolations: computed at run time.
    const prefix = /^[A-Za-z]*/.exec(start.text())![0];
    return /[fF]/.test(prefix) ? { prefix, open: start.text(), content: '', close: end.text() } : null;
  }
  const content = middle.map((p) => p.text()).join('');
  const prefix = /^[A-Za-z]*/.exec(start.text())![0];
  if (!/[rR]/.test(prefix) && content.includes('\\')) return null;
  return { prefix, open: start.text(), content, close: end.text() };
}

/**
 * The `Factory(...)` call get_db opens its session with, when get_db has one of the two plain shapes, and whether
 * it commits the session after the yield (`yield db` then `db.commit()`, the unit-of-work dependency).
 */
/**
 * How get_db opens its session (see openedSession): `call` is the expression in its `with` or assignment; `factory`,
 * when that is `F.begin()` (`with SessionLocal.begin() as db: yield db`, SQLAlchemy 2.0's "begin once" idiom, which
 * commits when the block ends without an exception and rolls back otherwise), is `F`, the factory called.
 */
interface OpenedSession {
  call: SgNode;
  commits: boolean;
  copied?: CopiedBody;
  factory?: SgNode;
  /** Attribute assignments on the session between opening it and the `try` (sessionSetup), as the twin writes them. */
  setup?: string[];
}

/** The callee and arguments that open the session: `F` and none for `F.begin()`, else the call's own. */
function opener(shape: OpenedSession): { callee: SgNode; args: SgNode[] } {
  if (shape.factory) return { callee: shape.factory, args: [] };
  return { callee: shape.call.field('function')!, args: namedChildren(shape.call.field('arguments')!) };
}

/** `F.begin()` with no arguments on a name or dotted name: the factory `F`, else null. */
function beganFactory(call: SgNode): SgNode | null {
  const callee = call.field('function');
  if (!callee || kindOf(callee) !== 'attribute' || callee.field('attribute')?.text() !== 'begin') return null;
  if (namedChildren(call.field('arguments')!).length > 0) return null;
  const object = callee.field('object')!;
  return /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(object.text()) ? object : null;
}

function openedSession(getDb: SgNode): OpenedSession | null {
  if (kindOf(getDb) !== 'function_definition' || isAsyncDef(getDb)) return null;
  if (namedChildren(getDb.field('parameters')!).length > 0) return null;
  let statements = namedChildren(getDb.field('body')!);
  const first = statements[0];
  if (first && kindOf(first) === 'expression_statement' && namedChildren(first).length === 1 && kindOf(namedChildren(first)[0]!) === 'string') {
    statements = statements.slice(1);
  }
  if (statements.length === 1 && kindOf(statements[0]!) === 'with_statement') {
    const withStatement = statements[0]!;
    const items = withStatement.findAll({ rule: { kind: 'with_item' } }).filter((i) => i.parent()?.parent()?.id() === withStatement.id());
    const pattern = items.length === 1 ? namedChildren(items[0]!)[0] : undefined;
    if (!pattern || kindOf(pattern) !== 'as_pattern') return null;
    const [call, target] = namedChildren(pattern);
    const variable = target ? namedChildren(target)[0] : undefined;
    if (!call || kindOf(call) !== 'call' || !variable || kindOf(variable) !== 'identifier') return null;
    const block = withStatement.field('body')!;
    const body = namedChildren(block);
    const factory = beganFactory(call);
    const began = factory ? { factory } : {};
    const commits = yieldsThenCommits(body, variable.text()) ?? rollsBackAround(body, variable.text());
    if (commits !== null) return { call, commits, ...began };
    // Module level only: the copied body keeps its indentation, which is the twin's there.
    return getDb.parent()?.kind() === 'module' && yieldsAmongInert(body, variable.text()) ? { call, commits: false, copied: { body: block, variable: variable.text() }, ...began } : null;
  }
  // `db = F(); yield db; db.close()` with no `try`: on an exception thrown in at the yield the session was not
  // closed (left to the garbage collector); the twin closes it, which changes nothing the request sees.
  if (statements.length >= 3 && statements.length <= 4 && !statements.some((s) => kindOf(s) === 'try_statement')) {
    const assignment = soleAssignment(statements[0]!);
    const variable = assignment?.field('left');
    const call = assignment?.field('right');
    if (!variable || kindOf(variable) !== 'identifier' || !call || kindOf(call) !== 'call') return null;
    const name = variable.text();
    if (!isMethodCall(statements[statements.length - 1]!, name, 'close')) return null;
    const commits = yieldsThenCommits(statements.slice(1, -1), name);
    return commits === null ? null : { call, commits };
  }
  // `db = F()` before the `try`, or as the first statement inside it (the full-stack template's get_db). Inside,
  // a failing F() makes the `finally` raise UnboundLocalError instead of F's own error; the twin raises F's.
  // Attribute assignments on the session may follow the opening (`db.current_user_id = None`): sessionSetup.
  const inside = statements.length === 1 && kindOf(statements[0]!) === 'try_statement';
  if ((statements.length >= 2 && kindOf(statements[statements.length - 1]!) === 'try_statement') || inside) {
    const tryStatement = statements[statements.length - 1]!;
    let body = namedChildren(tryStatement.field('body')!);
    const opening = inside ? body[0] : statements[0];
    const between = inside ? [] : statements.slice(1, -1);
    if (inside) body = body.slice(1);
    const assignment = opening ? soleAssignment(opening) : null;
    const variable = assignment?.field('left');
    const call = assignment?.field('right');
    if (!variable || kindOf(variable) !== 'identifier' || !call || kindOf(call) !== 'call') return null;
    const name = variable.text();
    const inTry = leadingSetup(body, name);
    const setup = sessionSetup([...between, ...body.slice(0, inTry)], name);
    if (setup === null) return null;
    body = body.slice(inTry);
    const commits = yieldsThenCommits(body, name);
    if (commits === null) return null;
    let closed = false;
    for (const clause of namedChildren(tryStatement).slice(1)) {
      const clauseBody = namedChildren(clause.children().find((c) => kindOf(c) === 'block')!);
      if (kindOf(clause) === 'finally_clause') {
        closed = clauseBody.length === 1 && isMethodCall(clauseBody[0]!, name, 'close');
      } else if (kindOf(clause) === 'except_clause') {
        // Rolling back and re-raising is what closing an AsyncSession does anyway.
        if (!clauseBody.every((s) => isMethodCall(s, name, 'rollback') || reraises(s, clause))) return null;
      } else {
        return null;
      }
    }
    return closed ? { call, commits, ...(setup.length > 0 ? { setup } : {}) } : null;
  }
  return null;
}

/**
 * The public attributes of a Session and an AsyncSession instance, on SQLAlchemy 1.4.46 and 2.0 (dir() of each): set
 * on the AsyncSession, such a name (`autoflush`, `expire_on_commit`, `bind`) would not reach the sync session it
 * wraps, or would replace a method, so a get_db setting one keeps no twin.
 */
const SESSION_ATTRIBUTES = new Set([
  'aclose', 'add', 'add_all', 'autobegin', 'autocommit', 'autoflush', 'begin', 'begin_nested', 'bind', 'bind_mapper',
  'bind_table', 'bulk_insert_mappings', 'bulk_save_objects', 'bulk_update_mappings', 'close', 'close_all', 'commit',
  'connection', 'connection_callable', 'delete', 'deleted', 'dirty', 'dispatch', 'enable_baked_queries',
  'enable_relationship_loading', 'execute', 'expire', 'expire_all', 'expire_on_commit', 'expunge', 'expunge_all',
  'flush', 'future', 'get', 'get_bind', 'get_nested_transaction', 'get_one', 'get_transaction', 'hash_key',
  'identity_key', 'identity_map', 'in_nested_transaction', 'in_transaction', 'info', 'invalidate', 'is_active',
  'is_modified', 'join_transaction_mode', 'merge', 'new', 'no_autoflush', 'object_session', 'prepare', 'query',
  'refresh', 'reset', 'rollback', 'run_sync', 'scalar', 'scalars', 'stream', 'stream_scalars', 'sync_session',
  'sync_session_class', 'transaction', 'twophase',
]);

/** How many statements at the start of `body` sessionSetup takes (attribute assignments on the session `name`). */
function leadingSetup(body: readonly SgNode[], name: string): number {
  let n = 0;
  while (n < body.length && sessionSetup([body[n]!], name) !== null) n++;
  return n;
}

/**
 * `db.current_user_id = None`: statements setting a plain attribute on the session `name` to a value that neither
 * calls nor names anything that could do I/O or touch the session (a literal, a name, an attribute of another
 * object), which an AsyncSession takes as a Session does. Their text with the session renamed `session`, as the
 * twin's `async with ... as session` binds it; null when any statement is something else.
 */
function sessionSetup(statements: readonly SgNode[], name: string): string[] | null {
  const out: string[] = [];
  for (const statement of statements) {
    const assignment = soleAssignment(statement);
    const left = assignment?.field('left');
    const right = assignment?.field('right');
    if (!assignment || !left || !right || kindOf(left) !== 'attribute' || left.field('object')?.text() !== name) return null;
    const attribute = left.field('attribute')!.text();
    if (attribute.startsWith('_') || SESSION_ATTRIBUTES.has(attribute)) return null;
    if (statement.find({ rule: { kind: 'comment' } })) return null;
    if (right.find({ rule: { any: [{ kind: 'call' }, { kind: 'await' }, { kind: 'yield' }, { kind: 'lambda' }, { kind: 'named_expression' }] } }) || kindOf(right) === 'call') return null;
    // The twin names the session `session`: a value naming either would read something else there.
    if ([right, ...right.findAll({ rule: { kind: 'identifier' } })].some((n) => kindOf(n) === 'identifier' && (n.text() === name || n.text() === 'session') && !isAttributeName(n))) return null;
    out.push(`session.${attribute} = ${right.text()}`);
  }
  return out;
}

/** The identifier is the attribute part of `x.name` (not a variable reference). */
function isAttributeName(node: SgNode): boolean {
  const parent = node.parent();
  return !!parent && kindOf(parent) === 'attribute' && parent.field('attribute')?.id() === node.id();
}

/** get_db's `with` body the twin's `async with` takes as it is, and the `as` target it names the session by. */
interface CopiedBody {
  body: SgNode;
  variable: string;
}

/**
 * `yield name` with statements that do not touch the session around it (`logger.debug(f"opened {id(session)}")`),
 * the yield maybe in a `try` whose only clause is a `finally` of such statements: a body that runs the same around
 * an AsyncSession, so the twin copies it. Inert means a call statement (no await, yield or lambda) naming the
 * session only as `id(name)`.
 */
function yieldsAmongInert(body: readonly SgNode[], name: string): boolean {
  const core = body.filter((s) => !inertStatement(s, name));
  if (core.length !== 1) return false;
  const only = core[0]!;
  if (isYieldOf(only, name)) return true;
  if (kindOf(only) !== 'try_statement') return false;
  const clauses = namedChildren(only).slice(1);
  if (clauses.length !== 1 || kindOf(clauses[0]!) !== 'finally_clause') return false;
  const tried = namedChildren(only.field('body')!).filter((s) => !inertStatement(s, name));
  const cleanup = namedChildren(clauses[0]!.children().find((c) => kindOf(c) === 'block')!);
  return tried.length === 1 && isYieldOf(tried[0]!, name) && cleanup.every((s) => inertStatement(s, name));
}

function inertStatement(statement: SgNode, name: string): boolean {
  const [call] = namedChildren(statement);
  if (kindOf(statement) !== 'expression_statement' || namedChildren(statement).length !== 1 || !call || kindOf(call) !== 'call') return false;
  if (call.find({ rule: { any: [{ kind: 'await' }, { kind: 'yield' }, { kind: 'lambda' }] } })) return false;
  return call.findAll({ rule: { kind: 'identifier', regex: `^${name}$` } }).every((use) => {
    const args = use.parent();
    const outer = args?.kind() === 'argument_list' ? args.parent() : null;
    return outer?.kind() === 'call' && outer.field('function')?.text() === 'id' && namedChildren(args!).length === 1;
  });
}

/**
 * `try: yield name` (maybe then `name.commit()`) whose `except` clauses only roll back and re-raise, and whose
 * `finally`, if any, only closes the session: inside `with F() as name:`, what closing an AsyncSession at the end of
 * the twin's `async with` does anyway (it rolls back, and the exception leaves the block as it was). Whether it
 * commits, as yieldsThenCommits; null for any other body.
 */
function rollsBackAround(body: readonly SgNode[], name: string): boolean | null {
  const only = body.length === 1 ? body[0]! : null;
  if (!only || kindOf(only) !== 'try_statement') return null;
  const commits = yieldsThenCommits(namedChildren(only.field('body')!), name);
  if (commits === null) return null;
  let excepts = 0;
  for (const clause of namedChildren(only).slice(1)) {
    const clauseBody = namedChildren(clause.children().find((c) => kindOf(c) === 'block')!);
    if (kindOf(clause) === 'except_clause') {
      // It must re-raise: a dependency swallowing the exception is not what the twin's `async with` does.
      const last = clauseBody[clauseBody.length - 1];
      if (!last || !reraises(last, clause) || !clauseBody.every((s) => isMethodCall(s, name, 'rollback') || reraises(s, clause))) return null;
      excepts++;
    } else if (kindOf(clause) !== 'finally_clause' || clauseBody.length !== 1 || !isMethodCall(clauseBody[0]!, name, 'close')) {
      return null;
    }
  }
  return excepts > 0 ? commits : null;
}

/** `yield name` alone (false) or followed by `name.commit()` (true); null for any other body. */
function yieldsThenCommits(body: readonly SgNode[], name: string): boolean | null {
  if (body.length === 0 || body.length > 2 || !isYieldOf(body[0]!, name)) return null;
  if (body.length === 1) return false;
  return isMethodCall(body[1]!, name, 'commit') ? true : null;
}

function isYieldOf(statement: SgNode, name: string): boolean {
  const [expression] = namedChildren(statement);
  if (kindOf(statement) !== 'expression_statement' || !expression || kindOf(expression) !== 'yield') return false;
  const values = namedChildren(expression);
  return values.length === 1 && kindOf(values[0]!) === 'identifier' && values[0]!.text() === name;
}

function isMethodCall(statement: SgNode, name: string, method: string): boolean {
  const [call] = namedChildren(statement);
  if (kindOf(statement) !== 'expression_statement' || !call || kindOf(call) !== 'call') return false;
  return call.field('function')?.text() === `${name}.${method}` && namedChildren(call.field('arguments')!).length === 0;
}

function enclosingFunction(node: SgNode): SgNode | null {
  for (const ancestor of node.ancestors()) {
    const kind = kindOf(ancestor);
    if (kind === 'function_definition') return ancestor;
    if (kind === 'lambda' || kind === 'class_definition') return null;
  }
  return null;
}

/** The whitespace before a node that starts its line, or null when something else precedes it there. */
function leadingWhitespace(node: SgNode, source: string): string | null {
  const start = node.range().start.index;
  const before = source.slice(lineStart(source, start), start);
  return /^[ \t]*$/.test(before) ? before : null;
}

/** One level of indentation as the function writes it: its body's indentation minus its own. */
function indentUnit(fn: SgNode, source: string): string | null {
  const first = namedChildren(fn.field('body')!)[0];
  const outer = leadingWhitespace(fn.parent()?.kind() === 'decorated_definition' ? fn.parent()! : fn, source);
  const inner = first ? leadingWhitespace(first, source) : null;
  if (outer === null || inner === null || !inner.startsWith(outer) || inner.length === outer.length) return null;
  return inner.slice(outer.length);
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline === -1 ? source.length : newline + 1;
}

/**
 * The blocks of a module-level `if`/`elif`/`else` statement, in order, when it has an `else` (so one of them always
 * runs); null otherwise.
 */
function ifBranches(ifStatement: SgNode): SgNode[] | null {
  if (kindOf(ifStatement) !== 'if_statement' || ifStatement.parent()?.kind() !== 'module') return null;
  const { bodies, hasElse } = ifBranchBodies(ifStatement);
  return hasElse && bodies.every((b) => b !== null && kindOf(b) === 'block') ? (bodies as SgNode[]) : null;
}

/** `get_engine` → `get_async_engine`, `make_engine` → `async_make_engine`: the name of a getter's async twin. */
function functionTwinName(name: string): string {
  return /^get_./.test(name) ? `get_async_${name.slice(4)}` : twinName(name);
}

/** An engine function as the engine judge and the messages take it, named by its call (`get_engine()`). */
function asEngine(fn: MadeByFunction): Engine {
  return { name: `${fn.name}()`, sites: [fn.site], anchor: fn.outer, sqlmodel: fn.sqlmodel, used: true, blocked: false, twin: null };
}

/** A factory function as prepareFactory takes it. */
function asFactory(fn: MadeByFunction): Factory {
  return { name: `${fn.name}()`, sites: [fn.site], anchor: fn.outer, engine: asEngine(fn.engine!), twin: null };
}

/** The function is decorated `@Depends` / `@Security` (bare, or through `fastapi.`): its module name is a `Depends(...)` object. */
function dependsDecorated(fn: SgNode): boolean {
  const parent = fn.parent();
  if (!parent || kindOf(parent) !== 'decorated_definition') return false;
  return parent.children().some((d) => kindOf(d) === 'decorator' && /^@\s*(?:fastapi\.)?(?:params\.)?(?:Depends|Security)\s*$/.test(d.text()));
}
