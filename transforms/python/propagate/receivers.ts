// What the receiver of a method call is when the project index could not resolve the call: a value that
// is provably not a project object, a project module, a project class or instance whose method lookup
// failed, or unknown. propagate-async flags a call on an unknown receiver whose method name became async
// somewhere in the project, and leaves the provably foreign ones alone (docs/rules/ASYNC-CALL-UNKNOWN-RECEIVER.md
// draws the line).
import type { Entity, ProjectIndex } from '../index/project';
import { dirname } from '../index/modules';
import type { Expr, FunctionSummary, ModuleRef } from '../index/types';

export type Receiver =
  /**
   * Provably not a project object: a literal, a builtin, a third-party module or what it returns.
   * `container`: a builtin container or one of its methods, whose results (its items) may be anything.
   */
  | { k: 'foreign'; container: boolean; what: string }
  /** A module of the project. */
  | { k: 'module'; path: string }
  /** `after`: for `super()`, the class after which its MRO is searched. */
  | { k: 'class'; path: string; id: number; instance: boolean; after?: { path: string; id: number } }
  | { k: 'function'; path: string; id: number }
  /** `module`: a module imported by name at run time, maybe one of the project's (its functions are suspects too). */
  | { k: 'unknown'; module?: true };

const UNKNOWN: Receiver = { k: 'unknown' };
const MAX_DEPTH = 24;

/** Builtins whose result has a builtin type; the others (`getattr`, `next`, `min`, `vars`...) may return anything. */
const TYPED_BUILTINS = new Map<string, boolean>([
  // name → whether the result is a container (its items may be project objects)
  ...['dict', 'list', 'set', 'frozenset', 'tuple', 'sorted', 'reversed', 'enumerate', 'zip', 'map', 'filter', 'iter'].map((n) => [n, true] as [string, boolean]),
  ...['str', 'int', 'float', 'bool', 'bytes', 'bytearray', 'complex', 'range', 'len', 'repr', 'format', 'open', 'round', 'abs', 'hex', 'oct', 'bin', 'chr', 'ord', 'hash', 'id', 'isinstance', 'issubclass', 'callable', 'input', 'memoryview', 'slice', 'print', 'ascii'].map((n) => [n, false] as [string, boolean]),
]);

/** Builtin names that are types or functions of their own (a module that does not bind them sees the builtin). */
const BUILTIN_NAMES = new Set([
  ...TYPED_BUILTINS.keys(),
  'object', 'type', 'super', 'getattr', 'setattr', 'hasattr', 'delattr', 'next', 'min', 'max', 'sum', 'any', 'all',
  'vars', 'dir', 'globals', 'locals', 'property', 'staticmethod', 'classmethod', 'Exception', 'BaseException',
  'ValueError', 'TypeError', 'KeyError', 'RuntimeError', 'NotImplementedError', 'AttributeError', 'LookupError',
]);

/** Builtins naming containers, as annotations (`items: list`) or constructors. */
const CONTAINER_TYPES = new Set(['dict', 'list', 'set', 'frozenset', 'tuple', 'generator', 'Dict', 'List', 'Set', 'FrozenSet', 'Tuple', 'defaultdict', 'DefaultDict', 'OrderedDict', 'Counter', 'deque', 'Deque', 'ChainMap', 'Mapping', 'MutableMapping', 'Sequence', 'MutableSequence', 'AbstractSet', 'MutableSet', 'Collection', 'Iterable', 'Iterator']);

/** Fixtures of pytest itself and of common plugins: never project objects. */
const PLUGIN_FIXTURES = new Set([
  'request', 'tmp_path', 'tmp_path_factory', 'tmpdir', 'tmpdir_factory', 'monkeypatch', 'capsys', 'capsysbinary', 'capfd',
  'capfdbinary', 'caplog', 'recwarn', 'pytestconfig', 'record_property', 'record_testsuite_property', 'doctest_namespace',
  'cache', 'mocker', 'class_mocker', 'session_mocker', 'event_loop', 'anyio_backend', 'httpx_mock', 'respx_mock',
  'requests_mock', 'freezer', 'benchmark', 'faker', 'celery_app', 'celery_worker',
]);

