// Where a session call sits: in which function (the "unit" that would become `async def`), and whether
// `await` is possible there at all. Python forbids `await` in a lambda; in a generator expression it
// turns the generator into an async generator, which `sum()`/`any()`/`list()` cannot consume; some
// functions must stay sync because their callers call them synchronously (dunders, properties,
// validators, event listeners, Celery tasks, caches of results).
import type { SgNode } from '@ast-grep/napi';
import { parametersOf } from '../query/bindings';
import { asyncKeyword, decoratorsOf, namedChildren } from '../query/syntax';
import { treeMemo } from '../support/cached-tree';
import { collectImports, contextmanagerSpellings, isContextmanager } from '../support/imports';

export interface Place {
  /** The innermost function whose body the node runs in, or null at module level. */
  unit: SgNode | null;
  /** Why `await` cannot be written right here even though the unit might become async (a lambda...). */
  blocked: string | null;
}

const SYNC_ONLY_DECORATOR =
  /^@\s*(?:[\w.]+\.)?(property|cached_property|setter|getter|deleter|hybrid_property|hybrid_method|validator|field_validator|root_validator|model_validator|field_serializer|model_serializer|computed_field|validates|listens_for|expression|comparator|task|shared_task|periodic_task|contextmanager|fixture|lru_cache|cache|command|group|callback|result_callback|scheduled_job|repeat|given|when|then|step)\b/;

/**
 * Decorators registering a view or request hook on a Flask app or blueprint. FastAPI's `@app.get(...)` reads the
 * same, so they count only in a module that imports flask and not fastapi (isFlaskModule).
 */
