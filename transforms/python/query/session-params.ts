// Unannotated parameters that are sessions because the code calling them hands them sessions.
//
// The session resolver reads one function at a time: in `def get_user(db, user_id): return db.query(User)...`
// nothing says `db` is a session, so query-to-select and insert-await leave it alone, the routes handing it their
// session stay on the sync session, and untyped CRUD modules (and the helpers of test suites, `def make_user(db)`)
// are not migrated at all. The call sites say what it is. query-to-select's project pass (entity-index.ts), which
// runs before the transforms that convert session calls and with the project's session aliases, factories and
// fixtures known, records in each file the module-level functions whose unannotated parameters are used like a
// session or handed on, and the calls handing a session or such a parameter to a function (and every call of a
// function of the same module); the index then takes a parameter for a session when a call hands it a session (or
// a parameter already taken for one) and no recorded call hands it anything else. Calls the pass does not record
// (another module handing it nothing it knows for a session) are checked afterwards by propagate-async against every
// resolved call (ASYNC-SESSION-INFERRED-MISMATCH).
import type { SgNode, SgRoot } from '@ast-grep/napi';
import { SESSION_LIKE_METHODS } from '../awaits/methods';
import { bindingsIn, signatureOf } from './bindings';
import type { SessionInfo, SessionResolver } from './sessions';
import { callArgs, dottedName, enclosingFunction, start } from './syntax';
import { isModuleLevel, type ModuleImports } from '../support/imports';
import { moduleBindings, nameTable } from '../support/scope';

/** What a call hands a parameter: a proven session (SQLAlchemy's or SQLModel's), a parameter of its function, or something else. */
export type ArgKind = 'other' | 'sa' | 'sqlmodel' | { p: string };

/**
 * A module-level function's positional parameters, and those of them that may be sessions. For a method of a
 * module-level class (key `Class.method`), the parameters after `self`: the calls followed are bound ones.
 */
export interface UntypedDef {
  /** Positional parameters, in order. */
  params: string[];
  /**
   * Set for a `@staticmethod` / `@classmethod` (its `params` start after `cls`): called on the class
   * (`CRUDUser.get(db, 1)`) or on an instance, the arguments land in the same places. A plain method's calls through
   * the class hand `self` first, and are not followed.
   */
  bind?: 'static' | 'class';
  /** Set only when there are some: parameters after `*` or `*args`. */
  keywordOnly?: string[];
  cands: string[];
}

/**
 * A module-level class, for finding which def a bound call runs: its bases as written (dotted, subscripts dropped;
 * null for one that is not a name), and every name its body binds (a method found here without candidates ends the
 * search: the base's method is not the one called).
 */
export interface ClassShape {
  bases: (string | null)[];
  names: string[];
}

/** A call handing something session-like on: its callee as written, and each argument's kind by position or keyword. */
export interface Handoff {
  callee: string;
  /** The function the call is in (`f` or `Class.method`), when an argument is one of its parameters. */
  from?: string;
  args: [number | string, ArgKind][];
  /** `*args`/`**kwargs` in the call: which parameter gets what is unknown. */
  splat?: true;
  /** `self.m(...)` in a method of a module-level class: that class. */
  self?: string;
  /**
   * The callee's head is bound by an import inside the function (or one enclosing it: `from app.crud import get_user`
   * in a route's body): that import, as HandoffSummary.imports records one, instead of the module's names.
   */
  imported?: [string, string | null];
}

export interface HandoffSummary {
  defs?: Record<string, UntypedDef>;
  classes?: Record<string, ClassShape>;
  /** Module-level names bound once, to a call of a class: name → the class as written (dotted). */
  instances?: Record<string, string>;
  calls?: Handoff[];
  /** Module-level imports: local name → [module as written (leading dots kept), imported name or null for `import m`]. */
  imports?: Record<string, [string, string | null]>;
}

/**
 * The file's part of the inference. `sessions`: the file's resolver, with the project's tables (a test's session
 * fixture parameter is a session to it). `staysSync`: whether a session the resolver finds is made by a factory
 * call that gets no async twin (`get_session()` of a `sessionmaker` whose engine async-engine could not twin,
 * `Session(engine)` on an engine passed in): such a session stays a sync Session, which a function made async would
 * await calls on, so it is handed "something else" here. Null when the file defines no candidate and hands nothing on.
 */