/** Standard-library calls returning a module named at run time (`importlib.import_module("app.jobs")`): maybe the project's. */
const DYNAMIC_IMPORTS = /^importlib\.(import_module|reload)$/;

/** Annotations that say nothing about the class: a value annotated with them is as unknown as an unannotated one. */
const ANY_TYPES = /(^|\.)(Any|object)$/;

/**
 * Attributes of third-party objects that hold arbitrary application objects: Starlette's `app.state` and
 * `request.state` are where FastAPI apps keep their services.
 */
const BAG_ATTRIBUTES = new Set(['state']);

/**
 * Attributes through which HTTP libraries (Starlette/FastAPI requests and responses, httpx, requests, aiohttp)
 * expose a request's or response's headers, query string, cookies and path parameters as mappings of strings.
 * `x.headers` on an object of unknown class is one of those when no project class could be `x` and have an
 * attribute of that name holding anything else (projectAttributeForeign).
 */
const HTTP_MAPPING_ATTRIBUTES = new Set(['headers', 'query_params', 'cookies', 'path_params']);

/** Third-party values whose entries are the project's own objects: `sys.modules["app.jobs"]` is a project module. */
const PROJECT_ENTRIES = new Set(['sys.modules']);

export class ReceiverClassifier {
  private projectModuleNames: Set<string> | null = null;
  private readonly boundGlobals = new Map<string, Set<string>>();
  private readonly complete = new Map<string, boolean>();
  private fixtures: Map<string, { path: string; fn: FunctionSummary }[]> | null = null;

  private definesJson: boolean | null = null;
  private readonly attributeForeign = new Map<string, boolean>();

  constructor(private readonly index: ProjectIndex) {}

  private projectDefinesJson(): boolean {
    this.definesJson ??= this.index.paths().some((p) => {
      const module = this.index.module(p);
      return !!module && (module.functions.some((f) => f.name === 'json') || module.classes.some((c) => c.attributes.some(([n]) => n === 'json')));
    });
    return this.definesJson;
  }

  /**
   * Whether every project class that has an attribute `name` (a class-level annotation or value, a `self.name = ...`
   * store, a method or property) holds a provably foreign value there, and no project class answers unknown
   * attributes (`__getattr__`): then `x.name` is no project object whatever `x` is.
   */
  private projectAttributeForeign(name: string): boolean {
    let known = this.attributeForeign.get(name);
    if (known === undefined) {
      // `self.headers = other.headers` asks this again while it is being answered: no, until proven.
      this.attributeForeign.set(name, false);
      known = this.index.paths().every((p) =>
        (this.index.module(p)?.classes ?? []).every((c) => {
          if (c.methods.some(([n]) => n === name || n === '__getattr__' || n === '__getattribute__')) return false;
          const found = c.attributes.find(([n]) => n === name);
          return !found || (found[1] !== null && this.classify(p, found[1]).k === 'foreign');
        }),
      );
      this.attributeForeign.set(name, known);
    }
    return known;
  }

