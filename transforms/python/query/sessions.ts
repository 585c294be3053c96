// Which expressions are SQLAlchemy sessions. Only receivers proven to be sessions get their
// `.query(...)` rewritten; `self.repository.query`, `request.query`, search clients and anything
// unknown are left alone. Reusable by any transform that must know "is this a session?".
import { posix } from 'node:path';
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { SessionFactoryKind, TransformOptions } from '../../../engine/types';
import { isModuleLevel, moduleLevelImportBindings, type FromImport, type ModuleImports } from '../support/imports';
import { bindingsIn, parametersOf, type Parameter } from './bindings';
import { callArgs, decoratorsOf, dottedName, enclosingScope, classOfMethod, methodsOf, namedChildren, sameNode } from './syntax';
import { isTestPath } from '../index/modules';
import { isNonSessionLibraryName } from '../support/driver-libraries';
import { definesNonSessionDependency, dependencyNotSession, type EngineOptions } from '../scaffold/engine-index';
import { cached } from '../../../engine/cached';
import { twinName, twinOrigin } from '../scaffold/twin-names';
import { inferenceKey } from './session-params';
import { nameTable } from '../support/scope';

export interface SessionOptions {
  /** Dependency callables whose `Depends(...)` parameters are sessions (`get_db`, `get_async_db`). */
  dependencyNames: string[];
  /**
   * Whether the dependency a `Depends(...)` names hands out no SQLAlchemy session (a `get_db` yielding
   * `sqlite3.connect(...)`, EngineIndex.nonSessionDependencyModules): `module`, the module its name is imported from as
   * written (`app.db`), or null for this file's own. Absent: every such dependency counts.
   */
  dependencyNotSession?: (module: string | null) => boolean;
  /**
   * Receivers that are sessions by configuration, written as dotted text (`db.session` for
   * Flask-SQLAlchemy): the `session-facades` configuration key.
   */
  facades: string[];
  /** Extra session type names by configuration: the `session-types` key (see TransformOptions.sessionTypes). */
  types?: string[];
  /** Session type aliases other modules of the project define (TransformOptions.sessionAliases). */
  aliases?: Readonly<Record<string, boolean>>;
  /** Session factories other modules of the project define (TransformOptions.sessionFactories). */
  factories?: Readonly<Record<string, SessionFactoryKind>>;
  /** Modules of factories naming `__all__`, with the names it lists (TransformOptions.dunderAllModules): all their star imports bind. */
  dunderAllModules?: Readonly<Record<string, readonly string[]>>;
  /**
   * Classes other modules of the project define whose methods store a session in `self.<attr>`, from a parameter
   * or an annotation only (`app.base.Service` → `{ db: false }`, the value: SQLModel's session); subclasses
   * elsewhere read `self.db` as that session (EngineIndex.sessionAttributes).
   */
  attributes?: Readonly<Record<string, Readonly<Record<string, boolean>>>>;
  /**
   * The session fixtures a test module's tests and fixtures may request (visibleSessionFixtures): name → whether
   * the session is SQLModel's. An unannotated parameter of that name, of a test or fixture, is that session.
   */
  fixtures?: Readonly<Record<string, boolean>>;
  /**
   * Unannotated parameters of this module's module-level functions that the calls handing them anything hand
   * sessions (TransformOptions.sessionParams for the file): function name → parameter → whether SQLModel's.
   */
  params?: Readonly<Record<string, Readonly<Record<string, boolean>>>>;
}

const CLOSURE_SCOPES = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression', 'lambda']);

/**
 * The resolver's options as the run's configuration sets them; every transform builds it the same way. `path`,
 * the file's (TransformContext.path): in a test module, the session fixtures its tests may request.
 */
export function sessionOptionsFrom(options: TransformOptions, path?: string): SessionOptions {
  const fixtures = path !== undefined && options.sessionFixtures ? visibleSessionFixtures(options.sessionFixtures, path) : NO_FIXTURES;
  const params = path !== undefined && options.sessionParams && Object.prototype.hasOwnProperty.call(options.sessionParams, path) ? options.sessionParams[path] : undefined;
  return {
    ...(fixtures !== NO_FIXTURES ? { fixtures } : {}),
    ...(params !== undefined ? { params } : {}),
    dependencyNames: [options.getDbName, options.asyncGetDbName],
    ...(path !== undefined && (options as EngineOptions).nonSessionDependencyModules
      ? { dependencyNotSession: (module: string | null) => (module === null ? definesNonSessionDependency(options, path) : dependencyNotSession(options, path, module)) }
      : {}),
    facades: options.sessionFacades ?? [],
    types: options.sessionTypes ?? [],
    aliases: options.sessionAliases ?? {},
    factories: options.sessionFactories ?? {},
    ...(options.dunderAllModules ? { dunderAllModules: options.dunderAllModules } : {}),
    attributes: options.sessionAttributes ?? NO_ATTRIBUTES,
  };
}

export interface SessionInfo {
  /** The receiver's source text, reused when emitting `<text>.execute(...)`. */
  text: string;
  /** The session type came from SQLModel, whose Session prefers `exec()` over `execute()`. */
  sqlmodel: boolean;
  /** The receiver names the same session everywhere in its function (one binding, a parameter, an attribute). */
  stable: boolean;
  /**
   * The factory calls that make this session (`SessionLocal()` in `db = SessionLocal()`, `with SessionLocal() as db`,
   * `self.db = SessionLocal()`; `SessionLocal.begin()` in a `with`). Empty when it only comes from parameters or
   * annotations. Lets a transform that changes the session's kind change where it is made too.
   */
  origins: SgNode[];
}

const SESSION_CLASSES = new Map<string, boolean>([
  ['sqlalchemy.orm.Session', false],
  ['sqlalchemy.orm.session.Session', false],
  ['sqlalchemy.ext.asyncio.AsyncSession', false],
  ['sqlalchemy.ext.asyncio.session.AsyncSession', false],
  ['sqlmodel.Session', true],
  ['sqlmodel.orm.session.Session', true],
  ['sqlmodel.ext.asyncio.session.AsyncSession', true],
]);

const FACTORY_CALLEES = new Set(['sessionmaker', 'async_sessionmaker']);
/** `@pytest.fixture`, `@pytest.fixture(...)`, `@fixture`, `@pytest_asyncio.fixture`, as decorator text. */
export const FIXTURE_DECORATOR = /^@\s*(?:pytest\.|pytest_asyncio\.)?fixture\b/;

/**
 * Substrings of which a text must contain at least one for SessionResolver to find any session in it. Every
 * verdict bottoms out in a name written in the file: a session class (`Session`, `AsyncSession`, written in
 * the annotation or in the import that binds its alias), a factory (`sessionmaker(...)`, a `SessionLocal`
 * import, `Session(engine)`), `Depends(<dependency>)`, or a configured facade, session type, project alias or
 * project factory, whose last name is written where it is used or imported. Module-level aliases and `self.<attr>` stores
 * only lead back to those. So a file without any of these words has no session, and whatever only acts on
 * sessions (insert-await, query-to-select) has nothing to do there. Keep in step with the resolver.
 */