export function summarizeHandoffs(
  root: SgRoot,
  imports: ModuleImports,
  sessions: SessionResolver,
  isTest: boolean,
  staysSync: (info: SessionInfo) => boolean = () => false,
): HandoffSummary | null {
  const defs: Record<string, UntypedDef> = {};
  /** Each candidate def's offset: a call's enclosing def is matched by it (wrappers of one node need not be one object). */
  const defAt = new Map<string, number>();
  const classes: Record<string, ClassShape> = {};
  const candidate = (key: string, fn: SgNode, method: boolean): void => {
    const def = untypedDef(fn, method);
    if (!def) return;
    defs[key] = def;
    defAt.set(key, start(fn));
  };
  for (const statement of root.root().children()) {
    const kind = statement.kind();
    if (kind === 'function_definition') {
      const name = statement.field('name')?.text() ?? '';
      if (name !== '' && !(isTest && name.startsWith('test'))) candidate(name, statement, false);
    } else if (kind === 'class_definition') {
      const name = statement.field('name')?.text() ?? '';
      if (name === '' || (isTest && name.startsWith('Test'))) continue;
      const shape = classShape(statement);
      classes[name] = shape.shape;
      for (const [method, fn] of shape.methods) candidate(`${name}.${method}`, fn, true);
    }
  }
  const table = importTable(imports);
  const has = (record: object, name: string): boolean => Object.prototype.hasOwnProperty.call(record, name);
  const instances: Record<string, string> = {};
  for (const statement of root.root().children()) {
    const assignment = statement.kind() === 'expression_statement' ? statement.child(0) : null;
    const left = assignment?.kind() === 'assignment' ? assignment.field('left') : null;
    const right = assignment?.field('right');
    if (left?.kind() !== 'identifier' || right?.kind() !== 'call' || moduleBindings(nameTable(root, left.text())).length !== 1) continue;
    const cls = dottedName(right.field('function') as SgNode);
    if (cls && (has(classes, cls[0]!) || has(table, cls[0]!))) instances[left.text()] = cls.join('.');
  }
  // Nothing to hand on: no session the file knows, no parameter of its own that may be one.
  if (defAt.size === 0 && !sessions.mayFindSessions) return shapeOnly(classes, instances, table);
  const calls: Handoff[] = [];
  const localImports = functionImportTables(imports);
  for (const call of root.root().findAll({ rule: { kind: 'call' } })) {
    const callee = dottedName(call.field('function') as SgNode);
    if (!callee) continue;
    const head = callee[0]!;
    const fn = enclosingFunction(call);
    const owner = fn !== null ? inferenceKey(fn) : null;
    // An import in the function, or in one it is nested in, binds the name there whatever the module binds.
    let imported: [string, string | null] | null | undefined;
    for (let f = fn; f !== null && imported === undefined; f = enclosingFunction(f)) {
      const local = localImports.get(start(f));
      if (local?.has(head)) imported = local.get(head);
    }
    // Imported twice in the function, from different places: which one the call sees is not known.
    if (imported === null) continue;
    const moduleName = imported === undefined;
    // `self.m(...)` in a plain method, `cls.m(...)` in a classmethod: the object is of the class or a subclass.
    const implicit = moduleName && fn !== null && owner !== null && owner.includes('.') ? (bindingOf(fn) === 'plain' ? 'self' : bindingOf(fn) === 'class' ? 'cls' : null) : null;
    const selfClass = implicit !== null && head === implicit && callee.length === 2 && firstParam(fn!) === implicit ? owner!.split('.')[0]! : undefined;
    // Only what the index can resolve (resolveCallee): a def, class or instance of this module, a call on `self` or
    // `cls`, a name an import binds (in the function or at module level).
    const ownFunction = moduleName && callee.length === 1 && has(defs, head);
    const ownInstance = moduleName && callee.length === 2 && has(instances, head);
    const ownClass = moduleName && callee.length === 2 && has(classes, head);
    if (!(!moduleName || has(table, head) || ownFunction || ownInstance || ownClass || selfClass !== undefined)) continue;
    const ownDef = owner !== null && fn !== null && defAt.get(owner) === start(fn) ? defs[owner] : undefined;
    const args = callArgs(call);
    const kinds: [number | string, ArgKind][] = [];
    let from: string | undefined;
    /** A session that stays sync is handed: recorded, so that it keeps the function from being inferred. */
    let syncSession = false;
    const kindOf = (arg: SgNode): ArgKind => {
      const kind = arg.kind();
      if (kind !== 'identifier' && kind !== 'attribute') return 'other';
      const info = sessions.resolve(arg);
      if (info !== null && staysSync(info)) {
        syncSession = true;
        return 'other';
      }
      if (info !== null) return info.sqlmodel ? 'sqlmodel' : 'sa';
      if (kind !== 'identifier') return 'other';
      const name = arg.text();
      if (ownDef?.cands.includes(name)) {
        from = owner!;
        return { p: name };
      }
      return 'other';
    };
    args.positional.forEach((arg, i) => kinds.push([i, kindOf(arg)]));
    for (const [keyword, arg] of args.keywords) kinds.push([keyword, kindOf(arg)]);
    // Calls of this module's own functions and methods are all recorded: one handing something else vetoes.
    const own = ownFunction || ownInstance || ownClass || selfClass !== undefined;
    if (!own && !syncSession && kinds.every(([, k]) => k === 'other')) continue;
    const handoff: Handoff = { callee: callee.join('.'), args: kinds };
    if (from !== undefined) handoff.from = from;
    if (args.splat) handoff.splat = true;
    if (selfClass !== undefined) handoff.self = selfClass;
    if (imported !== undefined) handoff.imported = imported;
    calls.push(handoff);
  }
  const summary = shapeOnly(classes, instances, table) ?? {};
  if (Object.keys(defs).length > 0) summary.defs = defs;
  if (calls.length > 0) {
    summary.calls = calls;
    summary.imports = table;
  }
  return Object.keys(summary).length > 0 ? summary : null;
}

