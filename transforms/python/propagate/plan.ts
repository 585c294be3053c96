// Which functions become `async def`, computed once over the whole project, and what that means for
// every file: the `async` keywords, the `await`s at call sites, the thread-pool wrappers to remove and
// the call sites that cannot follow (flagged).
//
// Seeds are plain `def`s whose body already awaits (insert-await and query-to-select write `await` into
// plain defs). From them, async spreads to every function with a resolved call to an async one, and to
// every override of an async method (a call through the base class dispatches to any of them). A call
// that cannot be awaited where it stands is flagged and does not make its function async.
// Afterwards, a function made async whose every caller stays sync is kept a plain def after all
// (keepSyncOnlyCalleesSync): as a coroutine function it would only hand those callers coroutines.
import type { FindingInput, TransformOptions } from '../../../engine/types';
import type { ProjectIndex } from '../index/project';
import { functionKey } from '../index/project';
import { cached } from '../../../engine/cached';
import { paramAt, paramName, positionOf } from '../index/param-entries';
import { isTestPath } from '../index/modules';
import type { CallSite, ClassSummary, Expr, FunctionSummary, ModuleSummary, ParamFacts, ReferenceSite, WrapperSite } from '../index/types';
import { SESSION_LIKE_METHODS } from '../awaits/methods';
import { ReceiverClassifier } from './receivers';
import { HINTS, RULES, type AsyncRule } from './rules';
import { BLOCKING_CLIENT, BLOCKING_FIX, BLOCKING_WHAT } from '../support/blocking-calls';
import { BlockingCalls, isClient, runsInBody } from '../index/blocking';

const ID = 'propagate-async';

/**
 * One entry of FilePlan.annotationsBack, by `def` (or `class`) offset:
 * - `no-twin`: a plain def kept sync only for handlers on a get_db with no twin: the sync Session is what it is handed.
 * - `kept`: a plain def kept sync because every call to it is in code that stays sync (keepSyncOnlyCalleesSync,
 *   sendHandedSyncAnnotationsBack): those callers hand it the sync Session they had.
 * - `rebound`: a plain def that stays sync with a session parameter rebound through a sync context manager (`with
 *   get_db_context(db) as db:`), or such a context manager when only those functions call it
 *   (AsyncPlan.keepReboundSessionsSync): its code works on a sync Session (`Optional[AsyncSession]` goes back too).
 * - `held`: a class kept on the sync Session (AsyncPlan.sendSyncHeldAttributesBack), with the attributes of `self` it
 *   uses it through: their annotations, and those of the `__init__` parameters stored in them.
 */
export type AnnotationBack = { id: number; why: 'no-twin' | 'kept' | 'rebound' } | { id: number; why: 'held'; attrs: string[] };

export interface FilePlan {
  asyncDefs: { offset: number; reason: string }[];
  awaits: { start: number; end: number; reason: string }[];
  unwraps: { start: number; end: number; text: string; reason: string }[];
  /** Script entry calls of functions made async, to run with `asyncio.run(...)` (grouped by their `__main__` block). */
  entryRuns: { start: number; end: number; block: number; text: string; reason: string }[];
  /**
   * Calls of functions made async that run at module level and are left as they are (flagged): what they are
   * handed is checked like the arguments of awaited calls, since running them (`asyncio.run`) is the fix.
   */
  moduleCalls: { start: number; end: number }[];
  findings: FindingInput[];
  /** Offsets of findings on calls made by tests and fixtures, which async-tests handles when it runs later. */
  testFindings: Set<number>;
  /**
   * Plain defs (by their `def` offset) that hold an `await` an earlier transform wrote but cannot become async:
   * the awaits directly in them are taken out again, since an `await` in a plain def does not compile.
   */
  keptPlain: number[];
  /**
   * Route handlers (by `def` offset) that stay sync with their session calls unconverted: their session parameter
   * goes back to the sync `Session` from the sync dependency, so FastAPI runs them in its threadpool as before.
   */
  keptSyncRoutes: number[];
  /**
   * Of keptSyncRoutes, those kept sync because their session comes from a `get_db` that gets no async twin
   * (AsyncPlan.injectedSync): async-get-db left their `Depends(get_db)`, and only an `AsyncSession` annotation goes back.
   */
  syncDependencyRoutes: number[];
  /**
   * Session calls (`start`/`end` of the call) of route handlers written `async def` on sync providers only
   * (AsyncPlan.keepAsyncRoutesOnSyncSessions), whose await insert-await wrote goes: the session FastAPI hands them is
   * a sync Session. Their ids are in syncDependencyRoutes too, for their annotations.
   */
  sessionAwaitsBack: { start: number; end: number }[];
  /**
   * Plain defs never made async (no session await written into them) whose session parameters are all injected by a
   * sync provider (AsyncPlan.injectedSync): `def get_uow(db: Session = Depends(get_db))` yielding a wrapper, a handler
   * needing no await. async-session wrote `AsyncSession` on their `Depends(...)` parameters, which FastAPI still fills
   * with a sync Session: those annotations go back (AsyncPlan.sendInjectedSyncAnnotationsBack).
   */
  injectedAnnotationsBack: number[];
  /**
   * Classes (by `class` offset) keeping, in the listed attributes of `self`, a session that is a sync Session for
   * certain (AsyncPlan.settleSyncHeldContexts): the AWAIT-SYNC-CONTEXT findings insert-await left on their session
   * calls (`self.db.commit()` in `__exit__`) are noise, since those calls need no await.
   */
  syncHeldClasses: { id: number; attrs: string[] }[];
  /**
   * Classes (by `class` offset) whose methods awaiting the session kept in these attributes of `self` stay plain defs
   * (AsyncPlan.heldSessionKeptSync): the session factory call insert-await switched to its twin where a method stores
   * it there (`self.session = AsyncSessionLocal()` in `__enter__`) is given back its sync form.
   */
  heldFactoriesBack: { id: number; attrs: string[] }[];
  /**
   * Module-level aliases `SessionDep = Annotated[Session, Depends(get_session)]` (by name) on a provider that stays
   * sync, every user of which stays a plain def on sync providers (AsyncPlan.sendSyncAliasesBack): the `AsyncSession`
   * async-session wrote in them goes back to `Session`.
   */
  aliasesBack: string[];
  /**
   * What goes back from `AsyncSession` to `Session` in the annotations async-session wrote, and why (AnnotationBack):
   * the parameters of plain defs that stay sync, or the attributes of classes kept on the sync Session. One def may be
   * listed for more than one reason.
   */
  annotationsBack: AnnotationBack[];
  /**
   * Calls to a function that was `async def` before this run, made without await (and not handed to anything):
   * flagged ASYNC-CALL-NOT-AWAITED where the tree shows the result is dropped (an expression statement), since
   * then the coroutine never runs. Kept in other positions: `task = f()` may be awaited later.
   */
  unawaited: { start: number; end: number; message: string; inTest: boolean }[];
  /**
   * `background_tasks.add_task(f, db, ...)` / `BackgroundTask(f, db, ...)` handing a session to a coroutine function
   * `f` (`task`: its name as written): Starlette awaits `f(db, ...)` itself, so the call needs no await, but what it
   * is handed is checked like the arguments of awaited calls.
   */
  taskCalls: { start: number; end: number; task: string }[];
}

type Reason =
  | { kind: 'seed'; awaits: string }
  | { kind: 'calls'; target: string; text: string }
  | { kind: 'family'; other: string };

interface FnEntry {
  key: string;
  path: string;
  fn: FunctionSummary;
}

/** A session parameter `Depends(...)` injects (see AsyncPlan.injections). */
interface Injection {
  name: string;
  at: number;
  of: Expr;
  viaAlias: boolean;
  provider: ReturnType<ProjectIndex['resolveFunction']>;
}

interface Site {
  path: string;
  caller: FnEntry | null;
  call: CallSite;
}

/**
 * Callees that accept coroutine functions: FastAPI awaits async dependencies, background tasks and endpoints.
 * Thread-pool wrappers are not among them: they call their target in a thread, without await. Those the index
 * reads as wrappers (WrapperSite) are unwrapped or flagged by handleWrapper, and their target is not a
 * reference; any other use (`to_thread(f, *args)`, options besides the target's arguments) is flagged here.
 */
const ASYNC_AWARE_RECEIVERS = new Set([
  'Depends',
  'Security',
  'add_task',
  'BackgroundTask',
  'add_api_route',
  'add_api_websocket_route',
  'add_route',
  'add_websocket_route',
  'add_event_handler',
  'add_exception_handler',
  'iscoroutinefunction',
]);

/**
 * Keywords under which FastAPI and Starlette take lists or dicts of functions they await when they are coroutine
 * functions (`FastAPI(on_startup=[init], exception_handlers={404: not_found})`).
 */
const ASYNC_AWARE_KEYWORDS = new Set(['on_startup', 'on_shutdown', 'exception_handlers', 'dependencies']);

/** A display of functions given to `callee` (under `keyword`) goes to code that awaits coroutine functions. */
function awaitsWhatItIsGiven(callee: string, keyword: string | undefined): boolean {
  return ASYNC_AWARE_RECEIVERS.has(callee.split('.').pop() ?? callee) || (keyword !== undefined && ASYNC_AWARE_KEYWORDS.has(keyword));
}

/**
 * A call handed, as an argument, to what may run a coroutine (`asyncio.run(f(db))`, `loop.run_until_complete`,
 * `gather`, `create_task`, a task group's `start_soon`...): the caller may mean it to be a coroutine. Any other callee
 * (`", ".join(svc.names())`, `Schema(**repo.row())`) takes the value: a function kept sync returns it as before.
 */
function handedToRunner(argumentOf: string | undefined): boolean {
  if (argumentOf === undefined) return false;
  const last = argumentOf.split('.').pop() ?? argumentOf;
  return /run|gather|task|future|wait|shield|spawn|submit|soon|complete|thread|executor|async|await|coro/i.test(last);
}

/**
 * Callees known to call a function passed to them, synchronously. An unresolved `x.name` passed elsewhere
 * is more likely an attribute's value than a method, so only these make it a suspect.
 */
const CALLS_ITS_ARGUMENTS = new Set(['map', 'filter', 'sorted', 'min', 'max', 'reduce', 'partial', 'starmap', 'submit', 'call_soon', 'call_later']);

/** Builtins and loggers that take anything, sessions included, without calling into project code. */
/** Session methods (sync, async, or only on the sync Session) whose call on an unannotated parameter is flagged. */
// `exec`: SQLModel's Session; an untyped parameter is only reported when a caller hands it a session.

/**
 * Third-party bases that do not call a subclass's methods: typing and ABC machinery, builtins (named without a
 * module), data classes and models (pydantic, SQLAlchemy's and SQLModel's declarative bases), enums, thread-local
 * storage.
 */
const NEUTRAL_BASES = /^([A-Za-z_]\w*(\(\))?$|(typing|typing_extensions|abc|collections\.abc|enum|dataclasses|pydantic|pydantic_settings|sqlalchemy|sqlmodel)(\.|$)|threading\.local$)/;

const NEUTRAL_CALLEES = /^(print|isinstance|issubclass|len|repr|str|type|id|getattr|setattr|hasattr|delattr|vars|dir|Depends|Security|(logger|logging|log|_logger|LOGGER)\.\w+)$/;

export class AsyncPlan {
  private readonly functions = new Map<string, FnEntry>();
  /** Plain defs whose `AsyncSession` annotations go back to `Session`: every call hands them a sync one (sendHandedSyncAnnotationsBack). */
  private readonly handedSyncBack = new Set<string>();
  /** builtOnSyncOnly's answers, by class and attribute. */
  private readonly syncBuilt = new Map<string, boolean>();
  private readonly callers = new Map<string, Site[]>();
  private readonly wrapped = new Map<string, { site: Site; wrapper: WrapperSite }[]>();
  private readonly referenced = new Map<string, { site: Site; ref: ReferenceSite }[]>();
  private readonly stored = new Map<string, { path: string; ref: ReferenceSite }[]>();
  private readonly unresolvedSessionCalls: Site[] = [];
  /** Calls, thread-pool targets and function references the index could not resolve (checked once propagation is done). */
  private readonly unresolvedCalls: Site[] = [];
  private readonly unresolvedWrappers: Site[] = [];
  private readonly unresolvedReferences: { site: Site; ref: ReferenceSite }[] = [];
  /** Calls resolved to a method that a base awaitify cannot read may hide (shadowingBase): never awaited, flagged. */
  private readonly shadowedCalls: { site: Site; key: string; shadow: string }[] = [];
  private readonly family = new Map<string, Set<string>>();
  private readonly newly = new Map<string, Reason>();
  /** Changes whenever a key enters or leaves `newly`: what `suspected()` found holds while it does not. */
  private newlyVersion = 0;
  private suspectedMemo: { version: number; keys: ReadonlySet<string> } | null = null;
  private readonly files = new Map<string, FilePlan>();
  private readonly flagged = new Set<string>();
  /** For each finding (flagKey), the functions made async the calls it was given for reach ('' for other findings). */
  private readonly callFlags = new Map<string, Set<string>>();
  /** Untyped session parameters handed a session by a plain def's own session parameter: flagged once it is known whether that def is handed only sync Sessions. */
  private readonly handedThrough: { callee: FnEntry; name: string; why: string; caller: string }[] = [];
  private readonly queue: string[] = [];
  /** Route handlers whose session parameter goes back to the sync session (keepBlockedRoutesSync). */
  private readonly keptSync = new Set<string>();
  /** Plain defs whose session parameter is rebound through a sync context manager, with those rebindings (keepReboundSessionsSync). */
  private readonly rebound = new Map<string, NonNullable<ParamFacts['rebound']>>();
  /** Functions made async by their session awaits that stay plain defs after all, every caller sync (keepSyncOnlyCalleesSync). */
  private readonly keptPlain = new Set<string>();
  /** syncHandOff's answers, by function key. */
  private readonly handOffs = new Map<string, SyncHandOff | null>();
  private readonly injectedSyncMemo = new Map<string, 'sync' | 'other' | 'none'>();
  /** See keepAsyncRoutesOnSyncSessions. */
  private readonly asyncRoutesKept = new Set<string>();
  /** See sessionProviders. */
  private sessionProviderKeys: Set<string> | null = null;
  /** See objectDependencyInits. */
  private objectInits: Set<string> | null = null;
  /** See pinnedDependencies. */
  private pins: Map<string, InjectedSyncUse> | null = null;
  /** The pinned dependencies some function FastAPI hands their object to was made async for and stays a plain def with. */
  private readonly pinsKeeping = new Set<string>();
  /** injections' answers, by function key: what they resolve to depends on the index alone, fixed during a plan. */
  private readonly injectionMemo = new Map<string, Injection[]>();
  /** See dependencyConsumers. */
  private consumerUses: Map<string, { key: string; uses: number }[]> | null = null;
  private readonly decoratorBlockers = new Map<string, string | null>();
  /** libraryHook's answer per class (`path#id`). */
  private readonly hookBases = new Map<string, string | null>();
  /** One classifier (and its caches) for the library-hook check and the unresolved-call suspects. */
  private readonly receivers: ReceiverClassifier;

  constructor(
    readonly index: ProjectIndex,
    private readonly inferred: NonNullable<TransformOptions['sessionParams']> = {},
    /**
     * The sync session dependency's name, and the files whose one gets no async twin (EngineIndex.untwinnedDependencies):
     * what it injects stays a sync Session (see injectedSync).
     */
    private readonly untwinned: { getDbName: string; asyncGetDbName?: string; paths: Readonly<Record<string, true>> } | null = null,
  ) {
    this.receivers = new ReceiverClassifier(index);
    this.collect();
    this.linkOverrides();
    this.seed();
    // Read by position: `shift()` copies the rest of a long array each time, which grew with the square of the project.
    for (let next = 0; next < this.queue.length; next++) this.spread(this.queue[next] as string);
    this.queue.length = 0;
    // Before the unresolved calls are weighed: a function kept sync is no suspect for them.
    this.keepSyncOnlyCalleesSync();
    this.flagUnresolved();
    // First: a route kept on the sync session hands its callees a sync Session, which their sync calls suit.
    this.keepBlockedRoutesSync();
    this.keepReboundSessionsSync();
    this.flagUntypedSessionParameters();
    this.flagAnnotatedSessionLocals();
    this.checkInferredSessionParameters();
    this.keepAsyncRoutesOnSyncSessions();
    this.keepAsyncHelpersOnSyncSessions();
    this.flagSyncSessionDependencies();
    this.flagManagedSessions();
    this.flagManagedSessionsHeld();
    this.flagGlobalSessions();
    this.flagSyncSessionsHandedToAsyncHolders();
    this.flagInjectedFactorySessions();
    this.flagReturnedSessions();
    this.noteUnawaitedCoroutineCalls();
    this.sendHandedSyncAnnotationsBack();
    for (const h of this.handedThrough) if (!this.handedSyncBack.has(h.caller)) this.flagSessionLikeUses(h.callee, h.name, h.why, true);
    this.sendInjectedSyncAnnotationsBack();
    this.sendSyncAliasesBack();
    this.sendSyncHeldAttributesBack();
    this.settleSyncHeldContexts();
    this.flagBlockingCalls();
    this.flagAsyncSessionsHandedToSyncCode();
    this.flagSyncMethodsOnInjectedObjects();
    this.writeAsyncDefs();
  }

  /** The plan for one file, checking the text is the one indexed (offsets are only valid for it). */
  fileFor(path: string, source: string): FilePlan | null {
    const summary = this.index.module(path);
    if (!summary) return null;
    if (summary.sourceLength !== source.length) {
      throw new Error(`${ID}: ${path} changed between indexing and rewriting (the index was built over another text)`);
    }
    return this.files.get(path) ?? null;
  }

  /** Functions made async, with the reason shown in reports: for tests and summaries. */
  madeAsync(): { path: string; qualname: string; reason: string }[] {
    return [...this.newly.keys()].map((key) => {
      const e = this.functions.get(key) as FnEntry;
      return { path: e.path, qualname: e.fn.qualname, reason: this.defReason(key) };
    });
  }

  // ---- the call graph ------------------------------------------------------------------------

  private collect(): void {
    for (const path of this.index.paths()) {
      const module = this.index.module(path) as ModuleSummary;
      for (const fn of module.functions) {
        const key = functionKey(path, fn.id);
        this.functions.set(key, { key, path, fn });
      }
    }
    for (const path of this.index.paths()) {
      const module = this.index.module(path) as ModuleSummary;
      const sites: Site[] = module.moduleCalls.map((call) => ({ path, caller: null, call }));
      for (const fn of module.functions) {
        const caller = this.functions.get(functionKey(path, fn.id)) as FnEntry;
        for (const call of fn.calls) sites.push({ path, caller, call });
      }
      for (const site of sites) this.link(site);
      for (const ref of module.storedReferences) {
        const fn = this.index.resolveFunction(path, ref.expr);
        if (fn) push(this.stored, functionKey(fn.path, fn.id), { path, ref });
      }
    }
  }

  private link(site: Site): void {
    const { path, call } = site;
    const target = this.index.resolveFunction(path, call.callee);
    const wrappedFn = call.wrapper ? this.index.resolveFunction(path, call.wrapper.target) : null;
    const shadow = target ? this.shadowingBase(path, call.callee, target) : null;
    if (target && shadow) this.shadowedCalls.push({ site, key: functionKey(target.path, target.id), shadow });
    else if (target) push(this.callers, functionKey(target.path, target.id), site);
    else if (wrappedFn && call.wrapper) push(this.wrapped, functionKey(wrappedFn.path, wrappedFn.id), { site, wrapper: call.wrapper });
    else {
      if (call.sessionArg && !call.onSession && !NEUTRAL_CALLEES.test(call.text)) {
        // The session goes to a known thread-pool wrapper's target, or a constructor: not an unknown function.
        const entity = this.index.evaluate(path, call.callee);
        if (entity.k !== 'class') this.unresolvedSessionCalls.push(site);
      }
      if (!call.onSession && mayNameFunction(call.callee)) this.unresolvedCalls.push(site);
      if (call.wrapper && mayNameFunction(call.wrapper.target)) this.unresolvedWrappers.push(site);
    }
    for (const ref of call.references ?? []) {
      if (call.wrapper && ref.text === call.wrapper.targetText) continue;
      const fn = this.index.resolveFunction(path, ref.expr);
      if (fn) push(this.referenced, functionKey(fn.path, fn.id), { site, ref });
      else if (mayNameFunction(ref.expr)) this.unresolvedReferences.push({ site, ref });
    }
  }

  /**
   * For `obj.m(...)` resolved to a method found on the MRO of obj's class: a base that is neither a project class nor
   * a neutral one (typing, data and ORM bases), which comes before the class defining `m` on that MRO and may define
   * `m` itself (`class UserCRUD(LibMixin, CRUDBase)`: `LibMixin` precedes `CRUDBase.get`). Its text, or null. It
   * precedes the defining class when a class before that one on the MRO lists it before a project base whose own MRO
   * holds the defining class (C3 keeps the order of a class's bases).
   */
  private shadowingBase(path: string, callee: Expr, target: { path: string; id: number }): string | null {
    if (callee.k !== 'attr') return null;
    const owner = this.index.function(target.path, target.id)?.classId;
    if (owner === null || owner === undefined) return null;
    const entity = this.index.evaluate(path, callee.of);
    if (entity.k !== 'instance' && entity.k !== 'class') return null;
    const mro = this.index.mro(entity) ?? [];
    const same = (a: { path: string; id: number }, b: { path: string; id: number }): boolean => a.path === b.path && a.id === b.id;
    const after = entity.k === 'instance' ? entity.after : undefined;
    const from = after ? mro.findIndex((c) => same(c, after)) + 1 : 0;
    const at = mro.findIndex((c) => c.path === target.path && c.id === owner);
    for (const d of at > from ? mro.slice(from, at) : []) {
      let unread: string | null = null;
      for (const base of this.index.classSummary(d.path, d.id)?.bases ?? []) {
        const e = this.index.evaluate(d.path, base);
        if (e.k === 'class') {
          if (unread !== null && (this.index.mro(e) ?? []).some((c) => c.path === target.path && c.id === owner)) return unread;
          continue;
        }
        const r = this.receivers.classify(d.path, base);
        if (r.k === 'foreign' && NEUTRAL_BASES.test(r.what)) continue;
        unread ??= r.k === 'foreign' ? r.what : 'a base class';
      }
    }
    return null;
  }

  /**
   * A call through a base class may run any override: a method and its overrides are async together. Every
   * method of a name on one class's MRO is one family, not only a class's own method and its ancestors': with
   * `class CachedRepo(CachingMixin, BaseRepo)`, `self.get()` in `BaseRepo` runs `CachingMixin.get` on a
   * `CachedRepo`, though neither class derives from the other.
   */
  private linkOverrides(): void {
    for (const cls of this.index.allClasses()) {
      const mro = this.index.mro(cls);
      if (!mro) continue;
      const byName = new Map<string, string[]>();
      for (const c of mro) {
        for (const [name, id] of this.index.classSummary(c.path, c.id)?.methods ?? []) {
          // `__call__` is dispatched like any method (a dependency class's may become async: see syncOnlyReason).
          if (/^__\w+__$/.test(name) && name !== '__call__') continue;
          push(byName, name, functionKey(c.path, id));
        }
      }
      for (const keys of byName.values()) {
        const [first, ...rest] = keys;
        // Linked to the first (the one the class itself runs): the family is what is reachable, as before.
        for (const other of rest) {
          addTo(this.family, first as string, other);
          addTo(this.family, other, first as string);
        }
      }
    }
  }

  // ---- propagation ---------------------------------------------------------------------------

