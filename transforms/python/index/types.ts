// What the whole-project Python index knows about one module, as plain data (no tree nodes), so the
// summaries of a large repository stay small and can cross worker threads.
//
// Names are not resolved while summarizing (other files are not known yet): a name is recorded as an
// `Expr`, a small expression over the module's scopes that `ProjectIndex` evaluates once every module
// is summarized.

/** Where a module lives: `anchor` is an absolute directory for relative imports, null for absolute imports. */
import type { SessionHolder } from '../support/session-holders';

export interface ModuleRef {
  anchor: string | null;
  /** Dotted path after the anchor: `app.crud.user` → ['app', 'crud', 'user']; [] for `from . import x`. */
  parts: string[];
}

export type ImportTarget =
  /** `import a.b` binds the package `a`; `import a.b as c` binds `a.b`. */
  | { k: 'module'; module: ModuleRef }
  /** `from m import n`: an attribute of m, or its submodule n. */
  | { k: 'name'; module: ModuleRef; name: string };

/**
 * A static description of a value, evaluated by the project index. Functions and classes of the module are
 * named by `id`: the UTF-16 offset of their `def`/`class` statement (decorators excluded).
 */
export type Expr =
  /**
   * `alternatives`: for a local name bound more than once in its function, what the bindings that may name a
   * function give (`if fast: from app.svc import refresh_all as go` / `else: from app.svc import refresh_fake as go`):
   * never resolved through, only weighed when the call is checked for a function made async.
   */
  | { k: 'unknown'; alternatives?: Expr[] }
  /** A module-level name of this module (def, class, assignment or import). */
  | { k: 'global'; name: string }
  /** A name bound by an import inside a function. */
  | { k: 'import'; target: ImportTarget }
  /** A function or class defined in this module (a nested def reached through its local name). */
  | { k: 'def'; id: number }
  /** `self` in a method of the class `cls`: an instance of it. */
  | { k: 'self'; cls: number }
  /** `cls` in a classmethod of the class `cls`. */
  | { k: 'cls'; cls: number }
  /** `super()` in a method of `cls`: the next classes of the instance's MRO. */
  | { k: 'super'; cls: number }
  | { k: 'attr'; of: Expr; name: string }
  /** The result of calling `of`: an instance when it is a class, the function's return value otherwise. */
  | { k: 'call'; of: Expr }
  /** An instance of the class `of` (from an annotation). */
  | { k: 'instance'; of: Expr }
  /** What FastAPI injects for `Depends(of)`: an instance of a class, or what a dependency function returns or yields. */
  | { k: 'depends'; of: Expr }
  /**
   * A value of a builtin type known from the syntax alone (a literal, a display, a comprehension, an
   * f-string) or from an annotation naming a builtin or typing container (`Dict[str, int]`): never a
   * project object. `type` is the builtin's name (`dict`, `str`, `Dict`...); `item`, the class its items
   * are annotated with (`Iterable[Order]` → Order; a mapping's keys); `value`, a mapping's values' class
   * (`Dict[str, Order]` → Order); `empty`, an empty display (`[]`, `{}`): it has no items.
   */
  | { k: 'builtin'; type: string; item?: Expr; value?: Expr; empty?: true }
  /**
   * `a or b`, `a if c else b` whose operands record different values: one of them, which one is not known.
   * The index resolves nothing through it; receivers take it for foreign when every operand is
   * (`details or {}` with `details: dict`).
   */
  | { k: 'either'; of: Expr[] }
  /** `of[key]` (not a slice): a mapping's value, typed by the mapping's annotation (`dict[str, dict]`: a dict). */
  | { k: 'entry'; of: Expr }
  /**
   * A value made by a call and annotated with a mapping type that types its values (`totals: dict[int, dict] =
   * defaultdict(dict)`): the index resolves `value`; receivers take the annotation's value type for its entries
   * once `value` is proven foreign.
   */
  | { k: 'typed'; value: Expr; type: Expr }
  /** An item of the iterable `of`: the target of `for x in of`. */
  | { k: 'item'; of: Expr }
  /**
   * Decoded JSON: the value of a call `x.json()` without arguments (`of`, that call as recorded otherwise), or
   * reached from one by subscripts (`of` unknown then), `.get(...)` or iteration. The index evaluates it as
   * `of`; receivers take it for plain data (dicts, lists, strings) when no project function is named `json`.
   */
  | { k: 'json'; of: Expr }
  /** The value of `await of`. */
  | { k: 'awaited'; of: Expr }
  /** The target of `with of as x`: what the context manager's `__enter__` returns (`__aenter__`'s for `async`). */
  | { k: 'entered'; of: Expr; async?: true }
  /**
   * An unannotated parameter of a pytest test or fixture: the fixture of that name. `lookup`: pytest finds it
   * by name in the module and the conftests above it, with nothing in between that may hand the parameter
   * something else (a parametrize naming it, a class or imported fixture of that name, the fixture's own name:
   * see ModuleSummarizer.fixtureLookup); the index may then resolve it to that fixture's value. Its value is
   * the consumer's kind: a fixture's parameter is looked up from the test requesting the fixture, which may see
   * a closer fixture of the name than the fixture's module does.
   */
  | { k: 'fixture'; name: string; lookup?: 'test' | 'fixture' };