/** The classes and instances alone (with the imports naming their bases and classes), or null when there are none. */
function shapeOnly(classes: Record<string, ClassShape>, instances: Record<string, string>, table: Record<string, [string, string | null]>): HandoffSummary | null {
  const summary: HandoffSummary = {};
  if (Object.keys(classes).length > 0) summary.classes = classes;
  if (Object.keys(instances).length > 0) summary.instances = instances;
  if (Object.keys(summary).length === 0) return null;
  summary.imports = table;
  return summary;
}

/**
 * How the inference names a function (TransformOptions.sessionParams): `f` for a module-level def, `Class.method`
 * for a method of a module-level class; null otherwise.
 */
export function inferenceKey(fn: SgNode): string | null {
  let parent = fn.parent();
  if (parent?.kind() === 'module') return fn.field('name')?.text() ?? null;
  // A `@staticmethod` / `@classmethod` of a class (other decorated defs are not candidates).
  if (parent?.kind() === 'decorated_definition') {
    const binding = bindingOf(fn);
    if (binding !== 'static' && binding !== 'class') return null;
    parent = parent.parent();
  }
  const cls = parent?.kind() === 'block' ? parent.parent() : null;
  if (cls?.kind() !== 'class_definition' || cls.parent()?.kind() !== 'module') return null;
  const name = fn.field('name')?.text();
  const clsName = cls.field('name')?.text();
  return name && clsName ? `${clsName}.${name}` : null;
}

function firstParam(fn: SgNode): string | undefined {
  return signatureOf(fn).positional[0];
}

/**
 * How a def of a class body is called: 'plain' for a method without decorators, 'static' / 'class' for one whose only
 * decorator is `@staticmethod` / `@classmethod`; null for any other decorator (a property is not called, and what
 * another decorator hands the def is not known).
 */
function bindingOf(fn: SgNode): 'plain' | 'static' | 'class' | null {
  const parent = fn.parent();
  if (parent?.kind() !== 'decorated_definition') return 'plain';
  const decorators = parent.children().filter((c) => c.kind() === 'decorator');
  if (decorators.length !== 1) return null;
  const text = decorators[0]!.text().replace(/\s+/g, '');
  return text === '@staticmethod' ? 'static' : text === '@classmethod' ? 'class' : null;
}