  private seed(): void {
    for (const entry of this.functions.values()) {
      const { fn } = entry;
      if (fn.isAsync || fn.firstAwait === null) continue;
      // A test or fixture that still holds a sync session call (`db = TestingSessionLocal()` then `db.commit()`)
      // is blocked like any function: made async around it, it would await what query-to-select wrote on a sync
      // Session. Left plain with those awaits taken out, it keeps working on its sync session.
      if (fn.test && fn.sessionBlocker === null) {
        // `await` in a plain def does not compile: the test must become async, and a person must mark it.
        this.makeAsync(entry.key, { kind: 'seed', awaits: fn.firstAwait });
        this.flag(RULES.inTest, entry.path, fn.id, `${testWord(fn)} \`${fn.qualname}\` awaits \`${fn.firstAwait}\` and is made \`async def\`, but pytest only runs it with pytest-asyncio's marker (or fixture decorator)`);
        continue;
      }
      const decorated = this.syncDecorator(entry);
      const blocked = fn.ignored
        ? 'an `awaitify: ignore` marker or the `exclude-functions` configuration leaves it alone'
        : (fn.syncOnly ?? (fn.sessionBlocker ? `it still calls \`${fn.sessionBlocker}\` without await` : (this.handOffReason(entry) ?? (decorated && `the ${decorated}`) ?? this.libraryHook(entry))));
      if (blocked) {
        this.flag(
          RULES.callerBlocked,
          entry.path,
          fn.id,
          `\`${fn.qualname}\` awaits \`${fn.firstAwait}\` but cannot become async: ${blocked}; it is left a plain def, and the awaits written into it are taken out again (an await in a plain def does not compile), so its session calls are not converted`,
        );
        this.file(entry.path).keptPlain.push(fn.id);
        this.giveHeldFactoryBack(entry);
        continue;
      }
      this.makeAsync(entry.key, { kind: 'seed', awaits: fn.firstAwait });
    }
    this.seedStaleCalls();
  }

  /**
   * A method kept a plain def because the session its object keeps must stay sync (heldSessionKeptSync): where the class
   * fills that attribute from a session factory, insert-await's twin goes back (FilePlan.heldFactoriesBack). When the
   * class fills it only so (no `__init__` parameter stored there), the session is a sync Session for certain, and the
   * AWAIT-SYNC-CONTEXT findings on its calls in `__exit__` and the like go too (FilePlan.syncHeldClasses).
   */
  private giveHeldFactoryBack(entry: FnEntry): void {
    const handOff = this.syncHandOff(entry);
    const classId = entry.fn.classId;
    if (!handOff?.held || classId === null) return;
    const file = this.file(entry.path);
    const known = file.heldFactoriesBack.find((c) => c.id === classId);
    if (known?.attrs.includes(handOff.held)) return;
    if (known) known.attrs.push(handOff.held);
    else file.heldFactoriesBack.push({ id: classId, attrs: [handOff.held] });
    const holder = this.index.classSummary(entry.path, classId)?.holder;
    if (holder?.stores.some((x) => x.attr === handOff.held) || this.index.subclassesOf({ path: entry.path, id: classId }).length > 0) return;
    const settled = file.syncHeldClasses.find((c) => c.id === classId);
    if (settled) settled.attrs.push(handOff.held);
    else file.syncHeldClasses.push({ id: classId, attrs: [handOff.held] });
  }

  /**
   * A plain def handing a session to a function that is already `async def`, without await: what a
   * migration leaves behind when a file was migrated before its callers (a run on part of the project,
   * by hand). The session is async now, so the call is treated like a call to a function made async here,
   * and the project ends where one run on all of it ends. Only calls that hand over a session, or reach a
   * function that uses one (a service method on `self.db`): a sync def creating the coroutine of some other
   * async helper may mean to pass it on. A call handed to another call (`asyncio.run(f(db))`) passes the
   * coroutine on, and an async generator is iterated, not awaited: both are left alone.
   */
  private seedStaleCalls(): void {
    const sessionBound = this.sessionUsers();
    for (const entry of this.functions.values()) {
      if (!entry.fn.isAsync || entry.fn.isGenerator) continue;
      for (const site of this.callers.get(entry.key) ?? []) {
        const { call, caller } = site;
        if (!caller || caller.fn.isAsync || call.argumentOf !== undefined) continue;
        if (call.sessionArg || sessionBound.has(entry.key)) this.handleCall(site, entry);
      }
    }
  }