export function sessionWords(options: SessionOptions): readonly string[] {
  // Every resolver asks (one per tree and transform), and the project's aliases grow with the project: made
  // afresh, the words cost each file time in proportion to the project. The alias and factory tables of a run
  // are one object each, never changed once made (TransformOptions.sessionAliases and sessionFactories are
  // read-only), so they key the memo.
  const byAliases = cached(wordsMemo, options.aliases ?? NO_ALIASES, () => new WeakMap<object, WeakMap<object, Map<string, readonly string[]>>>());
  const byFactories = cached(byAliases, options.factories ?? NO_FACTORIES, () => new WeakMap<object, Map<string, readonly string[]>>());
  const byConfiguration = cached(byFactories, options.attributes ?? NO_ATTRIBUTES, () => new Map<string, readonly string[]>());
  const key = JSON.stringify([options.facades, options.types ?? [], options.dependencyNames, options.fixtures ?? NO_FIXTURES, options.params ?? NO_PARAMS]);
  return cached(byConfiguration, key, () => Object.freeze(computeSessionWords(options)));
}

const NO_ALIASES: Readonly<Record<string, boolean>> = {};
const NO_FIXTURES: Readonly<Record<string, boolean>> = {};
const NO_PARAMS: Readonly<Record<string, Readonly<Record<string, boolean>>>> = {};
/** The name a fixture table records a fixture named by an expression under (`@pytest.fixture(name=NAME)`): no identifier. */
export const ANY_FIXTURE = '*';

/**
 * The session fixtures a test at `path` gets by requesting their name, as pytest looks a fixture up: the module's
 * own fixtures first, then those of the `conftest.py` of its directory and of each directory above (the nearest
 * definition of a name wins, whatever it is). `table`: TransformOptions.sessionFixtures. Files that are no test
 * modules get none. Memoised per table and directory: every file of a run asks with the same table.
 */
export function visibleSessionFixtures(table: Readonly<Record<string, Readonly<Record<string, boolean | null>>>>, path: string): Readonly<Record<string, boolean>> {
  if (!isTestPath(path)) return NO_FIXTURES;
  const own = ownEntry(table, path);
  const dir = posix.dirname(path);
  const inherited = cached(cached(fixtureMemo, table, () => new Map<string, Readonly<Record<string, boolean | null>>>()), dir, () => conftestFixtures(table, dir));
  const merged = own ? nearestFirst([own, inherited]) : inherited;
  const found: Record<string, boolean> = {};
  for (const [name, sqlmodel] of Object.entries(merged)) if (sqlmodel !== null) found[name] = sqlmodel;
  return Object.keys(found).length > 0 ? found : NO_FIXTURES;
}

/**
 * sessionWords for a run, before the file is known: the configured words, and the name of every session fixture
 * some test file defines (a test may hold a session by requesting one and name nothing else: `def test_x(db):`).
 */
export function runSessionWords(options: TransformOptions): readonly string[] {
  // Asked for every file (a prefilter), and the tables grow with the project: made once per options object (a run
  // hands every file of a segment the same one, never changed in place).
  return cached(runWordsMemo, options, () => computeRunSessionWords(options));
}

const runWordsMemo = new WeakMap<TransformOptions, readonly string[]>();

function computeRunSessionWords(options: TransformOptions): readonly string[] {
  const words = sessionWords(sessionOptionsFrom(options));
  const table = options.sessionFixtures;
  if ((!table && !options.sessionParams) || words.includes('')) return words;
  const names = new Set<string>();
  for (const fixtures of Object.values(table ?? {})) for (const [name, sqlmodel] of Object.entries(fixtures)) if (sqlmodel !== null) names.add(name);
  for (const fns of Object.values(options.sessionParams ?? {})) for (const params of Object.values(fns)) for (const name of Object.keys(params)) names.add(name);
  return names.size === 0 ? words : [...new Set([...words, ...names])];
}

const fixtureMemo = new WeakMap<object, Map<string, Readonly<Record<string, boolean | null>>>>();

/** Every fixture the conftests of `dir` and the directories above it define, the nearest of each name. */
function conftestFixtures(table: Readonly<Record<string, Readonly<Record<string, boolean | null>>>>, dir: string): Readonly<Record<string, boolean | null>> {
  const chain: Readonly<Record<string, boolean | null>>[] = [];
  for (let at = dir; ; at = posix.dirname(at)) {
    const entry = ownEntry(table, at === '.' ? 'conftest.py' : `${at}/conftest.py`);
    if (entry) chain.push(entry);
    // Display paths are relative to the working directory: `..` and `.` end the walk, as `/` does.
    if (at === '.' || at === '/' || at === '' || posix.basename(at) === '..') break;
  }
  return nearestFirst(chain);
}

/**
 * Fixture tables merged, the nearest first: each name from the nearest table defining it. A table holding
 * ANY_FIXTURE (a fixture named by an expression: it may be any name) hides everything farther.
 */
function nearestFirst(tables: readonly Readonly<Record<string, boolean | null>>[]): Readonly<Record<string, boolean | null>> {
  const merged: Record<string, boolean | null> = {};
  for (const table of tables) {
    for (const [name, sqlmodel] of Object.entries(table)) if (!Object.prototype.hasOwnProperty.call(merged, name)) merged[name] = sqlmodel;
    if (Object.prototype.hasOwnProperty.call(table, ANY_FIXTURE)) break;
  }
  return merged;
}

const NO_FACTORIES: Readonly<Record<string, SessionFactoryKind>> = {};
const NO_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, boolean>>>> = {};
const wordsMemo = new WeakMap<object, WeakMap<object, WeakMap<object, Map<string, readonly string[]>>>>();

/**
 * The entries of a project table (`module.Name` → what it is: sessionAliases, sessionFactories) whose last
 * dotted part is `name`: a name ending with `.<relative>` ends with the relative name's last part. Indexed
 * once per table, so a relative import does not scan every entry of the project.
 */
function entriesNamed<T>(table: Readonly<Record<string, T>>, name: string): [string, T][] {
  const byName = cached(entryIndex, table, () => {
    const made = new Map<string, [string, unknown][]>();
    for (const entry of Object.entries(table)) cached(made, lastOf(entry[0]), () => []).push(entry);
    return made;
  });
  return (byName.get(name) ?? []) as [string, T][];
}

const entryIndex = new WeakMap<object, Map<string, [string, unknown][]>>();

/** The entries of a project table a relative import's `module.name` (leading dots dropped) may name. */
function relativeEntries<T>(table: Readonly<Record<string, T>>, relative: string): [string, T][] {
  const suffix = `.${relative}`;
  return entriesNamed(table, lastOf(relative)).filter(([name]) => name.endsWith(suffix) || name === relative);
}