/**
 * A class's shape and its methods called by name: plain ones, staticmethods and classmethods (not a property, nor
 * one named `__init__`...: those are not called by name).
 */
function classShape(cls: SgNode): { shape: ClassShape; methods: [string, SgNode][] } {
  const bases: (string | null)[] = [];
  const superclasses = cls.field('superclasses');
  for (const base of superclasses ? superclasses.children().filter((c) => c.isNamed()) : []) {
    if (base.kind() === 'keyword_argument') {
      // `metaclass=...` decides how attributes are found: nothing is followed through such a class.
      bases.push(null);
      continue;
    }
    const named = base.kind() === 'subscript' ? base.field('value') : base;
    const dotted = named ? dottedName(named) : null;
    bases.push(dotted ? dotted.join('.') : null);
  }
  const names = new Set<string>();
  const methods: [string, SgNode][] = [];
  const body = cls.field('body');
  for (const statement of body ? body.children() : []) {
    const kind = statement.kind();
    if (kind === 'function_definition') {
      const name = statement.field('name')?.text() ?? '';
      names.add(name);
      if (!name.startsWith('__')) methods.push([name, statement]);
    } else if (kind === 'decorated_definition') {
      const definition = statement.field('definition');
      const name = definition?.field('name')?.text();
      if (name) names.add(name);
      if (name && definition?.kind() === 'function_definition' && !name.startsWith('__') && bindingOf(definition) !== null) methods.push([name, definition]);
    } else {
      for (const name of boundNames(statement)) names.add(name);
    }
  }
  return { shape: { bases, names: [...names] }, methods };
}

/** The names a statement of a class body binds: a nested class, `a = ...` / `a: T = ...` / `a, b = ...`. */
function boundNames(statement: SgNode): string[] {
  if (statement.kind() === 'class_definition') return [statement.field('name')?.text() ?? ''];
  if (statement.kind() !== 'expression_statement') return [];
  const names: string[] = [];
  for (let assignment = statement.child(0); assignment?.kind() === 'assignment'; assignment = assignment.field('right')) {
    const left = assignment.field('left');
    if (!left) break;
    if (left.kind() === 'identifier') names.push(left.text());
    else for (const id of left.findAll({ rule: { kind: 'identifier' } })) names.push(id.text());
  }
  return names;
}

/**
 * A plain module-level def's (or a module-level class's method's) unannotated parameters without defaults that it
 * calls session methods on or hands to a call, and never rebinds. Null when it has none.
 */
function untypedDef(fn: SgNode, method: boolean): UntypedDef | null {
  if (!fn.field('parameters')) return null;
  const signature = signatureOf(fn);
  const binding = method ? bindingOf(fn) : 'plain';
  if (binding === null) return null;
  // A method's first parameter is the instance (a classmethod's the class): calls do not pass it.
  const implicit = !method || binding === 'static' ? null : binding === 'class' ? 'cls' : 'self';
  if (implicit !== null && signature.positional[0] !== implicit) return null;
  const positional = implicit !== null ? signature.positional.slice(1) : signature.positional;
  const all = implicit !== null ? signature.all.filter((p) => p.name !== implicit) : signature.all;
  const keywordOnly = all.map((p) => p.name).filter((n) => !positional.includes(n));
  const open = new Set(all.filter((p) => !p.annotation && !p.defaultValue && bindingsIn(fn, p.name).length === 0).map((p) => p.name));
  if (open.size === 0) return null;
  const cands = new Set<string>();
  walkBody(fn, (node) => {
    if (node.kind() !== 'call') return;
    const callee = node.field('function');
    if (callee?.kind() === 'attribute') {
      const object = callee.field('object');
      if (object?.kind() === 'identifier' && open.has(object.text()) && SESSION_LIKE_METHODS.has(callee.field('attribute')?.text() ?? '')) cands.add(object.text());
    }
    const args = callArgs(node);
    for (const arg of [...args.positional, ...args.keywords.values()]) if (arg.kind() === 'identifier' && open.has(arg.text())) cands.add(arg.text());
  });
  if (cands.size === 0) return null;
  const def: UntypedDef = { params: positional, cands: [...positional, ...keywordOnly].filter((n) => cands.has(n)) };
  if (method && binding !== 'plain') def.bind = binding;
  if (keywordOnly.length > 0) def.keywordOnly = keywordOnly;
  return def;
}

