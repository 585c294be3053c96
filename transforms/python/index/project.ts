// The whole-project index: every module's summary, with names resolved across files. Evaluates the
// `Expr`s the summaries recorded to what they denote (a module, function, class or instance), following
// imports, re-exports through `__init__.py`, module-level instances, annotations, `Depends(...)`,
// `self`/`cls`/`super()` and class MROs.
import type { SessionHolder } from '../support/session-holders';
import { dirname, ModuleFinder } from './modules';
import type { ClassSummary, Expr, FunctionSummary, GlobalBinding, ImportTarget, ModuleRef, ModuleSummary } from './types';

export type Entity =
  | { k: 'module'; ref: ModuleRef; path: string | null; importer: string }
  | { k: 'function'; path: string; id: number }
  | { k: 'class'; path: string; id: number }
  /** `after`: set for `super()`, the class whose successors in the MRO are searched. */
  | { k: 'instance'; path: string; id: number; after?: FunctionKeyed }
  | { k: 'unknown' };

type FunctionKeyed = { path: string; id: number };

type MroHit = { kind: 'method'; fn: FunctionKeyed } | { kind: 'attribute'; path: string; expr: Expr | null };

const UNKNOWN_ENTITY: Entity = { k: 'unknown' };
/** Re-export chains and attribute paths are short; a longer one is a cycle. */
const MAX_DEPTH = 24;

interface ModuleData {
  summary: ModuleSummary;
  globals: Map<string, GlobalBinding>;
  functions: Map<number, FunctionSummary>;
  classes: Map<number, ClassData>;
  /**
   * ProjectIndex.globalName's memo and cycle guard for this module's names. Kept per module, not keyed by
   * `path + name`: that key was a string built and hashed for every lookup (1.6 s of a 10k propagate-async
   * index build).
   */
  globalCache: Map<string, Entity>;
  resolving: Set<string>;
}

interface ClassData {
  summary: ClassSummary;
  methods: Map<string, number>;
  attributes: Map<string, Expr | null>;
}

interface FixtureTables {
  /** Fixture names never resolved ('*': none is). */
  blocked: Set<string>;
  /** How many module-level fixtures of each name the project defines. */
  defined: Map<string, number>;
  /** The conftest.py of each directory, by its absolute path. */
  conftests: Map<string, string>;
}

export function functionKey(path: string, id: number): string {
  return `${path}#${id}`;
}

export class ProjectIndex {
  private readonly modules = new Map<string, ModuleData>();
  private readonly finder: ModuleFinder;
  private cycleHits = 0;
  private readonly mroCache = new Map<string, FunctionKeyed[] | null>();

  constructor(summaries: ReadonlyMap<string, ModuleSummary>) {
    for (const [path, summary] of summaries) {
      const classes = new Map<number, ClassData>();
      for (const c of summary.classes) classes.set(c.id, { summary: c, methods: new Map(c.methods), attributes: new Map(c.attributes) });
      this.modules.set(path, {
        summary,
        globals: new Map(summary.globals),
        functions: new Map(summary.functions.map((f) => [f.id, f])),
        classes,
        globalCache: new Map(),
        resolving: new Set(),
      });
    }
    this.finder = new ModuleFinder([...summaries.values()]);
  }

  paths(): string[] {
    return [...this.modules.keys()];
  }

  module(path: string): ModuleSummary | undefined {
    return this.modules.get(path)?.summary;
  }

  function(path: string, id: number): FunctionSummary | undefined {
    return this.modules.get(path)?.functions.get(id);
  }

  classSummary(path: string, id: number): ClassSummary | undefined {
    return this.modules.get(path)?.classes.get(id)?.summary;
  }

  /** Every class of the project, as (path, id). */
  allClasses(): FunctionKeyed[] {
    const out: FunctionKeyed[] = [];
    for (const [path, m] of this.modules) for (const id of m.classes.keys()) out.push({ path, id });
    return out;
  }