export const UNKNOWN: Expr = { k: 'unknown' };

export type GlobalBinding =
  | { k: 'def'; id: number }
  /** `provider`: for a type alias `X = Annotated[T, Depends(f)]`, f (whatever `expr` records for `X`). */
  | { k: 'value'; expr: Expr; provider?: Expr }
  | { k: 'import'; target: ImportTarget }
  /** Bound more than once at module level: which binding a use sees is not known statically. */
  | { k: 'ambiguous' };

/** An argument of a call that names a function without calling it (`map(f, xs)`, `Depends(get_repo)`). */
export interface ReferenceSite {
  start: number;
  expr: Expr;
  text: string;
  /** The callee receiving the reference, as written (`sorted`, `Depends`, `bg.add_task`). */
  receiver: string;
  /** The call's first positional argument (the function `add_task(f, ...)` runs); absent otherwise. */
  first?: true;
  /**
   * For a name stored in a display (`receiver` is `list`, `tuple`, `set` or `dictionary`) that is itself an argument
   * of a call, or inside one (`app.command(name, middleware=[check, load])`): that call's callee as written.
   */
  within?: string;
  /** With `within`: the keyword of the argument the display is in, when it is a keyword argument. */
  keyword?: string;
}

/** `run_in_threadpool(f, a)`, `asyncio.to_thread(f, a)`, `loop.run_in_executor(None, f, a)`, `anyio.to_thread.run_sync(f, a)`. */
export interface WrapperSite {
  kind: 'run_in_threadpool' | 'to_thread' | 'run_in_executor' | 'to_thread.run_sync';
  target: Expr;
  targetText: string;
  /** The replacement turning the wrapper call into a direct call of the target. */
  edit: { start: number; end: number; text: string };
}

/**
 * One call. A project has about 7 of them per function, and every worker holds every module's, so a property
 * that would hold its usual value (not blocked, not awaited, no session, no wrapper, no references) is left out:
 * a call with 5 properties instead of 12 takes about half the memory, and less to send between threads.
 */