/**
 * The nodes of a def's body, comprehensions included (they run where they are written, reading the parameter),
 * nested defs, lambdas and classes not (they may run later, or never).
 */
function walkBody(fn: SgNode, visit: (node: SgNode) => void): void {
  const body = fn.field('body');
  if (!body) return;
  const stack: SgNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const kind = node.kind();
    if (node !== body && (kind === 'function_definition' || kind === 'lambda' || kind === 'class_definition')) continue;
    visit(node);
    for (const c of node.children()) stack.push(c);
  }
}

/**
 * The imports inside defs, by the offset of the def they are in: local name → [module, name or null], as importTable
 * writes them; null for a name two imports of the def bind differently.
 */
function functionImportTables(imports: ModuleImports): Map<number, Map<string, [string, string | null] | null>> {
  const tables = new Map<number, Map<string, [string, string | null] | null>>();
  const bind = (node: SgNode, name: string, binding: [string, string | null]): void => {
    const fn = enclosingFunction(node);
    if (fn === null) return;
    let table = tables.get(start(fn));
    if (!table) tables.set(start(fn), (table = new Map()));
    const before = table.get(name);
    table.set(name, before === undefined || (before !== null && before[0] === binding[0] && before[1] === binding[1]) ? binding : null);
  };
  for (const imp of imports.from) {
    if (isModuleLevel(imp.node)) continue;
    // A star import in a def is a syntax error; nothing to bind.
    if (imp.name !== '*') bind(imp.node, imp.alias ?? imp.name, [imp.module, imp.name]);
  }
  for (const imp of imports.plain) {
    if (isModuleLevel(imp.node)) continue;
    const first = imp.module.split('.')[0] ?? imp.module;
    bind(imp.node, imp.alias ?? first, imp.alias ? [imp.module, null] : [first, null]);
  }
  return tables;
}

function importTable(imports: ModuleImports): Record<string, [string, string | null]> {
  const table: Record<string, [string, string | null]> = {};
  for (const imp of imports.from) {
    if (imp.name === '*' || !isModuleLevel(imp.node)) continue;
    table[imp.alias ?? imp.name] = [imp.module, imp.name];
  }
  for (const imp of imports.plain) {
    if (!isModuleLevel(imp.node)) continue;
    if (imp.alias) table[imp.alias] = [imp.module, null];
    else table[imp.module.split('.')[0] ?? imp.module] = [imp.module.split('.')[0] ?? imp.module, null];
  }
  return table;
}

/** How many `from m import n` steps of packages' `__init__.py` a call is followed through. */
const MAX_REEXPORTS = 4;
/** A class's MRO longer than this is taken for unknown (a guard, not a limit real code reaches). */
const MAX_MRO = 64;
/** Bases that define no method a call could reach here. */
const NEUTRAL_BASES = new Set(['object', 'Generic', 'typing.Generic', 'ABC', 'abc.ABC', 'Protocol', 'typing.Protocol']);

/** Where a function lives: the file (as the summaries key it) and its key there (`f` or `Class.method`). */
interface Target {
  path: string;
  name: string;
}

type Summaries = ReadonlyMap<string, { handoffs?: HandoffSummary; reexports?: ReadonlyMap<string, { module: string; name: string }> }>;
type FindModule = (module: string, importerPath: string) => string | null;

/**
 * The inference over every file's summary. `findModule`: a module as an import writes it, from the importing file,
 * to the path of a summarized file (null when unknown).
 * Returns file path → function (`f` or `Class.method`) → parameter → whether the session is SQLModel's.
 */