  /** What an expression recorded in module `path` denotes. */
  evaluate(path: string, expr: Expr, depth = 0): Entity {
    if (depth > MAX_DEPTH) return UNKNOWN_ENTITY;
    const module = this.modules.get(path);
    if (!module) return UNKNOWN_ENTITY;
    switch (expr.k) {
      case 'unknown':
      case 'builtin':
      case 'either':
      case 'entry':
      case 'item':
      case 'awaited':
        return UNKNOWN_ENTITY;
      case 'entered': {
        // `with UnitOfWork(db) as uow`: what the project class's `__enter__` returns; `return self` is the object itself.
        const manager = expr.async ? UNKNOWN_ENTITY : this.evaluate(path, expr.of, depth + 1);
        if (manager.k !== 'instance' || manager.after) return UNKNOWN_ENTITY;
        const enter = this.findMethod(manager, '__enter__');
        const fn = enter ? this.function(enter.path, enter.id) : undefined;
        if (!enter || !fn?.returns || fn.isAsync || fn.isGenerator) return UNKNOWN_ENTITY;
        return fn.returns.k === 'self' ? manager : this.evaluate(enter.path, fn.returns, depth + 1);
      }
      case 'json':
        return this.evaluate(path, expr.of, depth + 1);
      case 'typed':
        return this.evaluate(path, expr.value, depth + 1);
      case 'fixture':
        return expr.lookup ? this.fixtureValue(path, expr.name, expr.lookup, depth + 1) : UNKNOWN_ENTITY;
      case 'global':
        return this.globalName(path, expr.name, depth + 1);
      case 'import':
        return this.importTarget(path, expr.target, depth + 1);
      case 'def':
        return this.defEntity(path, expr.id);
      case 'self':
        return module.classes.has(expr.cls) ? { k: 'instance', path, id: expr.cls } : UNKNOWN_ENTITY;
      case 'cls':
        return module.classes.has(expr.cls) ? { k: 'class', path, id: expr.cls } : UNKNOWN_ENTITY;
      case 'super':
        return module.classes.has(expr.cls) ? { k: 'instance', path, id: expr.cls, after: { path, id: expr.cls } } : UNKNOWN_ENTITY;
      case 'attr':
        return this.attribute(this.evaluate(path, expr.of, depth + 1), expr.name, depth + 1);
      case 'call':
        return this.callResult(this.evaluate(path, expr.of, depth + 1), depth + 1);
      case 'instance': {
        const cls = this.evaluate(path, expr.of, depth + 1);
        if (cls.k === 'class') return { k: 'instance', path: cls.path, id: cls.id };
        // An annotation naming a value, not a class: a type alias `CurrentUser = Annotated[dict, Depends(f)]`,
        // recorded as what the dependency injects, which is what the annotated parameter holds.
        return cls.k === 'instance' && cls.after === undefined ? cls : UNKNOWN_ENTITY;
      }
      case 'depends': {
        const target = this.evaluate(path, expr.of, depth + 1);
        if (target.k === 'class') return { k: 'instance', path: target.path, id: target.id };
        // `Depends(RoleChecker("admin"))`: FastAPI calls the instance, which runs its `__call__`.
        const provider = target.k === 'function' ? target : target.k === 'instance' ? this.callMethod(target) : null;
        const fn = provider ? this.function(provider.path, provider.id) : undefined;
        return provider && fn?.provides ? this.evaluate(provider.path, fn.provides, depth + 1) : UNKNOWN_ENTITY;
      }
    }
  }

  /**
   * The project function a call site calls, or null when it is not a known project function. Calling an
   * instance calls its class's `__call__` (a FastAPI dependency class's, which may be async).
   */
  resolveFunction(path: string, expr: Expr): FunctionKeyed | null {
    const entity = this.evaluate(path, expr);
    if (entity.k === 'function') return { path: entity.path, id: entity.id };
    return entity.k === 'instance' ? this.callMethod(entity) : null;
  }