  /**
   * Functions that call the session, or hand it on, or call such a function (sync or async: a repository
   * not migrated yet will be), whatever they are now; seedStaleCalls reads it for those already `async def`.
   */
  private sessionUsers(): Set<string> {
    const users = new Set<string>();
    const queue: string[] = [];
    for (const entry of this.functions.values()) {
      if (entry.fn.calls.some((c) => c.onSession || c.sessionArg)) {
        users.add(entry.key);
        queue.push(entry.key);
      }
    }
    for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
      for (const { caller } of this.callers.get(key) ?? []) {
        if (!caller || users.has(caller.key)) continue;
        users.add(caller.key);
        queue.push(caller.key);
      }
    }
    return users;
  }

  private makeAsync(key: string, reason: Reason): void {
    if (this.newly.has(key)) return;
    this.newly.set(key, reason);
    this.newlyVersion++;
    this.queue.push(key);
  }

  private isAsyncAfter(key: string): boolean {
    return this.functions.get(key)?.fn.isAsync === true || this.newly.has(key);
  }

  /** Why a plain def cannot become async, or null. */
  private obstacle(entry: FnEntry): { rule: AsyncRule; why: string } | null {
    const { fn } = entry;
    if (fn.test) return { rule: RULES.inTest, why: `it is the ${testWord(fn)} \`${fn.qualname}\`, and tests are converted by their own stage` };
    if (fn.syncOnly) return { rule: RULES.syncContext, why: fn.syncOnly };
    if (fn.sessionBlocker) return { rule: RULES.callerBlocked, why: `\`${fn.qualname}\` still calls \`${fn.sessionBlocker}\` without await (insert-await left it unchanged), so it cannot become async` };
    const handOff = this.syncHandOff(entry);
    if (handOff) return { rule: RULES.callerBlocked, why: handOffWhy(entry, handOff) };
    if (fn.ignored) return { rule: RULES.callerBlocked, why: `\`${fn.qualname}\` is left alone by an \`awaitify: ignore\` marker on its \`def\` or by the \`exclude-functions\` configuration` };
    const decorated = this.syncDecorator(entry);
    if (decorated) return { rule: RULES.callerBlocked, why: `the ${decorated}` };
    const hook = this.libraryHook(entry);
    if (hook) return { rule: RULES.callerBlocked, why: hook };
    return null;
  }

  private handOffReason(entry: FnEntry): string | null {
    const handOff = this.syncHandOff(entry);
    return handOff ? handOffWhy(entry, handOff) : null;
  }

  /**
   * The first call by which a plain def hands the session it has to project code that stays a plain def and uses it
   * the sync way (SyncHandOff), or null. Such code (a CRUD helper whose `db.query(...).filter(*conds)` query-to-select
   * left, so insert-await left the helper unchanged) fails on an AsyncSession (`AttributeError: 'AsyncSession' object
   * has no attribute 'query'`): made async, the caller would hand it one (from `Depends(get_async_db)`, or from its own
   * async callers), so it cannot become async, as if it held the call itself. Read from the input alone (what stays
   * sync here does so whatever propagation decides), so it is the same answer at every point of the plan.
   */
  private syncHandOff(entry: FnEntry): SyncHandOff | null {
    return cached(this.handOffs, entry.key, () => {
      // Null while worked out: a cycle of plain defs handing the session round adds nothing.
      this.handOffs.set(entry.key, null);
      return this.findHandOff(entry);
    });
  }

  private findHandOff(entry: FnEntry): SyncHandOff | null {
    const built: { cls: { path: string; id: number }; slots: (number | string)[] }[] = [];
    for (const call of entry.fn.calls) {
      const handed = (call.sessionArg ?? []).filter((k) => !call.syncSessionArg?.includes(k));
      if (handed.length === 0 || call.onSession || call.ignored) continue;
      const made = this.index.evaluate(entry.path, call.callee);
      if (made.k === 'class') built.push({ cls: made, slots: handed });
      const target = this.index.resolveFunction(entry.path, call.callee);
      const callee = target ? this.functions.get(functionKey(target.path, target.id)) : undefined;
      if (!callee || callee.fn.isAsync || callee.fn.isGenerator || callee.fn.test) continue;
      const bound = callee.fn.kind === 'method' || callee.fn.kind === 'classmethod' ? 1 : 0;
      const params = handed.map((k) => paramAt(callee.fn.params?.sessions, typeof k === 'string' ? k : k + bound)).filter((n): n is string => n !== undefined);
      const blocker = callee.fn.sessionBlocker;
      if (blocker !== null && params.includes(blocker.slice(0, blocker.indexOf('.')))) return { call, callee, use: `calls \`${blocker}\` on it without await` };
      if (blocker !== null || params.length === 0) continue;
      const inner = this.syncHandOff(callee);
      if (inner) return { call, callee, use: `hands it to \`${inner.callee.fn.qualname}\`, which ${inner.use}` };
    }
    const held = this.heldSessionKeptSync(entry);
    if (held) return held;
    // `ItemService(db).search(conds)`: a method of an object built on the session, working on `self.db` the sync way.
    if (built.length === 0) return null;
    for (const call of entry.fn.calls) {
      if (call.onSession || call.ignored || call.callee.k !== 'attr') continue;
      const target = this.index.resolveFunction(entry.path, call.callee);
      const method = target ? this.functions.get(functionKey(target.path, target.id)) : undefined;
      if (!method || method.fn.isAsync || method.fn.classId === null) continue;
      const owner = { path: method.path, id: method.fn.classId };
      const objects = built.filter(({ cls }) => (this.index.mro(cls) ?? [cls]).some((c) => c.path === owner.path && c.id === owner.id));
      if (objects.length === 0) continue;
      const use = this.heldSessionUse(method) ?? this.unconvertedHeldUse(method, objects);
      if (use) return { call, callee: method, use, onObject: true };
    }
    return null;
  }

  /**
   * A method awaiting session calls on an attribute of its own object (`await self.session.commit()`, insert-await's
   * work), where its class also uses that attribute in a way that needs the sync Session: a session call left without
   * await in a method that cannot become async (`self.session.rollback()` in `__exit__`, reported AWAIT-SYNC-CONTEXT),
   * or `self.session` handed to a project class whose methods call it without await (`self.users =
   * UserRepository(self.session)` with an unannotated parameter). A unit of work opening its session from the factory
   * in `__init__`/`__enter__` is the usual shape: its one session cannot be an AsyncSession for `commit()` and a sync
   * Session for the rest, so the method stays a plain def with it, and insert-await's factory rename goes with it.
   */
  private heldSessionKeptSync(entry: FnEntry): SyncHandOff | null {
    const { fn } = entry;
    if (fn.kind !== 'method' || fn.classId === null) return null;
    const summary = this.index.classSummary(entry.path, fn.classId);
    const uses = summary?.holder?.uses ?? [];
    const awaited = new Set(uses.filter((u) => u.in === fn.name && u.awaited).map((u) => u.attr));
    if (awaited.size === 0 || !summary) return null;
    let found: SyncHandOff | null = null;
    for (const [name, id] of summary.methods) {
      const other = this.functions.get(functionKey(entry.path, id));
      if (!other || other.key === entry.key) continue;
      const left = other.fn.syncOnly ? uses.find((u) => u.in === name && !u.awaited && awaited.has(u.attr)) : undefined;
      const call = left ? (other.fn.calls.find((c) => c.line === left.line) ?? other.fn.calls[0]) : undefined;
      if (left && call && !found) {
        found = { call, callee: other, use: `calls \`self.${left.attr}.${left.method}(...)\` without await (line ${left.line}) on the same session, and cannot become async (${other.fn.syncOnly})`, held: left.attr };
      }
      for (const call of other.fn.calls) {
        if (call.ignored || call.onSession || !call.selfArgs) continue;
        const slots = call.selfArgs.filter(([, , attr]) => awaited.has(attr)).map(([k]) => k);
        if (slots.length === 0) continue;
        // Handed on to anything but a project class whose methods all use it the sync way, the session may be awaited
        // there (an annotated repository insert-await converted): no one answer then, and the plan decides as before.
        const made = this.index.evaluate(entry.path, call.callee);
        if (made.k !== 'class' || !this.heldOnlyUnconverted(made, slots)) return null;
        const attr = call.selfArgs.find(([k]) => slots.includes(k))?.[2] ?? '';
        for (const [, methodId] of this.index.classSummary(made.path, made.id)?.methods ?? []) {
          const target = this.functions.get(functionKey(made.path, methodId));
          const use = target ? this.unconvertedHeldUse(target, [{ cls: made, slots }]) : null;
          if (target && use && !found) found = { call, callee: target, use, held: attr, handedIn: other.fn.qualname };
        }
      }
    }
    return found;
  }

  /**
   * The project class, built with a session at `slots`, keeps it only where its own methods call it without await, as
   * insert-await left them (its `__init__` handing it on to anything else, or an awaited use, says no), and is async
   * nowhere: no coroutine method on its MRO.
   */
  private heldOnlyUnconverted(cls: { path: string; id: number }, slots: readonly (number | string)[]): boolean {
    const attrs = new Set<string>();
    for (const slot of slots) for (const a of this.index.heldAttributes(cls, typeof slot === 'string' ? { position: null, keyword: slot } : { position: slot, keyword: null })) attrs.add(a);
    if (attrs.size === 0) return false;
    const init = this.index.findMethod(cls, '__init__');
    if (init && this.index.function(init.path, init.id)?.calls.some((c) => c.sessionArg && !c.onSession)) return false;
    const handsOn = (this.index.classSummary(cls.path, cls.id)?.methods ?? []).some(([, id]) =>
      (this.index.function(cls.path, id)?.calls ?? []).some((c) => (c.selfArgs ?? []).some(([, , attr]) => attrs.has(attr))),
    );
    if (handsOn) return false;
    const held = this.index.heldUses(cls, attrs);
    if (held.length === 0 || held.some(({ use }) => use.awaited)) return false;
    return !(this.index.mro(cls) ?? []).some((c) => (this.index.classSummary(c.path, c.id)?.methods ?? []).some(([, id]) => this.functions.get(functionKey(c.path, id))?.fn.isAsync === true));
  }

  /**
   * A session call the method makes without await on the attribute in which the object keeps the session it was built
   * with (`self.session.scalar(...)` after `UserRepository(db)` stored `db` there), when insert-await did not take that
   * attribute for a session and left the call unconverted (no sessionBlocker then: an `__init__` parameter without a
   * `Session` annotation is not inferred). The holder's uses are read on the text insert-await wrote, so a call it
   * awaited does not count.
   */
  private unconvertedHeldUse(method: FnEntry, objects: readonly { cls: { path: string; id: number }; slots: readonly (number | string)[] }[]): string | null {
    for (const { cls, slots } of objects) {
      const attrs = new Set<string>();
      for (const slot of slots) for (const a of this.index.heldAttributes(cls, typeof slot === 'string' ? { position: null, keyword: slot } : { position: slot, keyword: null })) attrs.add(a);
      if (attrs.size === 0) continue;
      const left = this.index.heldUses(cls, attrs).find(({ path, use }) => path === method.path && use.in === method.fn.name && !use.awaited);
      if (left) return `calls \`self.${left.use.attr}.${left.use.method}(...)\` without await (line ${left.use.line}) on the session the object was built with`;
    }
    return null;
  }

  /**
   * How a method uses the session its object holds the sync way, or null: a session call left on `self.<attr>`, or
   * `self.<attr>` handed to code that stays sync on it (`crud.search(self.db, conds)`).
   */
  private heldSessionUse(method: FnEntry): string | null {
    const blocker = method.fn.sessionBlocker;
    if (blocker?.startsWith('self.')) return `calls \`${blocker}\` without await on the session the object was built with`;
    const inner = blocker === null ? this.syncHandOff(method) : null;
    const fromSelf = inner && !inner.onObject && (inner.call.selfArgs ?? []).some(([k]) => inner.call.sessionArg?.includes(k));
    return fromSelf ? `hands the session the object was built with to \`${inner.callee.fn.qualname}\`, which ${inner.use}` : null;
  }

  /**
   * Why a method may be a hook a third-party base class calls synchronously, or null. A class deriving from a
   * library's class (authlib's `AuthorizationServer`, Celery's `Task`, `logging.Handler`, `threading.Thread`)
   * overrides methods the library calls itself (`query_client`, `run`, `emit`), without await: made async, such a
   * method would only make a coroutine there, and silently do nothing. Which names the base calls cannot be read
   * from here, so every method of such a class stays sync. Bases that are only typing, data or ORM machinery
   * (NEUTRAL_BASES) do not call the project's methods.
   */
  private libraryHook(entry: FnEntry): string | null {
    const { fn } = entry;
    if (fn.classId === null || (fn.kind !== 'method' && fn.kind !== 'classmethod')) return null;
    const classId = fn.classId;
    return cached(this.hookBases, `${entry.path}#${classId}`, () => {
      const base = this.receivers.foreignBases({ path: entry.path, id: classId }).find((b) => !NEUTRAL_BASES.test(b));
      const cls = this.index.classSummary(entry.path, classId);
      return base === undefined
        ? null
        : `\`${cls?.qualname ?? '?'}\` derives from the third-party class \`${base}\`, which may call its methods itself, without await (as a coroutine function \`${fn.name}\` would then never run)`;
    });
  }

  /**
   * Why a decorator keeps the function sync, or null: one resolving to a project decorator whose wrapper calls the
   * function synchronously (FunctionSummary.syncWrapper). Made async, the function would only have its coroutine
   * created by the wrapper and dropped or handed back to callers that do not await it (a background task runner, a
   * scheduler): it would silently never run. Kept a plain def, it keeps running as it did. A decorator the index
   * cannot resolve (a third-party one, a class instance) is not looked into.
   */
  private syncDecorator(entry: FnEntry): string | null {
    return cached(this.decoratorBlockers, entry.key, () => {
      // The wrapper such a decorator returns stands in for every function it decorates (an `__init__` too), whose
      // callers do not await: made async, each of them would only make a coroutine.
      const parent = entry.fn.parentId === null ? undefined : this.functions.get(functionKey(entry.path, entry.fn.parentId));
      if (parent?.fn.syncWrapper) {
        return `wrapper \`${entry.fn.qualname}\` is what the decorator \`${parent.fn.qualname}\` puts in place of each function it decorates, and those are called without await, so as a coroutine function it would never run`;
      }
      for (const expr of entry.fn.decorators ?? []) {
        const found = this.index.resolveFunction(entry.path, expr);
        const decorator = found && this.functions.get(functionKey(found.path, found.id));
        if (decorator?.fn.syncWrapper) {
          return `decorator \`${decorator.fn.qualname}\` (${decorator.path}) of \`${entry.fn.qualname}\` wraps it in a plain def that calls it without await, so as a coroutine function it would never run`;
        }
        // Kept sync, it runs as before whoever calls it; made async, any caller of the registry calling it without
        // await would only make its coroutine, and those callers are not followed.
        if (decorator?.fn.registers) {
          return `decorator \`${decorator.fn.qualname}\` (${decorator.path}) of \`${entry.fn.qualname}\` registers it (hands it to something else and returns it unchanged): what calls it from there is not known, and as a coroutine function it would never run where that is without await`;
        }
      }
      return null;
    });
  }

  private spread(key: string): void {
    const target = this.functions.get(key) as FnEntry;
    for (const other of this.family.get(key) ?? []) {
      if (this.isAsyncAfter(other)) continue;
      const entry = this.functions.get(other) as FnEntry;
      const obstacle = this.obstacle(entry);
      if (obstacle) {
        this.flag(RULES.callerBlocked, entry.path, entry.fn.id, `\`${entry.fn.qualname}\` shares its name with the method \`${target.fn.qualname}\` (${target.path}) in the same class hierarchy, which becomes async, so calls through either must be awaited; but ${obstacle.why}`);
      } else this.makeAsync(other, { kind: 'family', other: key });
    }
    for (const site of this.callers.get(key) ?? []) this.handleCall(site, target);
    for (const { site, wrapper } of this.wrapped.get(key) ?? []) this.handleWrapper(site, wrapper, target);
    for (const { path, ref } of this.stored.get(key) ?? []) {
      if (ref.within !== undefined && awaitsWhatItIsGiven(ref.within, ref.keyword)) continue;
      const display = ref.receiver === 'dictionary' ? 'a dict' : `a ${ref.receiver}`;
      const where = ref.within === undefined ? display : `${display} passed to \`${ref.within}()\``;
      this.flag(RULES.syncContext, path, ref.start, `\`${ref.text}\` is stored in ${where}, but ${describe(target)} becomes async: whatever takes it out and calls it gets an un-awaited coroutine`);
    }
    for (const { site, ref } of this.referenced.get(key) ?? []) {
      const receiver = ref.receiver.split('.').pop() ?? ref.receiver;
      if (ASYNC_AWARE_RECEIVERS.has(receiver)) continue;
      this.flag(RULES.syncContext, site.path, ref.start, `\`${ref.text}\` is passed to \`${ref.receiver}()\`, which calls it without await, but ${describe(target)} becomes async: the call would return an un-awaited coroutine`);
    }
  }

  private handleCall(site: Site, target: FnEntry): void {
    const { call, caller, path } = site;
    if (call.awaited === 'yes' || call.ignored) return;
    if (caller?.fn.test) this.file(path).testFindings.add(call.start);
    const callee = `\`${call.text}(...)\` calls ${describe(target)}, which ${target.fn.isAsync ? 'is `async def`' : 'becomes async'}`;
    if (target.fn.isGenerator) {
      this.flagCall(target, RULES.generator, path, call.start, `\`${call.text}(...)\` calls the generator ${describe(target)}, which becomes an async generator: it must be iterated with \`async for\`, and is left as it is`);
      return;
    }
    if (call.awaited === 'misplaced') {
      this.flagCall(target, RULES.syncContext, path, call.start, `${callee}, but the \`await\` before it applies to the longer expression it starts`);
      return;
    }
    if (!caller) {
      if (call.mainEntry !== undefined && call.blocked === undefined) {
        this.file(path).entryRuns.push({ start: call.start, end: call.end, block: call.mainEntry, text: call.text, reason: `${ID}: the script runs ${target.fn.qualname}, which is async now, with asyncio.run()` });
        return;
      }
      this.file(path).moduleCalls.push({ start: call.start, end: call.end });
      this.flagCall(target, RULES.syncContext, path, call.start, `${callee}, but it runs ${call.blocked ?? 'at module level'}, where it cannot be awaited`);
      return;
    }
    if (call.blocked) {
      this.flagCall(target, RULES.syncContext, path, call.start, `${callee}, but it runs ${call.blocked}, where it cannot be awaited; this call does not make \`${caller.fn.qualname}\` async`);
      return;
    }
    if (!this.isAsyncAfter(caller.key)) {
      const obstacle = this.obstacle(caller);
      if (obstacle) {
        this.flagCall(target, obstacle.rule, path, call.start, `${callee}, but the caller cannot be async: ${obstacle.why}; the call is left without await`);
        return;
      }
      this.makeAsync(caller.key, { kind: 'calls', target: target.key, text: call.text });
    }
    this.file(path).awaits.push({ start: call.start, end: call.end, reason: `${ID}: await ${call.text}(): ${target.fn.qualname} is async now` });
  }

  /**
   * A function made async in this run whose every call is in code that stays sync (a library hook such as an authlib
   * server's `exists_nonce`, a `@property`, a Celery task, or another function kept sync here) would only hand those
   * callers a coroutine they cannot await. Kept a plain def, with the awaits written into it taken out again (as for
   * a function blocked itself), it runs as it did before the run, on the session those sync callers hand it, which
   * stays the sync Session they had. Iterated to a fixed point: the candidates are the functions nothing rules out
   * (mayStaySync), and one is dropped while a caller or callee of it stays async. What cannot be read from the index
   * keeps today's result (async, each caller flagged): a session that may be an AsyncSession (injected by
   * `Depends`, or made in an `async with`), a call awaited, blocked or unresolved that may reach it, a use as a value.
   */
  private keepSyncOnlyCalleesSync(): void {
    let settled = this.settleKept();
    // A dependency kept on the sync session for one handler holds only while every other handler of its object stays a
    // plain def too: one that cannot (it awaits something else) would get the sync Session it cannot await. Each such
    // dependency is let go (and flagged at the call, as before), and what stays sync is worked out again without it.
    for (let broken = this.brokenPins(settled?.kept); broken.length > 0; broken = this.brokenPins(settled?.kept)) {
      for (const key of broken) this.pinnedDependencies().delete(key);
      this.injectedSyncMemo.clear();
      settled = this.settleKept();
    }
    if (settled === null) return;
    const { kept, overrides, keptAsAsyncRoute, entries } = settled;
    for (const key of this.pinnedDependencies().keys()) {
      if ((this.dependencyConsumers().get(key) ?? []).some((c) => kept.has(c.key))) this.pinsKeeping.add(key);
    }
    // What stays sync only for handlers on a get_db with no twin, directly or through other such functions: said once,
    // by async-get-db's finding at each `Depends(get_db)`, not again at every function.
    const forNoTwin = new Set([...kept].filter((key) => overrides.has(key) || this.injectedSync(key)));
    const asyncRoutes = new Set<string>();
    for (const key of kept) {
      for (const { caller } of this.callers.get(key) ?? []) if (caller !== null && keptAsAsyncRoute(caller)) asyncRoutes.add(caller.key);
    }
    for (let grew = forNoTwin.size > 0 || asyncRoutes.size > 0; grew; ) {
      grew = false;
      for (const key of kept) {
        if (forNoTwin.has(key) || entries.has(key)) continue;
        const callers = this.callers.get(key) ?? [];
        // A kept entry point hands it the sync Session it had: no more to say than for the handlers beside it.
        if (!callers.every(({ caller }) => caller !== null && (forNoTwin.has(caller.key) || asyncRoutes.has(caller.key) || (entries.has(caller.key) && kept.has(caller.key))))) continue;
        forNoTwin.add(key);
        grew = true;
      }
    }
    for (const key of kept) {
      const e = this.functions.get(key) as FnEntry;
      this.newly.delete(key);
      this.newlyVersion++;
      this.keptPlain.add(key);
      const file = this.file(e.path);
      const own = new Set(e.fn.calls.map((c) => `${c.start}:${c.end}`));
      file.awaits = file.awaits.filter((a) => !own.has(`${a.start}:${a.end}`));
      if (forNoTwin.has(key) && !this.injectedSync(key)) file.annotationsBack.push({ id: e.fn.id, why: 'no-twin' });
      if (overrides.has(key)) {
        // It stands in for a get_db with no twin, for handlers kept on the sync Session: it must hand them one.
        if (e.fn.firstAwait !== null) file.keptPlain.push(e.fn.id);
        continue;
      }
      if (this.injectedSync(key)) {
        // A handler or dependency on a get_db with no twin: its own session awaits go, and its annotation goes back
        // (async-get-db said why, at its `Depends`).
        if (e.fn.firstAwait !== null) file.keptPlain.push(e.fn.id);
        file.keptSyncRoutes.push(e.fn.id);
        file.syncDependencyRoutes.push(e.fn.id);
        this.keptSync.add(key);
        this.flagKeptOnSyncProvider(e);
        continue;
      }
      if (entries.has(key)) {
        // What async-session wrote for its parameters goes back: the code calling it from outside has the sync Session it had.
        if ((e.fn.params?.sessions?.length ?? 0) > 0) file.annotationsBack.push({ id: e.fn.id, why: 'kept' });
        // Its module-level calls (`if __name__ == "__main__": main()`) keep calling a plain def: no `asyncio.run(...)`.
        for (const { path, call } of this.callers.get(key) ?? []) {
          const at = this.file(path);
          at.entryRuns = at.entryRuns.filter((r) => r.start !== call.start || r.end !== call.end);
          at.moduleCalls = at.moduleCalls.filter((m) => m.start !== call.start || m.end !== call.end);
        }
        continue;
      }
      if (e.fn.firstAwait === null) continue;
      file.keptPlain.push(e.fn.id);
      if (forNoTwin.has(key)) continue;
      file.annotationsBack.push({ id: e.fn.id, why: 'kept' });
      const callers = [
        ...new Set([
          ...(this.callers.get(key) ?? []).map((s) => `\`${(s.caller as FnEntry).fn.qualname}\``),
          ...(this.wrapped.get(key) ?? []).map(({ site }) => `\`${site.call.text}()\` in a thread`),
        ]),
      ];
      const shown = callers.length > 3 ? `${callers.slice(0, 3).join(', ')} and ${callers.length - 3} more` : callers.join(', ');
      this.flag(
        RULES.callerBlocked,
        e.path,
        e.fn.id,
        `\`${e.fn.qualname}\` awaits \`${e.fn.firstAwait}\` but stays a plain def: every call to it is in code that stays sync (${shown}), which could not await it; the awaits written into it are taken out again, so its session calls are not converted and need the sync Session those callers hand it`,
      );
    }
    // Those handlers keep calling them without await, as they did.
    for (const routeKey of asyncRoutes) {
      const route = this.functions.get(routeKey) as FnEntry;
      const own = new Set(route.fn.calls.map((c) => `${c.start}:${c.end}`));
      const file = this.file(route.path);
      file.awaits = file.awaits.filter((a) => !own.has(`${a.start}:${a.end}`));
    }
    // The findings on calls to what stays sync go: those calls keep calling a plain def.
    for (const [key, about] of this.callFlags) {
      if (![...about].every((k) => kept.has(k))) continue;
      this.callFlags.delete(key);
      this.flagged.delete(key);
      const [path, rule, offset] = key.split('\u0000') as [string, AsyncRule, string];
      const file = this.file(path);
      file.findings = file.findings.filter((f) => f.rule !== rule || f.offset !== Number(offset));
    }
  }

  /**
   * keepSyncOnlyCalleesSync's fixed point: the functions made async that stay plain defs (`kept`), with what the rest
   * of it reads; null when nothing may.
   */
  private settleKept(): {
    kept: Set<string>;
    overrides: Set<string>;
    keptAsAsyncRoute: (caller: FnEntry) => boolean;
    entries: Set<string>;
  } | null {
    if (this.newly.size === 0) return null;
    const suspected = this.suspected();
    const overrides = this.syncDependencyOverrides();
    const kept = new Set(
      [...this.newly.keys()].filter((key) => this.mayStaySync(key, suspected) || this.injectedMayStaySync(key, suspected) || (overrides.has(key) && this.overrideMayStaySync(key, suspected))),
    );
    if (kept.size === 0) return null;
    // Functions nothing calls, async only through what they call: they follow their callees (see entryMayFollow).
    const entries = new Set([...this.newly.keys()].filter((key) => this.entryMayFollow(key, suspected)));
    for (const key of entries) kept.add(key);
    const awaited = new Map<string, Map<string, string>>();
    const awaitedHere = (path: string): Map<string, string> =>
      cached(awaited, path, () => new Map((this.files.get(path)?.awaits ?? []).map((a) => [`${a.start}:${a.end}`, a.reason])));
    // The calls this plan awaits in each candidate, with what they reach (all of them must stay sync too).
    const awaits = new Map<string, string[]>();
    for (const key of kept) {
      const e = this.functions.get(key) as FnEntry;
      awaits.set(key, this.awaitedTargets(e, awaitedHere(e.path)));
    }
    const asyncAfter = (key: string): boolean => !kept.has(key) && this.isAsyncAfter(key);
    // A handler written `async def` on sync providers only, calling candidates without await before the run: it hands
    // them its sync Session, and keepAsyncRoutesOnSyncSessions leaves it as it was when every await this plan wrote into
    // it is on a call to a function kept sync here (those awaits go below).
    const routeAwaits = new Map<string, string[]>();
    const keptAsAsyncRoute = (caller: FnEntry): boolean => {
      if (!this.asyncRouteOnSyncSessions(caller)) return false;
      const targets = cached(routeAwaits, caller.key, () => this.awaitedTargets(caller, awaitedHere(caller.path)));
      return targets.every((t) => kept.has(t));
    };
    // A handler FastAPI fills with a sync Session for certain (on a provider that stays sync), or a function kept here
    // that such a handler calls (transitively): what it hands on is that sync Session.
    const onSyncProvider = (caller: FnEntry): boolean => this.injectedSync(caller.key) || keptAsAsyncRoute(caller) || this.blockedOnInjectedSession(caller);
    const anchored = (key: string, seen: Set<string>): boolean =>
      (this.callers.get(key) ?? []).some(
        ({ caller }) => caller !== null && (onSyncProvider(caller) || (kept.has(caller.key) && !entries.has(caller.key) && !seen.has(caller.key) && anchored(caller.key, seen.add(caller.key)))),
      );
    for (let changed = true; changed; ) {
      changed = false;
      for (const key of kept) {
        const sites = this.callers.get(key) ?? [];
        // Entry points say nothing about the session a callee is handed: one they call stays sync only beside a handler
        // on a provider that stays sync, whose sync Session it is handed for certain (other sync callers, a library
        // hook or an excluded function, may hand it anything: their callee is converted and they are flagged, as before).
        const withEntries = sites.some(({ caller }) => caller !== null && entries.has(caller.key));
        const callersSync = entries.has(key) || ((!withEntries || anchored(key, new Set([key]))) && sites.every(
          ({ caller }) =>
            caller !== null &&
            (keptAsAsyncRoute(caller) || (!asyncAfter(caller.key) && (!this.blockedOnInjectedSession(caller) || this.staysOnSyncSession(caller, (k) => !kept.has(k) && this.newly.has(k))))),
        ));
        // A method of a class whose other methods are async: the object's session is an AsyncSession they await.
        // Not one using only the sessions it is handed (`def get_by_user(self, db: Session, ...)` of a CRUD class): its
        // callers' session is the one it uses, whatever the object's other methods await.
        const classSync = this.usesOnlyHandedSessions(key) || this.classMethods(key).every((m) => m === key || !asyncAfter(m));
        if (callersSync && classSync && (awaits.get(key) ?? []).every((t) => kept.has(t))) continue;
        kept.delete(key);
        changed = true;
      }
    }
    return { kept, overrides, keptAsAsyncRoute, entries };
  }

  /**
   * The dependencies pinnedDependencies keeps on the sync session whose object reaches a function that stays async
   * after the run (`kept`: what keepSyncOnlyCalleesSync keeps a plain def): the dependency itself (it awaits something),
   * or a function FastAPI hands it to.
   */
  private brokenPins(kept: ReadonlySet<string> | undefined): string[] {
    const asyncAfter = (key: string): boolean => this.isAsyncAfter(key) && !kept?.has(key);
    return [...this.pinnedDependencies().keys()].filter(
      (key) => asyncAfter(key) || (this.dependencyConsumers().get(key) ?? []).some((c) => asyncAfter(c.key)),
    );
  }

  /**
   * Dependency functions building an object on their session for several handlers (`def get_catalog(db: Session =
   * Depends(get_db)): return Catalog(db)`), one of which calls a method of it that uses that session the sync way
   * (syncUsesOfInjectedObjects: `catalog.on_shelf(shelf)`, whose `self.db.query(...)` is left because the Query goes
   * back to the caller), by key, with the first such call. One object cannot hold an AsyncSession for the handlers
   * awaiting its other methods and a sync Session for that one: the dependency stays on the sync session, and what
   * FastAPI hands its object to is injected a sync Session (providersState), so those handlers, and the methods made
   * async only for them, stay plain defs as on a get_db with no twin (keepSyncOnlyCalleesSync), and keep working as
   * before. Read from the input; keepSyncOnlyCalleesSync lets one go when that cannot hold (brokenPins).
   */
  private pinnedDependencies(): Map<string, InjectedSyncUse> {
    if (this.pins) return this.pins;
    const pins = new Map<string, InjectedSyncUse>();
    for (const use of this.syncUsesOfInjectedObjects()) {
      if (!use.provider.fn.isAsync && !use.provider.fn.test && !pins.has(use.provider.key)) pins.set(use.provider.key, use);
    }
    return (this.pins = pins);
  }

  /**
   * Whether `key` may stay sync with its callees (keepSyncOnlyCalleesSync) although nothing in the project calls it (a
   * script's function, an entry point): a plain def made async only because it calls functions made async, with no
   * await of its own (nor any other async-only code) written into it. When every call this plan awaits in it is to a
   * function kept sync, it has nothing to await and stays as it was, handing those functions the session it had. It
   * never keeps a callee sync by itself (the fixed point wants another sync caller beside it): what session the code
   * that calls it from outside hands it is unknown, so without such a caller today's conversion stands.
   */
  private entryMayFollow(key: string, suspected: ReadonlySet<string>): boolean {
    const { fn } = this.functions.get(key) as FnEntry;
    if (fn.isAsync || fn.isGenerator || fn.route || fn.test || fn.stub || fn.syncOnly !== null || fn.params?.depends || fn.decorators !== undefined) return false;
    if (fn.firstAwait !== null || fn.asyncConstruct !== undefined || fn.sessionBlocker !== null) return false;
    // Module-level calls alone (a script's `if __name__ == "__main__": main()`) are plain calls too, which cannot await.
    const sites = this.callers.get(key) ?? [];
    if (sites.some(({ caller, call }) => caller !== null || call.awaited !== undefined || call.ignored || call.blocked !== undefined || handedToRunner(call.argumentOf))) return false;
    if ((this.wrapped.get(key)?.length ?? 0) > 0) return false;
    return !((this.family.get(key)?.size ?? 0) > 0 || this.referenced.has(key) || this.stored.has(key) || suspected.has(key));
  }

  /** What the calls of `e` this plan awaits (`awaited`, by `start:end`) resolve to, '' for a call it cannot resolve. */
  private awaitedTargets(e: FnEntry, awaited: ReadonlyMap<string, string>): string[] {
    const targets: string[] = [];
    for (const call of e.fn.calls) {
      if (!awaited.has(`${call.start}:${call.end}`)) continue;
      const target = this.index.resolveFunction(e.path, call.callee);
      targets.push(target ? functionKey(target.path, target.id) : '');
    }
    return targets;
  }

  /**
   * A route handler written `async def` before the run, every session of which is injected by a provider that stays
   * sync, whose only session awaits insert-await wrote are on those session parameters: keepAsyncRoutesOnSyncSessions
   * leaves it as it was (blocking on its sync Session, as before the run) unless this plan awaits something in it.
   */
  private asyncRouteOnSyncSessions(entry: FnEntry): boolean {
    const { fn } = entry;
    if (this.untwinned === null || !fn.isAsync || !fn.route || fn.test || fn.asyncBlocks || this.providersState(entry) !== 'sync') return false;
    const names = new Set((fn.params?.sessions ?? []).map(paramName));
    return fn.calls.every((c) => c.awaited === undefined || !c.onSession || names.has(c.text.slice(0, c.text.lastIndexOf('.'))));
  }

  /**
   * Whether nothing rules out keeping `key` sync (keepSyncOnlyCalleesSync), its callers' and callees' fate aside:
   * it is an ordinary function that only an earlier transform's awaits made async (no route, test, generator but a
   * module-level one on its own factory session, dependency, override, project or third-party decorator, or async-only code besides `await`), it is never used as a value or reached by a call the
   * index could not resolve, and it is called, only by plain calls that could not be awaited anyway, from functions
   * that do not get their session from FastAPI or an `async with`.
   */
  private mayStaySync(key: string, suspected: ReadonlySet<string>): boolean {
    const { fn } = this.functions.get(key) as FnEntry;
    if (fn.isAsync || fn.route || fn.test || fn.stub || fn.asyncConstruct?.includes('run_sync') || fn.params?.depends) return false;
    // A generator's callers iterate it (`for`, `yield from`, a comprehension), which no `await` fixes. One that only its own
    // factory session made async (a module-level function given no session) runs on the sync session it opens when kept;
    // a method's or closure's session, or a parameter, may be an AsyncSession its callers have.
    if (fn.isGenerator && (fn.classId !== null || fn.parentId !== null || fn.params !== undefined)) return false;
    // A decorator may await what it wraps (`async def wrapper(...): return await func(...)`) or register it.
    if (fn.decorators !== undefined) return false;
    if ((this.family.get(key)?.size ?? 0) > 0 || this.referenced.has(key) || this.stored.has(key) || suspected.has(key)) return false;
    // A thread-pool wrapper not awaited where it is written (`coro = to_thread(f, db)`) runs its target in a thread,
    // synchronously, as before the run: like a plain call from code that stays sync. One awaited is unwrapped instead.
    const threadRuns = this.wrapped.get(key) ?? [];
    if (threadRuns.some(({ site }) => site.call.awaited === 'yes' || site.call.ignored)) return false;
    // Only the session calls insert-await awaited: anything else awaited in it was not there before the run.
    if (fn.calls.some((c) => c.awaited !== undefined && !c.onSession)) return false;
    const sites = this.callers.get(key) ?? [];
    return (
      sites.length + threadRuns.length > 0 &&
      sites.every(({ caller, call }) => {
        if (!caller || call.awaited !== undefined || call.ignored || call.blocked !== undefined || handedToRunner(call.argumentOf)) return false;
        const c = caller.fn;
        // A handler given a sync Session by a get_db with no twin hands its callees that sync Session.
        if (this.injectedSync(caller.key)) return true;
        // So does one blocked by its own sync session use, once it goes back to the sync dependency (checked, with
        // what else it calls, in the fixed point: staysOnSyncSession).
        if (this.blockedOnInjectedSession(caller)) return true;
        // And a handler written `async def` on such providers only, left as it was if nothing else it calls stays async
        // (checked in the fixed point: keptAsAsyncRoute).
        if (this.asyncRouteOnSyncSessions(caller)) return true;
        return !c.test && !c.route && !c.params?.depends && !c.asyncConstruct?.includes('run_sync');
      })
    );
  }

  /**
   * Whether the session parameters of a route handler or dependency are injected by a sync provider (syncProvider: a
   * `get_db` that gets no async twin, async-get-db leaving its `Depends(get_db)`, or a provider of another name that
   * stays sync): at least one is, and none by a provider that is async (before the run or made async now), so every
   * session it has is a sync Session.
   */
  private injectedSync(key: string): boolean {
    if (this.untwinned === null) return false;
    return this.injectedState(key) === 'sync';
  }

  /**
   * What FastAPI injects into `key` by way of sessions: 'sync' when some session it is given, directly or held by an
   * object it is given (`svc: ItemService = Depends()` whose `__init__` takes `db: Session = Depends(get_db)`, or
   * `Depends(get_service)` on such a dependency), comes from a sync provider and none from another; 'other' when one
   * comes from a provider that is async or unknown; 'none' when it is given no session.
   */
  private injectedState(key: string): 'sync' | 'other' | 'none' {
    const memo = this.injectedSyncMemo.get(key);
    if (memo !== undefined) return memo;
    // A cycle through `Depends` (FastAPI would refuse it) says nothing: 'other' until decided.
    this.injectedSyncMemo.set(key, 'other');
    const state = this.computeInjectedState(key);
    this.injectedSyncMemo.set(key, state);
    return state;
  }

  private computeInjectedState(key: string): 'sync' | 'other' | 'none' {
    const entry = this.functions.get(key);
    if (!entry || entry.fn.isAsync) return 'other';
    return this.providersState(entry);
  }

  /** computeInjectedState's answer for `entry`, whether it is async or not. */
  private providersState(entry: FnEntry): 'sync' | 'other' | 'none' {
    let state: 'sync' | 'none' = 'none';
    for (const { provider, of, viaAlias } of this.injections(entry)) {
      const fn = provider ? this.functions.get(functionKey(provider.path, provider.id))?.fn : undefined;
      if (!provider && !viaAlias && this.keptThroughReexport(entry.path, of)) {
        state = 'sync';
        continue;
      }
      if (!provider || !fn) return 'other'; // a provider the index cannot see may yield anything
      if (!this.syncProvider(provider.path, provider.id)) return 'other';
      state = 'sync';
    }
    for (const { of } of entry.fn.objectDepends ?? []) {
      const built = this.builtBy(entry.path, of);
      if (built === null) continue; // not a project class or function: no session of the project's in it
      const inner = this.pinnedDependencies().has(built) ? 'sync' : this.injectedState(built);
      if (inner === 'other') return 'other';
      if (inner === 'sync') state = 'sync';
    }
    return state;
  }

  /**
   * The function FastAPI calls for `Depends(of)`: a project dependency function, or the `__init__` of a project class
   * (its own or inherited); null for anything else (a library class, a name the index cannot see).
   */
  private builtBy(path: string, of: Expr): string | null {
    const made = this.index.evaluate(path, of);
    if (made.k === 'class') {
      const init = this.index.findMethod(made, '__init__');
      return init ? functionKey(init.path, init.id) : null;
    }
    const fn = this.index.resolveFunction(path, of);
    return fn ? functionKey(fn.path, fn.id) : null;
  }

  /** The `__init__`s (and factories) FastAPI calls to build an object a parameter depends on (`svc: Service = Depends()`). */
  private objectDependencyInits(): Set<string> {
    if (this.objectInits) return this.objectInits;
    const keys = new Set<string>();
    for (const e of this.functions.values()) {
      for (const { of } of e.fn.objectDepends ?? []) {
        const key = this.builtBy(e.path, of);
        if (key !== null) keys.add(key);
      }
    }
    this.objectInits = keys;
    return keys;
  }

  /** The project functions some session parameter is injected by (`db: Session = Depends(f)`, or through an alias). */
  private sessionProviders(): Set<string> {
    if (this.sessionProviderKeys) return this.sessionProviderKeys;
    const keys = new Set<string>();
    for (const entry of this.functions.values()) {
      for (const { provider } of this.injections(entry)) if (provider) keys.add(functionKey(provider.path, provider.id));
    }
    return (this.sessionProviderKeys = keys);
  }

  /**
   * The session parameters `Depends(...)` injects into `entry`, with the project function providing each (null when
   * the index cannot see it): written out (`db: Session = Depends(f)`), or through an alias (`db: DbDep` with
   * `DbDep = Annotated[Session, Depends(f)]`: the alias's provider, as if written out).
   */
  private injections(entry: FnEntry): readonly Injection[] {
    const known = this.injectionMemo.get(entry.key);
    if (known) return known;
    const found = [
      ...(entry.fn.params?.depends ?? []).map((d) => ({ ...d, viaAlias: false, provider: this.index.resolveFunction(entry.path, d.of) })),
      ...(entry.fn.params?.aliasDepends ?? []).map((d) => ({ ...d, viaAlias: true, provider: this.index.aliasProvider(entry.path, d.of) })),
    ];
    this.injectionMemo.set(entry.key, found);
    return found;
  }

  /**
   * For each project function some parameter depends on, the functions FastAPI hands what it returns to: a session
   * parameter it injects (injections) or an object it builds (`svc: Service = Depends()`, builtBy), with how many such
   * parameters each has. Built once: asking every function for every dependency made the plan quadratic in the project.
   */
  private dependencyConsumers(): Map<string, { key: string; uses: number }[]> {
    if (this.consumerUses) return this.consumerUses;
    const out = new Map<string, { key: string; uses: number }[]>();
    for (const other of this.functions.values()) {
      const counts = new Map<string, number>();
      for (const { provider } of this.injections(other)) {
        if (provider === null) continue;
        const key = functionKey(provider.path, provider.id);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      for (const { of } of other.fn.objectDepends ?? []) {
        const key = this.builtBy(other.path, of);
        if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      for (const [key, uses] of counts) {
        const list = out.get(key);
        if (list) list.push({ key: other.key, uses });
        else out.set(key, [{ key: other.key, uses }]);
      }
    }
    return (this.consumerUses = out);
  }

  /**
   * A project session provider that injects a sync Session after the run: a get_db whose module async-engine's pass
   * listed as getting no twin, or a provider of any other name (`generate_session`, `get_session`: async-get-db
   * twins get_db only) that stays sync.
   */
  private syncProvider(path: string, id: number): boolean {
    const key = functionKey(path, id);
    const fn = this.functions.get(key)?.fn;
    if (!fn || fn.isAsync || this.newly.has(key)) return false;
    return fn.name !== this.untwinned!.getDbName || Object.prototype.hasOwnProperty.call(this.untwinned!.paths, path);
  }

  /**
   * A handler or dependency kept a plain def on a sync provider other than get_db (injectedSync): no GETDB-NO-TWIN
   * says why at its `Depends`, so it is said here, once per such parameter.
   */
  private flagKeptOnSyncProvider(e: FnEntry): void {
    for (const d of this.injections(e)) {
      const provider = d.provider;
      const fn = provider ? this.functions.get(functionKey(provider.path, provider.id))?.fn : undefined;
      if (!fn || fn.name === this.untwinned?.getDbName) continue;
      this.flag(
        RULES.syncSessionDependency,
        e.path,
        d.at,
        `\`${d.name}\` is injected by \`${fn.qualname}\` (${provider!.path}), which stays a sync ${fn.isGenerator ? 'generator' : 'function'} (awaitify writes an async twin for \`${this.untwinned?.getDbName ?? 'get_db'}\` only), so it is a sync Session; \`${e.fn.qualname}\` was kept a plain def on it, with the code it alone hands the session to`,
      );
    }
  }

  /**
   * `Depends(get_db)` on a `get_db` imported from a module that hands it on in a way no function resolves through
   * (`try: from .session import get_db` / `except ImportError: get_db = None`), listed among the untwinned paths
   * (EngineIndex.keptDependencyPaths): async-get-db left it, so it injects the sync Session.
   */
  private keptThroughReexport(path: string, of: Expr): boolean {
    const origin = this.index.importedFrom(path, of);
    return origin !== null && origin.name === this.untwinned!.getDbName && Object.prototype.hasOwnProperty.call(this.untwinned!.paths, origin.path);
  }

  /**
   * The functions installed as `dependency_overrides[get_db]` for a sync get_db that gets no async twin: async-get-db
   * left the key as it is, and the handlers depending on it stay sync, so the override must go on yielding a sync Session.
   */
  private syncDependencyOverrides(): Set<string> {
    const out = new Set<string>();
    if (this.untwinned === null) return out;
    for (const path of this.index.paths()) {
      for (const { key, value } of this.index.module(path)?.overrides ?? []) {
        const dependency = this.index.resolveFunction(path, key);
        const fn = dependency ? this.functions.get(functionKey(dependency.path, dependency.id))?.fn : undefined;
        const kept = dependency === null && this.keptThroughReexport(path, key);
        // Of a provider other than get_db, only one injecting session parameters (`get_current_user` is no such one).
        const session = !!dependency && (fn?.name === this.untwinned.getDbName || this.sessionProviders().has(functionKey(dependency.path, dependency.id)));
        if (!kept && (!dependency || !fn || !session || !this.syncProvider(dependency.path, dependency.id))) continue;
        const override = this.index.resolveFunction(path, value);
        if (override) out.add(functionKey(override.path, override.id));
      }
    }
    return out;
  }

  /**
   * Whether an override of a get_db with no twin (syncDependencyOverrides) may stay a plain def: made async only by
   * the session awaits insert-await wrote into it (on a session it opens on the async factory, which goes back to the
   * sync one), with no decorator, and called, if at all, only by plain calls.
   */
  private overrideMayStaySync(key: string, suspected: ReadonlySet<string>): boolean {
    const { fn } = this.functions.get(key) as FnEntry;
    // Its session opened on the async factory (`db = AsyncTestingSessionLocal()`, `async with`) goes back to the sync
    // one with the awaits (keptPlainEdits); a `run_sync` wrapper does not.
    if (fn.test || fn.route || fn.stub || fn.asyncConstruct?.includes('run_sync') || fn.decorators !== undefined || fn.params?.depends) return false;
    if ((this.family.get(key)?.size ?? 0) > 0 || this.referenced.has(key) || this.stored.has(key) || this.wrapped.has(key) || suspected.has(key)) return false;
    if (fn.calls.some((c) => c.awaited !== undefined && !c.onSession)) return false;
    return (this.callers.get(key) ?? []).every(({ caller, call }) => caller !== null && call.awaited === undefined && !call.ignored && call.blocked === undefined && call.argumentOf === undefined);
  }

  /**
   * Whether a handler or dependency given a sync Session by a get_db with no twin (injectedSync) may stay a plain def,
   * its callees' fate aside (keepSyncOnlyCalleesSync): made async only by the awaits insert-await wrote on that session
   * and by calls to what it hands the session to, no generator or test, no decorator but its route's, used by FastAPI
   * only (as a route, or named in `Depends(...)`), and called, if at all, only by plain calls that could not be
   * awaited anyway.
   */
  private injectedMayStaySync(key: string, suspected: ReadonlySet<string>): boolean {
    if (!this.injectedSync(key)) return false;
    const { fn } = this.functions.get(key) as FnEntry;
    if (fn.isGenerator || fn.test || fn.stub || fn.asyncConstruct !== undefined || fn.decorators !== undefined) return false;
    if ((this.family.get(key)?.size ?? 0) > 0 || this.stored.has(key) || this.wrapped.has(key) || suspected.has(key)) return false;
    if ((this.referenced.get(key) ?? []).some(({ ref }) => !/(^|\.)(Depends|Security)$/.test(ref.receiver))) return false;
    if (fn.calls.some((c) => c.awaited !== undefined && !c.onSession)) return false;
    return (this.callers.get(key) ?? []).every(({ caller, call }) => caller !== null && call.awaited === undefined && !call.ignored && call.blocked === undefined && call.argumentOf === undefined);
  }

  /**
   * A method given its session as a parameter that uses no session of its object: no session call on an attribute of
   * `self` or `cls` (`self.db.execute(...)`), and no attribute of its instance handed to a call (`crud.get(self.db)`).
   */
  private usesOnlyHandedSessions(key: string): boolean {
    const { fn } = this.functions.get(key) as FnEntry;
    if (fn.classId === null || (fn.params?.sessions?.length ?? 0) === 0) return false;
    return fn.calls.every((c) => !(c.onSession && /^(self|cls)\./.test(c.text)) && c.selfArgs === undefined);
  }

  /** The methods of a method's class and of its bases in the project (none for a function). */
  private classMethods(key: string): string[] {
    const { path, fn } = this.functions.get(key) as FnEntry;
    if (fn.classId === null) return [];
    const mro = this.index.mro({ path, id: fn.classId }) ?? [{ path, id: fn.classId }];
    return mro.flatMap((c) => (this.index.classSummary(c.path, c.id)?.methods ?? []).map(([, id]) => functionKey(c.path, id)));
  }

  /** The functions made async that a call, thread-pool target or reference the index could not resolve may reach. */
  private suspected(): ReadonlySet<string> {
    if (this.suspectedMemo?.version !== this.newlyVersion) this.suspectedMemo = { version: this.newlyVersion, keys: this.findSuspected() };
    return this.suspectedMemo.keys;
  }

  private findSuspected(): Set<string> {
    const suspects = new Suspects(this.index, this.receivers, [...this.newly.keys()].map((key) => this.functions.get(key) as FnEntry));
    const out = new Set<string>();
    // Many calls share one list (every `x.get(...)` on an object of unknown class: the methods named `get`).
    const added = new Set<FnEntry[]>();
    const add = (found: Suspect | null): void => {
      if (found === null || added.has(found.entries)) return;
      added.add(found.entries);
      for (const e of found.entries) out.add(e.key);
    };
    for (const site of [...this.unresolvedSessionCalls, ...this.unresolvedCalls]) add(suspects.of(site.path, site.call.callee));
    for (const site of this.unresolvedWrappers) if (site.call.wrapper) add(suspects.of(site.path, site.call.wrapper.target));
    for (const { site, ref } of this.unresolvedReferences) add(suspects.of(site.path, ref.expr));
    for (const { key } of this.shadowedCalls) out.add(key);
    // A call resolved to an interface's method (a Protocol's `...`) may run any method of that name.
    for (const key of this.callers.keys()) {
      const target = this.functions.get(key) as FnEntry;
      if (!target.fn.stub || target.fn.classId === null) continue;
      for (const e of suspects.methodsNamed(target.fn.name)) out.add(e.key);
    }
    return out;
  }

  private handleWrapper(site: Site, wrapper: WrapperSite, target: FnEntry): void {
    if (site.call.ignored) return;
    if (site.call.awaited !== 'yes') {
      this.flagCall(target, RULES.syncContext, site.path, site.call.start, `\`${site.call.text}(${wrapper.targetText}, ...)\` runs ${describe(target)} in a thread, but it becomes async; the wrapper is not awaited here, so it is not unwrapped automatically`);
      return;
    }
    this.file(site.path).unwraps.push({
      ...wrapper.edit,
      reason: `${ID}: call ${wrapper.targetText} directly: it is async now, and ${wrapper.kind} would only create its coroutine in a thread`,
    });
  }

  /**
   * `def get_item(item_id, db: Optional[Session] = None): with get_db_context(db) as db: return db.get(Item, item_id)`:
   * the body works on what the context manager yields, the session it is handed or one it opens. A plain `with`
   * drives it synchronously (a project `@contextmanager` stays a sync generator), so it opens sync sessions, and
   * nothing in the body is converted: the function stays a plain def whose session calls need a sync Session. Its
   * parameter annotations go back to `Session` (async-session wrote `AsyncSession`, which its code cannot use), and so
   * do the context manager's when such functions are its only callers. When every call to the function is in code
   * that stays sync (a route kept on the sync session, a plain def; not a test, nor a route or dependency on the async
   * session), those callers hand it the sync Session they have, as keepSyncOnlyCalleesSync takes it: nothing more is
   * said. Otherwise (a caller async after the run hands it an AsyncSession, on which its sync calls fail, or callers
   * the index cannot see) whether it should become async depends on what the context manager does with an
   * AsyncSession, which awaitify cannot know: it is left as it was and flagged once, at the `with`.
   */
  private keepReboundSessionsSync(): void {
    const suspected = this.suspected();
    // A manager binding another name (`with get_db_context(db) as session:`) counts when it is a project `@contextmanager`:
    // rebinding the parameter's own name says the manager hands back a session, another name says nothing alone.
    const sessionManager = (entry: FnEntry, through: Expr): boolean => {
      const fn = this.index.resolveFunction(entry.path, through);
      return this.functions.get(fn ? functionKey(fn.path, fn.id) : '')?.fn.contextManager === true;
    };
    for (const entry of this.functions.values()) {
      const rebound = entry.fn.params?.rebound?.filter((r) => r.as === undefined || sessionManager(entry, r.through));
      if (!rebound || rebound.length === 0 || this.isAsyncAfter(entry.key) || entry.fn.ignored) continue;
      this.rebound.set(entry.key, rebound);
      if (entry.fn.route || this.isDependency(entry.key)) {
        // FastAPI injects the session it rebinds: on the sync dependency again (keptSyncRouteEdits, annotation
        // included), it is handed the sync Session its code needs, as a handler kept on the sync session is.
        if (!this.keptSync.has(entry.key)) {
          this.file(entry.path).keptSyncRoutes.push(entry.fn.id);
          this.keptSync.add(entry.key);
        }
        continue;
      }
      this.file(entry.path).annotationsBack.push({ id: entry.fn.id, why: 'rebound' });
      const sites = this.callers.get(entry.key) ?? [];
      const asyncCallers = sites.filter(({ caller }) => caller !== null && this.isAsyncAfter(caller.key)).map(({ caller }) => `\`${(caller as FnEntry).fn.qualname}\``);
      if (this.handedSyncSessions(entry.key, suspected, new Set())) continue;
      const first = rebound[0] as NonNullable<ParamFacts['rebound']>[number];
      const shown = first.as ?? first.name;
      const who =
        asyncCallers.length > 0
          ? `${[...new Set(asyncCallers)].join(', ')}, async after the migration, hand${asyncCallers.length === 1 ? 's' : ''} it an AsyncSession, which its sync calls on \`${shown}\` cannot use`
          : sites.length === 0
            ? 'no call to it is known, so what its callers hand it is not known'
            : 'some of its callers are not code that stays sync on a sync Session (a test, a route or dependency on the async session, a plain def handing on the session a caller async after the migration gave it, a call awaitify cannot follow), so what they hand it may be an AsyncSession';
      const flagAt = flagKey(entry.path, RULES.unrecognisedSession, first.at);
      if (this.flagged.has(flagAt)) continue;
      this.flagged.add(flagAt);
      this.file(entry.path).findings.push({
        rule: RULES.unrecognisedSession,
        offset: first.at,
        hint: `Keep its callers on a sync Session (code that stays sync), or migrate it by hand: an \`@asynccontextmanager\` twin of the context manager yielding the AsyncSession it is handed (or one from the async session factory), opened with \`async with\`, the session calls awaited, the function made \`async def\` and awaited by its callers.`,
        message: `\`${entry.fn.qualname}\` ${first.as ? `hands its session parameter \`${first.name}\` to a context manager and works on what it yields, \`${first.as}\`` : `rebinds its session parameter \`${first.name}\` through the context manager it is handed to`}, driven by a plain \`with\`: its session calls work on what that yields (the session it is handed, or a sync one it opens), so the function is left a plain def on a sync \`Session\`; ${who}`,
      });
    }
    // The context managers these functions rebind through: when they are all their callers, they are handed sync Sessions too.
    const managers = new Map<string, FnEntry>();
    for (const [key, rebound] of this.rebound) {
      const entry = this.functions.get(key) as FnEntry;
      for (const { through } of rebound) {
        const fn = this.index.resolveFunction(entry.path, through);
        const manager = fn ? this.functions.get(functionKey(fn.path, fn.id)) : undefined;
        if (manager && manager.fn.contextManager && !this.isAsyncAfter(manager.key)) managers.set(manager.key, manager);
      }
    }
    for (const manager of managers.values()) {
      const sites = this.callers.get(manager.key) ?? [];
      if (sites.length > 0 && sites.every(({ caller }) => caller !== null && this.rebound.has(caller.key))) this.file(manager.path).annotationsBack.push({ id: manager.fn.id, why: 'rebound' });
    }
  }

  /**
   * Every call to the function is in code that stays sync and holds a sync Session: a route or dependency kept on the
   * sync session (or injected by a provider left sync), or a plain def that is none of a test, a route or a dependency,
   * and that either has no session parameter (it made its session, from a factory that stays sync in it) or is itself
   * called only so (followed up its callers; a cycle adds no other origin). A plain def handing on a parameter its own
   * async caller filled would pass an AsyncSession.
   */
  private handedSyncSessions(key: string, suspected: ReadonlySet<string>, seen: Set<string>): boolean {
    const sites = this.callers.get(key) ?? [];
    if (sites.length === 0 || this.referenced.has(key) || this.stored.has(key) || suspected.has(key) || this.wrapped.has(key)) return false;
    seen.add(key);
    return sites.every(({ caller, call }) => {
      if (!caller || call.awaited !== undefined || call.ignored || call.argumentOf !== undefined || this.isAsyncAfter(caller.key)) return false;
      if (this.keptSync.has(caller.key) || this.injectedSync(caller.key)) return true;
      const c = caller.fn;
      if (c.test || c.route || c.params?.depends || this.isDependency(caller.key)) return false;
      const holdsParameter = (c.params?.sessions?.length ?? 0) + (c.params?.untypedSessionLike?.length ?? 0) + (c.params?.rebound?.length ?? 0) > 0;
      return !holdsParameter || seen.has(caller.key) || this.handedSyncSessions(caller.key, suspected, seen);
    });
  }

  /**
   * Once anything became async, every call the index could not resolve that may reach a function made
   * async is flagged: one handing a session to an unknown function (ASYNC-CALL-UNRESOLVED), and one whose
   * name is that of a function made async, called on an object that is not provably foreign
   * (ASYNC-CALL-UNKNOWN-RECEIVER). Never awaited on a name guess: `find` may be another class's sync method.
   * When nothing became async, a sync function handing its session to an unknown function is still
   * flagged: the session is async after the switch, and a callee the run cannot see (a module left out of
   * it) is the likeliest reason nothing became async.
   */
  /**
   * The session resolver reads one function at a time, so an unannotated parameter is never a session to it, and
   * the session calls on one are left as they are. Across the project a call shows what it is: a session handed to
   * that parameter, or the parameter handed on to another function's session parameter. Then those calls, left
   * sync on what is an AsyncSession after the migration, are flagged at each call, with annotating the parameter
   * as the fix (the next run then converts them).
   */
  private flagUntypedSessionParameters(): void {
    for (const callee of this.functions.values()) {
      const params = callee.fn.params;
      if (!params) continue;
      for (const site of this.callers.get(callee.key) ?? []) {
        // A positional argument's position among the parameters: after `self`/`cls` for a method called on its object.
        const bound = callee.fn.kind === 'method' || callee.fn.kind === 'classmethod' ? 1 : 0;
        const at = (key: number | string): number | string => (typeof key === 'string' ? key : key + bound);
        // A session that stays sync (its factory gets no async twin) is what the callee's sync calls need.
        const handed = (site.call.sessionArg ?? []).filter((key) => !site.call.syncSessionArg?.includes(key));
        for (const key of (site.caller && this.keptSync.has(site.caller.key)) || this.rebound.has(callee.key) ? [] : handed) {
          const name = paramAt(params.untypedSessionLike, at(key));
          if (name === undefined) continue;
          const why = `\`${site.caller?.fn.qualname ?? 'module code'}\` (${site.path}) passes it a session`;
          // A plain def handing on its session parameter may turn out to be handed only sync Sessions itself
          // (sendHandedSyncAnnotationsBack, later): then so is this callee, and there is nothing to say.
          if (site.caller && (site.caller.fn.params?.sessions?.length ?? 0) > 0 && !site.caller.fn.isAsync && !this.newly.has(site.caller.key)) {
            this.handedThrough.push({ callee, name, why, caller: site.caller.key });
          } else this.flagSessionLikeUses(callee, name, why, true);
        }
        // A callee kept a plain def for its sync callers keeps its sync session calls: what they hand it stays the
        // sync Session it is. (One that stays sync otherwise may still store the session for async methods.)
        // A function rebinding its session through a sync context manager is dealt with, and said, as one (keepReboundSessionsSync).
        if (!site.caller || this.keptPlain.has(callee.key) || this.rebound.has(site.caller.key)) continue;
        for (const [key, own] of site.call.likeArgs ?? []) {
          const name = paramAt(params.sessions, at(key));
          if (name !== undefined) {
            this.flagSessionLikeUses(site.caller, own, `it is passed on to \`${callee.fn.qualname}\` (${callee.path}), whose parameter \`${name}\` is a session`, false);
          }
        }
      }
    }
    this.flagSessionsPassedOnFurther();
  }

  /**
   * `def get_or_create(db, name): db.query(Item)...; return create(db, name)`, where `create(db, name)` (unannotated
   * too) hands `db` on to `get_item(db: Session, ...)`: the parameter reaches a session parameter through another
   * function that uses it like a session, so after the migration it is an AsyncSession as well, and its session calls,
   * left as they are, break just as one call away (flagSessionLikeUses). Followed to a fixed point along those
   * functions, each step past a callee kept a plain def for its sync callers stopped there, as above.
   */
  private flagSessionsPassedOnFurther(): void {
    /** `${function key}\u0000${parameter}` → the step it takes towards a session parameter, for the message. */
    const carries = new Map<string, string>();
    const carry = (key: string, name: string): string => `${key}\u0000${name}`;
    const steps: { caller: FnEntry; own: string; callee: FnEntry; name: string | undefined; session: string | undefined }[] = [];
    for (const callee of this.functions.values()) {
      const params = callee.fn.params;
      if (!params || this.keptPlain.has(callee.key)) continue;
      const bound = callee.fn.kind === 'method' || callee.fn.kind === 'classmethod' ? 1 : 0;
      for (const site of this.callers.get(callee.key) ?? []) {
        if (!site.caller || this.keptPlain.has(site.caller.key) || this.rebound.has(site.caller.key)) continue;
        for (const [key, own] of site.call.likeArgs ?? []) {
          const at = typeof key === 'string' ? key : key + bound;
          const session = paramAt(params.sessions, at);
          steps.push({ caller: site.caller, own, callee, name: paramAt(params.untypedSessionLike, at), session });
          if (session !== undefined) carries.set(carry(site.caller.key, own), `\`${callee.fn.qualname}\` (${callee.path}), whose parameter \`${session}\` is a session`);
        }
      }
    }
    const direct = new Set(carries.keys());
    for (let grew = true; grew; ) {
      grew = false;
      for (const step of steps) {
        if (step.name === undefined || !carries.has(carry(step.callee.key, step.name)) || carries.has(carry(step.caller.key, step.own))) continue;
        carries.set(carry(step.caller.key, step.own), `\`${step.callee.fn.qualname}\` (${step.callee.path}), whose parameter \`${step.name}\` goes on to ${carries.get(carry(step.callee.key, step.name))}`);
        grew = true;
      }
    }
    for (const [at, towards] of carries) {
      if (direct.has(at)) continue;
      const [key, own] = at.split('\u0000') as [string, string];
      this.flagSessionLikeUses(this.functions.get(key) as FnEntry, own, `it is passed on to ${towards}`, false);
    }
  }

  /**
   * `db: Session = payload["db"]`: the annotation says it is a session, but it comes from where the resolver cannot
   * follow (an event payload, a context object), so its calls are left sync. Once the migration switched sessions
   * to AsyncSession (something became async), the code handing it over may well hold one now: the calls are flagged.
   */
  private flagAnnotatedSessionLocals(): void {
    if (this.newly.size === 0) return;
    for (const entry of this.functions.values()) {
      for (const { name, value } of entry.fn.params?.sessionLocals ?? []) {
        this.flagSessionLikeUses(entry, name, `it is annotated as one, and takes its value from \`${value}\`, which awaitify cannot follow to where the session is made`, 'annotated');
      }
    }
  }

  /**
   * A parameter taken for a session because the calls the project pass recorded hand it one
   * (TransformOptions.sessionParams): that pass reads only files with a session word, so a call elsewhere may hand
   * it something else. Every call the index resolves is checked here, and every reference to the function (a
   * caller this run cannot see): each that does not hand that parameter a session is flagged, and so is the
   * function, whose session code was converted on that assumption.
   */
  private checkInferredSessionParameters(): void {
    for (const [path, fns] of Object.entries(this.inferred)) {
      const module = this.index.module(path);
      if (!module) continue;
      for (const fn of module.functions) {
        // As session-params.ts names them: module-level functions, and plain methods, staticmethods and classmethods
        // of module-level classes, whose calls are bound (their argument positions start after `self` or `cls`).
        const method = fn.parentId === null && fn.classId !== null && fn.kind !== 'function';
        const name = fn.parentId === null && fn.classId === null ? fn.name : method ? fn.qualname : null;
        const params = name !== null && Object.prototype.hasOwnProperty.call(fns, name) ? fns[name]! : null;
        if (!params) continue;
        const key = functionKey(path, fn.id);
        const names = Object.keys(params);
        const bound = method && fn.kind !== 'staticmethod' ? 1 : 0;
        const positions = new Map(names.map((n) => [n, positionOf(fn.params?.sessions, n)]));
        const problems: { path: string; offset: number; what: string }[] = [];
        for (const site of this.callers.get(key) ?? []) {
          const given = new Set(site.call.sessionArg ?? []);
          for (const name of names) {
            const at = positions.get(name);
            if (given.has(name) || (typeof at === 'number' && given.has(at - bound))) continue;
            problems.push({ path: site.path, offset: site.call.start, what: `\`${site.call.text}(...)\` (${site.path}, line ${site.call.line}) hands \`${name}\` something that is not a session this run knows` });
          }
        }
        for (const { site, ref } of this.referenced.get(key) ?? []) {
          problems.push({ path: site.path, offset: ref.start, what: `${site.path} passes it on uncalled (line ${site.call.line}, to \`${ref.receiver}\`), to code whose calls this run cannot check` });
        }
        for (const { path: at, ref } of this.stored.get(key) ?? []) problems.push({ path: at, offset: ref.start, what: `${at} stores it (\`${ref.text}\`), for callers this run cannot check` });
        if (problems.length === 0) continue;
        const taken = names.map((n) => `\`${n}\``).join(', ');
        for (const p of problems) this.flag(RULES.inferredSession, p.path, p.offset, `\`${fn.qualname}\` (${path}) takes ${taken} for a session because other calls hand it one, and was converted so; ${p.what}: check it`);
        this.flag(RULES.inferredSession, path, fn.id, `${taken} of \`${fn.qualname}\` was taken for a session because calls hand it one, and its session calls were converted; ${problems.length} place${problems.length === 1 ? '' : 's'} may hand it something else: ${problems.slice(0, 3).map((p) => p.what).join('; ')}${problems.length > 3 ? '; ...' : ''}`);
      }
    }
  }

  /**
   * Every call of a function that awaits its session (async already, or made async now), with its session parameter
   * for an argument key (a keyword, or a position counted as written at the call: a method's `self` is added).
   */
  private *callsAwaitingSessions(): Generator<{ callee: FnEntry; site: Site; param: (key: string | number) => string | undefined }> {
    for (const callee of this.functions.values()) {
      const sessions = callee.fn.params?.sessions;
      if (!sessions || !(callee.fn.isAsync || this.newly.has(callee.key))) continue;
      const bound = callee.fn.kind === 'method' || callee.fn.kind === 'classmethod' ? 1 : 0;
      const param = (key: string | number): string | undefined => paramAt(sessions, typeof key === 'string' ? key : key + bound);
      for (const site of this.callers.get(callee.key) ?? []) yield { callee, site, param };
    }
  }

  /**
   * `with unit() as session: await repo.get_all(session)`: what a project `@contextmanager` (a plain generator) yields
   * goes to the session parameter of a function made async. The context manager hands out a sync Session, which the
   * coroutine function awaits: flagged at the argument, as for a sync factory's session (the call is awaited all the
   * same, as it must be once the context manager yields an AsyncSession).
   */
  private flagManagedSessions(): void {
    for (const { callee, site, param } of this.callsAwaitingSessions()) {
      for (const [key, at, managerExpr, wrapped] of site.call.managedArgs ?? []) {
        const name = param(key);
        if (name === undefined) continue;
        const manager = this.index.resolveFunction(site.path, managerExpr);
        const managerKey = manager ? functionKey(manager.path, manager.id) : null;
        const fn = managerKey ? this.functions.get(managerKey)?.fn : undefined;
        // `contextmanager(get_db)()`: a plain generator made a context manager at the call.
        const managed = wrapped ? fn?.isGenerator && !fn.isAsync : fn?.contextManager;
        if (!manager || !fn || !managed || this.newly.has(managerKey as string)) continue;
        const yields = yieldsBy(wrapped);
        this.flag(
          RULES.syncSessionArg,
          site.path,
          at,
          `the argument for \`${name}\` of \`${callee.fn.qualname}\` (${callee.path}), a coroutine function now that awaits its session, is what \`${fn.qualname}\` (${manager.path}) yields, ${yields}: a sync Session, which fails at the first await`,
        );
      }
    }
  }

  /**
   * `with session_scope() as session: return await ItemRepository(session).names()`: what a project `@contextmanager`
   * (a plain generator that stays one) yields is handed to a project class that keeps it and awaits calls on it now,
   * directly or through plain helpers passing it on unchanged (`new_item_repository(session)`). The sync Session fails
   * at the class's first await, though the caller only built the object. Flagged at the argument, as flagManagedSessions
   * does for a function awaiting its session.
   */
  private flagManagedSessionsHeld(): void {
    for (const entry of this.functions.values()) {
      for (const call of entry.fn.calls) {
        if (!call.managedArgs || call.ignored) continue;
        const holder = this.index.evaluate(entry.path, call.callee);
        const helper = holder.k === 'class' ? null : this.index.resolveFunction(entry.path, call.callee);
        if (holder.k !== 'class' && !helper) continue;
        for (const [key, at, managerExpr, wrapped] of call.managedArgs) {
          const manager = this.index.resolveFunction(entry.path, managerExpr);
          const managerKey = manager ? functionKey(manager.path, manager.id) : null;
          const fn = managerKey ? this.functions.get(managerKey)?.fn : undefined;
          const managed = wrapped ? fn?.isGenerator && !fn.isAsync : fn?.contextManager;
          if (!manager || !fn || !managed || this.isAsyncAfter(managerKey as string)) continue;
          const found = holder.k === 'class' ? this.heldAwaitedUse(holder, [key], 0) : null;
          const through = helper ? this.handedToAwaitingHolder(helper, key, 0, new Set()) : null;
          const awaited = found ?? through?.awaited;
          if (!awaited) continue;
          const yields = yieldsBy(wrapped);
          const via = through ? ` hands it on (${through.path.join(' -> ')}), where` : ` keeps it, and`;
          this.flag(
            RULES.syncSessionArg,
            entry.path,
            at,
            `\`${call.text}\` is handed what \`${fn.qualname}\` (${manager.path}) yields, ${yields}: a sync Session; but it${via} calls on it are awaited now (\`${awaitedText(awaited)}\` in \`${awaited.use.in}\`, ${awaited.path}:${awaited.use.line}): it fails at the first await; open an AsyncSession from the async factory instead (\`async with AsyncSessionLocal() as session:\`)`,
          );
        }
      }
    }
  }

  /**
   * `crud.create_item(db_session, name)` with `db_session = SessionLocal()` (or `scoped_session(SessionLocal)`) at
   * module level, imported from another module: a global sync Session handed to a function made async, which awaits
   * it. session-args flags a module's own factory-made globals; this follows imports to the module binding the name
   * (a registry counts in its own module too). Flagged at the argument; the call is awaited all the same.
   */
  private flagGlobalSessions(): void {
    for (const { callee, site, param } of this.callsAwaitingSessions()) {
      for (const [key, at, expr, defaulted] of site.call.globalArgs ?? []) {
        const name = param(key);
        if (name === undefined) continue;
        const from = this.index.importedFrom(site.path, expr) ?? (expr.k === 'global' ? { path: site.path, name: expr.name } : null);
        const kind = from ? this.index.module(from.path)?.sessions?.find(([n]) => n === from.name)?.[1] : undefined;
        // A module's own factory-made global is session-args' to flag, but not when it arrives as a default.
        if (!from || !kind || (from.path === site.path && kind === 'factory' && defaulted === undefined)) continue;
        const what = kind === 'registry' ? 'a `scoped_session(...)` registry, whose methods run on a sync Session' : 'a sync Session';
        const held = defaulted === undefined ? `\`${from.name}\`` : `\`${defaulted}\`, a parameter pytest leaves at its default \`${from.name}\``;
        this.flag(
          RULES.syncSessionArg,
          site.path,
          at,
          `the argument for \`${name}\` of \`${callee.fn.qualname}\` (${callee.path}), a coroutine function now that awaits its session, is ${held}, made at module level in ${from.path}: ${what}, which fails at the first await; open an AsyncSession from the async factory in the caller (\`async with AsyncSessionLocal() as db:\`) and hand it that`,
        );
      }
    }
    this.flagGlobalSessionsHeld();
    this.flagGlobalSessionsThroughHelpers();
  }

  /**
   * `ItemService(db_session).create(...)` with `db_session` a module-level sync Session or `scoped_session(...)`
   * registry: the class keeps it and now awaits calls on it, so it fails at its first await, though the caller only
   * built the object. Flagged at the argument, as for a function awaiting its session.
   */
  private flagGlobalSessionsHeld(): void {
    for (const entry of this.functions.values()) {
      for (const call of entry.fn.calls) {
        if (!call.globalArgs || call.ignored) continue;
        const holder = this.index.evaluate(entry.path, call.callee);
        if (holder.k !== 'class') continue;
        for (const [key, at, expr] of call.globalArgs) {
          const from = this.globalSession(entry.path, expr);
          const awaited = from ? this.heldAwaitedUse(holder, [key], 0) : null;
          if (!from || !awaited) continue;
          this.flag(
            RULES.syncSessionArg,
            entry.path,
            at,
            `\`${call.text}\` is handed \`${from.name}\`, made at module level in ${from.path}: ${from.what}, but keeps it, and calls on it are awaited now (\`${awaitedText(awaited)}\` in \`${awaited.use.in}\`, ${awaited.path}:${awaited.use.line}): it fails at the first await; open an AsyncSession from the async factory in the caller (\`async with AsyncSessionLocal() as db:\`) and hand it that`,
          );
        }
      }
    }
  }

  /**
   * `init_db(db_session)` with `def init_db(db): UserService(db).create_user(...)`: the global sync Session or registry
   * is handed through plain helpers (their parameter unannotated or a session, passed on unchanged) to a class that
   * keeps it and awaits calls on it now, as flagGlobalSessionsHeld finds for a class handed it directly. Flagged at the
   * original argument; a hand-off not followed (an unresolved helper, the parameter stored elsewhere) says nothing.
   */
  private flagGlobalSessionsThroughHelpers(): void {
    for (const entry of this.functions.values()) {
      for (const call of entry.fn.calls) {
        if (!call.globalArgs || call.ignored) continue;
        const helper = this.index.resolveFunction(entry.path, call.callee);
        if (!helper) continue;
        for (const [key, at, expr] of call.globalArgs) {
          const from = this.globalSession(entry.path, expr);
          const found = from ? this.handedToAwaitingHolder(helper, key, 0, new Set()) : null;
          if (!from || !found) continue;
          const { awaited } = found;
          this.flag(
            RULES.syncSessionArg,
            entry.path,
            at,
            `\`${call.text}\` is handed \`${from.name}\`, made at module level in ${from.path}: ${from.what}, and hands it on (${found.path.join(' -> ')}), where calls on it are awaited now (\`${awaitedText(awaited)}\` in \`${awaited.use.in}\`, ${awaited.path}:${awaited.use.line}): it fails at the first await; open an AsyncSession from the async factory in the caller (\`async with AsyncSessionLocal() as db:\`) and hand it that`,
          );
        }
      }
    }
  }

  /**
   * The class a plain function hands its argument at `key` on to, unchanged (CallSite.paramArgs), directly or through
   * further such functions (MAX_HELD_DEPTH deep, each visited once), that keeps it and awaits calls on it, or the
   * function awaiting its session it reaches: the path of qualnames to that call, with the awaited use; null when none.
   */
  private handedToAwaitingHolder(target: { path: string; id: number }, key: number | string, depth: number, seen: Set<string>): { path: string[]; awaited: HeldAwaitedUse } | null {
    const fnKey = functionKey(target.path, target.id);
    const fn = this.index.function(target.path, target.id);
    if (depth > MAX_HELD_DEPTH || seen.has(fnKey) || !fn || (fn.kind !== 'function' && fn.kind !== 'staticmethod' && fn.kind !== 'classmethod')) return null;
    seen.add(fnKey);
    const params = new Set(fn.calls.flatMap((c) => (c.paramArgs ?? []).map(([, , p]) => p)));
    // A class method's positions count `cls`, which the call (`Repo.build(db)`) does not write.
    const bound = fn.kind === 'classmethod' ? 1 : 0;
    const name = paramAt([...params], typeof key === 'string' ? key : key + bound);
    if (name === undefined) return null;
    for (const call of fn.calls) {
      const keys = (call.paramArgs ?? []).filter(([, , p]) => paramAt([p], name) === name).map(([k]) => k);
      if (keys.length === 0 || call.ignored) continue;
      const made = this.index.evaluate(target.path, call.callee);
      if (made.k === 'class') {
        const awaited = this.heldAwaitedUse(made, keys, 0);
        if (awaited) return { path: [fn.qualname, call.text], awaited };
        continue;
      }
      const next = this.index.resolveFunction(target.path, call.callee);
      if (!next) continue;
      // `def init_db(db: Session)` awaiting its session: the hand-off ends there, as for a function handed it directly.
      if (this.awaitingSessionSlot(target.path, call, keys) !== undefined) {
        return { path: [fn.qualname, call.text], awaited: { path: target.path, use: { attr: '', method: '', line: call.line, in: fn.qualname, text: `await ${call.text}(...)` } } };
      }
      for (const k of keys) {
        const deeper = this.handedToAwaitingHolder(next, k, depth + 1, seen);
        if (deeper) return { path: [fn.qualname, ...deeper.path], awaited: deeper.awaited };
      }
    }
    return null;
  }

  /** The module-level sync session (or registry) an argument names, found through imports; null when it is none. */
  private globalSession(path: string, expr: Expr): { name: string; path: string; what: string } | null {
    const from = this.index.importedFrom(path, expr) ?? (expr.k === 'global' ? { path, name: expr.name } : null);
    const kind = from ? this.index.module(from.path)?.sessions?.find(([n]) => n === from.name)?.[1] : undefined;
    if (!from || !kind || (from.path === path && kind === 'factory')) return null;
    const what = kind === 'registry' ? 'a `scoped_session(...)` registry, whose methods run on a sync Session' : 'a sync Session';
    return { name: from.name, path: from.path, what };
  }

  /**
   * `with session_factory() as db: await crud.get_item(db, name)` (or `db = self._session_factory()`), the factory a
   * parameter annotated `Callable[[], Session]` or defaulting to `SessionLocal`: what the caller is handed (its
   * default, at least) is a sync factory, so the coroutine function gets a sync Session and fails at its first await.
   * Nothing names a factory the run knows, so nothing was switched and nothing said it was a session. Flagged at the
   * argument; the call is awaited all the same.
   */
  private flagInjectedFactorySessions(): void {
    for (const { callee, site, param } of this.callsAwaitingSessions()) {
      for (const [key, at, what] of site.call.injectedArgs ?? []) {
        const name = param(key);
        if (name === undefined) continue;
        this.flag(
          RULES.syncSessionArg,
          site.path,
          at,
          `the argument for \`${name}\` of \`${callee.fn.qualname}\` (${callee.path}), a coroutine function now that awaits its session, is made by ${what}: a sync Session, which fails at the first await; hand in an async factory (\`async_sessionmaker(...)\`, annotated \`Callable[[], AsyncSession]\`) and open it with \`async with\``,
        );
      }
    }
  }

  /**
   * `self.items = ItemRepository(self.session)` in a unit of work whose own methods use `self.session` only the sync
   * way (`self.session.commit()` without await: the session comes from a factory it was handed, which no run can
   * twin), while the repository keeps the session and awaits calls on it now (its `__init__` annotated `session:
   * Session`, switched to AsyncSession): the repository is handed a sync Session and fails at its first await, though
   * nothing in the unit of work changed. Flagged at the argument.
   */
  private flagSyncSessionsHandedToAsyncHolders(): void {
    for (const entry of this.functions.values()) {
      const { fn } = entry;
      if (fn.kind !== 'method' || fn.classId === null) continue;
      const owner = { path: entry.path, id: fn.classId };
      for (const call of fn.calls) {
        if (!call.selfArgs || call.ignored) continue;
        const made = this.index.evaluate(entry.path, call.callee);
        if (made.k !== 'class') continue;
        for (const [key, at, attr] of call.selfArgs) {
          const own = this.index.heldUses(owner, new Set([attr]));
          const sync = own.find(({ use }) => !use.awaited);
          if (!sync || own.some(({ use }) => use.awaited)) continue;
          const awaited = this.heldAwaitedUse(made, [key], 0);
          if (!awaited) continue;
          this.flag(
            RULES.syncSessionArg,
            entry.path,
            at,
            `\`self.${attr}\` is used as a sync Session by \`${fn.qualname.split('.').slice(0, -1).join('.') || fn.qualname}\` (\`self.${attr}.${sync.use.method}(...)\` without await in \`${sync.use.in}\`, ${sync.path}:${sync.use.line}), but \`${call.text}\` keeps it and now awaits calls on it (\`${awaitedText(awaited)}\` in \`${awaited.use.in}\`, ${awaited.path}:${awaited.use.line}): a sync Session there fails at the first await`,
          );
        }
      }
    }
  }

  /**
   * A session method call awaited on what the project class `cls` keeps of the argument it is given at `slots`, or on
   * what it hands on to another class's constructor in its `__init__` (followed MAX_HELD_DEPTH classes deep, as
   * heldSync); null when there is none.
   */
  private heldAwaitedUse(cls: { path: string; id: number }, slots: readonly (number | string)[], depth: number): HeldAwaitedUse | null {
    if (depth > MAX_HELD_DEPTH) return null;
    const attrs = new Set<string>();
    for (const slot of slots) for (const a of this.index.heldAttributes(cls, typeof slot === 'string' ? { position: null, keyword: slot } : { position: slot, keyword: null })) attrs.add(a);
    // An await insert-await wrote into a method this plan leaves sync is taken out again: it awaits nothing then.
    const staysAwaited = (use: { in: string }): boolean => {
      const method = this.index.findMethod(cls, use.in);
      return method !== null && this.isAsyncAfter(functionKey(method.path, method.id));
    };
    const found = attrs.size > 0 ? this.index.heldUses(cls, attrs).find(({ use }) => use.awaited && staysAwaited(use)) : undefined;
    if (found) return found;
    const init = this.index.findMethod(cls, '__init__');
    for (const call of (init && this.index.function(init.path, init.id)?.calls) || []) {
      if (!call.sessionArg || call.onSession) continue;
      const made = this.index.evaluate(init!.path, call.callee);
      const deeper = made.k === 'class' ? this.heldAwaitedUse(made, call.sessionArg, depth + 1) : null;
      if (deeper) return deeper;
    }
    return attrs.size > 0 ? this.handedOnAwaitedUse(cls, attrs, depth) : null;
  }

  /**
   * What another project class awaits on the attributes `attrs` of `cls` when one of the class's own methods hands
   * them to its constructor (`self._items = ItemService(self.db)` in a lazily building property of a service
   * container); null when none does.
   */
  private handedOnAwaitedUse(cls: { path: string; id: number }, attrs: ReadonlySet<string>, depth: number): HeldAwaitedUse | null {
    for (const [method, id] of this.index.classSummary(cls.path, cls.id)?.methods ?? []) {
      for (const call of this.index.function(cls.path, id)?.calls ?? []) {
        const keys = (call.selfArgs ?? []).filter(([, , attr]) => attrs.has(attr)).map(([key]) => key);
        if (keys.length === 0 || call.ignored) continue;
        const made = this.index.evaluate(cls.path, call.callee);
        const deeper = made.k === 'class' ? this.heldAwaitedUse(made, keys, depth + 1) : this.awaitingFunctionUse(cls.path, method, call, keys);
        if (deeper) return deeper;
      }
    }
    return null;
  }

  /**
   * `add_item(self.db, ...)` in a method: the session kept is handed to a project function that awaits its session
   * after this run, so it is used the async way there; described as the call itself. Null when it is not.
   */
  private awaitingFunctionUse(path: string, method: string, call: CallSite, keys: readonly (number | string)[]): HeldAwaitedUse | null {
    const slot = this.awaitingSessionSlot(path, call, keys);
    if (slot === undefined) return null;
    const attr = (call.selfArgs ?? []).find(([k]) => k === slot)?.[2] ?? '';
    return { path, use: { attr, method: '', line: call.line, in: method, text: `await ${call.text}(self.${attr}, ...)` } };
  }

  /**
   * The first of `keys` (the call's argument slots) that `call` hands to a session parameter of a project function that
   * awaits its session after this run; undefined when none does.
   */
  private awaitingSessionSlot(path: string, call: CallSite, keys: readonly (number | string)[]): number | string | undefined {
    const target = this.index.resolveFunction(path, call.callee);
    const callee = target ? this.functions.get(functionKey(target.path, target.id)) : undefined;
    const sessions = callee?.fn.params?.sessions;
    if (!callee || !sessions || !this.isAsyncAfter(callee.key)) return undefined;
    const bound = callee.fn.kind === 'method' || callee.fn.kind === 'classmethod' ? 1 : 0;
    return keys.find((k) => paramAt(sessions, typeof k === 'string' ? k : k + bound) !== undefined);
  }

  /**
   * `db = tenant_session(slug)` (or `seed(open_session())`) handed to a function made async, where the project function
   * called stays a plain def returning a sync `Session` (annotated `-> Session`, or unannotated but returning a sync
   * factory's session at every return: `return SessionLocal()`, `db = SessionLocal(); ...; return db`): the
   * coroutine function awaits calls on what is still a sync Session (`TypeError` at the first await). Nothing in the
   * caller names a factory, so the resolver does not take it for a session; flagged at the argument, the call awaited
   * all the same. The same session handed to a project class that keeps it and now awaits calls on it
   * (`ItemService(open_session())`, its `__init__` switched to AsyncSession) fails the same way at its first await.
   */
  private flagReturnedSessions(): void {
    const flagged = new Set<string>();
    const syncReturner = (path: string, expr: Expr): { fn: FunctionSummary; path: string; why: string } | null => {
      const made = this.index.resolveFunction(path, expr);
      const madeKey = made ? functionKey(made.path, made.id) : null;
      const fn = madeKey ? this.functions.get(madeKey)?.fn : undefined;
      if (!made || !fn?.returnsSyncSession || fn.isAsync || this.newly.has(madeKey as string)) return null;
      return { fn, path: made.path, why: fn.returnsSyncSession };
    };
    for (const { callee, site, param } of this.callsAwaitingSessions()) {
      for (const [key, at, expr] of site.call.returnedArgs ?? []) {
        const name = param(key);
        if (name === undefined || flagged.has(`${site.path}:${at}`)) continue;
        const made = syncReturner(site.path, expr);
        if (!made) continue;
        flagged.add(`${site.path}:${at}`);
        this.flag(
          RULES.syncSessionArg,
          site.path,
          at,
          `the argument for \`${name}\` of \`${callee.fn.qualname}\` (${callee.path}), a coroutine function now that awaits its session, is (or may be) what \`${made.fn.qualname}\` (${made.path}) returns, a sync Session (${made.why} and stays a plain def), which fails at the first await`,
        );
      }
    }
    for (const entry of this.functions.values()) {
      for (const call of entry.fn.calls) {
        if ((!call.returnedArgs && !call.factoryArgs) || call.ignored) continue;
        const holder = this.index.evaluate(entry.path, call.callee);
        if (holder.k !== 'class') continue;
        for (const [key, at, text] of call.factoryArgs ?? []) {
          const awaited = flagged.has(`${entry.path}:${at}`) ? null : this.heldAwaitedUse(holder, [key], 0);
          if (!awaited) continue;
          flagged.add(`${entry.path}:${at}`);
          this.flag(
            RULES.syncSessionArg,
            entry.path,
            at,
            `\`${call.text}\` is handed a sync Session made in the argument (\`${text}\`), but keeps it, and calls on it are awaited now (\`${awaitedText(awaited)}\` in \`${awaited.use.in}\`, ${awaited.path}:${awaited.use.line}): a sync Session there fails at the first await; open the async factory's session with \`async with\` around the code and hand that in`,
          );
        }
        for (const [key, at, expr] of call.returnedArgs ?? []) {
          if (flagged.has(`${entry.path}:${at}`)) continue;
          const made = syncReturner(entry.path, expr);
          const awaited = made ? this.heldAwaitedUse(holder, [key], 0) : null;
          if (!made || !awaited) continue;
          flagged.add(`${entry.path}:${at}`);
          this.flag(
            RULES.syncSessionArg,
            entry.path,
            at,
            `\`${call.text}\` is handed what \`${made.fn.qualname}\` (${made.path}) returns, a sync Session (${made.why} and stays a plain def), but keeps it, and calls on it are awaited now (\`${awaitedText(awaited)}\` in \`${awaited.use.in}\`, ${awaited.path}:${awaited.use.line}): a sync Session there fails at the first await`,
          );
        }
      }
    }
  }

  /**
   * A route handler written `async def` before the run whose every session is injected by a provider that stays sync
   * (providersState, the twin-less get_db's or another's) was calling it without await, blocking the event loop, and
   * working. Its session awaits insert-await wrote would fail on the sync Session FastAPI still hands it (`TypeError`
   * at the first), so they go, with its `AsyncSession` annotations: it runs as before, reported. Only when every await
   * written into it is on one of those session parameters (none on a function made async, none on a session it makes,
   * no `async with`/`async for`/`run_sync` in it, FunctionSummary.asyncBlocks); otherwise it is converted as before and
   * reported by flagSyncSessionDependencies.
   */
  private keepAsyncRoutesOnSyncSessions(): void {
    if (this.untwinned === null) return;
    for (const entry of this.functions.values()) {
      const { fn } = entry;
      if (!this.asyncRouteOnSyncSessions(entry)) continue;
      const names = new Set((fn.params?.sessions ?? []).map(paramName));
      const planned = new Set(this.file(entry.path).awaits.map((a) => `${a.start}:${a.end}`));
      const back: { start: number; end: number }[] = [];
      let keeps = true;
      for (const c of fn.calls) {
        if (planned.has(`${c.start}:${c.end}`)) keeps = false;
        else if (c.awaited !== undefined && c.onSession) {
          if (names.has(c.text.slice(0, c.text.lastIndexOf('.')))) back.push({ start: c.start, end: c.end });
          else keeps = false;
        }
        if (!keeps) break;
      }
      if (!keeps) continue;
      this.asyncRoutesKept.add(entry.key);
      const file = this.file(entry.path);
      file.sessionAwaitsBack.push(...back);
      file.syncDependencyRoutes.push(fn.id);
      for (const d of this.injections(entry)) {
        const provider = d.provider;
        const pfn = provider ? this.functions.get(functionKey(provider.path, provider.id))?.fn : undefined;
        const by = provider && pfn ? `\`${pfn.qualname}\` (${provider.path}), which stays a sync ${pfn.isGenerator ? 'generator' : 'function'}` : 'a dependency that stays sync';
        this.flag(
          RULES.syncSessionDependency,
          entry.path,
          d.at,
          `\`${d.name}\` is injected by ${by}, so it is a sync Session; \`${fn.qualname}\` was an \`async def\` calling it without await before the run, and is left so: its session calls block the event loop, as they did`,
        );
      }
    }
  }

  /**
   * An `async def` written before the run that is not a handler (a controller's or repository's method,
   * `async def get_all(self, db: Session)`), taking its session as a parameter and calling it without await: the
   * handlers keepAsyncRoutesOnSyncSessions leaves on their sync Session hand it that Session. The awaits insert-await
   * wrote on its session parameters would fail there (`TypeError` at the first, every request through those handlers),
   * so they go, with its `AsyncSession` annotations: it runs as before, blocking as it did (the handlers' finding says
   * so). When one call of it at least is in such a handler or in another function kept so (a fixed point: controller →
   * repository), or, called by nothing but those and tests, it hands its session to one (a base class's method reached
   * through an override); and every await written into it is on its session parameters. It cannot suit a sync and an
   * AsyncSession at once: one that code handing it an AsyncSession for certain calls as well (a handler on an async
   * provider, a function made async in this run) is converted as before, and its sync callers reported; the project's
   * other calls of one kept so (`self.db` of an object, whose session is not known here) are reported
   * ASYNC-SESSION-DEPENDENCY-SYNC, since the code that worked before the run is what it is left as.
   */
  private keepAsyncHelpersOnSyncSessions(): void {
    if (this.asyncRoutesKept.size === 0) return;
    const candidates = new Map<string, { start: number; end: number }[]>();
    for (const entry of this.functions.values()) {
      const back = this.sessionAwaitsOnParams(entry);
      if (back !== null) candidates.set(entry.key, back);
    }
    const kept = new Set<string>();
    const feeds = (caller: FnEntry | null): boolean => caller !== null && (this.asyncRoutesKept.has(caller.key) || kept.has(caller.key));
    for (let grew = true; grew; ) {
      grew = false;
      for (const key of candidates.keys()) {
        if (kept.has(key)) continue;
        const sites = this.callers.get(key) ?? [];
        // Handed a sync Session by one of them; or handing its own on to a function kept so, with nothing but them and
        // tests calling it (a base class's method the handlers reach only through an override).
        const fed = sites.some(({ caller }) => feeds(caller));
        const handsOn = !fed && sites.every(({ caller }) => feeds(caller) || !!caller?.fn.test) && this.handsSessionTo(key, kept);
        if (!fed && !handsOn) continue;
        kept.add(key);
        grew = true;
      }
    }
    // Not one that code handing it an AsyncSession for certain calls too (a handler on an async provider, a function
    // made async in this run, a helper of theirs): it cannot suit both, and stays converted, its sync callers reported.
    const handsAsync = (caller: FnEntry): boolean =>
      this.newly.has(caller.key) ||
      (candidates.has(caller.key) && !kept.has(caller.key)) ||
      ((caller.fn.route || this.isDependency(caller.key)) && this.providersState(caller) === 'other');
    for (let shrank = true; shrank; ) {
      shrank = false;
      for (const key of [...kept]) {
        const sites = this.callers.get(key) ?? [];
        const conflict = sites.some(({ caller }) => caller !== null && !feeds(caller) && !caller.fn.test && handsAsync(caller));
        const fed = sites.some(({ caller }) => feeds(caller)) || (sites.every(({ caller }) => feeds(caller) || !!caller?.fn.test) && this.handsSessionTo(key, kept));
        if (!conflict && fed) continue;
        kept.delete(key);
        shrank = true;
      }
    }
    for (const key of kept) {
      const entry = this.functions.get(key) as FnEntry;
      const file = this.file(entry.path);
      file.sessionAwaitsBack.push(...(candidates.get(key) ?? []));
      file.annotationsBack.push({ id: entry.fn.id, why: 'no-twin' });
      // Code of the project's own calling it otherwise may hand it an AsyncSession, which its sync calls do not suit.
      for (const { caller, call, path } of this.callers.get(key) ?? []) {
        if (feeds(caller) || caller?.fn.test) continue;
        this.flag(
          RULES.syncSessionDependency,
          path,
          call.start,
          `\`${call.text}(...)\` is an \`async def\` that handlers on a sync dependency hand their sync Session, so its session calls were left without await, as before the run; a session handed to it here must be a sync Session too`,
        );
      }
    }
  }

  /** Whether the function `key` calls one of `kept` (as the callers of those record it). */
  private handsSessionTo(key: string, kept: ReadonlySet<string>): boolean {
    return [...kept].some((k) => (this.callers.get(k) ?? []).some(({ caller }) => caller?.key === key));
  }

  /**
   * For an `async def` helper written so before the run (no handler, test or dependency; nothing this plan awaits in
   * it; no `async with`/`async for`/`run_sync`), the session calls insert-await awaited, when every one is on its own
   * session parameters (none for one only handing its session on); null otherwise.
   */
  private sessionAwaitsOnParams(entry: FnEntry): { start: number; end: number }[] | null {
    const { fn } = entry;
    if (!fn.isAsync || fn.route || fn.test !== null || fn.asyncBlocks || this.newly.has(entry.key) || this.isDependency(entry.key)) return null;
    const names = new Set((fn.params?.sessions ?? []).map(paramName));
    if (names.size === 0) return null;
    const planned = new Set(this.file(entry.path).awaits.map((a) => `${a.start}:${a.end}`));
    const back: { start: number; end: number }[] = [];
    for (const c of fn.calls) {
      if (planned.has(`${c.start}:${c.end}`)) return null;
      if (c.awaited === undefined || !c.onSession) continue;
      if (!names.has(c.text.slice(0, c.text.lastIndexOf('.')))) return null;
      back.push({ start: c.start, end: c.end });
    }
    return back;
  }

  /**
   * A session parameter injected by `Depends(provider)` where the provider is a project function that stays sync
   * (`def get_session(): with app_session() as db: yield db`): it yields a sync Session, while the function, async
   * now, awaits its session. Dependencies on get_db were moved to the async twin by async-get-db; any other provider
   * that is not async after the migration is flagged.
   */
  private flagSyncSessionDependencies(): void {
    for (const entry of this.functions.values()) {
      const depends = this.injections(entry);
      if (depends.length === 0 || this.asyncRoutesKept.has(entry.key)) continue;
      const isAsync = entry.fn.isAsync || this.newly.has(entry.key);
      // A dependency (or route) that stays sync but hands its session on (`return UserRepository(db)`) and was
      // not given the sync session back (keepBlockedRoutesSync): the code it hands it to awaits it.
      // Not when nothing it hands the session to can await it (a unit of work keeping it and using it, if at all, the
      // sync way): that code works as before, and a finding there would be noise.
      const handsOn = !isAsync && !this.keptSync.has(entry.key) && (entry.fn.route || this.isDependency(entry.key)) && entry.fn.calls.some((c) => c.sessionArg && !c.onSession) && this.handedSessionMayBeAwaited(entry);
      if (!isAsync && !handsOn) continue;
      // Made async now on sync providers only (it awaits what it shares with code on an AsyncSession): FastAPI still
      // fills its parameters with a sync Session, so the `AsyncSession` async-session wrote on them goes back. Left,
      // the lie made a second run read them as the sync Session they are and write `Session` then (not a fixed point).
      if (this.newly.has(entry.key) && this.untwinned !== null && this.providersState(entry) === 'sync') this.file(entry.path).injectedAnnotationsBack.push(entry.fn.id);
      for (const d of depends) {
        const provider = d.provider;
        if (!provider) continue;
        const key = functionKey(provider.path, provider.id);
        const fn = this.functions.get(key)?.fn;
        if (!fn || fn.isAsync || this.newly.has(key)) continue;
        const user = isAsync ? `\`${entry.fn.qualname}\` is async and awaits its session` : `\`${entry.fn.qualname}\` hands it on to code that awaits it as an AsyncSession`;
        this.flag(
          RULES.syncSessionDependency,
          entry.path,
          d.at,
          `\`${d.name}\` is injected by \`${fn.qualname}\` (${provider.path}), which stays a sync ${fn.isGenerator ? 'generator' : 'function'}, so it is a sync Session; but ${user}`,
        );
      }
    }
  }

  /**
   * Whether the session a plain def hands on (its `sessionArg` calls) may reach code awaiting it: false only when each
   * is handed to a project class that keeps it without ever awaiting it and has no coroutine method (heldWays, which
   * takes what it cannot follow for an await), or to a project function that stays a plain def and hands it no further,
   * and everything FastAPI hands what this dependency returns to (each function naming it in `Depends(...)`) stays a
   * plain def too (an async consumer may await the session on the object).
   */
  private handedSessionMayBeAwaited(entry: FnEntry): boolean {
    for (const call of entry.fn.calls) {
      if (!call.sessionArg || call.onSession) continue;
      const target = this.index.resolveFunction(entry.path, call.callee);
      if (target) {
        const key = functionKey(target.path, target.id);
        const fn = this.functions.get(key)?.fn;
        if (!fn || this.isAsyncAfter(key) || fn.calls.some((c) => c.sessionArg && !c.onSession)) return true;
        continue;
      }
      const made = this.index.evaluate(entry.path, call.callee);
      if (made.k !== 'class') return true;
      const found = { sync: false, awaited: false };
      this.heldWays(made, call.sessionArg, found, 0);
      if (found.awaited) return true;
    }
    // A `Depends(...)` written in a parameter's default is read at module level (no caller): the parameters say who.
    // One no parameter accounts for (an `Annotated` alias of another type, `dependencies=[...]`) leaves it open.
    const named = (this.referenced.get(entry.key) ?? []).filter(({ ref }) => /(^|\.)(Depends|Security)$/.test(ref.receiver)).length;
    let consumers = 0;
    for (const { key, uses } of this.dependencyConsumers().get(entry.key) ?? []) {
      if (this.isAsyncAfter(key)) return true;
      consumers += uses;
    }
    return consumers < named;
  }

  /**
   * A route handler that stays a plain def (insert-await left it unconverted, or the functions it hands its
   * session to stay sync) would get, from `AsyncSession = Depends(get_async_db)` as the transforms before wrote
   * it, an AsyncSession its sync code cannot use. Unless it also calls something async now (then it is broken
   * either way, and flagged), the parameter goes back to the sync session: the handler keeps working as it did.
   * The same holds for a dependency function (`Depends(get_current_user)`): FastAPI calls it as it calls a
   * handler, a plain def in its threadpool.
   */
  private keepBlockedRoutesSync(): void {
    for (const entry of this.functions.values()) {
      if (this.keptSync.has(entry.key) || !this.staysOnSyncSession(entry, (key) => this.newly.has(key))) continue;
      this.file(entry.path).keptSyncRoutes.push(entry.fn.id);
      this.keptSync.add(entry.key);
    }
    this.keepPinnedDependenciesSync();
  }

  /**
   * The dependencies pinnedDependencies keeps on the sync session go back to it like a blocked handler, said at the
   * call that pins each when that kept a function made async a plain def (pinsKeeping): not for one whose object's
   * methods all use the session the sync way anyway, nor for one on a get_db with no twin (async-get-db said why at its
   * `Depends`).
   */
  private keepPinnedDependenciesSync(): void {
    for (const [key, { consumer, call, method, use }] of this.pinnedDependencies()) {
      if (this.injectedSync(key)) continue;
      const provider = this.functions.get(key) as FnEntry;
      if (!this.keptSync.has(key)) this.file(provider.path).keptSyncRoutes.push(provider.fn.id);
      this.keptSync.add(key);
      if (!this.pinsKeeping.has(key)) continue;
      const others = (this.dependencyConsumers().get(key) ?? []).filter((c) => c.key !== consumer.key).map((c) => `\`${(this.functions.get(c.key) as FnEntry).fn.qualname}\``);
      const rest = others.length === 0 ? '' : `, and so do the other functions FastAPI hands that object to (${others.length > 3 ? `${others.slice(0, 3).join(', ')} and ${others.length - 3} more` : others.join(', ')}), with the methods they call on it (made async for them, they stay plain defs)`;
      this.flag(
        RULES.callerBlocked,
        consumer.path,
        call.start,
        `\`${call.text}(...)\` calls, on ${provider.fn.name === '__init__' ? `the object FastAPI builds by \`${provider.fn.qualname}\` on the session injected there` : `the object \`${provider.fn.qualname}\` builds on its session`}, \`${method.fn.qualname}\` (${method.path}), a plain def that ${use}: that fails on an AsyncSession, and one object cannot hold an AsyncSession for some handlers and a sync Session for others, so \`${provider.fn.qualname}\` stays on the sync session dependency${rest}; they are left as they were, and are converted once \`${method.fn.qualname}\` no longer needs the sync Session`,
      );
    }
  }

  /**
   * A handler or dependency (FastAPI injects its session) that cannot become async by its own sync session use: a
   * session call insert-await left, or its session handed to code that stays sync (syncHandOff). Whether it goes back
   * to the sync dependency depends on what else it calls (staysOnSyncSession).
   */
  private blockedOnInjectedSession(entry: FnEntry): boolean {
    const { fn } = entry;
    if (fn.isAsync || fn.test || !fn.params?.depends || this.newly.has(entry.key)) return false;
    if (!this.injectedByFastApi(entry)) return false;
    return fn.sessionBlocker !== null || this.syncHandOff(entry) !== null;
  }

  /**
   * FastAPI calls it and fills its `Depends(...)` parameters: a route, a dependency, a class dependency's `__init__`
   * (`def __init__(self, db: Session = Depends(get_db))`, which builds the object `Depends()` hands a route and can never
   * become async), or the `__call__` of a dependency instance (`Depends(RoleChecker("admin"))`, whose class is not
   * what `Depends` names).
   */
  private injectedByFastApi(entry: FnEntry): boolean {
    const { fn } = entry;
    return fn.route || this.isDependency(entry.key) || (fn.kind === 'method' && (fn.name === '__init__' || fn.name === '__call__'));
  }

  /**
   * Whether a handler or dependency that stays a plain def goes back to its sync session dependency: it calls nothing
   * made async in this run (`madeAsync`) nor a coroutine function of the input without running it itself, hands its session to nothing unknown, and uses the session the sync way (a
   * session call left, or its session handed to sync functions only).
   */
  private staysOnSyncSession(entry: FnEntry, madeAsync: (key: string) => boolean): boolean {
    const { fn } = entry;
    if (!this.injectedByFastApi(entry) || fn.isAsync || madeAsync(entry.key) || !fn.params?.depends) return false;
    const { callsAsync, handsToUnknown, handsToAwaiting, handsOn } = this.sessionObstacles(entry, madeAsync);
    // Its own unconverted session calls, or only sync functions it hands the session to, say it stays sync.
    return callsAsync === null && handsToUnknown === null && handsToAwaiting === null && (fn.sessionBlocker !== null || handsOn);
  }

  /**
   * What keeps a handler or dependency off the sync session (staysOnSyncSession): the first call of something async
   * after the run (`madeAsync`, or a coroutine function of the input it does not run itself), the first call handing
   * its session to what the index cannot see, and the first handing it to a plain helper that passes it on, unchanged,
   * to a class (or function) awaiting it now (`return new_item_repository(db)`, the helper `return
   * ItemRepository(session)`: handedToAwaitingHolder); and whether it hands its session on at all.
   */
  private sessionObstacles(
    entry: FnEntry,
    madeAsync: (key: string) => boolean,
  ): { callsAsync: CallSite | null; handsToUnknown: CallSite | null; handsToAwaiting: { call: CallSite; path: string[] } | null; handsOn: boolean } {
    const { fn } = entry;
    let callsAsync: CallSite | null = null;
    let handsToUnknown: CallSite | null = null;
    let handsToAwaiting: { call: CallSite; path: string[] } | null = null;
    let handsOn = false;
    for (const call of fn.calls) {
      const target = this.index.resolveFunction(entry.path, call.callee);
      const task = target ? null : this.backgroundTask(entry.path, call);
      const key = target ? functionKey(target.path, target.id) : (task?.entry.key ?? null);
      // A coroutine function of the input called as another call's argument (`asyncio.run(compute(x))`) is the
      // handler's own way of running it, as it did before the run: no sign the handler is broken. (A background
      // task's function, `BackgroundTask(rename_item, db)` inside `JSONResponse(...)`, is given the session.)
      const asyncBefore = this.functions.get(key ?? '')?.fn.isAsync === true && (task !== null || call.argumentOf === undefined);
      if (key !== null && (asyncBefore || madeAsync(key))) callsAsync ??= call;
      if (call.sessionArg && !call.onSession) {
        handsOn = true;
        // A function the index cannot see may be a coroutine function by now (a module left out of the run). A
        // project class constructed in a handler is no such function: its `__init__` is never a coroutine function,
        // and the methods the handler calls on the object are calls of their own here. A dependency hands the
        // object on (`return UserRepo(db)`), to code awaiting its methods: that stays unknown.
        // Unless the class keeps the session and its methods use it only the sync way (`self.db.query(...)`): a
        // dependency handing that object on hands the session to sync code.
        const made = key === null ? this.index.evaluate(entry.path, call.callee) : null;
        if (made !== null && !(made.k === 'class' && (fn.route || this.heldSync(made, call.sessionArg)))) handsToUnknown ??= call;
        if (target && handsToAwaiting === null) {
          for (const slot of call.sessionArg) {
            const found = this.handedToAwaitingHolder(target, slot, 0, new Set());
            if (found) {
              handsToAwaiting = { call, path: found.path };
              break;
            }
          }
        }
      }
    }
    return { callsAsync, handsToUnknown, handsToAwaiting, handsOn };
  }

  /**
   * The project class `cls`, constructed with the session at `slots` (CallSite.sessionArg), keeps it on the
   * instance (ProjectIndex.heldAttributes), or hands it to the constructor of another such class in its `__init__`
   * (`self.repo = UserRepository(db)`, followed MAX_HELD_DEPTH classes deep), and the methods use it, and only the sync
   * way: they call session methods on it without await (`self.db.commit()`, `self.db.query(...)`), none with, and
   * none of those classes has a coroutine method.
   */
  private heldSync(cls: { path: string; id: number }, slots: readonly (number | string)[]): boolean {
    const found = { sync: false, awaited: false };
    this.heldWays(cls, slots, found, 0);
    return found.sync && !found.awaited;
  }

  private heldWays(cls: { path: string; id: number }, slots: readonly (number | string)[], found: { sync: boolean; awaited: boolean }, depth: number): void {
    if (depth > MAX_HELD_DEPTH) {
      found.awaited = true; // not followed: not provably sync
      return;
    }
    const attrs = new Set<string>();
    for (const slot of slots) for (const a of this.index.heldAttributes(cls, typeof slot === 'string' ? { position: null, keyword: slot } : { position: slot, keyword: null })) attrs.add(a);
    for (const { use } of attrs.size > 0 ? this.index.heldUses(cls, attrs) : []) {
      // An await insert-await wrote in a method kept a plain def (keepSyncOnlyCalleesSync) is taken out again.
      const method = use.awaited ? this.index.findMethod(cls, use.in) : null;
      if (use.awaited && !(method && this.keptPlain.has(functionKey(method.path, method.id)))) found.awaited = true;
      else found.sync = true;
    }
    // A coroutine method (async before the run, or made async now: it awaits something else with the session, a
    // helper it hands `self.db` to) expects the session it is given to be an AsyncSession.
    for (const c of this.index.mro(cls) ?? []) {
      for (const [, id] of this.index.classSummary(c.path, c.id)?.methods ?? []) {
        const key = functionKey(c.path, id);
        if (this.functions.get(key)?.fn.isAsync === true || this.newly.has(key)) found.awaited = true;
      }
    }
    // The session handed on by the `__init__` that runs, as the session resolver sees it there (an annotated parameter).
    const init = this.index.findMethod(cls, '__init__');
    for (const call of (init && this.index.function(init.path, init.id)?.calls) || []) {
      if (!call.sessionArg || call.onSession) continue;
      const made = this.index.evaluate(init!.path, call.callee);
      if (made.k === 'class') this.heldWays(made, call.sessionArg, found, depth + 1);
      else found.awaited = true; // handed to a function or to what the index cannot see: not provably sync
    }
  }

  /**
   * A function that stays a plain def and is not otherwise sent back (one insert-await left unchanged for a session
   * call it cannot convert, `db.query(Todos).filter(*conds).all()`, or one needing no await) keeps what async-session
   * wrote, `db: AsyncSession`; when every call to it hands it a sync Session for certain, that lies, so its
   * `AsyncSession` parameter annotations go back to `Session` (FilePlan.annotationsBack, 'kept'). For certain: every call is
   * a plain one (not awaited, ignored, or another call's argument) in a route or dependency on a sync provider
   * (injectedSync), a route kept on the sync session whose parameters keptSyncRouteEdits gives back (handsSyncSession),
   * a function kept plain by keepSyncOnlyCalleesSync, or (to a fixed point) another function sent back here. Not when
   * any caller is async after the run, the function is used as a value, run in a thread, or reachable by a call the
   * index could not resolve. A method with overrides (its family: a call through the base may run any of them) goes
   * back only with its whole family, when every call to any of them is such a call or one from the family itself
   * (`super().create(fields, db)`), and no member is async or otherwise excluded.
   */
  private sendHandedSyncAnnotationsBack(): void {
    const suspected = this.suspected();
    const plainSync = (key: string, fn: FunctionSummary): boolean =>
      !fn.isAsync && !this.newly.has(key) && !this.keptPlain.has(key) && !this.keptSync.has(key) && !this.rebound.has(key) &&
      !fn.route && !fn.test && !fn.stub && !fn.ignored && fn.params?.depends === undefined && !this.isDependency(key) &&
      !this.referenced.has(key) && !this.stored.has(key) && !this.wrapped.has(key) && !suspected.has(key);
    const candidates = [...this.functions.values()].filter(({ key, fn }) => (fn.params?.sessions?.length ?? 0) > 0 && plainSync(key, fn) && (this.callers.get(key)?.length ?? 0) > 0);
    const sent = this.handedSyncBack;
    const sureCall = (group: ReadonlySet<string>) => ({ caller, call }: Site): boolean =>
      caller !== null && call.awaited === undefined && !call.ignored && call.argumentOf === undefined && !this.isAsyncAfter(caller.key) &&
      (group.has(caller.key) || this.handsSyncAt(caller, call));
    for (let changed = true; changed; ) {
      changed = false;
      for (const e of candidates) {
        if (sent.has(e.key)) continue;
        const group = this.familyOf(e.key);
        const members = [...group].map((key) => this.functions.get(key));
        if (members.some((m) => m === undefined || !plainSync(m.key, m.fn))) continue;
        if (!members.every((m) => (this.callers.get((m as FnEntry).key) ?? []).every(sureCall(group)))) continue;
        for (const m of members as FnEntry[]) if ((m.fn.params?.sessions?.length ?? 0) > 0) sent.add(m.key);
        changed = true;
      }
    }
    for (const key of sent) {
      const e = this.functions.get(key) as FnEntry;
      this.file(e.path).annotationsBack.push({ id: e.fn.id, why: 'kept' });
    }
  }

  /** `key` and every method linked to it by overriding, transitively (linkOverrides links each to the first of its name). */
  private familyOf(key: string): Set<string> {
    const group = new Set([key]);
    for (const k of group) for (const other of this.family.get(k) ?? []) group.add(other);
    return group;
  }

  /** The caller hands the sync Session it has for certain (sendHandedSyncAnnotationsBack). */
  private handsSync(caller: FnEntry): boolean {
    return this.keptPlain.has(caller.key) || this.injectedSync(caller.key) || this.handsSyncSession(caller) || this.handedSyncBack.has(caller.key);
  }

  /**
   * The call hands a sync Session for certain: its caller does (handsSync), or it is a method handing the session its
   * object holds (`crud.search(self.db, conds)`, every session argument an attribute of `self`) and every construction
   * of the class hands it a sync Session for that attribute (builtOnSyncOnly).
   */
  private handsSyncAt(caller: FnEntry, call: CallSite): boolean {
    if (this.handsSync(caller)) return true;
    const classId = caller.fn.classId;
    if (classId === null || caller.fn.kind !== 'method' || !call.selfArgs || !call.sessionArg) return false;
    const held = new Map(call.selfArgs.map(([key, , attr]) => [key, attr]));
    return call.sessionArg.every((key) => {
      const attr = held.get(key);
      return attr !== undefined && this.builtOnSyncOnly({ path: caller.path, id: classId }, attr);
    });
  }

  /**
   * Every construction of the project class hands it a sync Session that it keeps in `self.<attr>`: each call building it
   * is a plain one in code that hands the sync Session it has (handsSync), with a session argument at a slot the
   * constructor stores in that attribute; and nothing else can build it or use the attribute the async way: no
   * subclass, no method async after the plan, no awaited session call on the attribute, the class never named other
   * than as a call's callee (handed to Depends(...), stored, referenced). At least one such construction. A class
   * built through another name (`Finder = ItemFinder`) without a session argument is not seen.
   */
  private builtOnSyncOnly(cls: { path: string; id: number }, attr: string): boolean {
    return cached(this.syncBuilt, `${cls.path}#${cls.id}#${attr}`, () => {
      const summary = this.index.classSummary(cls.path, cls.id);
      if (!summary || this.index.subclassesOf(cls).length > 0) return false;
      if (summary.methods.some(([, id]) => this.isAsyncAfter(functionKey(cls.path, id)))) return false;
      if (this.index.heldUses(cls, new Set([attr])).some(({ use }) => use.awaited)) return false;
      const isCls = (path: string, expr: Expr): boolean => {
        const e = this.index.evaluate(path, expr);
        return e.k === 'class' && e.path === cls.path && e.id === cls.id;
      };
      const named = (text: string): boolean => text.slice(text.lastIndexOf('.') + 1) === summary.name;
      let built = 0;
      for (const path of this.index.paths()) {
        const module = this.index.module(path) as ModuleSummary;
        if (module.storedReferences.some((ref) => named(ref.text) && isCls(path, ref.expr))) return false;
        const sites: Site[] = module.moduleCalls.map((call) => ({ path, caller: null, call }));
        for (const fn of module.functions) for (const call of fn.calls) sites.push({ path, caller: this.functions.get(functionKey(path, fn.id)) ?? null, call });
        for (const { caller, call } of sites) {
          if ((call.references ?? []).some((ref) => named(ref.text) && isCls(path, ref.expr))) return false;
          if (!(named(call.text) || call.sessionArg) || !isCls(path, call.callee)) continue;
          const slots = (call.sessionArg ?? []).filter((key) =>
            this.index.heldAttributes(cls, typeof key === 'string' ? { position: null, keyword: key } : { position: key, keyword: null }).has(attr),
          );
          const sure = caller !== null && slots.length > 0 && call.awaited === undefined && !call.ignored && call.argumentOf === undefined && !this.isAsyncAfter(caller.key) && this.handsSync(caller);
          if (!sure) return false;
          built++;
        }
      }
      return built > 0;
    });
  }

  /**
   * A plain def FastAPI calls with a sync Session (injectedSync) that nothing made async and no other pass kept sync
   * (it needed no await: a generator dependency wrapping the session, `len(db.new)`): its `Depends(...)` parameters
   * keep the sync Session they are filled with, so the `AsyncSession` async-session wrote goes back
   * (FilePlan.injectedAnnotationsBack). A later run, after the twin is written by hand, would otherwise take the lie for
   * an AsyncSession and await its calls. A provider other than get_db gets no GETDB-NO-TWIN at the `Depends`: said here.
   */
  private sendInjectedSyncAnnotationsBack(): void {
    for (const entry of this.functions.values()) {
      const { key, fn } = entry;
      if (!fn.params?.depends || fn.isAsync || this.newly.has(key) || this.keptPlain.has(key) || fn.test) continue;
      // Those keepSyncOnlyCalleesSync kept on such a provider have theirs sent back already.
      if (this.files.get(entry.path)?.syncDependencyRoutes.includes(fn.id)) continue;
      if (!this.injectedSync(key)) continue;
      const awaiting = this.asyncMethodOfBuiltClass(entry);
      if (awaiting !== null) {
        // FastAPI builds the object on the sync Session, and a method made async awaits it: that fails at run time.
        for (const d of this.injections(entry)) {
          this.flag(
            RULES.syncSessionDependency,
            entry.path,
            d.at,
            `\`${d.name}\` is a sync Session (what \`Depends\` names here stays sync), kept by the object FastAPI builds with \`${fn.qualname}\`; but \`${awaiting}\` is async now and awaits the session it keeps: on this object it fails at the first await`,
          );
        }
        continue;
      }
      this.file(entry.path).injectedAnnotationsBack.push(fn.id);
      this.flagKeptOnSyncProvider(entry);
    }
  }

  /**
   * A type alias of a session dependency (`SessionDep = Annotated[Session, Depends(get_session)]`) on a provider that
   * stays sync (syncProvider), used (`db: SessionDep`) only by functions that stay plain defs all of whose sessions are
   * injected by sync providers (injectedSync): FastAPI fills every one with a sync Session, so the `AsyncSession`
   * async-session wrote in the alias goes back (FilePlan.aliasesBack). One also used by code async after the run, or
   * by anything else, is left as it is.
   */
  private sendSyncAliasesBack(): void {
    if (this.untwinned === null) return;
    const sites = new Map<string, { path: string; name: string; sync: boolean }>();
    for (const entry of this.functions.values()) {
      for (const d of entry.fn.params?.aliasDepends ?? []) {
        const site = this.index.aliasSite(entry.path, d.of);
        if (!site) continue;
        const id = `${site.path}\u0000${site.name}`;
        const provider = this.index.resolveFunction(site.path, site.provider);
        const sync = provider !== null && this.syncProvider(provider.path, provider.id) && !entry.fn.test && !this.isAsyncAfter(entry.key) && this.injectedSync(entry.key);
        const known = sites.get(id);
        sites.set(id, { path: site.path, name: site.name, sync: sync && (known?.sync ?? true) });
      }
    }
    for (const { path, name, sync } of sites.values()) if (sync) this.file(path).aliasesBack.push(name);
  }

  /** For an `__init__`, a method of its class (or of a base or subclass in the project) that is async after the run. */
  private asyncMethodOfBuiltClass(entry: FnEntry): string | null {
    const { fn, path } = entry;
    if (fn.kind !== 'method' || fn.name !== '__init__' || fn.classId === null) return null;
    const cls = { path, id: fn.classId };
    for (const c of [...(this.index.mro(cls) ?? [cls]), ...this.index.subclassesOf(cls)]) {
      for (const [, id] of this.index.classSummary(c.path, c.id)?.methods ?? []) {
        const key = functionKey(c.path, id);
        if (this.isAsyncAfter(key)) return (this.functions.get(key) as FnEntry).fn.qualname;
      }
    }
    return null;
  }

  /**
   * A route kept on the sync session (keptSync) whose every session parameter keptSyncRouteEdits gives back to the sync
   * dependency: each is `db: AsyncSession = Depends(<async get_db>)` (ParamFacts.depends' `plain`), none through an
   * alias, in a file that binds the sync get_db or imports the async one, or `Depends(deps.get_async_db)` through a module name.
   */
  private handsSyncSession(caller: FnEntry): boolean {
    const asyncGetDb = this.untwinned?.asyncGetDbName;
    const depends = caller.fn.params?.depends ?? [];
    // A parameter annotated with a name that may be an `Annotated[..., Depends(...)]` alias keeps what it says.
    const aliased = (caller.fn.params?.aliasDepends ?? []).some((d) => d.of.k !== 'global' || d.of.name !== 'AsyncSession');
    if (!this.keptSync.has(caller.key) || asyncGetDb === undefined || depends.length === 0 || aliased) return false;
    const module = this.index.module(caller.path) as ModuleSummary;
    const globals = new Map(module.globals);
    // `Depends(get_async_db)` goes back only where `get_db` is bound or the twin imported; `Depends(deps.get_async_db)`
    // goes back to `deps.get_db` whatever is bound here (keptSyncRouteEdits), `deps` a name of this module.
    const byName = globals.has(this.untwinned!.getDbName) || globals.get(asyncGetDb)?.k === 'import';
    return depends.every((d) => {
      if (!d.plain) return false;
      if (d.of.k === 'global') return d.of.name === asyncGetDb && byName;
      return d.of.k === 'attr' && d.of.name === asyncGetDb && d.of.of.k === 'global' && globals.has(d.of.of.name);
    });
  }

  /**
   * The attributes of `self` each project class keeps a session in (stored from its `__init__` parameters, or used as
   * one by its methods) that stay sync Sessions after the plan (heldOnlySync): their annotations go back
   * (FilePlan.annotationsBack, 'held'), as the parameter annotations of functions kept sync do. Only for a class with such
   * an `AsyncSession` annotation (SessionHolder.asyncAnnotated), and not for an attribute holding no session.
   */
  private sendSyncHeldAttributesBack(): void {
    for (const path of this.index.paths()) {
      for (const cls of (this.index.module(path) as ModuleSummary).classes) {
        // Only a class with an annotation to give back gets a plan: the rewrite has nothing else to do for it.
        const annotated = cls.holder?.asyncAnnotated;
        if (!cls.holder || !annotated) continue;
        const attrs = new Set([...cls.holder.stores.map((s) => s.attr), ...cls.holder.uses.map((u) => u.attr)]);
        const held = { path, id: cls.id };
        const back = [...attrs].filter((attr) => !this.holdsNoSession(held, attr) && (this.heldOnlySync(held, attr) || this.builtOnSyncOnly(held, attr)));
        if (back.some((attr) => annotated.includes(attr))) this.file(path).annotationsBack.push({ id: cls.id, why: 'held', attrs: back });
      }
    }
  }

  /**
   * A project class keeping a session it calls session methods on without await where no await can be written
   * (`self.db.commit()` in `__exit__`, which insert-await reported AWAIT-SYNC-CONTEXT), when that session is a sync
   * Session for certain: the class uses it only the sync way (heldOnlySync), has no subclass in the project, and is
   * built only where a sync Session is handed to it (constructionsHandSync). Those calls need no await then: the
   * findings go (FilePlan.syncHeldClasses). Not when any construction may hand it an AsyncSession.
   */
  private settleSyncHeldContexts(): void {
    const candidates: { path: string; cls: ClassSummary; attrs: string[] }[] = [];
    for (const path of this.index.paths()) {
      for (const cls of (this.index.module(path) as ModuleSummary).classes) {
        const unawaited = [...new Set((cls.holder?.uses ?? []).filter((u) => !u.awaited).map((u) => u.attr))];
        if (unawaited.length === 0 || this.index.subclassesOf({ path, id: cls.id }).length > 0) continue;
        const attrs = unawaited.filter((attr) => !this.holdsNoSession({ path, id: cls.id }, attr) && this.heldOnlySync({ path, id: cls.id }, attr));
        if (attrs.length > 0) candidates.push({ path, cls, attrs });
      }
    }
    if (candidates.length === 0) return;
    const names = new Set(candidates.map((c) => c.cls.name));
    const sites: Site[] = [];
    for (const path of this.index.paths()) {
      const module = this.index.module(path) as ModuleSummary;
      const named = (call: CallSite): boolean => names.has(call.text.split('.').pop() ?? '');
      for (const call of module.moduleCalls) if (named(call)) sites.push({ path, caller: null, call });
      for (const fn of module.functions) {
        for (const call of fn.calls) if (named(call)) sites.push({ path, caller: this.functions.get(functionKey(path, fn.id)) ?? null, call });
      }
    }
    // Each call evaluated once, by the class it builds: a class's constructions are then looked up, not searched for
    // among every same-named call of the project (many modules define a `Repository`).
    const byClass = new Map<string, Site[]>();
    for (const site of sites) {
      const made = this.index.evaluate(site.path, site.call.callee);
      if (made.k === 'class') cached(byClass, `${made.path}#${made.id}`, () => []).push(site);
    }
    for (const { path, cls, attrs } of candidates) {
      const built = byClass.get(`${path}#${cls.id}`) ?? [];
      const settled = attrs.filter((attr) => this.constructionsHandSync({ path, id: cls.id }, attr, built));
      if (settled.length > 0) this.file(path).syncHeldClasses.push({ id: cls.id, attrs: settled });
    }
  }

  /**
   * Every construction of the class (`sites`, the calls building it) fills `self.<attr>` from a session argument of a
   * plain def whose sessions are all sync for certain (on a sync provider, kept on the sync session, kept plain, or
   * handed a sync Session by every caller), and an `__init__` FastAPI fills by `Depends(...)` is injected by sync
   * providers only; there is at least one. A construction at module level, of an argument the resolver does not know
   * for a session, or in code that is async after the run may hand it anything.
   */
  private constructionsHandSync(cls: { path: string; id: number }, attr: string, sites: readonly Site[]): boolean {
    const init = this.index.findMethod(cls, '__init__');
    const initKey = init ? functionKey(init.path, init.id) : null;
    const initFn = initKey ? this.functions.get(initKey)?.fn : undefined;
    let built = false;
    // Built by FastAPI (`svc: UnitOfWork = Depends()`): its own `Depends(...)` parameters say what it is handed.
    const injected = (initFn?.params?.depends?.length ?? 0) > 0 || (initKey !== null && this.objectDependencyInits().has(initKey));
    if (injected) {
      if (!this.injectedSync(initKey as string)) return false;
      built = true;
    }
    for (const { caller, call } of sites) {
      if (!caller || call.ignored || !call.sessionArg) return false;
      const fills = call.sessionArg.some((slot) => this.index.heldAttributes(cls, typeof slot === 'string' ? { position: null, keyword: slot } : { position: slot, keyword: null }).has(attr));
      if (!fills || this.isAsyncAfter(caller.key)) return false;
      const sync = this.keptPlain.has(caller.key) || this.keptSync.has(caller.key) || this.injectedSync(caller.key) || this.handedSyncBack.has(caller.key);
      if (!sync) return false;
      built = true;
    }
    return built;
  }

  /**
   * `self.<attr>` of the project class holds no SQLAlchemy session (`self.session = requests.Session()`): a class on its
   * MRO or one of its subclasses fills it only with objects that are none (SessionHolder.others), and none of the
   * others stores anything in it (ClassSummary.attributes has every class's stores, holder or not). When unsure, it
   * may hold one.
   */
  private holdsNoSession(cls: { path: string; id: number }, attr: string): boolean {
    const mro = this.index.mro(cls);
    if (!mro) return false;
    let proven = false;
    for (const c of [...mro, ...this.index.subclassesOf(cls)]) {
      const summary = this.index.classSummary(c.path, c.id);
      if (summary?.holder?.others?.includes(attr)) proven = true;
      else if (summary?.attributes.some(([name]) => name === attr)) return false;
    }
    return proven;
  }

  /**
   * After the plan, the session kept in `self.<attr>` is used only the sync way by the class, its bases and its
   * subclasses in the project: at least one session method call on it, none awaited (or its await taken out again in a
   * method left a plain def), and none of their methods a coroutine function (one would expect an AsyncSession).
   */
  private heldOnlySync(cls: { path: string; id: number }, attr: string): boolean {
    const mro = this.index.mro(cls);
    if (!mro) return false;
    let used = false;
    for (const c of [...mro, ...this.index.subclassesOf(cls)]) {
      const summary = this.index.classSummary(c.path, c.id);
      const methods = summary?.methods ?? [];
      if (methods.some(([, id]) => this.isAsyncAfter(functionKey(c.path, id)))) return false;
      const keptPlain = this.files.get(c.path)?.keptPlain ?? [];
      for (const use of summary?.holder?.uses ?? []) {
        if (use.attr !== attr) continue;
        used = true;
        const method = methods.find(([name]) => name === use.in)?.[1];
        if (use.awaited && (method === undefined || !keptPlain.includes(method))) return false;
      }
    }
    return used;
  }

  /** Named in a `Depends(...)` / `Security(...)` somewhere: FastAPI calls it, and fills its own `Depends` parameters. */
  private isDependency(key: string): boolean {
    // `@Depends def get_repo(...)`: FastAPI calls it wherever a parameter defaults to its name.
    if (this.functions.get(key)?.fn.dependsDecorated) return true;
    return (this.referenced.get(key) ?? []).some(({ ref }) => /(^|\.)(Depends|Security)$/.test(ref.receiver));
  }

  /**
   * Calls resolved to a coroutine function that was one before this run (those made async now get their awaits or
   * findings from propagation), left without await and not handed to another call: candidates for
   * ASYNC-CALL-NOT-AWAITED, which the rewrite pass confirms on the tree (FilePlan.unawaited). They survive a run
   * that applied the migration: a call someone left un-awaited by hand is still found on the next run.
   */
  private noteUnawaitedCoroutineCalls(): void {
    // Calls propagation already awaited or flagged (a stale sync caller of a session function) are dealt with.
    const handledHere = new Map<string, Set<string>>();
    const handled = (path: string): Set<string> =>
      cached(handledHere, path, () => {
        const file = this.files.get(path);
        return new Set([...(file?.awaits ?? []).map((a) => `${a.start}`), ...(file?.findings ?? []).map((f) => `${f.offset}`)]);
      });
    for (const entry of this.functions.values()) {
      if (!entry.fn.isAsync || entry.fn.isGenerator || this.newly.has(entry.key)) continue;
      for (const { path, caller, call } of this.callers.get(entry.key) ?? []) {
        if (call.awaited !== undefined || call.ignored || call.argumentOf !== undefined || handled(path).has(`${call.start}`)) continue;
        const where = caller && (caller.fn.isAsync || this.newly.has(caller.key)) ? 'without `await`' : `in code that is not async (${caller ? `\`${caller.fn.qualname}\` is a plain def` : 'module level'})`;
        this.file(path).unawaited.push({
          start: call.start,
          end: call.end,
          inTest: caller !== null && caller.fn.test !== null,
          message: `\`${call.text}(...)\` calls the coroutine function \`${entry.fn.qualname}\` (${entry.path}:${entry.fn.line}) ${where} and drops what it returns: the coroutine is never run, so nothing it does happens`,
        });
      }
    }
  }

  /**
   * Flags each session call the function makes on `name` (a parameter or a local) without await. `handed`: a
   * caller hands it a session (an AsyncSession after the migration); `'annotated'`: a local annotated as a session of
   * unknown origin; otherwise it is handed on to a session parameter.
   */
  private flagSessionLikeUses(entry: FnEntry, name: string, why: string, handed: boolean | 'annotated'): void {
    const unknown = paramAt(entry.fn.params?.untypedSessionLike, name) !== undefined ? 'has no session type for its annotation' : 'does not come from a session factory or dependency it knows';
    for (const call of entry.fn.calls) {
      if (call.awaited === 'yes' || call.ignored || !call.text.startsWith(`${name}.`)) continue;
      const method = call.text.slice(name.length + 1);
      if (!SESSION_LIKE_METHODS.has(method)) continue;
      const broken = method === 'query' || method.startsWith('bulk_') ? `AsyncSession has no \`${method}()\`` : `\`${method}()\` returns a coroutine that is never run`;
      const after =
        handed === 'annotated'
          ? `the sessions the migrated code holds are AsyncSessions: if it is handed one of those, ${broken} (a sync Session from code that stays sync is right as it is)`
          : handed
            ? `after the migration that is an AsyncSession, where ${broken}`
            : `after the migration that parameter is an AsyncSession: if \`${name}\` is one too, ${broken}; if not, a sync Session goes where an AsyncSession is awaited`;
      this.flag(RULES.unrecognisedSession, entry.path, call.start, `\`${call.text}(...)\` is left as it is: \`${name}\` ${unknown}, so awaitify does not know it is a session, but ${why}; ${after}`);
    }
  }

  /**
   * The project function a background task call runs: `add_task(f, ...)` (FastAPI's and Starlette's
   * BackgroundTasks) or `BackgroundTask(f, ...)`, `f` being its first positional argument. Starlette calls
   * `f(*args, **kwargs)`, awaiting it when it is a coroutine function, so the session handed along goes to `f`.
   */
  private backgroundTask(path: string, call: CallSite): { entry: FnEntry; text: string } | null {
    const receiver = call.text.split('.').pop() ?? '';
    if (receiver !== 'add_task' && receiver !== 'BackgroundTask') return null;
    const ref = call.references?.find((r) => r.first === true);
    if (!ref) return null;
    const fn = this.index.resolveFunction(path, ref.expr);
    const entry = fn ? this.functions.get(functionKey(fn.path, fn.id)) : undefined;
    return entry ? { entry, text: ref.text } : null;
  }

  private flagUnresolved(): void {
    const anyAsync = this.newly.size > 0;
    const suspects = new Suspects(this.index, this.receivers, [...this.newly.keys()].map((key) => this.functions.get(key) as FnEntry));
    const flaggedSites = new Set<Site>();
    for (const site of this.unresolvedSessionCalls) {
      if (site.call.awaited === 'yes' || site.call.ignored) continue;
      // A background task running a project function is that function's call: Starlette awaits a coroutine
      // function, and calls a plain one in its threadpool, as a direct call would.
      const task = this.backgroundTask(site.path, site.call);
      if (task) {
        if (this.isAsyncAfter(task.entry.key)) this.file(site.path).taskCalls.push({ start: site.call.start, end: site.call.end, task: task.text });
        continue;
      }
      if (!anyAsync && (!site.caller || site.caller.fn.isAsync)) continue;
      flaggedSites.add(site);
      const suspect = suspects.of(site.path, site.call.callee);
      const also = suspect ? `; ${suspect.candidates}` : '';
      const caller = anyAsync || !site.caller ? '' : ` (and ${site.caller.fn.qualname} \`async def\`)`;
      this.flag(RULES.unresolved, site.path, site.call.start, `\`${site.call.text}(...)\` is given a session, but which function it calls is not known${also}; if it is a coroutine function now, this call needs \`await\`${caller}; if it is a library function using the session's sync API, it now gets an AsyncSession and fails there`);
    }
    if (!anyAsync) return;
    for (const site of this.unresolvedCalls) {
      if (flaggedSites.has(site) || site.call.awaited === 'yes' || site.call.ignored) continue;
      const suspect = suspects.of(site.path, site.call.callee);
      if (!suspect) continue;
      const misplaced = site.call.awaited === 'misplaced' ? ' (the `await` before it applies to the longer expression it starts)' : '';
      this.flag(RULES.unknownReceiver, site.path, site.call.start, `\`${site.call.text}(...)\` is left without await${misplaced}, but ${suspect.why}, and ${suspect.candidates}: if that is what it calls, it returns an un-awaited coroutine now`);
    }
    for (const [key, sites] of this.callers) this.flagStubCalls(key, sites, suspects);
    for (const { site, key, shadow } of this.shadowedCalls) {
      if (site.call.awaited === 'yes' || site.call.ignored || !this.isAsyncAfter(key)) continue;
      const target = this.functions.get(key) as FnEntry;
      this.flag(RULES.unknownReceiver, site.path, site.call.start, `\`${site.call.text}(...)\` is left without await: it resolves to ${describe(target)}, which becomes async, but \`${shadow}\`, a base of the object's class that awaitify cannot read, comes before it on the MRO and may define \`${target.fn.name}\` itself`);
    }
    for (const site of this.unresolvedWrappers) {
      const wrapper = site.call.wrapper as WrapperSite;
      if (flaggedSites.has(site) || site.call.ignored) continue;
      const suspect = suspects.of(site.path, wrapper.target);
      if (!suspect) continue;
      this.flag(RULES.unknownReceiver, site.path, site.call.start, `\`${site.call.text}(${wrapper.targetText}, ...)\` runs \`${wrapper.targetText}\` in a thread, but ${suspect.why}, and ${suspect.candidates}: if that is what it runs, the thread only creates its coroutine`);
    }
    for (const { site, ref } of this.unresolvedReferences) {
      if (site.call.ignored || !CALLS_ITS_ARGUMENTS.has(ref.receiver.split('.').pop() ?? ref.receiver)) continue;
      const suspect = suspects.of(site.path, ref.expr);
      if (!suspect) continue;
      this.flag(RULES.unknownReceiver, site.path, ref.start, `\`${ref.text}\` is passed to \`${ref.receiver}()\`, which calls it without await, but ${suspect.why}, and ${suspect.candidates}: if that is what it is, each call returns an un-awaited coroutine`);
    }
  }

  /**
   * A call resolved through an interface (`repo: OrderRepo` where `OrderRepo` is a Protocol whose `find` is
   * `...`) runs another class's method at run time; when that may be one made async, it is flagged.
   */
  private flagStubCalls(key: string, sites: Site[], suspects: Suspects): void {
    const target = this.functions.get(key) as FnEntry;
    if (!target.fn.stub || target.fn.classId === null || this.isAsyncAfter(key)) return;
    const family = this.family.get(key) ?? new Set<string>();
    const candidates = suspects.methodsNamed(target.fn.name).filter((e) => !family.has(e.key));
    if (candidates.length === 0) return;
    for (const site of sites) {
      const { call } = site;
      if (call.awaited === 'yes' || call.ignored) continue;
      // Through `self`/`cls`/`super()` the object is of this class or a subclass, which the family covers.
      if (call.callee.k === 'attr' && ['self', 'cls', 'super'].includes(call.callee.of.k)) continue;
      this.flag(RULES.unknownReceiver, site.path, call.start, `\`${call.text}(...)\` resolves to ${describe(target)}, which has no body of its own (an interface: the object at run time is of another class), and ${listOf(candidates, 'method')}: if that is what it runs, the call returns an un-awaited coroutine now`);
    }
  }

  // ---- blocking calls left in functions made async -----------------------------------------

  /**
   * A sync HTTP call, sleep or subprocess in a function this run makes async: before, it tied up one thread (FastAPI
   * runs a sync handler, and what it calls, in its threadpool); in an `async def` it holds up the event loop, every
   * other request with it. Flagged at the call, and at a call of a project plain def that stays sync and blocks,
   * followed a few calls deep (index/blocking.ts). Not file I/O (`open()`): common, mostly small, and the audit reports it.
   * Functions that were `async def` before the run are the audit's; tests and fixtures block nobody's requests.
   */
  private flagBlockingCalls(): void {
    const blocking = new BlockingCalls(this.index, (path, fn) => this.isAsyncAfter(functionKey(path, fn.id)));
    // In the order of the code, as a reader goes through the report.
    const made = [...this.newly.keys()].map((key) => this.functions.get(key) as FnEntry).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.fn.id - b.fn.id));
    for (const e of made) {
      const key = e.key;
      if (e.fn.test !== null || this.index.module(e.path)?.isTestFile) continue;
      const why = `\`${e.fn.qualname}\` becomes \`async def\` in this run (${this.briefReason(key)})`;
      for (const call of e.fn.calls) {
        if (!runsInBody(call) || this.file(e.path).findings.some((f) => f.offset === call.start)) continue;
        const direct = blocking.direct(e.path, call);
        if (direct) {
          const named = direct.name === call.text ? '' : ` (\`${direct.name}\`)`;
          // A sleep in a thread only waits there: the async sleep is the one fix.
          const thread = direct.kind === 'sleep' ? '' : `, or run it in a thread: ${threadpoolCall(call.text)}`;
          this.flag(RULES.blocking, e.path, call.start, `\`${call.text}(...)\` ${isClient(call.text) ? `makes ${BLOCKING_CLIENT[direct.kind]}` : `is ${BLOCKING_WHAT[direct.kind]}`}${named}, and ${why}: it now runs on the event loop and blocks everything else there (every other request) while it waits, where FastAPI ran the sync code in a worker thread; use ${BLOCKING_FIX[direct.kind]}${thread}`);
          continue;
        }
        const via = blocking.through(e.path, call);
        if (!via) continue;
        const where = via.path === e.path ? `line ${via.line}` : `${via.path}:${via.line}`;
        const chain = [...via.chain, `\`${via.text}(...)\` (${where})`].join(' → ');
        this.flag(RULES.blocking, e.path, call.start, `\`${call.text}(...)\` runs ${BLOCKING_WHAT[via.kind]} (\`${via.name}\`) in plain defs that stay sync: ${chain}; ${why}, so the call now blocks the event loop and everything else there (every other request) while it waits; have the helper use ${BLOCKING_FIX[via.kind]} (async, awaited), or run it in a thread: \`await run_in_threadpool(${call.text}, ...)\``);
      }
    }
  }

  /**
   * A handler or dependency that ends on the async session dependency (async before the run, or kept a plain def
   * because it also calls a function made async, which is flagged there) and hands that session to code that stays a
   * plain def and uses it the sync way (syncHandOff): the callee fails on the AsyncSession at run time, and nothing at
   * the callee says who hands it one. Said at the call. (One that can stay sync goes back to the sync dependency
   * instead: keepBlockedRoutesSync.)
   */
  private flagAsyncSessionsHandedToSyncCode(): void {
    for (const entry of this.functions.values()) {
      const { fn } = entry;
      if (!fn.params?.depends || fn.test || this.keptSync.has(entry.key) || this.injectedSync(entry.key)) continue;
      if (!(fn.route || this.isDependency(entry.key))) continue;
      const handOff = this.syncHandOff(entry);
      if (!handOff || handOff.call.ignored) continue;
      const state = this.isAsyncAfter(entry.key) ? `is \`async def\`` : `stays a plain def only because it cannot be async (see its other finding)`;
      const callee = `\`${handOff.callee.fn.qualname}\` (${handOff.callee.path})`;
      const what = handOff.onObject ? `calls ${callee} on an object built on \`${fn.qualname}\`'s session` : `hands \`${fn.qualname}\`'s session to ${callee}`;
      this.flag(
        RULES.asyncSessionToSync,
        entry.path,
        handOff.call.start,
        `\`${handOff.call.text}(...)\` ${what}, an AsyncSession after the migration (\`${fn.qualname}\` ${state} and is injected \`${fn.params.depends[0]?.name ?? 'db'}\` by the async dependency${this.isAsyncAfter(entry.key) ? '' : this.whyNotSyncSession(entry)}); \`${handOff.callee.fn.qualname}\` stays a plain def that ${handOff.use}: on an AsyncSession that fails at run time (it has no \`query()\`, and its other calls return coroutines nobody awaits)`,
      );
    }
  }

  /**
   * `service.by_author(...)` in a handler given `service: PostService = Depends(get_post_service)`, where the dependency
   * builds the object on its session (`return PostService(db)`) and that session comes from the async dependency after
   * the run (another handler awaits the object's other methods, and it could not stay sync: pinnedDependencies gave up
   * on it), while the method stays a plain def working on `self.db` the sync way (a legacy query left, heldSessionUse):
   * it fails on the AsyncSession (`AttributeError: 'AsyncSession' object has no attribute 'query'`). Nothing else says
   * so at the handler; flagged ASYNC-SESSION-TO-SYNC-CODE at the call.
   */
  private flagSyncMethodsOnInjectedObjects(): void {
    for (const { consumer, provider, call, method, use } of this.syncUsesOfInjectedObjects()) {
      if (this.keptSync.has(provider.key) || this.injectedSync(provider.key) || this.isAsyncAfter(method.key)) continue;
      this.flag(
        RULES.asyncSessionToSync,
        consumer.path,
        call.start,
        `\`${call.text}(...)\` calls \`${method.fn.qualname}\` (${method.path}) on the object \`${provider.fn.qualname}\` builds on its session, an AsyncSession after the migration (it is injected \`${provider.fn.params?.depends?.[0]?.name ?? 'db'}\` by the async dependency, which other handlers of that object need); \`${method.fn.qualname}\` stays a plain def that ${use}: on an AsyncSession that fails at run time (it has no \`query()\`, and its other calls return coroutines nobody awaits)`,
      );
    }
  }

  /**
   * Calls, in a handler or dependency, of a method working on its object's session the sync way (heldSessionUse: a
   * session call insert-await left on `self.db`, or `self.db` handed to code that stays sync), on an object that a
   * dependency function builds on its own injected session and FastAPI hands it (`catalog: Catalog =
   * Depends(get_catalog)` with `def get_catalog(db: Session = Depends(get_db)): return Catalog(db)`). Read from the
   * input alone, like syncHandOff.
   */
  private *syncUsesOfInjectedObjects(): Generator<InjectedSyncUse> {
    for (const entry of this.functions.values()) {
      const { fn } = entry;
      if (fn.test || !fn.objectDepends || !(fn.route || this.isDependency(entry.key))) continue;
      for (const dep of fn.objectDepends) {
        // A class dependency (`catalog: Catalog = Depends()`, its `__init__` taking `db: Session = Depends(get_db)`) is
        // the object itself; a dependency function hands out the project objects it builds on its session.
        const providerKey = this.builtBy(entry.path, dep.of);
        const provider = providerKey === null ? undefined : this.functions.get(providerKey);
        if (!provider || !provider.fn.params?.depends) continue;
        const made = this.index.evaluate(entry.path, dep.of);
        const built =
          made.k === 'class'
            ? [made]
            : provider.fn.calls
                .filter((c) => c.sessionArg && !c.onSession && !c.syncSessionArg)
                .map((c) => this.index.evaluate(provider.path, c.callee))
                .filter((cls): cls is Extract<typeof cls, { k: 'class' }> => cls.k === 'class');
        if (built.length === 0) continue;
        for (const call of fn.calls) {
          if (call.ignored || call.callee.k !== 'attr' || !call.text.startsWith(`${dep.name}.`) || call.text.split('.').length !== 2) continue;
          const target = this.index.resolveFunction(entry.path, call.callee);
          const method = target ? this.functions.get(functionKey(target.path, target.id)) : undefined;
          if (!method || method.fn.classId === null || method.fn.isAsync) continue;
          const owner = { path: method.path, id: method.fn.classId };
          if (!built.some((cls) => (this.index.mro(cls) ?? [cls]).some((c) => c.path === owner.path && c.id === owner.id))) continue;
          const use = this.heldSessionUse(method);
          if (use) yield { consumer: entry, provider, call, method, use };
        }
      }
    }
  }

  /**
   * Why a handler that stays a plain def is not given its sync session back (keepBlockedRoutesSync), for a finding
   * that says it gets the AsyncSession: the call of something async after the run (on a sync Session that call would
   * still hand it a coroutine: broken either way), or the call handing its session to what the index cannot see.
   */
  private whyNotSyncSession(entry: FnEntry): string {
    const { callsAsync, handsToUnknown, handsToAwaiting } = this.sessionObstacles(entry, (key) => this.newly.has(key));
    if (callsAsync !== null) {
      return `, not given the sync one back because it also calls \`${callsAsync.text}(...)\`, a coroutine function after the migration: on a sync Session too that call would return a coroutine nobody awaits, so the handler is broken either way until what it hands its session to can be async`;
    }
    if (handsToUnknown !== null) {
      return `, not given the sync one back because it also hands its session to \`${handsToUnknown.text}(...)\`, which awaitify cannot see and which may await it`;
    }
    if (handsToAwaiting !== null) {
      return `, not given the sync one back because it also hands its session on (${handsToAwaiting.path.join(' -> ')}) to code awaiting it now`;
    }
    return '';
  }

  /** Why a function is made async, in a few words. */
  private briefReason(key: string): string {
    const e = this.functions.get(key) as FnEntry;
    const reason = this.newly.get(key) as Reason;
    const what = e.fn.route ? 'a route handler that ' : '';
    switch (reason.kind) {
      case 'seed':
        return `${what}awaits ${reason.awaits}`;
      case 'calls':
        return `${what}awaits ${reason.text}, made async`;
      case 'family':
        return `${what}shares a class hierarchy with ${(this.functions.get(reason.other) as FnEntry).fn.qualname}, made async`;
    }
  }

  private writeAsyncDefs(): void {
    for (const key of this.newly.keys()) {
      const e = this.functions.get(key) as FnEntry;
      this.file(e.path).asyncDefs.push({ offset: e.fn.id, reason: this.defReason(key) });
    }
  }

  // ---- reasons -------------------------------------------------------------------------------

  private defReason(key: string): string {
    const e = this.functions.get(key) as FnEntry;
    const label = e.fn.route ? `route handler ${e.fn.qualname}` : e.fn.qualname;
    const reason = this.newly.get(key) as Reason;
    switch (reason.kind) {
      case 'seed':
        return `${ID}: ${label} is async because it awaits ${reason.awaits}`;
      case 'calls': {
        const target = this.functions.get(reason.target) as FnEntry;
        return `${ID}: ${label} is async because it awaits ${reason.text} (${target.path}: ${this.chain(reason.target, 0)})`;
      }
      case 'family': {
        const other = this.functions.get(reason.other) as FnEntry;
        return `${ID}: ${label} is async because it is in one class hierarchy with ${other.fn.qualname}, whose callers await it (${other.path}: ${this.chain(reason.other, 0)})`;
      }
    }
  }

  private chain(key: string, hops: number): string {
    const e = this.functions.get(key) as FnEntry;
    const reason = this.newly.get(key);
    if (!reason) return `${e.fn.qualname} is async`;
    if (hops >= 5) return `${e.fn.qualname} ...`;
    switch (reason.kind) {
      case 'seed':
        return `${e.fn.qualname} awaits ${reason.awaits}`;
      case 'calls': {
        const next = this.functions.get(reason.target) as FnEntry;
        return `${e.fn.qualname} awaits ${reason.text}; ${next.path}: ${this.chain(reason.target, hops + 1)}`;
      }
      case 'family': {
        const next = this.functions.get(reason.other) as FnEntry;
        return `${e.fn.qualname} overrides or is overridden by ${next.fn.qualname}; ${next.path}: ${this.chain(reason.other, hops + 1)}`;
      }
    }
  }

  // ---- output --------------------------------------------------------------------------------

  private file(path: string): FilePlan {
    let plan = this.files.get(path);
    if (!plan) {
      plan = { asyncDefs: [], awaits: [], unwraps: [], entryRuns: [], moduleCalls: [], findings: [], testFindings: new Set(), keptPlain: [], keptSyncRoutes: [], syncDependencyRoutes: [], sessionAwaitsBack: [], injectedAnnotationsBack: [], syncHeldClasses: [], heldFactoriesBack: [], aliasesBack: [], annotationsBack: [], unawaited: [], taskCalls: [] };
      this.files.set(path, plan);
    }
    return plan;
  }

  /** A finding on a call to `target`, withdrawn when `target` stays sync after all (keepSyncOnlyCalleesSync). */
  private flagCall(target: FnEntry, rule: AsyncRule, path: string, offset: number, message: string): void {
    this.flag(rule, path, offset, message, target.key);
  }

  /** `about`: the function made async a call flagged here reaches; '' for any other finding, which stays. */
  private flag(rule: AsyncRule, path: string, offset: number, message: string, about = ''): void {
    const key = flagKey(path, rule, offset);
    addTo(this.callFlags, key, about);
    if (this.flagged.has(key)) return;
    this.flagged.add(key);
    this.file(path).findings.push({ rule, offset, message, hint: HINTS[rule] });
  }
}