export function inferSessionParams(summaries: Summaries, findModule: FindModule): Record<string, Record<string, Record<string, boolean>>> {
  const key = (path: string, fn: string, param: string): string => `${path}\u0000${fn}\u0000${param}`;
  const resolver = new CalleeResolver(summaries, findModule);
  /** Each candidate's sources: 'sa' | 'sqlmodel' | 'other' | the key of a parameter. */
  const sources = new Map<string, string[]>();
  const source = (k: string, s: string): void => {
    const list = sources.get(k);
    if (list) list.push(s);
    else sources.set(k, [s]);
  };
  for (const [path, summary] of summaries) {
    const h = summary.handoffs;
    if (!h?.calls) continue;
    for (const call of h.calls) {
      const found = resolver.callee(call, path, h);
      // `self.m(...)` runs the override of `m` of whatever subclass `self` is an instance of: each of them is handed
      // what the call hands.
      const targets = found ? [found] : [];
      if (call.self !== undefined) {
        const name = call.callee.split('.')[1] ?? '';
        targets.push(...resolver.overrides(path, call.self, name));
        // In a mixin: what the classes it is mixed into run.
        if (!found) targets.push(...resolver.inherited(path, call.self, name));
      }
      for (const { target, def } of targets) {
        if (call.splat) {
          for (const c of def.cands) source(key(target.path, target.name, c), 'other');
          continue;
        }
        for (const [at, kind] of call.args) {
          const param = typeof at === 'number' ? def.params[at] : def.params.includes(at) || def.keywordOnly?.includes(at) ? at : undefined;
          if (param === undefined || !def.cands.includes(param)) continue;
          const k = key(target.path, target.name, param);
          if (typeof kind === 'string') source(k, kind);
          else source(k, call.from !== undefined ? key(path, call.from, kind.p) : 'other');
        }
      }
    }
  }
  // Candidates no recorded call hands anything but sessions or such candidates (a greatest fixpoint: a recursive
  // helper hands itself its own parameter), then those a session reaches (a least one: some call must hand a real
  // session), each with one kind of session.
  const open = new Set([...sources].filter(([, list]) => !list.includes('other')).map(([k]) => k));
  for (let changed = true; changed; ) {
    changed = false;
    for (const k of open) {
      if (sources.get(k)!.some((s) => s !== 'sa' && s !== 'sqlmodel' && !open.has(s))) {
        open.delete(k);
        changed = true;
      }
    }
  }
  const kinds = new Map<string, Set<boolean>>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const k of open) {
      const seen = kinds.get(k) ?? new Set<boolean>();
      const before = seen.size;
      for (const s of sources.get(k)!) {
        if (s === 'sa') seen.add(false);
        else if (s === 'sqlmodel') seen.add(true);
        else for (const v of kinds.get(s) ?? []) seen.add(v);
      }
      if (seen.size !== before) {
        kinds.set(k, seen);
        changed = true;
      }
    }
  }
  const table: Record<string, Record<string, Record<string, boolean>>> = {};
  for (const [k, seen] of kinds) {
    // Handed both SQLAlchemy's and SQLModel's session: which query API to write is not known.
    if (seen.size !== 1) continue;
    const [path, fn, param] = k.split('\u0000') as [string, string, string];
    ((table[path] ??= {})[fn] ??= {})[param] = [...seen][0]!;
  }
  return table;
}

/** What a name of a module is, as far as the calls followed here need: a def, an instance of a class, a class, a module. */
type Ref =
  | { k: 'def'; target: Target; def: UntypedDef }
  | { k: 'instance'; path: string; cls: string }
  | { k: 'class'; path: string; name: string }
  | { k: 'module'; module: string; from: string };

/** Resolves a recorded call to the def it runs: module-level functions, and methods called on instances or `self`. */
class CalleeResolver {
  constructor(
    private readonly summaries: Summaries,
    private readonly findModule: FindModule,
  ) {}

  callee(call: Handoff, path: string, h: HandoffSummary): { target: Target; def: UntypedDef } | null {
    const parts = call.callee.split('.');
    if (call.self !== undefined) return parts.length === 2 ? this.method(path, call.self, parts[1]!) : null;
    const imported = call.imported;
    let ref = imported === undefined ? this.local(path, h, parts[0]!) : imported[1] === null ? ({ k: 'module', module: imported[0], from: path } as Ref) : this.exported(imported[0], imported[1], path, 0);
    for (const part of parts.slice(1)) {
      if (ref === null) return null;
      ref = this.member(ref, part);
    }
    return ref?.k === 'def' ? { target: ref.target, def: ref.def } : null;
  }