const FLASK_VIEW_DECORATOR =
  /^@\s*[\w.]+\.(route|get|post|put|patch|delete|before_request|after_request|teardown_request|teardown_appcontext|before_app_request|after_app_request|errorhandler|app_errorhandler|context_processor)\s*\(/;

/** The module of `fn` imports flask (any of it) and nothing of fastapi or starlette. */
function isFlaskModule(fn: SgNode): boolean {
  const decide = (): boolean => {
    const imports = collectImports(fn.getRoot());
    const modules = [...imports.from.map((i) => i.module), ...imports.plain.map((i) => i.module)].map((m) => m.split('.')[0]);
    return modules.includes('flask') && !modules.includes('fastapi') && !modules.includes('starlette');
  };
  return treeMemo(fn, 'flask-module', decide) ?? decide();
}

/** Dunder methods that Python itself awaits. */
const ASYNC_DUNDERS = new Set(['__aenter__', '__aexit__', '__anext__']);
/** A FastAPI dependency marker, as a parameter's default or inside its `Annotated[...]` annotation. */
const DEPENDS_DEFAULT = /^(?:[\w.]+\.)?(?:Depends|Security)\s*\(/;
const DEPENDS_IN_ANNOTATION = /^(?:[\w.]+\.)?Annotated\s*\[[\s\S]*\b(?:Depends|Security)\s*\(/;

export function placeOf(node: SgNode): Place {
  let blocked: string | null = null;
  let child: SgNode = node;
  let inner: SgNode | null = null;
  for (let a = node.parent(); a !== null; inner = child, child = a, a = a.parent()) {
    switch (a.kind()) {
      case 'lambda':
        blocked ??= 'inside a lambda';
        break;
      case 'generator_expression':
        // Its first iterable is evaluated where the generator expression is, before it runs:
        // `any(u.ok for u in await repo.list())` awaits in the enclosing function.
        if (!isFirstIterable(a, child, inner)) blocked ??= 'inside a generator expression';
        break;
      case 'decorator':
        blocked ??= 'in a decorator';
        break;
      case 'parameters':
      case 'lambda_parameters':
        blocked ??= 'in a default argument value';
        break;
      case 'class_definition':
        if (a.field('body')?.id() === child.id()) blocked ??= 'in a class body';
        break;
      case 'function_definition':
        // Decorators and defaults of a def run in the enclosing scope; only its body belongs to it.
        if (a.field('body')?.id() === child.id()) return { unit: a, blocked };
        break;
    }
  }
  return { unit: null, blocked };
}

/**
 * Builtins that iterate a generator expression handed to them at once, where the call is written (`any(...)`,
 * `sum(...)`, `list(...)`), and methods that do (`", ".join(...)`, `xs.extend(...)`).
 */
const CONSUMING_BUILTINS = new Set(['list', 'tuple', 'set', 'frozenset', 'dict', 'sum', 'any', 'all', 'min', 'max', 'sorted', 'next']);
const CONSUMING_METHODS = new Set(['join', 'extend']);

/** Builtins (and the list method) that call a `key=` function during the call. */
const KEY_CALLERS = new Set(['sorted', 'min', 'max']);

/**
 * For a call placeOf finds blocked (no `await` can be written there), whether it still runs during its function's
 * own execution, at the place it is written: every lambda around it is the `key=` of `sorted`/`min`/`max`/`.sort`,
 * and every generator expression around it is iterated at once by a consuming builtin (`any(requests.get(u).ok for u
 * in urls)`). A lambda or generator expression handed anywhere else may run later or in another thread
 * (`run_in_threadpool(lambda: requests.get(url))`, `StreamingResponse(gen)`), and decorators, defaults and class bodies
 * run at definition time: false for those.
 */
export function runsWhereWritten(node: SgNode): boolean {
  let child: SgNode = node;
  let inner: SgNode | null = null;
  for (let a = node.parent(); a !== null; inner = child, child = a, a = a.parent()) {
    switch (a.kind()) {
      case 'lambda':
        if (!isKeyFunction(a)) return false;
        break;
      case 'generator_expression':
        if (!isFirstIterable(a, child, inner) && !isConsumedAtOnce(a)) return false;
        break;
      case 'decorator':
      case 'parameters':
      case 'lambda_parameters':
        return false;
      case 'class_definition':
        if (a.field('body')?.id() === child.id()) return false;
        break;
      case 'function_definition':
        if (a.field('body')?.id() === child.id()) return true;
        break;
    }
  }
  return false;
}

/** The name a call's callee ends with (`sorted`, `", ".join` → `join`), and whether it is a bare name. */
function calleeName(call: SgNode): { name: string; bare: boolean } | null {
  const fn = call.field('function');
  if (fn?.kind() === 'identifier') return { name: fn.text(), bare: true };
  if (fn?.kind() === 'attribute') return { name: fn.field('attribute')?.text() ?? '', bare: false };
  return null;
}

/** `any(x for x in xs)` (the call's only argument) or `sum((x for x in xs), 0)` (its first positional one). */
function isConsumedAtOnce(gen: SgNode): boolean {
  let parent = gen.parent();
  if (parent?.kind() === 'argument_list') {
    const first = namedChildren(parent)[0];
    if (first?.id() !== gen.id()) return false;
    parent = parent.parent();
  }
  if (parent?.kind() !== 'call') return false;
  const callee = calleeName(parent);
  return callee !== null && (callee.bare ? CONSUMING_BUILTINS.has(callee.name) : CONSUMING_METHODS.has(callee.name));
}

/** `sorted(xs, key=lambda x: ...)`, `min(...)`, `max(...)`, `xs.sort(key=lambda x: ...)`. */
function isKeyFunction(lambda: SgNode): boolean {
  const kw = lambda.parent();
  if (kw?.kind() !== 'keyword_argument' || kw.field('name')?.text() !== 'key' || kw.field('value')?.id() !== lambda.id()) return false;
  const call = kw.parent()?.parent();
  if (call?.kind() !== 'call') return false;
  const callee = calleeName(call);
  return callee !== null && (callee.bare ? KEY_CALLERS.has(callee.name) : callee.name === 'sort');
}

/** `inner` is the iterable of `clause`, the first `for ... in` clause of the generator expression `gen`. */
function isFirstIterable(gen: SgNode, clause: SgNode, inner: SgNode | null): boolean {
  if (clause.kind() !== 'for_in_clause' || inner === null) return false;
  const first = gen.children().find((c) => c.kind() === 'for_in_clause');
  return first?.id() === clause.id() && clause.field('right')?.id() === inner.id();
}

/** A factory call bound to a plain name (`db = SessionLocal()`, `with SessionLocal() as db`), not to an attribute. */
export function isLocalOrigin(origin: SgNode): boolean {
  const parent = origin.parent();
  if (parent?.kind() === 'assignment') return parent.field('left')?.kind() === 'identifier';
  return parent?.kind() === 'as_pattern' || parent?.kind() === 'with_item';
}

/**
 * A session made by `origin` (a local origin) stays sync: it is made at module level, where await is impossible
 * (a lambda...), or in a function that must stay sync (a pytest fixture, a property...). insert-await switches no
 * factory call there and awaits none of the session's calls, so nothing else may await them either.
 */
export function madeWhereItStaysSync(origin: SgNode, keptSync: ReadonlySet<string>): boolean {
  const place = placeOf(origin);
  return place.blocked !== null || place.unit === null || syncOnlyReason(place.unit, keptSync) !== null;
}

/** Why this function must stay sync, or null when it may become `async def`. */
export function syncOnlyReason(fn: SgNode, keptSyncNames: ReadonlySet<string>): string | null {
  const name = fn.field('name')?.text() ?? '';
  if (/^__\w+__$/.test(name) && !ASYNC_DUNDERS.has(name) && !isDependencyCall(fn, name)) return `\`${name}\` is a dunder method Python calls synchronously`;
  // `@cm` (`from contextlib import contextmanager as cm`) reads as no known decorator: its module's imports say it is one.
  const decorator = decoratorsOf(fn).find((d) => (SYNC_ONLY_DECORATOR.test(d.text()) && !/^@\s*pytest_asyncio\./.test(d.text())) || isContextmanager(fn.getRoot(), d.text()));
  if (decorator) return `\`${name}\` is decorated \`${decorator.text().split('(')[0]}\`, which needs a sync function`;
  const view = decoratorsOf(fn).find((d) => FLASK_VIEW_DECORATOR.test(d.text()));
  if (view && isFlaskModule(fn)) {
    return `\`${name}\` is a Flask view (\`${view.text().split('(')[0]}\`), which Flask calls synchronously (an async view needs Flask's async extra, and then runs in an event loop of its own per request, where a pooled async engine fails)`;
  }
  const holder = fn.parent()?.kind() === 'decorated_definition' ? fn.parent()?.parent() : fn.parent();
  if (keptSyncNames.has(name) && holder?.kind() === 'module') return `\`${name}\` is the sync session dependency, kept sync next to its async twin`;
  if (holder?.kind() === 'module') {
    const registrar = syncCallbacks(fn).get(name);
    if (registrar !== undefined) return `\`${name}\` is passed to \`${registrar}()\` in this module, which calls it synchronously, so as a coroutine function it would never run`;
  }
  const runner = asyncKeyword(fn) === undefined ? loopRunnerCall(fn) : null;
  if (runner) return `\`${name}\` runs \`${runner}(...)\`, which starts an event loop of its own and fails inside a running one (\`RuntimeError\`), so it cannot become a coroutine function as it is`;
  const xunit = xunitHook(name, holder);
  if (xunit) return xunit;
  // pluggy calls a conftest's or plugin's hooks synchronously: an `async def pytest_sessionstart` never runs.
  if (name.startsWith('pytest_') && holder?.kind() === 'module') return `\`${name}\` is a pytest hook, which pytest calls synchronously`;
  if (CELERY_TASK_METHODS.has(name) && holder?.kind() === 'block') {
    const cls = holder.parent();
    const bases = cls?.kind() === 'class_definition' ? (cls.field('superclasses')?.text() ?? '') : '';
    if (CELERY_TASK_BASE.test(bases) && importsCelery(fn)) return `\`${name}\` is a method of the Celery task class \`${cls?.field('name')?.text() ?? ''}\`, which the worker calls synchronously`;
  }
  return null;
}

/**
 * Callees that keep a function to call it later, synchronously, from a thread, a scheduler or the interpreter
 * itself: APScheduler's `add_job`, schedule's `.do`, threads, executors, `atexit.register`, `signal.signal`, the
 * event loop's `call_soon`/`call_later`/`call_at`. A coroutine function handed to them only has its coroutine
 * created and dropped. (AsyncIOScheduler does await one; keeping the job sync is right there too.)
 * `contextmanager(get_session)` (the decorator applied as a call, `get_db = contextmanager(get_session)`) drives
 * the generator with `next()` from a plain `with`: an async generator there fails at `__enter__`.
 */
const SYNC_CALLBACK_RECEIVERS = new Set(['add_job', 'do', 'submit', 'Thread', 'Timer', 'Process', 'register', 'signal', 'call_soon', 'call_soon_threadsafe', 'call_later', 'call_at', 'contextmanager']);
const MAY_REGISTER = /\b(?:add_job|do|submit|Thread|Timer|Process|register|signal|call_soon|call_soon_threadsafe|call_later|call_at|contextmanager)\s*\(/;

/**
 * Module-level functions of this module handed, by their bare name, to a SYNC_CALLBACK_RECEIVERS callee in it,
 * with that callee as written. Only this module's own calls: a job registered from another module is flagged
 * where it is registered (ASYNC-CALL-SYNC-CONTEXT), not kept sync.
 */
function syncCallbacks(fn: SgNode): ReadonlyMap<string, string> {
  const compute = (): Map<string, string> => {
    const found = new Map<string, string>();
    const root = fn.getRoot().root();
    // A contextmanager imported under another name (`cm(get_session)`) still names contextmanager in its import.
    if (!MAY_REGISTER.test(root.text()) && !/\bcontextmanager\b/.test(root.text())) return found;
    const contextmanagers = contextmanagerSpellings(fn.getRoot());
    const defined = new Set<string>();
    for (const statement of root.children()) {
      const def = statement.kind() === 'decorated_definition' ? statement.field('definition') : statement;
      if (def?.kind() === 'function_definition') defined.add(def.field('name')?.text() ?? '');
    }
    for (const call of root.findAll({ rule: { kind: 'call' } })) {
      const callee = call.field('function');
      const last = callee?.kind() === 'attribute' ? callee.field('attribute')?.text() : callee?.kind() === 'identifier' ? callee.text() : undefined;
      if (last === undefined || !(SYNC_CALLBACK_RECEIVERS.has(last) || contextmanagers.has(callee?.text().replace(/\s+/g, '') ?? ''))) continue;
      // `register`/`signal` are common method names: only atexit's and signal's own count.
      if ((last === 'register' || last === 'signal') && !/^(?:atexit\.register|signal\.signal)$/.test(callee?.text() ?? '')) continue;
      for (const arg of call.field('arguments')?.children() ?? []) {
        const value = arg.kind() === 'keyword_argument' ? arg.field('value') : arg;
        if (value?.kind() === 'identifier' && defined.has(value.text()) && !found.has(value.text())) found.set(value.text(), callee?.text() ?? last);
      }
    }
    return found;
  };
  return treeMemo(fn, 'sync-callbacks', compute) ?? compute();
}

/**
 * Calls that run a coroutine to completion on an event loop they start or drive themselves: the bridge sync code
 * uses to call async libraries. Inside a coroutine function (a running loop) `asyncio.run` and `anyio.run`/`trio.run`
 * raise RuntimeError, `loop.run_until_complete` raises "This event loop is already running", and asgiref's
 * `async_to_sync` refuses to run in the event loop's thread. Rewriting them to `await` changes which loop and
 * context the coroutine runs in, so the function is kept sync instead.
 */
const LOOP_RUNNER_MODULES: Readonly<Record<string, readonly string[]>> = { asyncio: ['run'], anyio: ['run'], trio: ['run'], 'asgiref.sync': ['async_to_sync'] };
/** A module without any of these cannot call a loop runner (see loopRunnerNames for the names it may use). */
export const MAY_RUN_LOOP = /\b(?:asyncio|anyio|trio|asgiref|run_until_complete)\b/;

/** The first loop-runner call of fn's own body (not in a nested def, lambda or class), as written; null when none. */
export function loopRunnerCall(fn: SgNode): string | null {
  const body = fn.field('body');
  if (!body) return null;
  const { modules, names } = loopRunnerNames(fn);
  if (modules.size === 0 && names.size === 0 && !body.text().includes('run_until_complete')) return null;
  const own = (n: SgNode): string | null => {
    for (const child of n.children()) {
      const kind = child.kind();
      if (kind === 'function_definition' || kind === 'lambda' || kind === 'class_definition' || kind === 'decorated_definition') continue;
      if (kind === 'call') {
        const callee = child.field('function');
        if (callee?.kind() === 'identifier' && names.has(callee.text())) return callee.text();
        if (callee?.kind() === 'attribute') {
          const attribute = callee.field('attribute')?.text() ?? '';
          const object = callee.field('object')?.text() ?? '';
          if (attribute === 'run_until_complete' || (modules.get(object)?.includes(attribute) ?? false)) return callee.text();
        }
      }
      const found = own(child);
      if (found !== null) return found;
    }
    return null;
  };
  return own(body);
}

/** The module's names for the loop runners: module aliases (`import asyncio as aio`) and imported functions (`from asyncio import run`). */
function loopRunnerNames(fn: SgNode): { modules: ReadonlyMap<string, readonly string[]>; names: ReadonlySet<string> } {
  const compute = (): { modules: Map<string, readonly string[]>; names: Set<string> } => {
    const modules = new Map<string, readonly string[]>();
    const names = new Set<string>();
    if (!MAY_RUN_LOOP.test(fn.getRoot().root().text())) return { modules, names };
    const imports = collectImports(fn.getRoot());
    for (const i of imports.plain) {
      const runners = LOOP_RUNNER_MODULES[i.module];
      if (runners) modules.set(i.alias ?? i.module, runners);
    }
    for (const i of imports.from) {
      if (LOOP_RUNNER_MODULES[i.module]?.includes(i.name)) names.add(i.alias ?? i.name);
      const runners = LOOP_RUNNER_MODULES[`${i.module}.${i.name}`];
      if (runners) modules.set(i.alias ?? i.name, runners);
    }
    return { modules, names };
  };
  return treeMemo(fn, 'loop-runners', compute) ?? compute();
}

/**
 * pytest's xunit-style setup and teardown: pytest calls them synchronously (pytest-asyncio runs only tests and
 * fixtures in its loop), so an async one returns a coroutine nobody awaits, and its body never runs. Methods of a
 * class pytest collects (`Test...`), and module-level hooks of a module with `test...` functions or `Test...` classes.
 */
const XUNIT_METHODS = new Set(['setup_method', 'teardown_method', 'setup_class', 'teardown_class']);
const XUNIT_FUNCTIONS = new Set(['setup_module', 'teardown_module', 'setup_function', 'teardown_function']);

function xunitHook(name: string, holder: SgNode | null | undefined): string | null {
  const why = `\`${name}\` is a pytest xunit-style setup/teardown hook, which pytest calls synchronously`;
  if (XUNIT_METHODS.has(name) && holder?.kind() === 'block') {
    const cls = holder.parent();
    return cls?.kind() === 'class_definition' && /^Test/.test(cls.field('name')?.text() ?? '') ? why : null;
  }
  if (XUNIT_FUNCTIONS.has(name) && holder?.kind() === 'module') {
    const tests = holder.children().some((s) => {
      const def = s.kind() === 'decorated_definition' ? s.field('definition') : s;
      const named = def?.field('name')?.text() ?? '';
      return (def?.kind() === 'function_definition' && /^test/.test(named)) || (def?.kind() === 'class_definition' && /^Test/.test(named));
    });
    return tests ? why : null;
  }
  return null;
}

/** Methods of a `celery.Task` subclass the worker calls synchronously (a class-based task's body and its hooks). */
const CELERY_TASK_METHODS = new Set(['run', 'on_success', 'on_failure', 'on_retry', 'after_return', 'before_start']);
const CELERY_TASK_BASE = /(?:^|[(,\s.])Task\s*[,)]/;

function importsCelery(fn: SgNode): boolean {
  return fn
    .getRoot()
    .root()
    .children()
    .some((s) => (s.kind() === 'import_statement' || s.kind() === 'import_from_statement') && /\bcelery\b/.test(s.text()));
}

/**
 * `__call__` of a class whose instances are FastAPI dependencies (`Depends(RoleChecker("admin"))`): FastAPI
 * looks at the instance's `__call__` with `iscoroutinefunction` and awaits it when it is async, so it may
 * become async. A parameter declared with `Depends(...)`/`Security(...)` is what says it is written to be
 * called by FastAPI (only FastAPI fills such a parameter). Any other call of an instance is still a call
 * of `__call__`: the project index resolves `checker(...)` to it, and propagation awaits or flags it like
 * a call of any function made async.
 */
/** The `__call__` of a FastAPI dependency class (a `Depends(...)` parameter): FastAPI awaits it when it is a coroutine function. */
export function isDependencyCall(fn: SgNode, name: string): boolean {
  if (name !== '__call__') return false;
  return parametersOf(fn).some((p) => (p.defaultValue !== null && DEPENDS_DEFAULT.test(p.defaultValue.text())) || (p.annotation !== null && DEPENDS_IN_ANNOTATION.test(p.annotation.text())));
}

export function unitName(unit: SgNode | null): string {
  return unit ? `\`${unit.field('name')?.text() ?? '?'}\`` : 'module level';
}