  /**
   * The dependency function of a type alias `X = Annotated[T, Depends(f)]` that `expr` names (`X`, an imported `X`,
   * `deps.X`), followed through imports to the module defining it: f, or null when `expr` names no such alias.
   */
  aliasProvider(path: string, expr: Expr): FunctionKeyed | null {
    const site = this.aliasSite(path, expr);
    return site ? this.resolveFunction(site.path, site.provider) : null;
  }

  /**
   * Where the type alias `X = Annotated[T, Depends(f)]` that `expr` names is bound (the module and the name there,
   * followed through imports as aliasProvider), with `f` as written there; null when `expr` names no such alias.
   */
  aliasSite(path: string, expr: Expr, depth = 0): { path: string; name: string; provider: Expr } | null {
    if (depth > MAX_DEPTH) return null;
    const module = this.modules.get(path);
    let binding: GlobalBinding | undefined;
    if (expr.k === 'global') binding = module?.globals.get(expr.name);
    else if (expr.k === 'attr') {
      const owner = this.evaluate(path, expr.of, depth + 1);
      if (owner.k !== 'module' || !owner.path) return null;
      return this.aliasSite(owner.path, { k: 'global', name: expr.name }, depth + 1);
    }
    if (!binding) return null;
    if (binding.k === 'import') {
      if (binding.target.k !== 'name') return null;
      const at = this.finder.find(binding.target.module, module?.summary.absPath ?? '') ?? '';
      return at ? this.aliasSite(at, { k: 'global', name: binding.target.name }, depth + 1) : null;
    }
    // `@Depends def get_db(): ...`: the name is `Depends(get_db)` itself, its provider the function.
    if (binding.k === 'def' && expr.k === 'global' && this.function(path, binding.id)?.dependsDecorated) return { path, name: expr.name, provider: expr };
    return binding.k === 'value' && binding.provider && expr.k === 'global' ? { path, name: expr.name, provider: binding.provider } : null;
  }

  /**
   * For a name of module `path` bound by a `from` import (`from app.db import get_db`), or an attribute of an imported
   * module (`database.get_db`): the file of the run it is taken from and its name there, whatever that file binds it to
   * (propagate-async's injectedSync asks it for a dependency re-exported in a way no function can be resolved through,
   * `try`/`except ImportError`). Null otherwise.
   */
  importedFrom(path: string, expr: Expr): { path: string; name: string } | null {
    if (expr.k === 'attr') {
      const owner = this.evaluate(path, expr.of);
      return owner.k === 'module' && owner.path ? { path: owner.path, name: expr.name } : null;
    }
    const module = this.modules.get(path);
    const binding = expr.k === 'global' ? module?.globals.get(expr.name) : undefined;
    if (!module || binding?.k !== 'import' || binding.target.k !== 'name') return null;
    const at = this.finder.find(binding.target.module, module.summary.absPath);
    return at ? { path: at, name: binding.target.name } : null;
  }

  /** The `__call__` an instance runs when called (looked up on its class, never on the instance, as Python does). */
  private callMethod(instance: Entity & { k: 'instance' }): FunctionKeyed | null {
    const found = this.lookupOnMro(instance, '__call__', instance.after);
    return found?.kind === 'method' ? found.fn : null;
  }

  /** The C3 linearisation of a class (itself first); null when it is inconsistent. Unknown bases are skipped. */
  mro(cls: FunctionKeyed): FunctionKeyed[] | null {
    const key = functionKey(cls.path, cls.id);
    if (this.mroCache.has(key)) return this.mroCache.get(key) ?? null;
    this.mroCache.set(key, null); // a class inheriting from itself through a cycle has no MRO
    const data = this.modules.get(cls.path)?.classes.get(cls.id);
    if (!data) return null;
    const bases: FunctionKeyed[] = [];
    for (const b of data.summary.bases) {
      const e = this.evaluate(cls.path, b);
      if (e.k === 'class') bases.push({ path: e.path, id: e.id });
    }
    const sequences: FunctionKeyed[][] = [];
    for (const b of bases) {
      const m = this.mro(b);
      if (!m) return null;
      sequences.push([...m]);
    }
    sequences.push([...bases]);
    const result: FunctionKeyed[] = [cls];
    const same = (a: FunctionKeyed, b: FunctionKeyed): boolean => a.path === b.path && a.id === b.id;
    for (;;) {
      const nonEmpty = sequences.filter((s) => s.length > 0);
      if (nonEmpty.length === 0) break;
      const head = nonEmpty.map((s) => s[0] as FunctionKeyed).find((h) => !nonEmpty.some((s) => s.slice(1).some((x) => same(x, h))));
      if (!head) return null;
      result.push(head);
      for (const s of nonEmpty) if (same(s[0] as FunctionKeyed, head)) s.shift();
    }
    this.mroCache.set(key, result);
    return result;
  }