  /** A name as the module at `path` binds it: its own def, class or instance, or an import. */
  private local(path: string, h: HandoffSummary | undefined, name: string, hops = 0): Ref | null {
    const bound = this.bound(path, h, name);
    if (bound !== null) return bound;
    const imported = own(h?.imports, name);
    if (!imported) return null;
    const [module, importedName] = imported;
    if (importedName === null) return { k: 'module', module, from: path };
    return this.exported(module, importedName, path, hops);
  }

  private bound(path: string, h: HandoffSummary | undefined, name: string): Ref | null {
    const def = own(h?.defs, name);
    if (def) return { k: 'def', target: { path, name }, def };
    if (own(h?.classes, name)) return { k: 'class', path, name };
    const instance = own(h?.instances, name);
    return instance !== undefined ? { k: 'instance', path, cls: instance } : null;
  }

  /**
   * `name` of `module` (imported from `from`): what that module binds, through its re-exports (a few steps at most),
   * else its submodule of that name.
   */
  private exported(module: string, name: string, from: string, hops: number): Ref | null {
    if (hops > MAX_REEXPORTS) return null;
    const target = this.findModule(module, from);
    if (target !== null) {
      const summary = this.summaries.get(target);
      const bound = this.bound(target, summary?.handoffs, name);
      if (bound !== null) return bound;
      const next = summary?.reexports?.get(name) ?? null;
      if (next !== null) return this.exported(next.module, next.name, target, hops + 1);
      if (own(summary?.handoffs?.imports, name)) return this.local(target, summary?.handoffs, name, hops + 1);
    }
    return { k: 'module', module: module.endsWith('.') ? `${module}${name}` : `${module}.${name}`, from };
  }

  private member(ref: Ref, name: string): Ref | null {
    if (ref.k === 'module') return this.exported(ref.module, name, ref.from, 0);
    if (ref.k === 'instance') {
      const cls = this.classRef(ref.path, ref.cls);
      const found = cls ? this.method(cls.path, cls.name, name) : null;
      return found ? { k: 'def', ...found } : null;
    }
    if (ref.k === 'class') {
      // `CRUDUser.get(db, 1)`: a staticmethod or classmethod; a plain method called so takes `self` first.
      const found = this.method(ref.path, ref.name, name);
      return found?.def.bind !== undefined ? { k: 'def', ...found } : null;
    }
    return null;
  }

  /** Direct subclasses by class (`path\0name`), every base of every class resolved; made on first use. */
  private subclasses: Map<string, { path: string; name: string }[]> | null = null;

  /** Every subclass of the class (in the module at `path`) at any depth, each once, depth first. */
  private *allSubclasses(path: string, cls: string): Generator<{ path: string; name: string }> {
    const seen = new Set<string>();
    const stack = [...(this.subclassMap().get(`${path}\0${cls}`) ?? [])];
    while (stack.length > 0) {
      const sub = stack.pop()!;
      const k = `${sub.path}\0${sub.name}`;
      if (seen.has(k)) continue;
      seen.add(k);
      yield sub;
      stack.push(...(this.subclassMap().get(k) ?? []));
    }
  }

  /**
   * The defs of `name` that subclasses of the class (in the module at `path`) define, at any depth: what `self.name(...)`
   * in a method of the class may run instead of the class's own.
   */
  overrides(path: string, cls: string, name: string): { target: Target; def: UntypedDef }[] {
    const out: { target: Target; def: UntypedDef }[] = [];
    for (const sub of this.allSubclasses(path, cls)) {
      const def = own(this.summaries.get(sub.path)?.handoffs?.defs, `${sub.name}.${name}`);
      if (def) out.push({ target: { path: sub.path, name: `${sub.name}.${name}` }, def });
    }
    return out;
  }