export interface CallSite {
  start: number;
  end: number;
  /** 1-based line. */
  line: number;
  callee: Expr;
  /** The callee as written, whitespace removed (`crud_user.get`). */
  text: string;
  /** Why `await` cannot be written at this call (inside a lambda, a generator expression...); absent when it can. */
  blocked?: string;
  /**
   * With `blocked`: the call still runs during its function's own execution, where it is written (a generator
   * expression a consuming builtin iterates at once, `any(requests.get(u).ok for u in urls)`; a lambda that
   * `sorted`/`min`/`max`/`.sort` call as `key=`), so a blocking call there blocks the function. Absent otherwise.
   */
  runsHere?: true;
  /** Already the operand of `await` ('misplaced': an `await` before it applies to a longer chain); absent when not. */
  awaited?: 'yes' | 'misplaced';
  /**
   * The arguments the session resolver proves to be SQLAlchemy sessions: positions of positional arguments, names
   * of keyword ones. Absent when there are none.
   */
  sessionArg?: (number | string)[];
  /**
   * Those of sessionArg whose session stays sync after the migration (made by a factory call with no async twin:
   * staysSyncSession). Absent when there are none.
   */
  syncSessionArg?: (number | string)[];
  /** The callee is a method of a session (`db.execute`): never a project function. */
  onSession?: true;
  /** The line carries an `awaitify: ignore` marker. */
  ignored?: true;
  wrapper?: WrapperSite;
  /** Arguments naming a function without calling it; absent when there are none. */
  references?: ReferenceSite[];
  /**
   * The statement of its own directly in a module-level `if __name__ == "__main__":` block (a script's entry
   * point): a call there can run a coroutine to completion with `asyncio.run(...)`. The number is the block's
   * offset, so several entry calls of one block can be told apart from one.
   */
  mainEntry?: number;
  /**
   * Arguments naming something the caller calls session methods on (`db.commit()`) that the session resolver
   * does not know for a session (an unannotated parameter, a name from `with app_session() as db`):
   * [position or keyword, name]. Absent when none.
   */
  likeArgs?: [number | string, string][];
  /**
   * Arguments that are an attribute of the method's own instance (`ItemRepository(self.session)`): [position or
   * keyword, the argument's offset, the attribute]. Absent when none.
   */
  selfArgs?: [number | string, number, string][];
  /**
   * Arguments naming a parameter of the calling function, unannotated and never rebound in its body (`UserService(db)` in `def init_db(db):`): [position or keyword, the argument's offset, the parameter
   * as a ParamFacts entry, `<position>:<name>`], so what a caller hands the function can be followed on. Absent when
   * none.
   */
  paramArgs?: [number | string, number, string][];
  /**
   * Arguments naming a local bound only by `with f() as name:` or `name = f()`, where `f` is a session factory handed
   * in as a parameter (of the function, or of the class's `__init__` that stores it on `self`) and a sync one by its
   * annotation (`Callable[[], Session]`, `sessionmaker`) or its default (`= SessionLocal`): [position or keyword, the
   * argument's offset, what makes it, as a message part]. Absent when none.
   */
  injectedArgs?: [number | string, number, string][];
  /**
   * Arguments naming a local bound only by `with <call> as name:` (and not known for a session): [position or keyword,
   * the argument's offset, the callee of <call>], so a session a project context manager yields can be told; a fourth
   * element `true` when <call> is `contextmanager(f)()`, the callee recorded being the generator `f`; `'drawn'` when
   * the local is bound instead by iterating the generator `f()` (`for name in f():`) or by `name = next(f())`, where
   * `f` is not the session dependency (session-args reports `next(get_db())`). Absent when none.
   */
  managedArgs?: [number | string, number, Expr, (true | 'drawn')?][];
  /**
   * Arguments naming a module-level name (`db_session`, imported or not; `database.db_session`) the session resolver
   * does not know for a session: [position or keyword, the argument's offset, the name]. A session made at module
   * level in another module (ModuleSummary.sessions) is told from them. A fourth element names the parameter of a
   * pytest test or fixture the argument is, which pytest leaves at its default, that module-level name
   * (`def test_x(db=test_session)`). Absent when none.
   */
  globalArgs?: [number | string, number, Expr, string?][];
  /**
   * Arguments that are what a call returns: a local the function binds by `name = f(...)` (one entry per such
   * binding), or the call itself (`seed(open_session())`): [position or keyword, the argument's offset, f]. A session a
   * project function returns (FunctionSummary.returnsSyncSession) is told from them. Absent when none.
   */
  returnedArgs?: [number | string, number, Expr][];
  /**
   * Arguments that open a sync session in the call itself (`ItemService(SessionLocal())`): [position or keyword, the
   * argument's offset, its text]. Absent when none.
   */
  factoryArgs?: [number | string, number, string][];
  /**
   * The callee (as written) of the call this call is an argument of: `asyncio.run(main(db))` hands the
   * coroutine to `asyncio.run`, so `main(db)` is not a call to await.
   */
  argumentOf?: string;
}

export type MethodKind = 'function' | 'method' | 'staticmethod' | 'classmethod';