/**
 * `await run_in_threadpool(<callee>, ...)` for a blocking function; for a client or session class (`requests.Session`,
 * `httpx.Client`, `subprocess.Popen`) the blocking work is in its methods: a helper doing the work goes to the thread.
 */
function threadpoolCall(callee: string): string {
  return isClient(callee) ? '`await run_in_threadpool(f, ...)` (f: a helper doing the work)' : `\`await run_in_threadpool(${callee}, ...)\``;
}

/**
 * A call handing a session to project code that stays a plain def and uses it the sync way: `callee` is what the call
 * reaches (the function, or the method of an object built on the session), `use` what it does with the session.
 */
interface SyncHandOff {
  call: CallSite;
  callee: FnEntry;
  use: string;
  /** The call is a method of an object the function built on its session (`ItemService(db).search(...)`). */
  onObject?: true;
  /** The session is the one the method's own object keeps in `self.<held>` (heldSessionKeptSync). */
  held?: string;
  /** With held: the method of that class whose call hands `self.<held>` on (`UnitOfWork.__init__`). */
  handedIn?: string;
}

function handOffWhy(entry: FnEntry, h: SyncHandOff): string {
  if (h.held !== undefined) {
    const where = h.handedIn
      ? `\`${h.handedIn}\` hands it to \`${h.call.text}(...)\` (line ${h.call.line}), and \`${h.callee.fn.qualname}\` (${h.callee.path}) stays a plain def that ${h.use}`
      : `\`${h.callee.fn.qualname}\` ${h.use}`;
    return `\`${entry.fn.qualname}\` awaits the session its object keeps in \`self.${h.held}\`, but ${where}: that session must stay a sync Session, so \`${entry.fn.qualname}\` cannot become async`;
  }
  const how = h.onObject ? 'calls, on an object built on its session,' : 'hands its session to';
  return `\`${entry.fn.qualname}\` ${how} \`${h.call.text}(...)\` (line ${h.call.line}), and \`${h.callee.fn.qualname}\` (${h.callee.path}) stays a plain def that ${h.use}: that fails on an AsyncSession, so \`${entry.fn.qualname}\` cannot become async`;
}