  /**
   * The attributes of `self` in which the constructor of the project class `cls` keeps the argument it is given at
   * `slot` (a position after `self`, or a keyword): the `__init__` that runs stores it (`self.db = db`), or hands it
   * as it is to the next one on the MRO (`super().__init__(User, db)`), which does. Empty when not followed.
   */
  heldAttributes(cls: FunctionKeyed, slot: { position: number | null; keyword: string | null }): Set<string> {
    const attrs = new Set<string>();
    let after: FunctionKeyed | undefined;
    for (let step = 0; step < MAX_DEPTH; step++) {
      const init = this.findMethod(cls, '__init__', after);
      const owner = init ? this.function(init.path, init.id)?.classId : null;
      const holder = init && owner !== null && owner !== undefined ? this.classSummary(init.path, owner)?.holder : undefined;
      if (!init || owner === null || owner === undefined || !holder?.initParams) break;
      const name = slot.keyword ?? (slot.position === null ? null : holder.initParams[slot.position]);
      if (!name) break;
      for (const x of holder.stores) if (x.param === name) attrs.add(x.attr);
      const up = holder.handsUp.find((x) => x.param === name);
      if (!up) break;
      slot = up;
      after = { path: init.path, id: owner };
    }
    return attrs;
  }

  /** The session method calls that the methods of `cls` and of the classes on its MRO make on the attributes `attrs` of `self`. */
  heldUses(cls: FunctionKeyed, attrs: ReadonlySet<string>): { path: string; use: SessionHolder['uses'][number] }[] {
    const out: { path: string; use: SessionHolder['uses'][number] }[] = [];
    for (const c of this.mro(cls) ?? []) {
      for (const use of this.classSummary(c.path, c.id)?.holder?.uses ?? []) if (attrs.has(use.attr)) out.push({ path: c.path, use });
    }
    return out;
  }

  /** The method `name` as found on the class's MRO (after `after` for `super()`). */
  findMethod(cls: FunctionKeyed, name: string, after?: FunctionKeyed): FunctionKeyed | null {
    const found = this.lookupOnMro(cls, name, after);
    return found?.kind === 'method' ? found.fn : null;
  }

  /**
   * The methods `name` that objects of `cls` can run when the class's own MRO has none (after `after` for `super()`):
   * a mixin's `self.get(id)` or `super().get(id)` reaches the method of whatever class it is mixed into, found on the
   * MRO of each project subclass (after the mixin, for `super()`). One entry per distinct method; an attribute of
   * that name, or a subclass whose MRO is inconsistent, gives null (what runs is not known). Subclasses lacking it
   * too are skipped: on their instances the call fails as before.
   */
  subclassMethods(cls: FunctionKeyed, name: string, after?: FunctionKeyed): FunctionKeyed[] | null {
    // Asked for every failed lookup (a base class of hundreds of models): memoized.
    const key = `${functionKey(cls.path, cls.id)}\u0000${name}\u0000${after ? functionKey(after.path, after.id) : ''}`;
    if (this.subclassMethodMemo.has(key)) return this.subclassMethodMemo.get(key) ?? null;
    const result = this.computeSubclassMethods(cls, name, after);
    this.subclassMethodMemo.set(key, result);
    return result;
  }

  private readonly subclassMethodMemo = new Map<string, FunctionKeyed[] | null>();

