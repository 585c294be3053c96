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

/** What a call hands a parameter: a proven session (SQLAlchemy's or SQLModel's), a parameter of its function, or something else. */
export type ArgKind = 'other' | 'sa' | 'sqlmodel' | { p: string };

/** A module-level function's positional parameters, and those of them that may be sessions. */
export interface UntypedDef {
  /** Positional parameters, in order. */
  params: string[];
  /** Set only when there are some: parameters after `*` or `*args`. */
  keywordOnly?: string[];
  cands: string[];
}

/** A call handing something session-like on: its callee as written, and each argument's kind by position or keyword. */
export interface Handoff {
  callee: string;
  /** The module-level function the call is in, when an argument is one of its parameters. */
  from?: string;
  args: [number | string, ArgKind][];
  /** `*args`/`**kwargs` in the call: which parameter gets what is unknown. */
  splat?: true;
}

export interface HandoffSummary {
  defs?: Record<string, UntypedDef>;
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
  for (const statement of root.root().children()) {
    if (statement.kind() !== 'function_definition') continue;
    const name = statement.field('name')?.text() ?? '';
    if (name === '' || (isTest && name.startsWith('test'))) continue;
    const def = untypedDef(statement);
    if (def) {
      defs[name] = def;
      defAt.set(name, start(statement));
    }
  }
  // Nothing to hand on: no session the file knows, no parameter of its own that may be one.
  if (defAt.size === 0 && !sessions.mayFindSessions) return null;
  const calls: Handoff[] = [];
  const table = importTable(imports);
  const has = (record: object, name: string): boolean => Object.prototype.hasOwnProperty.call(record, name);
  for (const call of root.root().findAll({ rule: { kind: 'call' } })) {
    const callee = dottedName(call.field('function') as SgNode);
    // Only what the index can resolve (resolveCallee): a def of this module, or a name an import binds.
    if (!callee || !(has(table, callee[0]!) || (callee.length === 1 && has(defs, callee[0]!)))) continue;
    const fn = enclosingFunction(call);
    const owner = fn !== null && fn.parent()?.kind() === 'module' ? (fn.field('name')?.text() ?? '') : '';
    const ownDef = owner !== '' && fn !== null && defAt.get(owner) === start(fn) ? defs[owner] : undefined;
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
        from = owner;
        return { p: name };
      }
      return 'other';
    };
    args.positional.forEach((arg, i) => kinds.push([i, kindOf(arg)]));
    for (const [keyword, arg] of args.keywords) kinds.push([keyword, kindOf(arg)]);
    const own = callee.length === 1 && has(defs, callee[0]!);
    if (!own && !syncSession && kinds.every(([, k]) => k === 'other')) continue;
    const handoff: Handoff = { callee: callee.join('.'), args: kinds };
    if (from !== undefined) handoff.from = from;
    if (args.splat) handoff.splat = true;
    calls.push(handoff);
  }
  if (calls.length === 0 && Object.keys(defs).length === 0) return null;
  const summary: HandoffSummary = {};
  if (Object.keys(defs).length > 0) summary.defs = defs;
  if (calls.length > 0) {
    summary.calls = calls;
    summary.imports = table;
  }
  return summary;
}

/**
 * A plain module-level def's unannotated parameters without defaults that it calls session methods on or hands to a
 * call, and never rebinds. Null when it has none.
 */
function untypedDef(fn: SgNode): UntypedDef | null {
  if (!fn.field('parameters')) return null;
  const { positional, all } = signatureOf(fn);
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

/** Where a function lives: the file (as the summaries key it) and its module-level name. */
interface Target {
  path: string;
  name: string;
}

/**
 * The inference over every file's summary. `findModule`: a module as an import writes it, from the importing file,
 * to the path of a summarized file (null when unknown).
 * Returns file path → function name → parameter → whether the session is SQLModel's.
 */
export function inferSessionParams(
  summaries: ReadonlyMap<string, { handoffs?: HandoffSummary; reexports?: ReadonlyMap<string, { module: string; name: string }> }>,
  findModule: (module: string, importerPath: string) => string | null,
): Record<string, Record<string, Record<string, boolean>>> {
  const key = (path: string, fn: string, param: string): string => `${path}\u0000${fn}\u0000${param}`;
  const own = <T>(record: Record<string, T> | undefined, name: string): T | undefined => (record && Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined);
  /**
   * The def a target names, through modules re-exporting it (`crud/__init__.py`'s `from .users import get_user`;
   * the entity summary's `reexports`), a few steps at most.
   */
  const defTarget = (t: Target): { target: Target; def: UntypedDef } | null => {
    for (let at: Target | null = t, hops = 0; at !== null && hops <= MAX_REEXPORTS; hops++) {
      const summary = summaries.get(at.path);
      const def = own(summary?.handoffs?.defs, at.name);
      if (def) return { target: at, def };
      const next: { module: string; name: string } | undefined = summary?.reexports?.get(at.name);
      const module: string | null = next ? findModule(next.module, at.path) : null;
      at = next && module !== null ? { path: module, name: next.name } : null;
    }
    return null;
  };
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
      const resolved = resolveCallee(call.callee, path, h, findModule);
      const found = resolved ? defTarget(resolved) : null;
      if (!found) continue;
      const { target, def } = found;
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

/** The module-level function a dotted callee names in the file at `path`, through its own defs and imports. */
function resolveCallee(callee: string, path: string, h: HandoffSummary, findModule: (module: string, importerPath: string) => string | null): Target | null {
  const parts = callee.split('.');
  const head = parts[0]!;
  if (parts.length === 1 && h.defs && Object.prototype.hasOwnProperty.call(h.defs, head)) return { path, name: head };
  const imported = h.imports && Object.prototype.hasOwnProperty.call(h.imports, head) ? h.imports[head] : undefined;
  if (!imported) return null;
  const [module, name] = imported;
  if (name !== null) {
    if (parts.length === 1) {
      const target = findModule(module, path);
      return target === null ? null : { path: target, name };
    }
    if (parts.length !== 2) return null;
    const target = findModule(module.endsWith('.') ? `${module}${name}` : `${module}.${name}`, path);
    return target === null ? null : { path: target, name: parts[1]! };
  }
  if (parts.length < 2) return null;
  const target = findModule([module, ...parts.slice(1, -1)].join('.'), path);
  return target === null ? null : { path: target, name: parts[parts.length - 1]! };
}