/**
 * What the project's factory table (TransformOptions.sessionFactories) says of the name a module-level `from`
 * import binds (`from app.db import Session`), as SessionResolver.projectFactory answers for it: null when it
 * names no factory the project defines; a relative import matching modules that disagree is `none`.
 */
export function importedProjectFactory(table: Readonly<Record<string, SessionFactoryKind>>, imp: Pick<FromImport, 'module' | 'name' | 'relativeLevel'>): SessionFactoryKind | null {
  if (imp.name === '*') return null;
  if (imp.relativeLevel <= 0) return ownEntry(table, `${imp.module}.${imp.name}`) ?? null;
  const module = imp.module.slice(imp.relativeLevel);
  const kinds = new Set(relativeEntries(table, module === '' ? imp.name : `${module}.${imp.name}`).map(([, kind]) => kind));
  if (kinds.size === 0) return null;
  return kinds.size === 1 ? [...kinds][0]! : 'none';
}

/** The table's own entry for `name` (an imported `toString` is no entry). */
function ownEntry<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/**
 * For the async twin async-engine writes beside a project factory (`async_make_session` beside `make_session`, in
 * the rewritten text of a later transform or run): the dotted name of that factory, whose table entry `twin` says
 * the twin is written; the twin makes AsyncSessions. Null when the last name is no twin's name.
 */
function twinOriginName(dotted: string): string | null {
  const last = lastOf(dotted);
  const origin = twinOrigin(last);
  return origin === null ? null : `${dotted.slice(0, dotted.length - last.length)}${origin}`;
}

/**
 * The session factories (and the twins async-engine writes beside them) that module-level star imports of project
 * modules bind here, as the `from` imports naming them would (`target`: `module.name`, leading dots dropped when
 * `relative`). Conservative, since Python's last binding wins and the resolver does not follow the order: a name
 * the file binds or imports any other way is left out, as is one that several star imports may bind, one a module's
 * `__all__` does not list (the star does not bind it), and one a later star import of a module the table knows
 * nothing of (a third-party one) may rebind.
 */
function starBoundFactories(root: SgRoot, moduleImports: ModuleImports, options: SessionOptions): { local: string; target: string; relative: boolean; star: FromImport }[] {
  const stars = moduleImports.from.filter((i) => i.name === '*' && isModuleLevel(i.node));
  const table = options.factories ?? NO_FACTORIES;
  if (stars.length === 0 || Object.keys(table).length === 0) return [];
  const byModule = factoriesByModule(table);
  const dunderAll = options.dunderAllModules ?? NO_MODULES;
  // Each star import's factory names, or null when what it binds is not known (a module the table does not know).
  const provided = stars.map((star) => {
    const relative = star.relativeLevel > 0;
    const module = relative ? star.module.slice(star.relativeLevel) : star.module;
    if (module === '') return null;
    const matches = (candidate: string): boolean => candidate === module || (relative && candidate.endsWith(`.${module}`));
    let names = [...byModule].filter(([candidate]) => matches(candidate)).flatMap(([, names]) => names);
    if (names.length === 0) return null;
    // With `__all__`, the star binds only what it lists (what every module the import may name lists).
    for (const [candidate, listed] of Object.entries(dunderAll)) if (matches(candidate)) names = names.filter((name) => listed.includes(name));
    return { module, relative, star, names: new Set(names) };
  });
  const found: { local: string; target: string; relative: boolean; star: FromImport }[] = [];
  const seen = new Set<string>();
  provided.forEach((star, index) => {
    if (!star) return;
    for (const local of star.names) {
      if (seen.has(local) || local.startsWith('_')) continue;
      seen.add(local);
      const providers = provided.filter((other) => other?.names.has(local)).length;
      const laterUnknown = provided.slice(index + 1).some((other) => other === null);
      if (providers !== 1 || laterUnknown) continue;
      if (nameTable(root, local).occurrences.some((o) => o.role !== 'reference')) continue;
      found.push({ local, target: `${star.module}.${local}`, relative: star.relative, star: star.star });
    }
  });
  return found;
}

const NO_MODULES: Readonly<Record<string, readonly string[]>> = {};

/**
 * A factory table's names by the module defining them (`tests.utils` → `TestingSessionLocal`), with the twin
 * async-engine writes beside each `twin` factory (`AsyncTestingSessionLocal`), which a star import binds as well.
 */
function factoriesByModule(table: Readonly<Record<string, SessionFactoryKind>>): Map<string, string[]> {
  return cached(moduleIndex, table, () => {
    const made = new Map<string, string[]>();
    for (const [name, kind] of Object.entries(table)) {
      const dot = name.lastIndexOf('.');
      if (dot <= 0) continue;
      const names = cached(made, name.slice(0, dot), () => []);
      names.push(name.slice(dot + 1));
      if (kind === 'twin') names.push(twinName(name.slice(dot + 1)));
    }
    return made;
  });
}

const moduleIndex = new WeakMap<object, Map<string, string[]>>();