/**
 * A handler's (`consumer`) call of a method (`method`) that uses the session of the object a dependency function
 * (`provider`) builds on its own session and FastAPI hands the handler, the sync way (`use`, as a message says it).
 */
interface InjectedSyncUse {
  consumer: FnEntry;
  provider: FnEntry;
  call: CallSite;
  method: FnEntry;
  use: string;
}

/** An awaited use of a session a class keeps: a call on it, or the call handing it to a function awaiting it. */
type HeldAwaitedUse = { path: string; use: { attr: string; method: string; line: number; in: string; text?: string } };

/** The awaited expression a HeldAwaitedUse stands for, as a message quotes it. */
function awaitedText(found: HeldAwaitedUse): string {
  return found.use.text ?? `await self.${found.use.attr}.${found.use.method}(...)`;
}

/**
 * How many constructors deep heldSync follows a session handed from one `__init__` to another class's, and how many
 * helpers deep a global session is followed to such a class.
 */
const MAX_HELD_DEPTH = 4;

function flagKey(path: string, rule: AsyncRule, offset: number): string {
  return `${path}\u0000${rule}\u0000${offset}`;
}

/** An expression that may name a function through a module, an object or a name the index could not follow. */
function mayNameFunction(expr: Expr): boolean {
  return expr.k === 'attr' || expr.k === 'global' || expr.k === 'import' || (expr.k === 'unknown' && (expr.alternatives?.length ?? 0) > 0);
}