  /** What `expr`, recorded in module `path`, is. */
  classify(path: string, expr: Expr, depth = 0): Receiver {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const entity = this.index.evaluate(path, expr);
    if (entity.k !== 'unknown') return this.fromEntity(entity);
    switch (expr.k) {
      case 'builtin':
        return { k: 'foreign', container: CONTAINER_TYPES.has(expr.type), what: expr.type };
      case 'global': {
        if (this.isBuiltin(path, expr.name)) return { k: 'foreign', container: CONTAINER_TYPES.has(expr.name), what: expr.name };
        // `router = APIRouter()`: a module-level value the index does not follow because it is not a project object.
        const binding = this.index.module(path)?.globals.find(([n]) => n === expr.name)?.[1];
        if (binding?.k === 'value') return this.classify(path, binding.expr, depth + 1);
        // `from app.database import Base`, with `Base = declarative_base()` there.
        if (binding?.k === 'import' && binding.target.k === 'name') {
          const module = this.index.evaluate(path, { k: 'import', target: { k: 'module', module: binding.target.module } });
          if (module.k === 'module' && module.path) return this.classify(module.path, { k: 'global', name: binding.target.name }, depth + 1);
        }
        return UNKNOWN;
      }
      case 'instance': {
        const type = this.classify(path, expr.of, depth + 1);
        // A third-party class (`request: Request`) or a builtin type; `Any` and `object` say nothing.
        if (type.k === 'foreign' && !ANY_TYPES.test(type.what)) return { k: 'foreign', container: type.container, what: type.what };
        return UNKNOWN;
      }
      case 'call': {
        if (expr.of.k === 'global' && this.isBuiltin(path, expr.of.name)) {
          const container = TYPED_BUILTINS.get(expr.of.name);
          return container === undefined ? UNKNOWN : { k: 'foreign', container, what: `${expr.of.name}()` };
        }
        const callee = this.classify(path, expr.of, depth + 1);
        // `get_redis().get(key)` with `def get_redis(): return Redis(...)`: what the project function returns.
        if (callee.k === 'function') return this.resultOf(callee, false, depth + 1);
        // What third-party code returns is taken as third-party; what a container's method returns is an item.
        // Except a module imported by name at run time, which may be one of the project's.
        if (callee.k === 'foreign' && DYNAMIC_IMPORTS.test(callee.what)) return { k: 'unknown', module: true };
        return callee.k === 'foreign' && !callee.container ? { k: 'foreign', container: false, what: `${callee.what}()` } : UNKNOWN;
      }
      case 'attr': {
        const base = this.classify(path, expr.of, depth + 1);
        if (base.k === 'class') return this.attributeOf(base, expr.name, depth + 1);
        if (base.k === 'module') return this.classify(base.path, { k: 'global', name: expr.name }, depth + 1);
        if (base.k === 'unknown' && !base.module && HTTP_MAPPING_ATTRIBUTES.has(expr.name) && this.projectAttributeForeign(expr.name)) {
          return { k: 'foreign', container: false, what: `.${expr.name} of an HTTP request or response` };
        }
        if (base.k !== 'foreign' || BAG_ATTRIBUTES.has(expr.name)) return UNKNOWN;
        return { k: 'foreign', container: base.container, what: `${base.what}.${expr.name}` };
      }
      case 'awaited': {
        // What a third-party coroutine returns (`(await db.scalars(stmt)).all()`) is third-party, as for calls.
        if (expr.of.k === 'call') {
          const callee = this.classify(path, expr.of.of, depth + 1);
          if (callee.k === 'function') return this.resultOf(callee, true, depth + 1);
        }
        const awaited = this.classify(path, expr.of, depth + 1);
        return awaited.k === 'foreign' && !awaited.container ? { k: 'foreign', container: false, what: `await ${awaited.what}` } : UNKNOWN;
      }
      case 'entered': {
        // `with TestClient(app) as client`: a third-party context manager enters to a third-party value.
        const manager = this.classify(path, expr.of, depth + 1);
        return manager.k === 'foreign' && !manager.container ? { k: 'foreign', container: false, what: manager.what } : UNKNOWN;
      }
      case 'json':
        // Decoded JSON holds dicts, lists and strings, never project objects; unless `json()` may be the
        // project's own (some function or class attribute of the project is named `json`).
        return this.projectDefinesJson() ? this.classify(path, expr.of, depth + 1) : { k: 'foreign', container: false, what: 'decoded JSON' };
      case 'fixture': {
        const fixture = this.fixtureFor(path, expr.name);
        if (fixture === 'external') return { k: 'foreign', container: false, what: `the pytest fixture ${expr.name}` };
        const value = fixture && (fixture.fn.isGenerator ? fixture.fn.provides : fixture.fn.returns);
        return fixture && value ? this.classify(fixture.path, value, depth + 1) : UNKNOWN;
      }
      case 'item': {
        const annotated = this.itemType(path, expr.of, depth + 1);
        if (annotated) return this.classify(annotated.path, { k: 'instance', of: annotated.type }, depth + 1);
        const iterable = this.classify(path, expr.of, depth + 1);
        // Iterating a third-party object (not a builtin container) yields third-party objects.
        return iterable.k === 'foreign' && !iterable.container ? { k: 'foreign', container: false, what: `item of ${iterable.what}` } : UNKNOWN;
      }
      case 'either': {
        // `details or {}`: foreign only when every operand is (`details: dict`); one project object may be the value.
        const all = expr.of.map((e) => this.classify(path, e, depth + 1));
        if (!all.every((r) => r.k === 'foreign')) return UNKNOWN;
        const foreign = all as Extract<Receiver, { k: 'foreign' }>[];
        return { k: 'foreign', container: foreign.some((r) => r.container), what: foreign.map((r) => r.what).join(' or ') };
      }
      case 'typed':
        return this.classify(path, expr.value, depth + 1);
      case 'entry': {
        // `totals[key]` with `totals: dict[str, dict]`: an instance of the mapping's annotated value type.
        const annotated = this.valueType(path, expr.of, depth + 1);
        if (annotated) return this.classify(annotated.path, { k: 'instance', of: annotated.type }, depth + 1);
        // An entry of what third-party code returned (`get_openapi(...)["paths"]`, `yaml.safe_load(f)["db"]`,
        // `request.headers["x"]`) is third-party as its items are; a builtin container's entries may be anything.
        const mapping = this.classify(path, expr.of, depth + 1);
        if (mapping.k !== 'foreign' || mapping.container || PROJECT_ENTRIES.has(mapping.what)) return UNKNOWN;
        return { k: 'foreign', container: false, what: `entry of ${mapping.what}` };
      }
      case 'depends': {
        const target = this.classify(path, expr.of, depth + 1);
        if (target.k === 'function') {
          const fn = this.index.function(target.path, target.id);
          return fn?.provides ? this.classify(target.path, fn.provides, depth + 1) : UNKNOWN;
        }
        return target.k === 'foreign' && !target.container ? { k: 'foreign', container: false, what: `Depends(${target.what})` } : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  /** What a call of a project function gives: its return value, awaited when it is a coroutine function. */
  private resultOf(fn: { path: string; id: number }, awaited: boolean, depth: number): Receiver {
    const summary = this.index.function(fn.path, fn.id);
    if (!summary?.returns || summary.isGenerator || summary.isAsync !== awaited) return UNKNOWN;
    return this.classify(fn.path, summary.returns, depth);
  }

  /** The class the items of an annotated container are (`rows: Iterable[dict]` → dict), with the module it is written in. */
  private itemType(path: string, expr: Expr, depth: number): { path: string; type: Expr } | null {
    if (depth > MAX_DEPTH) return null;
    if (expr.k === 'instance' && expr.of.k === 'builtin' && expr.of.item) return { path, type: expr.of.item };
    if (expr.k === 'global') {
      const binding = this.index.module(path)?.globals.find(([n]) => n === expr.name)?.[1];
      return binding?.k === 'value' ? this.itemType(path, binding.expr, depth + 1) : null;
    }
    if (expr.k === 'attr') {
      // `for entry in invoice.amounts` with `amounts: Mapped[list[dict]]` on the class of `invoice`.
      const base = this.classify(path, expr.of, depth + 1);
      const found = base.k === 'class' ? this.attributeExpr(base, expr.name) : null;
      return found ? this.itemType(found.path, found.expr, depth + 1) : null;
    }
    if (expr.k === 'either') {
      // `invoice.amounts or []`: an empty display adds no items; the other operands must agree on theirs.
      const types = expr.of.filter((e) => !(e.k === 'builtin' && e.empty)).map((e) => this.itemType(path, e, depth + 1));
      const first = types[0];
      if (!first || types.some((t) => !t || t.path !== first.path || JSON.stringify(t.type) !== JSON.stringify(first.type))) return null;
      return first;
    }
    return null;
  }

  /**
   * The class the values of an annotated mapping are (`totals: dict[str, dict]` → dict), with the module it is
   * written in: through a name or a class attribute annotated so, or an entry of such a mapping.
   */
  private valueType(path: string, expr: Expr, depth: number): { path: string; type: Expr } | null {
    if (depth > MAX_DEPTH) return null;
    switch (expr.k) {
      case 'instance':
        return expr.of.k === 'builtin' && expr.of.value ? { path, type: expr.of.value } : null;
      case 'typed':
        // The annotation is taken only for a value that is provably no project object (`defaultdict(dict)`).
        return this.classify(path, expr.value, depth + 1).k === 'foreign' ? this.valueType(path, { k: 'instance', of: expr.type }, depth + 1) : null;
      case 'global': {
        const binding = this.index.module(path)?.globals.find(([n]) => n === expr.name)?.[1];
        return binding?.k === 'value' ? this.valueType(path, binding.expr, depth + 1) : null;
      }
      case 'entry': {
        const outer = this.valueType(path, expr.of, depth + 1);
        return outer ? this.valueType(outer.path, { k: 'instance', of: outer.type }, depth + 1) : null;
      }
      case 'attr': {
        const base = this.classify(path, expr.of, depth + 1);
        if (base.k !== 'class') return null;
        const found = this.attributeExpr(base, expr.name);
        return found ? this.valueType(found.path, found.expr, depth + 1) : null;
      }
      default:
        return null;
    }
  }

  /** The expression recorded for a project class's attribute (not a method), with the module of the class recording it. */
  private attributeExpr(cls: { path: string; id: number }, name: string): { path: string; expr: Expr } | null {
    for (const c of this.index.mro(cls) ?? []) {
      const summary = this.index.classSummary(c.path, c.id);
      if (!summary) continue;
      if (summary.methods.some(([n]) => n === name)) return null;
      const found = summary.attributes.find(([n]) => n === name);
      if (found) return found[1] ? { path: c.path, expr: found[1] } : null;
    }
    return null;
  }

  /**
   * Whether the class's MRO is known in full, so that a method missing from it is provably not a project
   * method: every base of every class in it is a project class or a third-party one.
   */
  mroComplete(cls: { path: string; id: number }): boolean {
    const key = `${cls.path}#${cls.id}`;
    let complete = this.complete.get(key);
    if (complete === undefined) {
      const mro = this.index.mro(cls);
      complete =
        !!mro &&
        mro.every((c) => (this.index.classSummary(c.path, c.id)?.bases ?? []).every((b) => this.index.evaluate(c.path, b).k === 'class' || this.classify(c.path, b).k === 'foreign'));
      this.complete.set(key, complete);
    }
    return complete;
  }

  /** An attribute of a project class or instance with a recorded value the index could not turn into a project entity (`self.client = httpx.Client()`). */
  private attributeOf(cls: { path: string; id: number }, name: string, depth: number): Receiver {
    for (const c of this.index.mro(cls) ?? []) {
      const summary = this.index.classSummary(c.path, c.id);
      if (!summary) continue;
      if (summary.methods.some(([n]) => n === name)) return UNKNOWN;
      const found = summary.attributes.find(([n]) => n === name);
      if (found) return found[1] ? this.classify(c.path, found[1], depth + 1) : UNKNOWN;
    }
    // Not set by the project's classes: inherited from a third-party base (`Base.metadata` of a
    // DeclarativeBase), when the hierarchy is known in full and has one.
    return this.hasForeignBase(cls) ? { k: 'foreign', container: false, what: name } : UNKNOWN;
  }

  /**
   * The third-party classes the project class `cls` derives from (directly or through project bases), as
   * `classify` names them (`authlib.oauth2.rfc6749.AuthorizationServer`, `dict`); bases it cannot tell are left out.
   */
  foreignBases(cls: { path: string; id: number }): string[] {
    const out: string[] = [];
    for (const c of this.index.mro(cls) ?? []) {
      for (const b of this.index.classSummary(c.path, c.id)?.bases ?? []) {
        if (this.index.evaluate(c.path, b).k === 'class') continue;
        const r = this.classify(c.path, b);
        if (r.k === 'foreign') out.push(r.what);
      }
    }
    return out;
  }

  /** The MRO is known in full and some class in it derives from a third-party class. */
  private hasForeignBase(cls: { path: string; id: number }): boolean {
    if (!this.mroComplete(cls)) return false;
    return (this.index.mro(cls) ?? []).some((c) => (this.index.classSummary(c.path, c.id)?.bases ?? []).some((b) => this.index.evaluate(c.path, b).k !== 'class'));
  }

  private fromEntity(entity: Entity): Receiver {
    switch (entity.k) {
      case 'module':
        if (entity.path) return { k: 'module', path: entity.path };
        return this.mayBeProjectModule(entity.ref) ? UNKNOWN : { k: 'foreign', container: false, what: entity.ref.parts.join('.') };
      case 'class':
        return { k: 'class', path: entity.path, id: entity.id, instance: false };
      case 'instance':
        return entity.after ? { k: 'class', path: entity.path, id: entity.id, instance: true, after: entity.after } : { k: 'class', path: entity.path, id: entity.id, instance: true };
      case 'function':
        return { k: 'function', path: entity.path, id: entity.id };
      case 'unknown':
        return UNKNOWN;
    }
  }

  /**
   * The fixture a test or fixture parameter receives: one in the same module, else in the nearest
   * `conftest.py` above it; 'external' for pytest's and common plugins' own fixtures.
   */
  private fixtureFor(path: string, name: string): { path: string; fn: FunctionSummary } | 'external' | null {
    if (!this.fixtures) {
      this.fixtures = new Map();
      for (const p of this.index.paths()) {
        for (const fn of this.index.module(p)?.functions ?? []) {
          if (fn.test !== 'fixture') continue;
          const list = this.fixtures.get(fn.name) ?? [];
          list.push({ path: p, fn });
          this.fixtures.set(fn.name, list);
        }
      }
    }
    const all = this.fixtures.get(name) ?? [];
    if (all.length === 0) return PLUGIN_FIXTURES.has(name) ? 'external' : null;
    const here = all.filter((f) => f.path === path);
    if (here.length > 0) return here.length === 1 ? (here[0] as { path: string; fn: FunctionSummary }) : null;
    const dir = dirname(this.index.module(path)?.absPath ?? path);
    const visible = all
      .map((f) => ({ f, abs: this.index.module(f.path)?.absPath ?? f.path }))
      .filter(({ abs }) => /(^|\/)conftest\.py$/.test(abs) && (dir === dirname(abs) || dir.startsWith(`${dirname(abs)}/`)))
      .sort((a, b) => dirname(b.abs).length - dirname(a.abs).length);
    const nearest = visible[0];
    if (!nearest || (visible[1] && dirname(visible[1].abs) === dirname(nearest.abs))) return null;
    return nearest.f;
  }

  /** A name the module does not bind, nor may receive from a star import, is the builtin of that name. */
  private isBuiltin(path: string, name: string): boolean {
    if (!BUILTIN_NAMES.has(name)) return false;
    let bound = this.boundGlobals.get(path);
    if (!bound) {
      bound = new Set((this.index.module(path)?.globals ?? []).map(([n]) => n));
      this.boundGlobals.set(path, bound);
    }
    return !bound.has(name);
  }

  /**
   * An import the index left unresolved is third-party only when no project file could be the module it
   * names: a relative import, or a dotted path some project file or package directory ends with, is a
   * project module the index could not pin down (several candidates), so what it holds is unknown.
   */
  private mayBeProjectModule(ref: ModuleRef): boolean {
    if (ref.anchor !== null) return true;
    if (!this.projectModuleNames) {
      const names = new Set<string>();
      for (const p of this.index.paths()) {
        const abs = this.index.module(p)?.absPath ?? p;
        const segments = abs.replace(/\.py$/, '').split('/').filter((s) => s !== '' && s !== '__init__');
        for (let i = 0; i < segments.length; i++) {
          for (let j = i + 1; j <= segments.length; j++) names.add(segments.slice(i, j).join('.'));
        }
      }
      this.projectModuleNames = names;
    }
    // `from app.crud import user`: the module entity is `app.crud.user`, and `app.crud` is what must exist.
    for (let n = ref.parts.length; n > 0; n--) {
      if (this.projectModuleNames.has(ref.parts.slice(0, n).join('.'))) return true;
    }
    return false;
  }
}