export interface FunctionSummary {
  id: number;
  name: string;
  /** `CRUDBase.get`, `outer.inner`. */
  qualname: string;
  line: number;
  /** The class whose body defines it directly. */
  classId: number | null;
  /** The function it is nested in. */
  parentId: number | null;
  kind: MethodKind;
  isAsync: boolean;
  /** What the body awaits first (`db.execute`, `async with AsyncSessionLocal()`), or null when it awaits nothing. */
  firstAwait: string | null;
  isGenerator: boolean;
  /** Why it must stay a plain def (dunder, property, Celery task, validator...), or null. */
  syncOnly: string | null;
  /** A pytest test function or fixture. */
  test: 'test' | 'fixture' | null;
  /**
   * A fixture's `name=` (`@pytest.fixture(name="session") def session_fixture()`): the name tests request it by;
   * '' when it is not a plain string literal. Absent when not given (the def's name is the fixture's).
   */
  fixtureName?: string;
  /** A fixture with another decorator besides the fixture's (which may change the value it gives). Absent when not. */
  fixtureWrapped?: true;
  /** Decorated as a FastAPI route (`@<router>.get(...)`, `api_route`, `websocket`...). */
  route: boolean;
  /** A session call left without its `await` in the body (insert-await flagged the function), or null. */
  sessionBlocker: string | null;
  /** The body does nothing (docstring, `...`, `pass`, `raise NotImplementedError`): an interface's declaration. */
  stub: boolean;
  /** The `def` line carries an `awaitify: ignore` marker. */
  ignored: boolean;
  /** The value a call returns, when known. */
  returns: Expr | null;
  /** What `Depends(this)` injects: the return value, or the yielded value of a generator. */
  provides: Expr | null;
  calls: CallSite[];
  /** Absent unless a parameter is a session, or an unannotated one has session methods called on it. */
  params?: ParamFacts;
  /**
   * Its decorators' expressions (`@background_task`; `@audited("x")` is a call), route decorators left out (they
   * take the function as it is). Absent when none.
   */
  decorators?: Expr[];
  /**
   * A decorator that calls what it decorates synchronously: a plain def with one parameter that returns a nested
   * plain def calling that parameter without await. A coroutine function decorated with it is never run (its
   * wrapper only creates the coroutine). Absent when not.
   */
  syncWrapper?: true;
  /**
   * Decorated `@Depends` (or `@Security`, `@fastapi.Depends`): the module's name is bound to `Depends(<this function>)`,
   * and a parameter defaulting to it (`db: Session = get_db`) is filled by FastAPI with what the function provides, as
   * a module-level `DbParam = Depends(get_db)` is. Absent when not.
   */
  dependsDecorated?: true;
  /**
   * A registration decorator: a plain def with one parameter that hands it to something else (a registry's dict or
   * list, a constructor) and returns it unchanged. Whatever later calls the function from there is not seen, and may
   * call it without await. Absent when not (and always when `syncWrapper` is set).
   */
  registers?: true;
  /**
   * In a plain def whose body awaits: the first async-only code an earlier transform wrote into it besides `await`
   * (`async with`, `async for`, a `run_sync` call, a session made in the body or stored on `self` by a factory, which
   * insert-await switched to its async twin). Taking the awaits out of such a function does not give back the code
   * it had before the run. Absent when none.
   */
  asyncConstruct?: string;
  /**
   * A route handler written `async def` whose own body has `async with`, `async for`, a `run_sync` call or an awaited
   * session call on a session it makes (asyncConstruct's constructs, whoever wrote them). Absent otherwise.
   */
  asyncBlocks?: true;
  /** A plain def decorated `@contextmanager` (contextlib's): `with f() as x` binds what it yields. Absent when not. */
  contextManager?: true;
  /**
   * A plain def, not a generator, that returns a sync session: annotated so (`-> Session`, SQLAlchemy's or SQLModel's,
   * also `Optional[Session]`), or unannotated with every `return` a sync factory's call (`return SessionLocal()`).
   * `db = tenant_session(slug)` binds a sync Session. The value says how it is known (for messages). Absent when not.
   */
  returnsSyncSession?: string;
  /**
   * A method decorated `@property` or `@cached_property` (functools'): reading the attribute calls it, so
   * `repos.households` is what it returns, not the method. Absent when not.
   */
  getter?: true;
  /**
   * In a test file: `target.method = MagicMock(...)` (any sync mock class) or `= lambda ...` assignments in the body,
   * which put a sync callable where the code under test may await. Absent when none.
   */
  mockAssignments?: MockAssignment[];
  /**
   * Parameters that are no session whose value FastAPI injects (`svc: ItemService = Depends()`, `Depends(ItemService)`,
   * `Depends(get_service)`): `of` is the class or dependency function (for a bare `Depends()`, the annotation), `at`
   * the offset of the `Depends` call. An object built on a session dependency holds what that injects
   * (propagate-async's injectedSync). Absent when none.
   */
  objectDepends?: { name: string; at: number; of: Expr }[];
}

export interface MockAssignment {
  /** Offset of the assigned value. */
  start: number;
  /** The attribute assigned to. */
  target: Expr;
  /** The target as written, whitespace removed. */
  text: string;
  /** The value's kind: a sync mock class's instance, or a lambda. */
  value: 'mock' | 'lambda';
}