/**
 * Unresolved callees that may be a function made async: the name matches one, and what it is looked up
 * on is not provably foreign (see receivers.ts).
 */
/** How a project generator hands out what a call receives (CallSite.managedArgs' fourth element), as a message part. */
function yieldsBy(wrapped: true | 'drawn' | undefined): string {
  if (wrapped === 'drawn') return 'a sync generator drawn by hand (`for name in f():` or `next(f())`)';
  return wrapped ? 'a sync generator wrapped by `contextmanager(...)`' : 'a sync `@contextmanager`';
}

class Suspects {
  private readonly methods = new Map<string, FnEntry[]>();
  /** Of `methods`, those outside test modules (what application code may be handed), one list per name for every call. */
  private readonly appMethods = new Map<string, FnEntry[]>();
  private readonly functions = new Map<string, FnEntry[]>();
  private readonly madeAsync = new Map<string, FnEntry>();

  constructor(
    private readonly index: ProjectIndex,
    private readonly receivers: ReceiverClassifier,
    madeAsync: FnEntry[],
  ) {
    for (const e of madeAsync) {
      this.madeAsync.set(e.key, e);
      if (e.fn.classId !== null) {
        push(this.methods, e.fn.name, e);
        if (!isTestPath(e.path)) push(this.appMethods, e.fn.name, e);
      } else if (e.fn.parentId === null) push(this.functions, e.fn.name, e);
    }
  }