  private subclassMap(): Map<string, { path: string; name: string }[]> {
    if (this.subclasses) return this.subclasses;
    const map = new Map<string, { path: string; name: string }[]>();
    for (const [path, summary] of this.summaries) {
      for (const [name, shape] of Object.entries(summary.handoffs?.classes ?? {})) {
        for (const base of shape.bases) {
          const ref = base === null || NEUTRAL_BASES.has(base) ? null : this.classRef(path, base);
          if (!ref) continue;
          const k = `${ref.path}\0${ref.name}`;
          const list = map.get(k);
          if (list) list.push({ path, name });
          else map.set(k, [{ path, name }]);
        }
      }
    }
    this.subclasses = map;
    return map;
  }

  /** The class a dotted name written in the module at `path` names. */
  private classRef(path: string, written: string): { path: string; name: string } | null {
    const parts = written.split('.');
    let ref = this.local(path, this.summaries.get(path)?.handoffs, parts[0]!);
    for (const part of parts.slice(1)) {
      if (ref?.k !== 'module') return null;
      ref = this.exported(ref.module, part, ref.from, 0);
    }
    return ref?.k === 'class' ? { path: ref.path, name: ref.name } : null;
  }

  /**
   * The def a bound call `instance.name(...)` runs on an instance of the class: the first class on its MRO that binds
   * the name, when that binding is a candidate def. Null when the MRO is not known (a base that is not a project
   * class: it may define the method).
   */
  private method(path: string, cls: string, name: string): { target: Target; def: UntypedDef } | null {
    for (const c of this.mro(path, cls) ?? []) {
      const h = this.summaries.get(c.path)?.handoffs;
      if (!own(h?.classes, c.name)?.names.includes(name)) continue;
      const def = own(h?.defs, `${c.name}.${name}`);
      return def ? { target: { path: c.path, name: `${c.name}.${name}` }, def } : null;
    }
    return null;
  }

  /**
   * `self.name(...)` in a class whose MRO does not bind `name` (a mixin calling what the class it is mixed into
   * defines): the defs the MROs of its subclasses, at any depth, find; each may be the one the call runs.
   */
  inherited(path: string, cls: string, name: string): { target: Target; def: UntypedDef }[] {
    const mro = this.mro(path, cls);
    // Bound by the class or a base, or maybe by a base that is not a project class.
    if (!mro || mro.some((c) => own(this.summaries.get(c.path)?.handoffs?.classes, c.name)?.names.includes(name))) return [];
    const out: { target: Target; def: UntypedDef }[] = [];
    for (const sub of this.allSubclasses(path, cls)) {
      const found = this.method(sub.path, sub.name, name);
      if (found && !out.some((o) => o.target.path === found.target.path && o.target.name === found.target.name)) out.push(found);
    }
    return out;
  }

  private readonly mros = new Map<string, { path: string; name: string }[] | null>();

  /** The C3 linearisation of a module-level class, itself first; null when a base is not a project class, or it is inconsistent. */
  private mro(path: string, cls: string): { path: string; name: string }[] | null {
    const key = `${path}\0${cls}`;
    if (this.mros.has(key)) return this.mros.get(key) ?? null;
    // A class deriving from itself through a cycle has no MRO.
    this.mros.set(key, null);
    const shape = own(this.summaries.get(path)?.handoffs?.classes, cls);
    if (!shape) return null;
    const sequences: { path: string; name: string }[][] = [];
    const bases: { path: string; name: string }[] = [];
    for (const written of shape.bases) {
      if (written !== null && NEUTRAL_BASES.has(written)) continue;
      const base = written === null ? null : this.classRef(path, written);
      const linear = base ? this.mro(base.path, base.name) : null;
      if (!base || !linear) return null;
      bases.push(base);
      sequences.push([...linear]);
    }
    sequences.push(bases);
    const same = (a: { path: string; name: string }, b: { path: string; name: string }): boolean => a.path === b.path && a.name === b.name;
    const result = [{ path, name: cls }];
    for (;;) {
      const left = sequences.filter((q) => q.length > 0);
      if (left.length === 0) break;
      const head = left.map((q) => q[0]!).find((h) => !left.some((q) => q.slice(1).some((x) => same(x, h))));
      if (!head || result.length > MAX_MRO) return null;
      result.push(head);
      for (const q of left) if (same(q[0]!, head)) q.shift();
    }
    this.mros.set(key, result);
    return result;
  }
}

function own<T>(record: Readonly<Record<string, T>> | undefined, name: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}