/**
 * What a function's parameters tell about sessions, so a session handed to an unannotated parameter (which the
 * session resolver, reading one function, cannot know is a session) can be flagged.
 */
export interface ParamFacts {
  /**
   * Parameters the session resolver proves to be sessions (annotated `Session`, `Depends(get_db)`...), each as
   * `<position>:<name>` (position among the positional parameters, `self`/`cls` included; -1 for keyword-only), so
   * a call's arguments can be matched without a list of every parameter. Absent when none.
   */
  sessions?: string[];
  /**
   * Parameters not known for sessions (neither `self`/`cls` nor a `Depends(...)`; unannotated, or annotated with
   * what is no session type, such as the factory: `db: SessionLocal`) the body calls a session method on
   * (`db.commit()`, `db.query(...)`) without `await`, as `<position>:<name>`: a session if a caller hands one over.
   * Absent when none.
   */
  untypedSessionLike?: string[];
  /**
   * Locals annotated with a session type whose value is not one the session resolver follows (`db: Session =
   * payload["db"]`: handed over inside another object), which the body calls a session method on without
   * `await`; `value` is the text of what is assigned. Absent when none.
   */
  sessionLocals?: { name: string; value: string }[];
  /**
   * Session parameters the body rebinds through a plain `with` handed the parameter, `with get_db_context(db) as
   * db:` (a context manager yielding the session it is given, or one it opens), then calls session methods on
   * without `await`: `through` is the context manager's callee, `at` the offset of its call. The calls on the rebound
   * name work on what the (sync) context manager yields. `as`: the name bound when it is another one (`with
   * get_db_context(db) as session:`), taken only for a project `@contextmanager` (the plan checks). Absent when none.
   */
  rebound?: { name: string; at: number; through: Expr; as?: string }[];
  /**
   * Session parameters whose default is `Depends(<of>)` (or `Security`): `at` is the offset of that call. `plain`:
   * written `db: AsyncSession = Depends(<name>)` (or with an annotation naming no AsyncSession), the form
   * propagate-async's keptSyncRouteEdits gives back its sync session when the route stays sync. Absent when none.
   */
  depends?: { name: string; at: number; of: Expr; plain?: true }[];
  /**
   * Session parameters annotated with a name and no `Depends(...)` default (`db: DbDep`, a type alias
   * `DbDep = Annotated[Session, Depends(f)]` of this module or imported): `of` is that name, `at` its offset;
   * the index finds the alias's provider (ProjectIndex.aliasProvider). Absent when none.
   */
  aliasDepends?: { name: string; at: number; of: Expr }[];
}

export interface ClassSummary {
  id: number;
  name: string;
  qualname: string;
  bases: Expr[];
  /** Methods defined in the body, by name (the last definition wins, as at run time). */
  methods: [string, number][];
  /** Attribute types: class-level annotations and `self.x = ...` stores; null when the stores disagree. */
  attributes: [string, Expr | null][];
  /** What its constructor keeps of its arguments and its methods do with attributes of `self` as sessions; absent when nothing. */
  holder?: SessionHolder;
}

export interface ModuleSummary {
  path: string;
  absPath: string;
  /** Length and hash of the text summarized: the rewrite pass must see the same text. */
  sourceLength: number;
  sourceHash: string;
  isTestFile: boolean;
  globals: [string, GlobalBinding][];
  starImports: ModuleRef[];
  functions: FunctionSummary[];
  classes: ClassSummary[];
  /** Calls at module level or in class bodies outside any function. */
  moduleCalls: CallSite[];
  /**
   * Functions and methods named as elements of a dict, list, tuple or set display that is not a call's
   * argument (`HANDLERS = {"a": find_order}`): whatever calls them later does so without await.
   * `receiver` is the display's kind.
   */
  storedReferences: ReferenceSite[];
  /**
   * `<x>.dependency_overrides[<key>] = <value>` assignments anywhere in the file, both sides read at module level
   * (`key`: the dependency overridden, `value`: the function FastAPI calls instead). Absent when none.
   */
  overrides?: { key: Expr; value: Expr }[];
  /**
   * Module-level names bound to a sync session: `db_session = SessionLocal()` ('factory'), or a `scoped_session(...)`
   * registry, whose methods proxy a sync Session ('registry'). Absent when none.
   */
  sessions?: [string, 'factory' | 'registry'][];
}