  methodsNamed(name: string): FnEntry[] {
    return this.methods.get(name) ?? [];
  }

  /** Why `expr` may be a function made async, and which; null when it provably is not. */
  of(path: string, expr: Expr, depth = 0): Suspect | null {
    if (expr.k === 'unknown') {
      // A local name bound more than once: any of its bindings may be the one the call sees.
      const reached: FnEntry[] = [];
      for (const alternative of depth > 0 ? [] : (expr.alternatives ?? [])) {
        const fn = this.index.resolveFunction(path, alternative);
        const entry = fn ? this.madeAsync.get(functionKey(fn.path, fn.id)) : undefined;
        if (entry) reached.push(entry);
        else if (!fn) reached.push(...(this.of(path, alternative, depth + 1)?.entries ?? []));
      }
      if (reached.length === 0) return null;
      return new Suspect('the name is bound more than once in the function (imports or assignments in different branches), and one of its bindings is a function made async', [...new Set(reached)], 'function');
    }
    const name = expr.k === 'attr' ? expr.name : expr.k === 'global' ? expr.name : expr.k === 'import' && expr.target.k === 'name' ? expr.target.name : null;
    if (name === null) return null;
    const methods = this.methods.get(name);
    const functions = this.functions.get(name);
    if (!methods && !functions) return null;
    if (this.index.evaluate(path, expr).k !== 'unknown') return null;
    if (expr.k !== 'attr') {
      // A bare name bound more than once, or to something the index cannot follow.
      if (!functions || this.receivers.classify(path, expr).k !== 'unknown') return null;
      if (expr.k === 'global' && !this.bindsOrStars(path, name)) return null;
      return new Suspect(`the name \`${name}\` is not bound to one known function (it is bound more than once, conditionally or dynamically)`, functions, 'function');
    }
    const receiver = this.receivers.classify(path, expr.of);
    switch (receiver.k) {
      case 'foreign':
      case 'function':
        return null;
      case 'module':
        if (!functions || !this.bindsOrStars(receiver.path, name)) return null;
        return new Suspect(`\`${name}\` in ${receiver.path} is not bound to one known function (it is bound more than once, conditionally or dynamically)`, functions, 'function');
      case 'class': {
        // Reached only through what the index does not resolve calls through (a pytest fixture's value, the
        // items of an annotated container): the method is known.
        const found = this.index.findMethod(receiver, name, receiver.after);
        const entry = found && this.madeAsync.get(functionKey(found.path, found.id));
        const cls = this.index.classSummary(receiver.path, receiver.id);
        if (entry) return new Suspect(`it is called on a \`${cls?.qualname ?? '?'}\` known only from a pytest fixture or a container's item annotation, which calls are not resolved through`, [entry], 'method');
        if (found || !methods) return null;
        // Not on the class's MRO: a mixin calling what the classes it is mixed into define, which differ.
        const inherited = this.index.subclassMethods(receiver, name, receiver.after);
        const reached = (inherited ?? []).map((m) => this.madeAsync.get(functionKey(m.path, m.id))).filter((e): e is FnEntry => e !== undefined);
        if (inherited === null || reached.length > 0) {
          return new Suspect(`\`${name}\` is not defined on \`${cls?.qualname ?? '?'}\` (${receiver.path}) nor its bases, and the classes deriving from it get it from different places`, reached.length > 0 ? reached : methods, 'method');
        }
        if (this.receivers.mroComplete(receiver)) return null;
        return new Suspect(`\`${name}\` is not defined on \`${cls?.qualname ?? '?'}\` (${receiver.path}) itself and one of its base classes cannot be resolved`, methods, 'method');
      }
      case 'unknown': {
        if (receiver.module && functions) return new Suspect('it is called on a module imported by name at run time (`importlib.import_module(...)`), which may be a project module', functions, 'function');
        // A class of a test module (a conftest's data factory) is never what application code is handed.
        const reachable = isTestPath(path) ? methods : this.appMethods.get(name);
        if (!reachable) return null;
        return new Suspect('the class of the object it is called on is not known', reachable, 'method');
      }
    }
  }