  private computeSubclassMethods(cls: FunctionKeyed, name: string, after?: FunctionKeyed): FunctionKeyed[] | null {
    const found: FunctionKeyed[] = [];
    for (const sub of this.subclassesOf(cls)) {
      const mro = this.mro(sub);
      if (!mro) return null;
      const from = after ?? cls;
      const at = mro.findIndex((c) => c.path === from.path && c.id === from.id);
      // Without `super()` the lookup starts at the subclass itself: a class between it and `cls` may define `name`.
      const hit = this.lookupIn(after ? mro.slice(at + 1) : mro, name);
      if (hit?.kind === 'attribute') return null;
      if (hit && !found.some((f) => f.path === hit.fn.path && f.id === hit.fn.id)) found.push(hit.fn);
    }
    return found;
  }

  /** `subclassMethods` when it names exactly one method: what the call runs whichever subclass the object is. */
  private fromSubclasses(cls: FunctionKeyed, name: string, after?: FunctionKeyed): MroHit | null {
    if (/^__\w+__$/.test(name)) return null;
    const methods = this.subclassMethods(cls, name, after);
    return methods?.length === 1 ? { kind: 'method', fn: methods[0] as FunctionKeyed } : null;
  }

  private subclassMap: Map<string, FunctionKeyed[]> | null = null;

  /** The project classes with `cls` on their MRO, itself excluded. */
  subclassesOf(cls: FunctionKeyed): FunctionKeyed[] {
    if (this.subclassMap === null) {
      const map = new Map<string, FunctionKeyed[]>();
      for (const c of this.allClasses()) {
        for (const ancestor of (this.mro(c) ?? []).slice(1)) {
          const k = functionKey(ancestor.path, ancestor.id);
          const list = map.get(k);
          if (list) list.push(c);
          else map.set(k, [c]);
        }
      }
      this.subclassMap = map;
    }
    return this.subclassMap.get(functionKey(cls.path, cls.id)) ?? [];
  }

  private lookupIn(classes: FunctionKeyed[], name: string): MroHit | null {
    for (const c of classes) {
      const data = this.modules.get(c.path)?.classes.get(c.id);
      if (!data) continue;
      const method = data.methods.get(name);
      if (method !== undefined) return { kind: 'method', fn: { path: c.path, id: method } };
      if (data.attributes.has(name)) return { kind: 'attribute', path: c.path, expr: data.attributes.get(name) ?? null };
    }
    return null;
  }

  private lookupOnMro(cls: FunctionKeyed, name: string, after?: FunctionKeyed): MroHit | null {
    const mro = this.mro(cls);
    if (!mro) return null;
    let classes = mro;
    if (after) {
      const at = mro.findIndex((c) => c.path === after.path && c.id === after.id);
      classes = at >= 0 ? mro.slice(at + 1) : [];
    }
    return this.lookupIn(classes, name);
  }