function lastOf(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

function computeSessionWords(options: SessionOptions): string[] {
  const lastName = (dotted: string): string => dotted.split(/[^\p{L}\p{N}_]+/u).filter((part) => part !== '').pop() ?? '';
  const configured = [...options.facades, ...(options.types ?? []), ...Object.keys(options.aliases ?? {}), ...Object.keys(options.factories ?? {}), ...Object.keys(options.attributes ?? {}), ...Object.keys(options.fixtures ?? {}), ...Object.values(options.params ?? {}).flatMap((p) => Object.keys(p))].map(lastName);
  // A configured name without a single word character could not be found by text: no shortcut then.
  if (configured.includes('')) return [''];
  return [...new Set(['Session', 'sessionmaker', ...options.dependencyNames, ...configured])];
}

interface TypeVerdict {
  session: boolean;
  sqlmodel: boolean;
}

const NO: TypeVerdict = { session: false, sqlmodel: false };

export class SessionResolver {
  private readonly imports = new Map<string, string>();
  private readonly aliases = new Map<string, SgNode>();
  private readonly factories = new Set<string>();
  /** Local name → `module.name` without the leading dots, for module-level relative `from` imports. */
  private readonly relativeImports = new Map<string, string>();
  /**
   * Verdicts by scope and name: the answer depends only on the innermost scope of the expression and the
   * names, and the indexer and transforms ask about the same `db` once per call site. Keyed by node id,
   * which is stable within the one tree a resolver serves.
   */
  private readonly nameVerdicts = new Map<string, SessionInfo | null>();
  private readonly attributeVerdicts = new Map<string, Omit<SessionInfo, 'text'> | null>();
  /** Names bound only by a star import of the project module defining them as factories (starBoundFactories). */
  private readonly starBound = new Map<string, FromImport>();
  /** `with` aliases being resolved, by binding node id: `with s as s:` must not resolve itself forever. */
  private readonly aliasesInProgress = new Set<string>();
  /** False when the text has none of the session words: then no expression in it is a session (see sessionWords). */
  readonly mayFindSessions: boolean;

  constructor(
    private readonly root: SgRoot,
    moduleImports: ModuleImports,
    private readonly options: SessionOptions,
  ) {
    const text = root.root().text();
    this.mayFindSessions = sessionWords(options).some((word) => text.includes(word));
    // Each verdict below answers "no" first thing then, so the tables they read can stay empty.
    if (!this.mayFindSessions) return;
    for (const b of moduleLevelImportBindings(moduleImports)) this.imports.set(b.local, b.target);
    const counts = new Map<string, number>();
    for (const stmt of root.root().children()) {
      const assignment = topLevelAssignment(stmt);
      if (!assignment) continue;
      const { name, value } = assignment;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      if (value) this.aliases.set(name, value);
      if (value?.kind() === 'call') {
        const callee = dottedName(value.field('function') as SgNode);
        if (callee && FACTORY_CALLEES.has(callee[callee.length - 1] as string)) this.factories.add(name);
      }
    }
    // A name bound twice at module level is not a reliable alias or factory.
    for (const [name, count] of counts) {
      if (count > 1) {
        this.aliases.delete(name);
        this.factories.delete(name);
      }
    }
    for (const imp of moduleImports.from) {
      if (imp.relativeLevel > 0 && imp.name !== '*' && isModuleLevel(imp.node)) {
        const module = imp.module.slice(imp.relativeLevel);
        this.relativeImports.set(imp.alias ?? imp.name, module === '' ? imp.name : `${module}.${imp.name}`);
      }
    }
    // `from .utils import *` binding `TestingSessionLocal`: read as `from .utils import TestingSessionLocal` would be.
    const starBound = starBoundFactories(root, moduleImports, options);
    for (const bound of starBound) {
      (bound.relative ? this.relativeImports : this.imports).set(bound.local, bound.target);
      this.starBound.set(bound.local, bound.star);
    }
    // A factory of another module, by the conventional name or because the project pass saw its sessionmaker.
    for (const [local, target] of this.imports) {
      if (local.includes('SessionLocal') || (target.split('.').pop() ?? '').includes('SessionLocal') || this.projectFactory([local]) !== null) this.factories.add(local);
    }
    // `from .database import SessionLocal`: relative imports bind no absolute target, but the factory name is the same.
    for (const imp of moduleImports.from) {
      if (imp.relativeLevel <= 0 || !isModuleLevel(imp.node) || imp.name === '*') continue;
      if (imp.name.includes('SessionLocal') || this.projectFactory([imp.alias ?? imp.name]) !== null) this.factories.add(imp.alias ?? imp.name);
    }
    for (const { local } of starBound) if (this.projectFactory([local]) !== null) this.factories.add(local);
  }

  /**
   * What the project pass knows of the session factory an imported name (`JobSession`, `database.JobSession`)
   * stands for (TransformOptions.sessionFactories), or null when it is none the project defines. A relative
   * import matching modules that disagree is `none`.
   */
  projectFactory(dotted: readonly string[]): SessionFactoryKind | null {
    const table = this.options.factories ?? NO_FACTORIES;
    const head = dotted[0] as string;
    const target = this.imports.get(head);
    if (target !== undefined) {
      const full = [target, ...dotted.slice(1)].join('.');
      return ownEntry(table, full) ?? (ownEntry(table, twinOriginName(full) ?? '') === 'twin' ? 'async' : null);
    }
    const relative = this.relativeImports.get(head);
    if (relative === undefined) return null;
    const name = [relative, ...dotted.slice(1)].join('.');
    const kinds = new Set(relativeEntries(table, name).map(([, kind]) => kind));
    if (kinds.size === 0) {
      const origin = twinOriginName(name);
      const twinned = origin === null ? [] : relativeEntries(table, origin).map(([, kind]) => kind);
      return twinned.length > 0 && twinned.every((kind) => kind === 'twin') ? 'async' : null;
    }
    return kinds.size === 1 ? [...kinds][0]! : 'none';
  }

  /**
   * The star import of its project module that alone binds `name` here, when `name` is a factory of that module or
   * the twin async-engine writes beside one (`TestingSessionLocal` after `from .utils import *`); else null.
   */
  starImportOf(name: string): FromImport | null {
    return this.starBound.get(name) ?? null;
  }

  /** Session facts for `expr`, or null when it is not known to be a session. */
  resolve(expr: SgNode): SessionInfo | null {
    if (!this.mayFindSessions) return null;
    const compact = expr.text().replace(/\s+/g, '');
    if (this.options.facades.includes(compact)) return { text: expr.text(), sqlmodel: false, stable: true, origins: [] };
    if (expr.kind() === 'identifier') return this.resolveName(expr.text(), expr);
    if (expr.kind() === 'attribute') return this.resolveSelfAttribute(expr);
    return null;
  }

  private resolveName(name: string, at: SgNode): SessionInfo | null {
    const scope = enclosingScope(at);
    if (!scope) return null;
    const key = `${scope.id()}:${name}`;
    let info = this.nameVerdicts.get(key);
    if (info === undefined) {
      info = this.resolveNameFrom(name, scope);
      this.nameVerdicts.set(key, info);
    }
    return info && { ...info, origins: [...info.origins] };
  }

  private resolveNameFrom(name: string, innermost: SgNode): SessionInfo | null {
    let scope: SgNode | null = innermost;
    // A def or lambda passed on the way out: the name is a closure's (see fixtureVerdict).
    let nested = false;
    while (scope) {
      const kind = scope.kind();
      if (kind === 'module' || kind === 'class_definition') return null;
      if (kind === 'function_definition' || kind === 'lambda') {
        const param = parametersOf(scope).find((p) => p.name === name);
        const binds = bindingsIn(scope, name);
        if (param) {
          if (kind === 'lambda') return null;
          const verdict = this.parameterVerdict(param, nested ? null : scope);
          if (!verdict.session) return null;
          if (!binds.every((b) => this.isSessionBinding(b))) return null;
          return { text: name, sqlmodel: verdict.sqlmodel, stable: binds.length === 0, origins: binds.flatMap((b) => this.bindingOrigins(b)) };
        }
        if (binds.length > 0) {
          const verdicts = binds.map((b) => this.isSessionBinding(b));
          if (!verdicts.every(Boolean)) return null;
          return {
            text: name,
            sqlmodel: binds.some((b) => this.bindingIsSqlModel(b)),
            stable: binds.length === 1,
            origins: binds.flatMap((b) => this.bindingOrigins(b)),
          };
        }
      } else if (bindingsIn(scope, name).length > 0) {
        // A comprehension variable of that name: not a session we know of.
        return null;
      }
      if (kind === 'function_definition' || kind === 'lambda') nested = true;
      scope = enclosingScope(scope);
    }
    return null;
  }

  /** `self.db` where every assignment of `self.db` in the class stores a session (or the class annotates it). */
  private resolveSelfAttribute(expr: SgNode): SessionInfo | null {
    const object = expr.field('object');
    const attr = expr.field('attribute');
    if (!object || !attr || object.kind() !== 'identifier') return null;
    const scope = enclosingScope(expr);
    if (!scope) return null;
    const key = `${scope.id()}:${object.text()}:${attr.text()}`;
    let verdict = this.attributeVerdicts.get(key);
    if (verdict === undefined) {
      verdict = this.attributeVerdict(scope, object.text(), attr.text());
      this.attributeVerdicts.set(key, verdict);
    }
    return verdict && { ...verdict, text: expr.text(), origins: [...verdict.origins] };
  }

  private attributeVerdict(innermost: SgNode, objectName: string, attrName: string): Omit<SessionInfo, 'text'> | null {
    // Comprehensions and lambdas inside a method see its `self` (unless they bind the name themselves).
    let method: SgNode | null = innermost;
    while (method && CLOSURE_SCOPES.has(String(method.kind())) && bindingsIn(method, objectName).length === 0) method = enclosingScope(method);
    if (!method || method.kind() !== 'function_definition') return null;
    // So does a def nested in a method (`def count(model): return self.session.scalar(...)` inside `statistics`),
    // through any closures between them, unless one of them binds the name itself.
    const binds = (fn: SgNode): boolean => bindingsIn(fn, objectName).length > 0 || parametersOf(fn).some((p) => p.name === objectName);
    for (let inner: SgNode = method; classOfMethod(inner) === null && !binds(inner); ) {
      let outer = enclosingScope(inner);
      while (outer && CLOSURE_SCOPES.has(String(outer.kind())) && bindingsIn(outer, objectName).length === 0) outer = enclosingScope(outer);
      if (!outer || outer.kind() !== 'function_definition') break;
      if (classOfMethod(outer) !== null && parametersOf(outer)[0]?.name === objectName) {
        method = outer;
        break;
      }
      inner = outer;
    }
    const selfName = parametersOf(method)[0]?.name;
    const ownClass = selfName === objectName ? classOfMethod(method) : null;
    if (ownClass) return this.classAttributeVerdict(ownClass, attrName);
    // The first parameter of a plain function is no `self` (`def flush(audit: Audit = Depends())`).
    const cls = this.instanceClass(innermost, objectName);
    return cls ? this.classAttributeVerdict(cls, attrName) : this.parameterClassAttributeVerdict(method, objectName, attrName);
  }

  /**
   * `service.db` where `service` is a parameter of `fn` annotated with a project class (`service: UserService =
   * Depends()`, `Annotated[UserService, Depends()]`) that stores a session in that attribute, and `fn` never rebinds
   * the name: as for `self.db` in the class's own methods. The class is one this module defines, or one the project
   * pass saw store a session from its parameters (SessionOptions.attributes).
   */
  private parameterClassAttributeVerdict(fn: SgNode, name: string, attrName: string): Omit<SessionInfo, 'text'> | null {
    const param = parametersOf(fn).find((p) => p.name === name);
    if (!param?.annotation || bindingsIn(fn, name).length > 0) return null;
    let type: SgNode | null = param.annotation;
    while (type && (type.kind() === 'type' || type.kind() === 'parenthesized_expression')) type = namedChildren(type)[0] ?? null;
    if (type && (type.kind() === 'generic_type' || type.kind() === 'subscript')) {
      const head = type.kind() === 'generic_type' ? namedChildren(type)[0] : type.field('value');
      if (!head || !/^(?:typing\.)?Annotated$/.test(head.text())) return null;
      const args = type.kind() === 'generic_type' ? namedChildren(namedChildren(type)[1] ?? type) : namedChildren(type).filter((c) => !sameNode(c, head));
      type = args[0] ?? null;
      while (type && type.kind() === 'type') type = namedChildren(type)[0] ?? null;
    }
    const dotted = type && (type.kind() === 'identifier' || type.kind() === 'attribute') ? dottedName(type) : null;
    if (!dotted) return null;
    const head = dotted[0] as string;
    if (dotted.length === 1 && !this.imports.has(head) && !this.relativeImports.has(head)) {
      const local = this.moduleClass(head);
      return local ? this.classAttributeVerdict(local, attrName) : null;
    }
    return this.importedClassAttribute(dotted, attrName);
  }

  /**
   * The class of a local bound once, by `name = Cls(...)`, where `Cls` is a class this module defines at module
   * level (`auditer = Auditer(db)` then `auditer.session.commit()`); null otherwise.
   */
  private instanceClass(scope: SgNode, name: string): SgNode | null {
    const bindings = bindingsIn(scope, name);
    if (bindings.length !== 1 || parametersOf(scope).some((p) => p.name === name)) return null;
    const assignment = (bindings[0] as SgNode).parent();
    if (assignment?.kind() !== 'assignment' || assignment.field('left')?.text() !== name) return null;
    const right = assignment.field('right');
    const callee = right?.kind() === 'call' ? right.field('function') : null;
    if (callee?.kind() !== 'identifier') return null;
    const classes = this.root.root().children().filter((c) => {
      const def = c.kind() === 'decorated_definition' ? c.field('definition') : c;
      return def?.kind() === 'class_definition' && def.field('name')?.text() === callee.text();
    });
    const bound = this.root.root().children().filter((c) => topLevelAssignment(c)?.name === callee.text());
    if (classes.length !== 1 || bound.length > 0) return null;
    const only = classes[0] as SgNode;
    return only.kind() === 'decorated_definition' ? only.field('definition') : only;
  }

  private classAttributeVerdict(cls: SgNode, attrName: string, depth = 0): Omit<SessionInfo, 'text'> | null {
    let annotated: TypeVerdict = NO;
    const body = cls.field('body');
    for (const stmt of body ? body.children() : []) {
      const assignment = stmt.kind() === 'expression_statement' ? namedChildren(stmt)[0] : null;
      if (assignment?.kind() !== 'assignment') continue;
      const left = assignment.field('left');
      const type = assignment.field('type');
      if (left?.kind() === 'identifier' && left.text() === attrName && type) annotated = this.typeVerdict(type, new Set());
    }
    const stores: TypeVerdict[] = [];
    const origins: SgNode[] = [];
    for (const m of methodsOf(cls)) {
      const self = parametersOf(m)[0]?.name;
      if (!self) continue;
      for (const assignment of m.findAll({ rule: { kind: 'assignment' } })) {
        const left = assignment.field('left');
        if (left?.kind() !== 'attribute' || left.text().replace(/\s+/g, '') !== `${self}.${attrName}`) continue;
        const type = assignment.field('type');
        const right = assignment.field('right');
        const typed = type ? this.typeVerdict(type, new Set()) : NO;
        const info = right?.kind() === 'identifier' ? this.resolveName(right.text(), right) : null;
        if (typed.session) {
          stores.push(typed);
          // `self.db: Session = SessionLocal()`: the annotation does not make the session, the call does, and
          // what switches to the async factory is found through the origins, as for `self.db = SessionLocal()`.
          if (info) origins.push(...info.origins);
          else if (right?.kind() === 'call' && this.isFactoryCall(right)) origins.push(right);
          continue;
        }
        if (!right) return null;
        if (info) {
          stores.push({ session: true, sqlmodel: info.sqlmodel });
          origins.push(...info.origins);
        } else if (right.kind() === 'call' && this.isFactoryCall(right)) {
          stores.push({ session: true, sqlmodel: false });
          origins.push(right);
        } else return null;
      }
      // Augmented or tuple stores to self.<attr> are not followed: treat as unknown.
      for (const other of m.findAll({ rule: { kind: 'augmented_assignment' } })) {
        if (other.field('left')?.text().replace(/\s+/g, '') === `${self}.${attrName}`) return null;
      }
    }
    if (stores.length === 0 && !annotated.session) return depth < 8 ? this.inheritedAttributeVerdict(cls, attrName, depth + 1) : null;
    return { sqlmodel: annotated.sqlmodel || stores.some((s) => s.sqlmodel), stable: true, origins };
  }

  /**
   * `self.db` in a class that never stores it: the session its one base class stores, when that base is a class of
   * this module (followed like the class itself) or one the project pass saw store a session from a parameter or an
   * annotation (SessionOptions.attributes). Several bases are not followed: which one's `__init__` runs is the MRO's.
   */
  private inheritedAttributeVerdict(cls: SgNode, attrName: string, depth: number): Omit<SessionInfo, 'text'> | null {
    const base = singleBase(cls);
    const dotted = base ? dottedName(base) : null;
    if (!dotted) return null;
    const head = dotted[0] as string;
    if (dotted.length === 1 && !this.imports.has(head) && !this.relativeImports.has(head)) {
      const local = this.moduleClass(head);
      return local && local.id() !== cls.id() ? this.classAttributeVerdict(local, attrName, depth) : null;
    }
    return this.importedClassAttribute(dotted, attrName);
  }

  /** The session an imported class (`dotted` as written here) stores in `attrName`, by SessionOptions.attributes. */
  private importedClassAttribute(dotted: readonly string[], attrName: string): Omit<SessionInfo, 'text'> | null {
    const head = dotted[0] as string;
    const table = this.options.attributes ?? NO_ATTRIBUTES;
    const target = this.imports.get(head);
    const relative = this.relativeImports.get(head);
    const entries =
      target !== undefined
        ? [ownEntry(table, [target, ...dotted.slice(1)].join('.'))].filter((e) => e !== undefined)
        : relative !== undefined
          ? relativeEntries(table, [relative, ...dotted.slice(1)].join('.')).map(([, e]) => e)
          : [];
    const verdicts = new Set(entries.map((attrs) => (Object.prototype.hasOwnProperty.call(attrs, attrName) ? attrs[attrName] : undefined)));
    if (verdicts.size !== 1) return null;
    const sqlmodel = [...verdicts][0];
    return sqlmodel === undefined ? null : { sqlmodel, stable: true, origins: [] };
  }

  /** The class this module defines once at module level under `name` (and binds no other way there), or null. */
  private moduleClass(name: string): SgNode | null {
    const classes = this.root.root().children().filter((c) => {
      const def = c.kind() === 'decorated_definition' ? c.field('definition') : c;
      return def?.kind() === 'class_definition' && def.field('name')?.text() === name;
    });
    if (classes.length !== 1 || this.root.root().children().some((c) => topLevelAssignment(c)?.name === name)) return null;
    const only = classes[0] as SgNode;
    return only.kind() === 'decorated_definition' ? only.field('definition') : only;
  }

  /**
   * For the project pass (EngineIndex.sessionAttributes): the attributes the methods of module-level class `cls`
   * store a session in from parameters or annotations only (no factory call of this module makes it), each with
   * whether the session is SQLModel's.
   */
  storedSessionAttributes(cls: SgNode): { name: string; sqlmodel: boolean }[] {
    if (!this.mayFindSessions) return [];
    const names = new Set<string>();
    this.storedAttributeNames(cls, names, 0);
    const found: { name: string; sqlmodel: boolean }[] = [];
    for (const name of names) {
      const verdict = this.classAttributeVerdict(cls, name);
      if (verdict && verdict.origins.length === 0) found.push({ name, sqlmodel: verdict.sqlmodel });
    }
    return found;
  }

  /**
   * The attributes the methods of `cls` store from a name or with an annotation, and those its one base class of
   * this module stores (followed up the chain): a class between the one storing the session and a subclass in
   * another module (`class GroupRepository(RepositoryGeneric)` whose `__init__` only calls `super().__init__`)
   * stores nothing itself, yet that subclass reads the session through it.
   */
  private storedAttributeNames(cls: SgNode, names: Set<string>, depth: number): void {
    for (const m of methodsOf(cls)) {
      const self = parametersOf(m)[0]?.name;
      if (!self) continue;
      for (const assignment of m.findAll({ rule: { kind: 'assignment' } })) {
        const left = assignment.field('left');
        const object = left?.kind() === 'attribute' ? left.field('object') : null;
        // Only stores of a name (a parameter) or annotated ones can prove a session without a factory call.
        const from = assignment.field('right');
        if (object?.kind() === 'identifier' && object.text() === self && (assignment.field('type') || from?.kind() === 'identifier')) {
          names.add(left!.field('attribute')!.text());
        }
      }
    }
    const base = depth < 8 ? this.localBaseClass(cls) : null;
    if (base) this.storedAttributeNames(base, names, depth + 1);
  }

  /** The one base class of `cls` when it is a class this module defines (as inheritedAttributeVerdict follows it). */
  private localBaseClass(cls: SgNode): SgNode | null {
    const base = singleBase(cls);
    if (base?.kind() !== 'identifier' || this.imports.has(base.text()) || this.relativeImports.has(base.text())) return null;
    const local = this.moduleClass(base.text());
    return local && local.id() !== cls.id() ? local : null;
  }

  /** `fn`: the parameter's function when the name is looked up in its own body (not in a def nested in it). */
  private parameterVerdict(param: Parameter, fn: SgNode | null): TypeVerdict {
    // `db: Session = Depends(get_db)` with SQLModel's Session: a session by its dependency, SQLModel's by its type.
    if (param.defaultValue && this.isDependsOnSession(param.defaultValue)) {
      // `db: sqlite3.Connection = Depends(get_db)`: the annotation says what get_db hands out, and it is no session.
      if (param.annotation && this.driverType(param.annotation)) return NO;
      return { session: true, sqlmodel: param.annotation ? this.typeVerdict(param.annotation, new Set()).sqlmodel : false };
    }
    if (param.annotation) return this.typeVerdict(param.annotation, new Set());
    if (param.defaultValue || param.node.kind() !== 'identifier' || !fn) return NO;
    const fixture = this.fixtureVerdict(param.name, fn);
    if (fixture.session) return fixture;
    // A module-level function's (or a module-level class's method's) parameter every call hands a session
    // (query/session-params.ts).
    const fnName = inferenceKey(fn) ?? undefined;
    const params = fnName !== undefined && this.options.params ? ownEntry(this.options.params, fnName) : undefined;
    const inferred = params ? ownEntry(params, param.name) : undefined;
    return inferred === undefined ? NO : { session: true, sqlmodel: inferred };
  }

  /**
   * `def test_x(db):` with `db` a session fixture the test module sees (SessionOptions.fixtures): pytest hands the
   * test (or fixture) that fixture's session. Only for what pytest calls with fixtures: a `test*` function at
   * module level or a `test*` method of a `Test*` class, and a fixture, never a fixture requesting its own name
   * (that is the overridden one's); not when a parametrize decorator may give the name another value, nor when
   * the test's class defines a fixture of that name (it hides the module's), nor when the module imports the name.
   * Not in a def nested in it either
   * (`def override_get_db(): yield db`): async-tests decides what such an override hands out, with the fixture.
   */
  private fixtureVerdict(name: string, fn: SgNode): TypeVerdict {
    const sqlmodel = this.options.fixtures?.[name];
    if (sqlmodel === undefined) return NO;
    // Bound by an import of the module: maybe a fixture of another module (`from tests.fakes import db`), which
    // pytest hands its tests in place of the conftest's.
    if (this.imports.has(name) || this.relativeImports.has(name)) return NO;
    const own = fn.field('name')?.text() ?? '';
    const decorators = decoratorsOf(fn).map((d) => d.text());
    const fixture = decorators.some((d) => FIXTURE_DECORATOR.test(d));
    const holder = fn.parent()?.kind() === 'decorated_definition' ? fn.parent()! : fn;
    const block = holder.parent();
    const cls = block?.kind() === 'block' && block.parent()?.kind() === 'class_definition' ? block.parent()! : null;
    if (!cls && block?.kind() !== 'module') return NO;
    if (fixture ? own === name : !own.startsWith('test') || (cls !== null && !(cls.field('name')?.text() ?? '').startsWith('Test'))) return NO;
    const classDecorators = cls ? decoratorsOf(cls).map((d) => d.text()) : [];
    const word = new RegExp(`\\b${name}\\b`);
    if ([...decorators, ...classDecorators].some((d) => /parametrize/.test(d) && word.test(d))) return NO;
    if (cls && methodsOf(cls).some((m) => m.field('name')?.text() === name || decoratorsOf(m).some((d) => FIXTURE_DECORATOR.test(d.text()) && word.test(d.text())))) return NO;
    return { session: true, sqlmodel };
  }

  /** The annotation names a class of a database driver other than SQLAlchemy's (`sqlite3.Connection`), through the imports. */
  private driverType(node: SgNode): boolean {
    const inner = node.kind() === 'type' ? (namedChildren(node)[0] ?? node) : node;
    const dotted = inner.kind() === 'identifier' || inner.kind() === 'attribute' ? dottedName(inner) : null;
    const target = dotted ? this.imports.get(dotted[0] as string) : undefined;
    return target !== undefined && isNonSessionLibraryName(target);
  }

  private isDependsOnSession(node: SgNode): boolean {
    if (node.kind() !== 'call') return false;
    const callee = dottedName(node.field('function') as SgNode);
    if (!callee || callee[callee.length - 1] !== 'Depends') return false;
    const first = callArgs(node).positional[0] ?? callArgs(node).keywords.get('dependency');
    const dep = first ? dottedName(first) : null;
    if (!dep || !this.options.dependencyNames.includes(dep[dep.length - 1] as string)) return false;
    return !this.options.dependencyNotSession?.(this.dependencyModule(dep));
  }

  /** The module a dependency named `dep` (`get_db`, `deps.get_db`) comes from, as imported here; null for this file's own. */
  private dependencyModule(dep: readonly string[]): string | null {
    const target = this.imports.get(dep[0] as string);
    if (target === undefined) return null;
    const full = [target, ...dep.slice(1)];
    return full.join('.').split('.').slice(0, -1).join('.');
  }

  /** Is this annotation (or module-level alias) a session type? */
  typeVerdict(node: SgNode, seen: Set<string>): TypeVerdict {
    if (!this.mayFindSessions) return NO;
    const kind = node.kind();
    if (kind === 'type' || kind === 'parenthesized_expression') {
      const inner = namedChildren(node)[0];
      return inner ? this.typeVerdict(inner, seen) : NO;
    }
    if (kind === 'string') {
      const content = node.children().find((c) => c.kind() === 'string_content')?.text() ?? '';
      return /^[A-Za-z_][\w.]*$/.test(content) ? this.dottedVerdict(content.split('.'), seen) : NO;
    }
    if (kind === 'identifier' || kind === 'attribute') {
      const dotted = dottedName(node);
      return dotted ? this.dottedVerdict(dotted, seen) : NO;
    }
    if (kind === 'binary_operator') {
      const parts = namedChildren(node);
      const verdicts = parts.filter((p) => p.kind() !== 'none').map((p) => this.typeVerdict(p, seen));
      return verdicts.length === 1 ? (verdicts[0] as TypeVerdict) : NO;
    }
    if (kind === 'generic_type' || kind === 'subscript') {
      const parts = namedChildren(node);
      const head = parts[0];
      const typeParameter = parts[1];
      const params = kind === 'generic_type' ? (typeParameter ? namedChildren(typeParameter) : []) : parts.slice(1);
      const headName = head ? dottedName(head) : null;
      const last = headName ? headName[headName.length - 1] : null;
      if (last === 'Optional' && params.length === 1) return this.typeVerdict(params[0] as SgNode, seen);
      if (last === 'Annotated' && params.length >= 1) {
        const base = this.typeVerdict(params[0] as SgNode, seen);
        if (base.session) return base;
        const depends = params.slice(1).some((p) => this.isDependsOnSession(p.kind() === 'type' ? (namedChildren(p)[0] ?? p) : p));
        return depends ? { session: true, sqlmodel: false } : NO;
      }
    }
    return NO;
  }

  private dottedVerdict(dotted: string[], seen: Set<string>): TypeVerdict {
    const head = dotted[0] as string;
    const target = this.imports.get(head);
    if (this.isConfiguredType(dotted, target)) return { session: true, sqlmodel: false };
    if (target) {
      const full = [target, ...dotted.slice(1)].join('.');
      const sqlmodel = SESSION_CLASSES.get(full) ?? this.options.aliases?.[full];
      return sqlmodel === undefined ? NO : { session: true, sqlmodel };
    }
    const relative = dotted.length === 1 ? this.relativeImports.get(head) : undefined;
    if (relative !== undefined) {
      // `from ..api.deps import SessionDep`: the alias of whichever project module ends that way.
      const matches = relativeEntries(this.options.aliases ?? NO_ALIASES, relative);
      const kinds = new Set(matches.map(([, sqlmodel]) => sqlmodel));
      return kinds.size === 1 ? { session: true, sqlmodel: [...kinds][0]! } : NO;
    }
    if (dotted.length === 1 && this.aliases.has(head) && !seen.has(head)) {
      seen.add(head);
      return this.typeVerdict(this.aliases.get(head) as SgNode, seen);
    }
    return NO;
  }

  /** A `session-types` name: `DbSession` matches `DbSession` and `deps.DbSession`; `app.deps.DbSession` also its import. */
  private isConfiguredType(dotted: string[], target: string | undefined): boolean {
    const types = this.options.types;
    if (!types || types.length === 0) return false;
    const written = dotted.join('.');
    const full = target ? [target, ...dotted.slice(1)].join('.') : null;
    const last = dotted[dotted.length - 1] as string;
    return types.some((t) => t === written || t === full || (!t.includes('.') && t === last) || (full === null && t.endsWith(`.${written}`)));
  }

  private isSessionBinding(id: SgNode): boolean {
    const value = bindingValue(id);
    if (!value) return false;
    if (value.kind() !== 'call') return this.withAliasOf(id) !== null;
    if (this.isFactoryCall(value)) return true;
    // `with SessionLocal.begin() as db:` yields a session in a transaction; assigned, `.begin()` is only a context manager.
    return id.parent()?.kind() === 'as_pattern_target' && this.isFactoryBeginCall(value);
  }

  /**
   * `with db as s:` (or `with self.session as s:`): a session's own context manager returns the session itself,
   * so `s` is that session, made where it is made. Null when the name is bound any other way, or the `with`
   * value is not a session. A chain of such names leading back to itself is no session.
   */
  private withAliasOf(id: SgNode): SessionInfo | null {
    const value = id.parent()?.kind() === 'as_pattern_target' ? bindingValue(id) : null;
    if (!value || (value.kind() !== 'identifier' && value.kind() !== 'attribute')) return null;
    const key = `${id.id()}`;
    if (this.aliasesInProgress.has(key)) return null;
    this.aliasesInProgress.add(key);
    try {
      return this.resolve(value);
    } finally {
      this.aliasesInProgress.delete(key);
    }
  }

  /** The factory calls a binding's session comes from: its value, or for a `with` alias, its session's. */
  private bindingOrigins(id: SgNode): SgNode[] {
    const value = bindingValue(id) as SgNode;
    if (value.kind() === 'call') return [value];
    return this.withAliasOf(id)?.origins ?? [];
  }

  /** `SessionLocal.begin()` on a session factory. */
  isFactoryBeginCall(call: SgNode): boolean {
    if (!this.mayFindSessions) return false;
    const fn = call.field('function');
    if (fn?.kind() !== 'attribute' || fn.field('attribute')?.text() !== 'begin') return false;
    const object = fn.field('object');
    if (!object) return false;
    const callee = dottedName(object);
    if (!callee) return false;
    if (callee.length === 1) return this.factories.has(callee[0] as string);
    return callee.length === 2 && this.isModuleFactory(callee);
  }

  private bindingIsSqlModel(id: SgNode): boolean {
    const value = bindingValue(id);
    if (value && value.kind() !== 'call') return this.withAliasOf(id)?.sqlmodel ?? false;
    if (!value) return false;
    const callee = dottedName(value.field('function') as SgNode);
    return !!callee && this.dottedVerdict(callee, new Set()).sqlmodel;
  }

  /** `SessionLocal()`, `AsyncSessionLocal()`, a module's `sessionmaker(...)` result called, `Session(engine)`. */
  isFactoryCall(call: SgNode): boolean {
    if (!this.mayFindSessions) return false;
    const callee = dottedName(call.field('function') as SgNode);
    if (!callee) return false;
    if (callee.length === 1 && this.factories.has(callee[0] as string)) return true;
    if (callee.length === 2 && this.isModuleFactory(callee)) return true;
    return this.dottedVerdict(callee, new Set()).session;
  }

  /**
   * `SessionLocal`, `database.SessionLocal`: a name, not called, that isFactoryCall takes for a sync session factory
   * when it is called. A name saying it is async (`AsyncSessionLocal`, `async_session`) is none.
   */
  isSyncFactoryName(node: SgNode): boolean {
    if (!this.mayFindSessions) return false;
    const dotted = dottedName(node);
    if (!dotted || dotted.some((part) => /async/i.test(part))) return false;
    if (dotted.length === 1) return this.factories.has(dotted[0] as string);
    return dotted.length === 2 && this.isModuleFactory(dotted) && this.projectFactory(dotted) !== 'async';
  }

  /** `database.SessionLocal`, `database.JobSession`: a factory reached through an imported module. */
  private isModuleFactory(callee: readonly string[]): boolean {
    if (!this.imports.has(callee[0] as string) && !this.relativeImports.has(callee[0] as string)) return false;
    return (this.imports.has(callee[0] as string) && (callee[1] as string).includes('SessionLocal')) || this.projectFactory(callee) !== null;
  }
}

/** The value stored by a binding occurrence: `x = <value>` or `with <value> as x`; null for anything else. */
function bindingValue(id: SgNode): SgNode | null {
  const parent = id.parent();
  if (!parent) return null;
  if (parent.kind() === 'assignment' && sameNode(parent.field('left'), id)) {
    const right = parent.field('right');
    return right && right.kind() !== 'assignment' ? right : null;
  }
  if (parent.kind() === 'as_pattern_target') {
    const asPattern = parent.parent();
    if (asPattern?.kind() !== 'as_pattern' || asPattern.parent()?.kind() !== 'with_item') return null;
    return namedChildren(asPattern)[0] ?? null;
  }
  return null;
}

function topLevelAssignment(stmt: SgNode): { name: string; value: SgNode | null } | null {
  if (stmt.kind() === 'type_alias_statement') {
    const left = stmt.field('left');
    const right = stmt.field('right');
    return left ? { name: left.text(), value: right } : null;
  }
  if (stmt.kind() !== 'expression_statement') return null;
  const assignment = namedChildren(stmt)[0];
  if (assignment?.kind() !== 'assignment') return null;
  const left = assignment.field('left');
  if (left?.kind() !== 'identifier') return null;
  const right = assignment.field('right');
  return { name: left.text(), value: right && right.kind() !== 'assignment' ? right : null };
}

/** The class `cls` names as its one base (`Base` of `Base[T]`), or null with none or several (which one's code runs is the MRO's). */
export function singleBase(cls: SgNode): SgNode | null {
  const bases = (cls.field('superclasses')?.children() ?? []).filter((c) => c.isNamed() && c.kind() !== 'keyword_argument' && c.kind() !== 'comment');
  if (bases.length !== 1) return null;
  return bases[0]!.kind() === 'subscript' ? bases[0]!.field('value') : bases[0]!;
}