  private bindsOrStars(path: string, name: string): boolean {
    const module = this.index.module(path);
    return !!module && (module.starImports.length > 0 || module.globals.some(([n]) => n === name));
  }
}

/** Why an unresolved expression may name functions made async, and which (`entries`; `candidates` describes them). */
class Suspect {
  constructor(
    readonly why: string,
    readonly entries: FnEntry[],
    private readonly what: 'method' | 'function',
  ) {}

  /**
   * Made when a finding needs it: `suspected()` only collects the entries, and a list shared by many calls (every
   * method named `get` made async, for each `x.get(...)` on an unknown object) is described once, not per call
   * (sorting it per call grew with the project twice over).
   */
  get candidates(): string {
    const described = cached(descriptions, this.entries, () => new Map<'method' | 'function', string>());
    return cached(described, this.what, () => listOf(this.entries, this.what));
  }
}

const descriptions = new WeakMap<FnEntry[], Map<'method' | 'function', string>>();

function listOf(entries: FnEntry[], what: 'method' | 'function'): string {
  const sorted = [...entries].sort((a, b) => a.path.localeCompare(b.path) || a.fn.id - b.fn.id);
  const shown = sorted.slice(0, 3).map((e) => `\`${e.fn.qualname}\` (${e.path}:${e.fn.line})`).join(', ');
  const more = sorted.length > 3 ? ` and ${sorted.length - 3} more` : '';
  const name = sorted[0]?.fn.name ?? '?';
  return sorted.length === 1 ? `a ${what} \`${name}\` becomes async in ${shown}` : `${what}s named \`${name}\` become async in ${shown}${more}`;
}

function describe(e: FnEntry): string {
  return `\`${e.fn.qualname}\` (${e.path})`;
}

function testWord(fn: FunctionSummary): string {
  return fn.test === 'fixture' ? 'fixture' : 'test';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const existing = map.get(key);
  if (existing) existing.push(value);
  else map.set(key, [value]);
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const existing = map.get(key);
  if (existing) existing.add(value);
  else map.set(key, new Set([value]));
}