  /**
   * The value of the fixture `name` that a test or fixture of module `path` receives (its parameter recorded
   * with `lookup`): the fixture defined at module level in `path`, else in the nearest `conftest.py` above
   * it that defines one, as pytest looks it up; what that fixture returns or yields, evaluated in its module.
   * Unknown wherever pytest could hand something else: a module on the way binding the name otherwise (an
   * imported fixture) or star-importing, two fixtures of the name in one module, a fixture of the name defined
   * in a class anywhere, a `name=` that is no literal anywhere, a `pytest_generate_tests` hook in the project,
   * a fixture with another decorator besides the fixture's. A fixture's parameter is resolved only when the project defines one fixture of that name: pytest looks it
   * up from the test requesting the fixture, which may see a closer one.
   */
  private fixtureValue(path: string, name: string, consumerKind: 'test' | 'fixture', depth: number): Entity {
    const tables = this.fixtureTables();
    if (tables.blocked.has('*') || tables.blocked.has(name)) return UNKNOWN_ENTITY;
    if (consumerKind === 'fixture' && tables.defined.get(name) !== 1) return UNKNOWN_ENTITY;
    const consumer = this.modules.get(path);
    if (!consumer) return UNKNOWN_ENTITY;
    const conftests = tables.conftests;
    const chain = [path];
    for (let dir = dirname(consumer.summary.absPath); ; dir = dirname(dir)) {
      const conftest = conftests.get(dir);
      if (conftest !== undefined && conftest !== path) chain.push(conftest);
      if (dir === '/' || dir === '.' || dir === '') break;
    }
    for (const at of chain) {
      const module = this.modules.get(at);
      if (!module) return UNKNOWN_ENTITY;
      const defined = module.summary.functions.filter((f) => f.test === 'fixture' && f.classId === null && f.parentId === null && (f.fixtureName ?? f.name) === name);
      if (defined.length > 1) return UNKNOWN_ENTITY;
      const fixture = defined[0];
      if (fixture) {
        // Rebound after the def (or the def hidden behind another binding of its name): not this function.
        const binding = module.globals.get(fixture.name);
        if (binding?.k !== 'def' || binding.id !== fixture.id) return UNKNOWN_ENTITY;
        const value = fixture.isGenerator ? fixture.provides : fixture.returns;
        return value && !fixture.fixtureWrapped ? this.evaluate(at, value, depth + 1) : UNKNOWN_ENTITY;
      }
      // `from tests.fixtures import repo`, or a star import: a fixture pytest registers here, not looked into.
      if (module.summary.starImports.length > 0) return UNKNOWN_ENTITY;
      const other = module.globals.get(name);
      if (other && other.k !== 'def') return UNKNOWN_ENTITY;
    }
    return UNKNOWN_ENTITY;
  }

  private fixtureTablesMemo: FixtureTables | null = null;

  /** See fixtureValue: what it reads of the whole project, gathered once. */
  private fixtureTables(): FixtureTables {
    if (this.fixtureTablesMemo === null) {
      const tables: FixtureTables = { blocked: new Set(), defined: new Map(), conftests: new Map() };
      for (const [p, m] of this.modules) {
        if (/(^|\/)conftest\.py$/.test(m.summary.absPath)) tables.conftests.set(dirname(m.summary.absPath), p);
        for (const f of m.summary.functions) {
          if (f.name === 'pytest_generate_tests' && f.classId === null && f.parentId === null) tables.blocked.add('*');
          if (f.test !== 'fixture') continue;
          const name = f.fixtureName ?? f.name;
          if (name === '') tables.blocked.add('*');
          if (f.classId !== null || f.parentId !== null) tables.blocked.add(name);
          else tables.defined.set(name, (tables.defined.get(name) ?? 0) + 1);
        }
      }
      this.fixtureTablesMemo = tables;
    }
    return this.fixtureTablesMemo;
  }

  private defEntity(path: string, id: number): Entity {
    const module = this.modules.get(path);
    if (module?.functions.has(id)) return { k: 'function', path, id };
    if (module?.classes.has(id)) return { k: 'class', path, id };
    return UNKNOWN_ENTITY;
  }

  /**
   * A module-level name, memoized. It is evaluated from depth 0 whatever the caller's depth: a result cut
   * short by the depth limit must never be cached, or resolution would depend on which file asked first.
   * Cycles are caught by `resolving` instead, and what was computed while one was hit is not cached either.
   */
  private globalName(path: string, name: string, _depth: number): Entity {
    const module = this.modules.get(path);
    if (!module) return UNKNOWN_ENTITY;
    const cached = module.globalCache.get(name);
    if (cached) return cached;
    if (module.resolving.has(name)) {
      this.cycleHits++;
      return UNKNOWN_ENTITY;
    }
    module.resolving.add(name);
    const hitsBefore = this.cycleHits;
    const depth = 0;
    let result = UNKNOWN_ENTITY;
    try {
      const binding = module.globals.get(name);
      if (binding) result = this.bindingEntity(path, binding, depth);
      else if (!name.startsWith('_')) {
        for (const ref of module.summary.starImports) {
          const target = this.finder.find(ref, module.summary.absPath);
          if (target && this.modules.get(target)?.globals.has(name)) {
            result = this.globalName(target, name, depth + 1);
            break;
          }
        }
      }
    } finally {
      module.resolving.delete(name);
    }
    if (this.cycleHits === hitsBefore || result.k !== 'unknown') module.globalCache.set(name, result);
    return result;
  }

  private bindingEntity(path: string, binding: GlobalBinding, depth: number): Entity {
    switch (binding.k) {
      case 'def':
        return this.defEntity(path, binding.id);
      case 'import':
        return this.importTarget(path, binding.target, depth + 1);
      case 'value':
        return this.evaluate(path, binding.expr, depth + 1);
      case 'ambiguous':
        return UNKNOWN_ENTITY;
    }
  }

  private importTarget(path: string, target: ImportTarget, depth: number): Entity {
    const importer = this.modules.get(path)?.summary.absPath ?? '';
    const module = this.moduleEntity(target.module, importer);
    if (target.k === 'module') return module;
    // `from . import items` in a package's `__init__.py` imports the package's own name: while `__init__`
    // runs that name is not bound yet, so Python imports the submodule; reading the binding instead would
    // only find this import again.
    if (module.k === 'module' && module.path === path) {
      const sub = this.moduleEntity({ anchor: module.ref.anchor, parts: [...module.ref.parts, target.name] }, importer);
      if (sub.k === 'module' && sub.path) return sub;
    }
    return this.attribute(module, target.name, depth + 1);
  }

  private moduleEntity(ref: ModuleRef, importer: string): Entity {
    return { k: 'module', ref, path: this.finder.find(ref, importer), importer };
  }

  private attribute(of: Entity, name: string, depth: number): Entity {
    if (depth > MAX_DEPTH) return UNKNOWN_ENTITY;
    switch (of.k) {
      case 'module': {
        // A name the module binds wins over a submodule of the same name, as at run time once both are imported.
        if (of.path && this.modules.get(of.path)?.globals.has(name)) return this.globalName(of.path, name, depth + 1);
        const sub = this.moduleEntity({ anchor: of.ref.anchor, parts: [...of.ref.parts, name] }, of.importer);
        if (sub.k === 'module' && sub.path) return sub;
        if (of.path) {
          const starred = this.globalName(of.path, name, depth + 1);
          if (starred.k !== 'unknown') return starred;
        }
        // A package directory without `__init__.py` still has submodules further down.
        return of.path === null ? sub : UNKNOWN_ENTITY;
      }
      case 'class': {
        const found = this.lookupOnMro(of, name) ?? this.fromSubclasses(of, name);
        return found?.kind === 'method' ? { k: 'function', path: found.fn.path, id: found.fn.id } : UNKNOWN_ENTITY;
      }
      case 'instance': {
        const found = this.lookupOnMro(of, name, of.after) ?? this.fromSubclasses(of, name, of.after);
        if (found?.kind === 'method') {
          const fn: Entity = { k: 'function', path: found.fn.path, id: found.fn.id };
          // A property's value is what its getter returns (`repos.households.create(...)` calls the repository's create).
          return this.function(found.fn.path, found.fn.id)?.getter ? this.callResult(fn, depth + 1) : fn;
        }
        if (found?.kind === 'attribute' && found.expr) return this.evaluate(found.path, found.expr, depth + 1);
        return UNKNOWN_ENTITY;
      }
      default:
        return UNKNOWN_ENTITY;
    }
  }

  private callResult(callee: Entity, depth: number): Entity {
    if (callee.k === 'class') return { k: 'instance', path: callee.path, id: callee.id };
    if (callee.k === 'function') {
      const fn = this.function(callee.path, callee.id);
      // A coroutine or a generator is not the value its body returns.
      if (!fn?.returns || fn.isAsync || fn.isGenerator) return UNKNOWN_ENTITY;
      return this.evaluate(callee.path, fn.returns, depth + 1);
    }
    return UNKNOWN_ENTITY;
  }
}
