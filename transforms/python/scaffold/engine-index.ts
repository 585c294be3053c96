// The project facts about sessions that one file cannot see: which module-level engines serve ORM sessions
// opened in OTHER modules (and which of them get an async twin), and which session type aliases modules
// define for others to import, and which session factories they define for others to call.
//
// async-engine writes an engine's twin only where the project shows the engine serves ORM sessions. In the
// SQLModel layout (`engine = create_engine(...)` in app/core/db.py, `with Session(engine) as session` in
// app/api/deps.py) that evidence is in another file, so each file's summary records the engines it imports
// and opens sessions on, and the engines it defines that can be twinned; the index joins the two, so the
// engine's module writes `async_engine` and the importing get_db can rely on it being there.
import type { SessionFactoryKind, TransformOptions } from '../../../engine/types';
import { ModuleFinder, moduleRefOf } from '../index/modules';
import { importedProjectFactory } from '../query/sessions';
import type { FixtureEntry } from '../testing/fixtures';
import type { UnfollowedWhy } from './reexports';
import { twinName } from './twin-names';

/** An imported name a file opens ORM sessions on: `from <module> import <name>` then `Session(<name>)`. */
export interface SessionBind {
  /** As written in the import, leading dots of a relative import included. */
  module: string;
  name: string;
}

export interface EngineSummary {
  absPath: string;
  sessionBinds: SessionBind[];
  /** Module-level engines of this file whose async twin (and their session factories' twins) can be written. */
  twinnable: string[];
  /**
   * Set only when non-empty: the twinnable engines this file serves ORM sessions from itself (a sessionmaker bound
   * to it, its get_db's `Session(engine)`), so their twins are written whatever other modules do, and the
   * module-level engines whose twin this file binds already (written by hand or by an earlier run).
   */
  twinnedHere?: string[];
  /**
   * Set only when non-empty: imported names this file will need the async twin of without opening a session on
   * them here: an engine given to `create_all`/`drop_all`, the factory its get_db calls.
   */
  twinRefs?: SessionBind[];
  /** Module-level aliases of the session type defined here (`SessionDep = Annotated[Session, Depends(get_db)]`). */
  sessionAliases: { name: string; sqlmodel: boolean }[];
  /** Module-level session factories defined here (`JobSession = sessionmaker(bind=engine)`), and what async code uses instead. */
  sessionFactories: { name: string; kind: SessionFactoryKind }[];
  /** Set only when this module defines a session factory and names `__all__`: the names it lists (TransformOptions.dunderAllModules). */
  dunderAll?: string[];
  /**
   * Set only when some module-level class here stores a session in `self.<attr>` from a parameter or annotation
   * (for subclasses in other modules): class name → attribute → whether the session is SQLModel's.
   */
  sessionAttributes?: Record<string, Record<string, boolean>>;
  /**
   * Set only when non-empty: module-level classes whose one base is imported (`class ModelRepo(BaseRepo)` with `from
   * app.base import BaseRepo`), reached through the class's chain of one-base classes of this module: class name →
   * that import (module as written). The index hands such a base's session attributes down (sessionAttributes), so a
   * subclass two or more modules away reads `self.session` as the base stores it.
   */
  classBases?: Record<string, SessionBind>;
  /** Set only when this module defines the session dependency (`get_db`) as an `async def` already. */
  asyncDependency?: true;
  /**
   * Set only when this module defines a sync session dependency (`def get_db`) and no `get_async_db` beside it: what
   * its twin needs. `none`: async-engine cannot write the twin here whatever other modules do (get_db in no shape it
   * converts, its engine or factory refused); `engine`/`factory`: get_db opens its session on an engine or factory
   * imported from `ref.module` (as written), so the twin exists when that module writes the engine's or factory's twin;
   * `qualified`: on `<module>.<Factory>` reached through an imported module (`deps.SessionLocal()`);
   * `factory-function`: on `get_session_factory()()` with the factory function imported from `ref.module`, so the twin
   * exists when that module, in the run, twins it (factoryFunctionTwins). Absent when the twin is written here (or
   * exists already).
   */
  getDbTwin?: { kind: 'none' } | { kind: 'not-session' } | { kind: 'engine' | 'factory' | 'factory-function'; ref: SessionBind } | { kind: 'qualified'; name: string };
  /**
   * Set only when non-empty: this module's factory functions (`@lru_cache def get_session_factory(): return
   * sessionmaker(bind=get_engine())`) whose twin it writes in this run or binds already: name → the twin's name.
   */
  factoryFunctionTwins?: Record<string, string>;
  /** The same for this module's engine functions (`@lru_cache def get_engine(): return create_engine(...)`). */
  engineFunctionTwins?: Record<string, string>;
  /** Set only in a test module or conftest defining fixtures at module level (see testing/fixtures.ts moduleFixtures). */
  fixtures?: Record<string, FixtureEntry>;
  /**
   * Set only when non-empty: every `from <module> import <name>` of this file (anywhere in it), so the index can tell
   * a module which of its names others import from it (EngineIndex.importedByOthers).
   */
  fromImports?: (SessionBind & { top?: true; local?: string; assigned?: string; called?: true })[];
  /**
   * Set only when non-empty: the module-level bindings of this file that take a name from another module in a way
   * reexport-twins cannot give a twin beside (scaffold/reexports.ts unfollowedBindings): `local`, the name bound here.
   */
  unfollowed?: (SessionBind & { local: string; why: UnfollowedWhy })[];
}

/** A name importers take from a module through a binding the index does not follow (EngineIndex.unfollowedReexports). */
export interface UnfollowedReexport {
  name: string;
  why: UnfollowedWhy;
  /** What the name is: the session dependency, or a session factory. */
  what: 'dependency' | 'factory';
}

/** A name a module re-exports (`from .session import SessionLocal` in app/db/__init__.py) whose source module writes its twin. */
export interface ReexportedTwin {
  /** The import's module as written in the re-exporting file. */
  module: string;
  /** The name in that module. */
  name: string;
  /** The twin's name here. */
  twin: string;
  /**
   * Set only for an aliased re-export (`from .session import SessionLocal as DBSession`): the alias, the name importers
   * take (`twin` is its twin, `AsyncDBSession`), and the twin's name in the source module (`AsyncSessionLocal`).
   */
  alias?: { local: string; sourceTwin: string };
  /** Set only for a re-export by assignment (`SessionLocal = session.SessionLocal`): the module's expression, `session`. */
  assigned?: string;
}

/** A re-export whose source module may write the name's twin (`target`: that module's path), for reexport-twins to check. */
export interface ReexportCandidate extends ReexportedTwin {
  target: string;
}

/**
 * A module-level binding of `local` in the file at `path` to `name` of the module `target` (`module` as written):
 * a `from` import, or an assignment (`assigned`: the module's expression, `session` in `SessionLocal = session.SessionLocal`).
 */
interface Reexport {
  path: string;
  module: string;
  name: string;
  local: string;
  target: string;
  assigned?: string;
}

const key = (path: string, name: string): string => `${path}\u0000${name}`;

/**
 * The dotted names a file may be imported as: every suffix of its path that is a run of identifiers
 * (`/srv/app/api/deps.py` → `app.api.deps`, `api.deps`, `deps`; a package's `__init__.py` names its directory).
 */
export function moduleNamesOf(absPath: string): string[] {
  const segments = absPath.replace(/\\/g, '/').replace(/\.py$/, '').split('/').filter((s) => s !== '');
  if (segments[segments.length - 1] === '__init__') segments.pop();
  const names: string[] = [];
  for (let i = segments.length - 1; i >= 0; i--) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(segments[i]!)) break;
    names.push(segments.slice(i).join('.'));
  }
  return names;
}

/**
 * Whether the file at `path` imports engine `name` from `module` (as written there) and that module writes the
 * engine's async twin, by a table EngineIndex.importedTwins built (TransformOptions.asyncEngineTwins carries it).
 */
export function importsTwinnedEngine(table: Readonly<Record<string, readonly string[]>> | undefined, path: string, module: string, name: string): boolean {
  return table?.[path]?.includes(key(module, name)) ?? false;
}

/**
 * Whether the file at `path` imports `name` from `module` (as written there) from a module of the run that writes no
 * async twin of it (EngineIndex.untwinnedImports, carried by TransformOptions.untwinnedImports).
 */
export function importsUntwinned(options: TransformOptions, path: string, module: string, name: string): boolean {
  return (options as EngineOptions).untwinnedImports?.[path]?.includes(key(module, name)) ?? false;
}

/** TransformOptions as async-engine's project pass extends them (see EngineIndex.asyncDependencyModules). */
export type EngineOptions = TransformOptions & {
  asyncDependencyModules?: Readonly<Record<string, true>>;
  untwinnedDependencies?: Readonly<Record<string, true>>;
  untwinnedDependencyModules?: Readonly<Record<string, true>>;
  nonSessionDependencyModules?: Readonly<Record<string, true>>;
  nonSessionDependencies?: Readonly<Record<string, true>>;
  untwinnedImports?: Readonly<Record<string, readonly string[]>>;
  importedByOthers?: Readonly<Record<string, readonly string[]>>;
  calledByOthers?: Readonly<Record<string, readonly string[]>>;
  reexportCandidates?: Readonly<Record<string, readonly ReexportCandidate[]>>;
  unfollowedReexports?: Readonly<Record<string, readonly UnfollowedReexport[]>>;
  keptDependencyPaths?: Readonly<Record<string, true>>;
  reexportedTwins?: Readonly<Record<string, readonly ReexportedTwin[]>>;
  /** File path → the twins it binds whose names its literal `__all__` lists without them (reexport-twins). */
  unlistedTwins?: Readonly<Record<string, readonly string[]>>;
};

/**
 * The names other modules of the run import from the file at `path` (`from app.jobs import engine` elsewhere:
 * `engine` for app/jobs.py), by EngineIndex.importedByOthers. Such a name stays bound in the file even where nothing
 * in it uses the name any more: an import a transform frees is not removed then, or the importer fails with
 * ImportError (a module re-exporting the engine it imported, say).
 */
export function importedByOthers(options: TransformOptions, path: string): readonly string[] {
  return (options as EngineOptions).importedByOthers?.[path] ?? [];
}

/** The names other modules of the run import from the file at `path` and call there (EngineIndex.calledByOthers). */
export function calledByOthers(options: TransformOptions, path: string): readonly string[] {
  return (options as EngineOptions).calledByOthers?.[path] ?? [];
}

/**
 * Whether `module`, as an import in the file at `path` writes it (`app.db`, `..db`, `.`), names a module of the
 * project that defines the session dependency as an `async def` already (EngineIndex.asyncDependencyModules): its
 * `Depends(get_db)` already yields an AsyncSession, and no `get_async_db` twin is written beside it. A relative
 * import is resolved against `path` where its directories reach far enough, else matched by its dotted tail.
 */
export function definesAsyncDependency(options: TransformOptions, path: string, module: string): boolean {
  return namesModuleIn((options as EngineOptions).asyncDependencyModules, path, module);
}

/**
 * Whether `module`, as an import in the file at `path` writes it, names a module of the run whose sync session
 * dependency gets no async twin (EngineIndex.untwinnedDependencyModules): its `Depends(get_db)` must stay, since
 * `get_async_db` would not exist there. Resolved as definesAsyncDependency resolves it; a dotted tail shared by
 * several modules counts when any of them has no twin (keeping `get_db` is the safe side).
 */
export function lacksDependencyTwin(options: TransformOptions, path: string, module: string): boolean {
  return namesModuleIn((options as EngineOptions).untwinnedDependencyModules, path, module);
}

/**
 * Whether `module`, as an import in the file at `path` writes it, names a module whose `get_db` yields no SQLAlchemy
 * session (EngineIndex.nonSessionDependencyModules): its uses stay on it with nothing to report.
 */
export function dependencyNotSession(options: TransformOptions, path: string, module: string): boolean {
  return namesModuleIn((options as EngineOptions).nonSessionDependencyModules, path, module);
}

/** Whether the file at `path` defines a `get_db` handing out no SQLAlchemy session (EngineIndex.nonSessionDependencies). */
export function definesNonSessionDependency(options: TransformOptions, path: string): boolean {
  return listsPath((options as EngineOptions).nonSessionDependencies, path);
}

/** Whether the file at `path` defines a sync session dependency that gets no async twin (EngineIndex.untwinnedDependencies). */
export function definesUntwinnedDependency(options: TransformOptions, path: string): boolean {
  return listsPath((options as EngineOptions).untwinnedDependencies, path);
}

/**
 * The files whose sync session dependency gets no async twin (EngineIndex.untwinnedDependencies), or is reached by
 * importers through a re-export the index does not follow (EngineIndex.keptDependencyPaths): a `Depends(get_db)` on
 * it that async-get-db left injects a sync Session. Null when none.
 */
export function untwinnedDependencyPaths(options: TransformOptions): Readonly<Record<string, true>> | null {
  const { untwinnedDependencies, keptDependencyPaths } = options as EngineOptions;
  if (!keptDependencyPaths) return untwinnedDependencies ?? null;
  return { ...untwinnedDependencies, ...keptDependencyPaths };
}

/** Whether a table of file paths (EngineIndex.untwinnedDependencies and the like) has `path`. */
function listsPath(table: Readonly<Record<string, true>> | undefined, path: string): boolean {
  return !!table && Object.prototype.hasOwnProperty.call(table, path);
}

function namesModuleIn(table: Readonly<Record<string, true>> | undefined, path: string, module: string): boolean {
  if (!table) return false;
  const has = (name: string): boolean => Object.prototype.hasOwnProperty.call(table, name);
  const level = /^\.*/.exec(module)![0].length;
  const rest = module.slice(level).split('.').filter((s) => s !== '');
  if (level === 0) return has(rest.join('.'));
  const dirs = path.replace(/\\/g, '/').split('/').slice(0, -1);
  if (dirs.length >= level - 1) {
    const segments = [...dirs.slice(0, dirs.length - (level - 1)), ...rest];
    let first = segments.length;
    while (first > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(segments[first - 1]!)) first--;
    // Every trailing run of identifiers of the file's path is a name the index knows the module by.
    if (first < segments.length) return has(segments.slice(first).join('.'));
  }
  const tail = rest.join('.');
  return tail !== '' && Object.keys(table).some((name) => name === tail || name.endsWith(`.${tail}`));
}

export class EngineIndex {
  /** Qualified alias name → whether the session is SQLModel's (TransformOptions.sessionAliases). */
  readonly sessionAliases: Record<string, boolean> = {};
  /**
   * Qualified factory name → what async code uses instead (TransformOptions.sessionFactories). Two modules
   * importable under the same dotted name that disagree leave `none`: the importer cannot tell which it gets.
   */
  readonly sessionFactories: Record<string, SessionFactoryKind> = {};
  /** Dotted names of the modules defining a factory that name `__all__` → the names it lists (TransformOptions.dunderAllModules). */
  readonly dunderAllModules: Record<string, string[]> = {};
  /**
   * Per importing file: the `module\0name` of each imported engine it opens sessions on whose module writes
   * the twin (TransformOptions.asyncEngineTwins; read with importsTwinnedEngine).
   */
  readonly importedTwins: Record<string, string[]> = {};
  /**
   * Per importing file: the `module\0name` of each twinRef that resolves to a module of this run which writes no
   * twin of it (TransformOptions.untwinnedImports; read with importsUntwinned). A module outside the run is trusted.
   */
  readonly untwinnedImports: Record<string, string[]> = {};
  /**
   * Every dotted name of a module whose session dependency is an `async def` already
   * (TransformOptions.asyncDependencyModules; read with definesAsyncDependency).
   */
  readonly asyncDependencyModules: Record<string, true> = {};
  /**
   * File path → true for a module whose sync session dependency gets no async twin (EngineSummary.getDbTwin judged
   * against the whole run), and every dotted name of those modules (TransformOptions untwinnedDependencies and
   * untwinnedDependencyModules; read with definesUntwinnedDependency and lacksDependencyTwin): their `Depends(get_db)`
   * stays, and the code receiving its session stays sync.
   */
  readonly untwinnedDependencies: Record<string, true> = {};
  readonly untwinnedDependencyModules: Record<string, true> = {};
  /**
   * Of those, the modules (every dotted name) whose `get_db` hands out no SQLAlchemy session at all (a
   * `sqlite3.connect(...)` connection: EngineSummary.getDbTwin `not-session`), for TransformOptions
   * nonSessionDependencyModules (read with dependencyNotSession): its uses stay, and need no finding.
   */
  readonly nonSessionDependencyModules: Record<string, true> = {};
  /** The same by file path (TransformOptions.nonSessionDependencies; read with definesNonSessionDependency). */
  readonly nonSessionDependencies: Record<string, true> = {};
  /**
   * Qualified class name (every dotted name of its module) → the attributes its methods store a session in, from
   * parameters or annotations (TransformOptions.sessionAttributes; SessionOptions.attributes).
   * Two modules importable under one dotted name keep only the attributes they agree on.
   */
  readonly sessionAttributes: Record<string, Record<string, boolean>> = {};
  /** Test file path → the fixtures it defines at module level (TransformOptions.sessionFixtures). */
  readonly sessionFixtures: Record<string, Record<string, boolean | null>> = {};
  /** File path → the names other modules of the run import from it (TransformOptions.importedByOthers; read with importedByOthers). */
  readonly importedByOthers: Record<string, string[]> = {};
  /** File path → the names other modules import from it and call (`next(get_session())`): calledByOthers reads it. */
  readonly calledByOthers: Record<string, string[]> = {};
  /**
   * File path → the names it re-exports at module level that may get an async twin in their module (the session
   * dependency, factories, engines), where importers take them from it (TransformOptions.reexportCandidates): every
   * importer of such a name through this file is switched to the twin, so reexport-twins imports the twin here too
   * once the run shows the module binding it.
   */
  readonly reexportCandidates: Record<string, ReexportCandidate[]> = {};
  /**
   * File path → the session dependency and factories importers take from it through a binding that is no plain
   * module-level import (unfollowedBindings, or an import renaming the dependency): their importers keep the sync
   * name (the module's names join untwinnedDependencyModules; the factory's kind is `none` under them), and
   * reexport-twins reports the binding (TransformOptions.unfollowedReexports).
   */
  readonly unfollowedReexports: Record<string, UnfollowedReexport[]> = {};
  /**
   * The files defining a sync session dependency that a module in unfollowedReexports hands on, and the modules
   * handing on `get_db` so: their importers' `Depends(get_db)` stays, a sync Session (TransformOptions.keptDependencyPaths;
   * read with untwinnedDependencyPaths).
   */
  readonly keptDependencyPaths: Record<string, true> = {};
  private readonly used = new Set<string>();
  /** The twin of factory function `name` of `module` (as the file at `importer` writes it), when that module of the run twins it. */
  private readonly findFunctionTwin: (module: string, name: string, importer: string, what: 'factoryFunctionTwins' | 'engineFunctionTwins') => string | null;
  /** The module-level `from` imports of the run that may re-export a name (followReexports). */
  private reexports: readonly Reexport[] = [];
  /** The modules binding `get_db` so that its importers keep it (unfollowed), not the files defining it. */
  private readonly keptDependencyModules = new Set<string>();
  /** `path\0name` → the kind of the session factory that module defines or re-exports (followReexports). */
  private readonly factoryKinds = new Map<string, SessionFactoryKind>();

  constructor(
    summaries: ReadonlyMap<string, EngineSummary>,
    private readonly dependency: { getDbName: string; asyncGetDbName: string } = { getDbName: 'get_db', asyncGetDbName: 'get_async_db' },
  ) {
    const finder = new ModuleFinder([...summaries].map(([path, s]) => ({ path, absPath: s.absPath })));
    const resolve = (module: string, importerAbs: string): string | null => {
      const ref = moduleRefOf(module, importerAbs);
      return ref === null ? null : finder.find(ref, importerAbs);
    };
    this.findFunctionTwin = (module, name, importer, what) => {
      const importerAbs = summaries.get(importer)?.absPath;
      const target = importerAbs === undefined ? null : resolve(module, importerAbs);
      return target === null ? null : (summaries.get(target)?.[what]?.[name] ?? null);
    };
    const twinnable = new Set<string>();
    const twinnedHere = new Set<string>();
    for (const [path, summary] of summaries) {
      for (const name of summary.twinnedHere ?? []) twinnedHere.add(key(path, name));
      if (summary.asyncDependency) for (const module of moduleNamesOf(summary.absPath)) this.asyncDependencyModules[module] = true;
      for (const [cls, attrs] of Object.entries(summary.sessionAttributes ?? {})) {
        for (const module of moduleNamesOf(summary.absPath)) {
          const name = `${module}.${cls}`;
          const known = this.sessionAttributes[name];
          if (known === undefined) this.sessionAttributes[name] = { ...attrs };
          else for (const attr of Object.keys(known)) if (attrs[attr] !== known[attr]) delete known[attr];
        }
      }
      for (const name of summary.twinnable) twinnable.add(key(path, name));
      for (const alias of summary.sessionAliases) {
        for (const module of moduleNamesOf(summary.absPath)) this.sessionAliases[`${module}.${alias.name}`] = alias.sqlmodel;
      }
      if (summary.dunderAll) {
        // Two files importable under one dotted name: only what both list.
        for (const module of moduleNamesOf(summary.absPath)) {
          const known = this.dunderAllModules[module];
          this.dunderAllModules[module] = known === undefined ? [...summary.dunderAll] : known.filter((name) => summary.dunderAll?.includes(name));
        }
      }
      for (const factory of summary.sessionFactories) {
        for (const module of moduleNamesOf(summary.absPath)) {
          const name = `${module}.${factory.name}`;
          const known = this.sessionFactories[name];
          this.sessionFactories[name] = known === undefined || known === factory.kind ? factory.kind : 'none';
        }
      }
    }
    this.inheritSessionAttributes(summaries, resolve);
    for (const [path, summary] of summaries) {
      for (const imported of summary.fromImports ?? []) {
        const target = resolve(imported.module, summary.absPath);
        if (target === null || target === path) continue;
        const names = (this.importedByOthers[target] ??= []);
        if (!names.includes(imported.name)) names.push(imported.name);
        if (imported.called) {
          const calls = (this.calledByOthers[target] ??= []);
          if (!calls.includes(imported.name)) calls.push(imported.name);
        }
      }
    }
    // Before the fixtures: a factory a fixture imports through a re-export is known then.
    this.followReexports(summaries, resolve, twinnable);
    // After every factory is known: a fixture opening its session with an imported name is a session fixture
    // when that name is a sync factory of the project.
    for (const [path, summary] of summaries) {
      if (!summary.fixtures) continue;
      const table: Record<string, boolean | null> = {};
      for (const [name, entry] of Object.entries(summary.fixtures)) {
        if (entry === null || typeof entry === 'boolean') table[name] = entry;
        else {
          const kind = importedProjectFactory(this.sessionFactories, entry.factory);
          table[name] = kind !== null && kind !== 'async' ? false : null;
        }
      }
      this.sessionFixtures[path] = table;
    }
    for (const [path, summary] of summaries) {
      for (const bind of summary.sessionBinds) {
        const target = resolve(bind.module, summary.absPath);
        if (target === null) continue;
        this.used.add(key(target, bind.name));
        if (!twinnable.has(key(target, bind.name))) continue;
        const twins = (this.importedTwins[path] ??= []);
        if (!twins.includes(key(bind.module, bind.name))) twins.push(key(bind.module, bind.name));
      }
    }
    // After every session bind is counted in `used`: an engine's twin is written when its module or another
    // opens sessions on it; a factory's when its module's summary says so.
    for (const [path, summary] of summaries) {
      for (const ref of summary.twinRefs ?? []) {
        const target = resolve(ref.module, summary.absPath);
        if (target === null) continue;
        const at = key(target, ref.name);
        const engineTwin = twinnedHere.has(at) || (twinnable.has(at) && this.used.has(at));
        const factoryTwin = this.factoryKinds.get(key(target, ref.name)) === 'twin';
        const table = engineTwin || factoryTwin ? (this.importedTwins[path] ??= []) : (this.untwinnedImports[path] ??= []);
        if (!table.includes(key(ref.module, ref.name))) table.push(key(ref.module, ref.name));
      }
    }
    // After the factories and engines are known: whether each sync get_db gets its twin. A module outside the run is
    // trusted to provide the engine's or factory's twin, as get_async_db's import then assumes.
    for (const [path, summary] of summaries) {
      const fact = summary.getDbTwin;
      if (fact === undefined) continue;
      let twinned: boolean;
      if (fact.kind === 'not-session') {
        this.nonSessionDependencies[path] = true;
        for (const module of moduleNamesOf(summary.absPath)) this.nonSessionDependencyModules[module] = true;
      }
      if (fact.kind === 'none' || fact.kind === 'not-session') twinned = false;
      else if (fact.kind === 'qualified') twinned = this.sessionFactories[fact.name] === 'twin';
      else {
        // As async-engine decides it: `Session(engine)` needs the engine's module in the run, writing its twin;
        // a factory imported from a module outside the run is trusted. A factory a package re-exports
        // (`from app.database import SessionLocal`, bound in app/database/session.py) has the kind followReexports
        // gave it there: the package imports the twin too, so get_async_db's import of it resolves.
        const target = resolve(fact.ref.module, summary.absPath);
        const at = target === null ? '' : key(target, fact.ref.name);
        twinned =
          fact.kind === 'engine'
            ? target !== null && (twinnedHere.has(at) || twinnable.has(at))
            : fact.kind === 'factory-function'
              ? target !== null && summaries.get(target)?.factoryFunctionTwins?.[fact.ref.name] !== undefined
              : target === null || this.factoryKinds.get(at) === 'twin';
      }
      if (twinned) continue;
      this.untwinnedDependencies[path] = true;
      for (const module of moduleNamesOf(summary.absPath)) this.untwinnedDependencyModules[module] = true;
    }
    this.dependencyThroughReexports(summaries);
  }

  /**
   * A module re-exporting the session dependency (`from .session import get_db` in app/db/__init__.py, through any
   * number of such files) hands on what its definition is: one that gets no twin, or is an `async def` already, keeps
   * the re-exporting module's importers on `get_db` as it keeps the definition's own (lacksDependencyTwin,
   * definesAsyncDependency). Without that, `from app.db import get_db` became `from app.db import get_async_db`, a name
   * reexport-twins cannot re-export since the source module does not write it: an ImportError at start-up.
   */
  private dependencyThroughReexports(summaries: ReadonlyMap<string, EngineSummary>): void {
    const { getDbName } = this.dependency;
    const asyncHere = (path: string): boolean => summaries.get(path)?.asyncDependency === true;
    for (const r of this.reexports) {
      if (r.name !== getDbName || r.local !== getDbName) continue;
      const definition = this.dependencyDefinition(this.reexports, r.target, getDbName);
      if (definition === null) continue;
      // A module binding it in `try`/`if` is its definition for the modules importing it from there.
      const kept = this.keptDependencyModules.has(definition);
      const table = this.untwinnedDependencies[definition] || kept ? this.untwinnedDependencyModules : asyncHere(definition) ? this.asyncDependencyModules : null;
      if (table === null) continue;
      for (const module of moduleNamesOf(summaries.get(r.path)?.absPath ?? r.path)) table[module] = true;
      if (kept) this.keptDependencyPaths[r.path] = true;
    }
  }

  /**
   * Hands each class's session attributes down to its subclasses in other modules (EngineSummary.classBases), at any
   * depth: `BaseRepo` (app/base.py) storing `self.session`, `ModelRepo(BaseRepo)` (app/model_repo.py) storing nothing,
   * `UserRepo(ModelRepo)` (app/users.py) calling `self.session.execute(...)`. An attribute the subclass stores itself
   * keeps its own verdict. Repeated until nothing is added, which also ends on a cycle of imports (`A(B)`, `B(A)`):
   * attributes are only ever added, and there are finitely many.
   */
  private inheritSessionAttributes(summaries: ReadonlyMap<string, EngineSummary>, resolve: (module: string, importerAbs: string) => string | null): void {
    const links: { child: string[]; base: string[] }[] = [];
    for (const [path, summary] of summaries) {
      for (const [cls, base] of Object.entries(summary.classBases ?? {})) {
        const target = resolve(base.module, summary.absPath);
        const defining = target === null || target === path ? undefined : summaries.get(target);
        if (!defining) continue;
        links.push({ child: moduleNamesOf(summary.absPath).map((m) => `${m}.${cls}`), base: moduleNamesOf(defining.absPath).map((m) => `${m}.${base.name}`) });
      }
    }
    for (let changed = links.length > 0, rounds = 0; changed && rounds <= links.length; rounds++) {
      changed = false;
      for (const { child, base } of links) {
        const inherited = base.map((name) => this.sessionAttributes[name]).find((attrs) => attrs !== undefined);
        if (!inherited) continue;
        for (const name of child) {
          const own = (this.sessionAttributes[name] ??= {});
          for (const [attr, sqlmodel] of Object.entries(inherited)) {
            if (Object.prototype.hasOwnProperty.call(own, attr)) continue;
            own[attr] = sqlmodel;
            changed = true;
          }
        }
      }
    }
  }

  /**
   * A factory re-exported at module level (`from .session import SessionLocal` in app/db/__init__.py, through any
   * number of such files) is the factory of its own module for importers of the re-exporting one: they get its kind
   * in sessionFactories under the re-exporting module's names, and when it has a twin, the re-exporting module
   * imports the twin too. Without that, `from app.db import SessionLocal` became `from app.db import AsyncSessionLocal`
   * by the conventional name alone, an ImportError at start-up.
   */
  private followReexports(summaries: ReadonlyMap<string, EngineSummary>, resolve: (module: string, importerAbs: string) => string | null, twinnable: ReadonlySet<string>): void {
    const kinds = this.factoryKinds;
    for (const [path, summary] of summaries) for (const factory of summary.sessionFactories) kinds.set(key(path, factory.name), factory.kind);
    // `local`: the name the re-exporting module binds, its alias of `name` (`from .session import SessionLocal as DBSession`).
    const reexports: Reexport[] = [];
    for (const [path, summary] of summaries) {
      for (const imported of summary.fromImports ?? []) {
        const local = imported.local ?? imported.name;
        if (!imported.top || kinds.has(key(path, local))) continue;
        const target = resolve(imported.module, summary.absPath);
        if (target === null || target === path) continue;
        reexports.push({ path, module: imported.module, name: imported.name, local, target, ...(imported.assigned !== undefined ? { assigned: imported.assigned } : {}) });
      }
    }
    // Chains of re-exports settle in as many rounds as they are long.
    const settle = (): void => {
      for (let changed = true; changed; ) {
        changed = false;
        for (const r of reexports) {
          const kind = kinds.get(key(r.target, r.name));
          const known = kinds.get(key(r.path, r.local));
          if (kind === undefined || known === kind || known === 'none') continue;
          // Two re-exports of one name that disagree: the importer cannot tell which it gets.
          kinds.set(key(r.path, r.local), known === undefined ? kind : 'none');
          changed = true;
        }
      }
    };
    settle();
    // Once the factories are known: the bindings not followed make a factory `none`, which the re-exports of the
    // module hand on in turn (`from app.db import SessionLocal` in app/core.py, app/db/__init__.py importing it in `try`).
    this.markUnfollowed(summaries, resolve, reexports);
    settle();
    const engineNames = new Set([...twinnable].map((k) => k.slice(k.indexOf('\u0000') + 1)));
    const { getDbName, asyncGetDbName } = this.dependency;
    for (const r of reexports) {
      const kind = kinds.get(key(r.path, r.local));
      const absPath = summaries.get(r.path)?.absPath ?? r.path;
      if (kind !== undefined) {
        for (const module of moduleNamesOf(absPath)) {
          const name = `${module}.${r.local}`;
          const known = this.sessionFactories[name];
          this.sessionFactories[name] = known === undefined || known === kind ? kind : 'none';
        }
      }
      // Where importers take the name from (a package's `__init__.py` is also reached as `import app.db as db`).
      if (!this.takenFrom(r.path, absPath, r.local)) continue;
      // The dependency under another name: async-get-db moves `Depends(get_db)` by the name alone, so importers of
      // `get_session` keep it, and those of a `get_db` that is something else renamed would be moved to nothing.
      if ((r.name === getDbName) !== (r.local === getDbName)) {
        this.unfollowed(r.path, { name: r.local, why: 'alias', what: 'dependency' }, absPath, r.name === getDbName ? this.dependencyDefinition(reexports, r.target, r.name) : null);
        continue;
      }
      const dependency = r.name === getDbName;
      if (!dependency && kind !== 'twin' && !engineNames.has(r.name)) continue;
      // An alias's twin is named after the alias, the name importers take (they switch to `twinName` of what they
      // import, as from any module), and imported as the alias of the source's twin.
      const twin = dependency ? asyncGetDbName : twinName(r.local);
      const alias = r.local !== r.name ? { local: r.local, sourceTwin: twinName(r.name) } : null;
      const candidates = (this.reexportCandidates[r.path] ??= []);
      if (!candidates.some((c) => c.module === r.module && c.name === r.name && (c.alias?.local ?? c.name) === r.local)) {
        candidates.push({ module: r.module, name: r.name, twin, target: r.target, ...(alias ? { alias } : {}), ...(r.assigned !== undefined ? { assigned: r.assigned } : {}) });
      }
    }
    this.reexports = reexports;
  }

  /** Whether importers take `name` from the file: a package's `__init__.py` (also reached as `import app.db as db`), or another module imports it. */
  private takenFrom(path: string, absPath: string, name: string): boolean {
    return absPath.endsWith('__init__.py') || (this.importedByOthers[path]?.includes(name) ?? false);
  }

  /** The file defining the dependency `name` of `path`, through the plain re-exports (null when it is no file of the run). */
  private dependencyDefinition(reexports: readonly Reexport[], path: string | null, name: string): string | null {
    const seen = new Set<string>();
    for (let at = path; at !== null && !seen.has(at); ) {
      seen.add(at);
      const next = reexports.find((r) => r.path === at && r.local === name && r.name === name);
      if (!next) return at;
      at = next.target;
    }
    return null;
  }

  private unfollowed(path: string, entry: UnfollowedReexport, absPath: string, dependencyAt: string | null): void {
    const list = (this.unfollowedReexports[path] ??= []);
    if (!list.some((u) => u.name === entry.name)) list.push(entry);
    if (entry.what === 'dependency') {
      // Importers of `get_db` from this module keep it (async-get-db, async-tests), and its sync Session (propagate-async).
      if (entry.name === this.dependency.getDbName) {
        for (const module of moduleNamesOf(absPath)) this.untwinnedDependencyModules[module] = true;
        // The module itself too: its importers' `Depends(get_db)` may resolve to no function (propagate-async's keptThroughReexport).
        this.keptDependencyPaths[path] = true;
        this.keptDependencyModules.add(path);
      }
      if (dependencyAt !== null) this.keptDependencyPaths[dependencyAt] = true;
    } else {
      for (const module of moduleNamesOf(absPath)) this.sessionFactories[`${module}.${entry.name}`] = 'none';
    }
  }

  /**
   * The session dependency and the session factories a module binds by a conditional import or an assignment
   * (unfollowedBindings), where importers take them from it: reexport-twins would have no import to put the twin
   * beside, so importers keep the sync name, and the binding is reported. A factory counts when its source module
   * makes or re-exports one, or under the conventional `SessionLocal` (insert-await switches that one by its name).
   */
  private markUnfollowed(summaries: ReadonlyMap<string, EngineSummary>, resolve: (module: string, importerAbs: string) => string | null, reexports: readonly Reexport[]): void {
    const { getDbName, asyncGetDbName } = this.dependency;
    for (const [path, summary] of summaries) {
      if (!summary.unfollowed) continue;
      // A module binding the twin the same way already (by hand, after the finding) hands it on as it does the name.
      const bound = new Set([...summary.unfollowed.map((u) => u.local), ...(summary.fromImports ?? []).filter((i) => i.top).map((i) => i.local ?? i.name)]);
      for (const u of summary.unfollowed) {
        if (!this.takenFrom(path, summary.absPath, u.local) || bound.has(u.local === getDbName ? asyncGetDbName : twinName(u.local))) continue;
        const target = resolve(u.module, summary.absPath);
        if (u.local === getDbName || u.name === getDbName) {
          this.unfollowed(path, { name: u.local, why: u.why, what: 'dependency' }, summary.absPath, u.name === getDbName ? this.dependencyDefinition(reexports, target, u.name) : null);
          continue;
        }
        // An async factory (a twin bound by hand beside the name) needs no twin.
        const kind = target === null ? undefined : this.factoryKinds.get(key(target, u.name));
        if (kind !== 'async' && (kind !== undefined || u.local === 'SessionLocal')) {
          this.unfollowed(path, { name: u.local, why: u.why, what: 'factory' }, summary.absPath, null);
          this.factoryKinds.set(key(path, u.local), 'none');
        }
      }
    }
  }

  /** Some other module opens ORM sessions on this module's engine `name`. */
  usedElsewhere(path: string, name: string): boolean {
    return this.used.has(key(path, name));
  }

  /** The twin's name of the factory function `name` the file at `path` imports from `module` (as written), when that module of the run twins it; else null. */
  factoryFunctionTwin(path: string, module: string, name: string): string | null {
    return this.findFunctionTwin(module, name, path, 'factoryFunctionTwins');
  }

  /** The same for an engine function (EngineSummary.engineFunctionTwins). */
  engineFunctionTwin(path: string, module: string, name: string): string | null {
    return this.findFunctionTwin(module, name, path, 'engineFunctionTwins');
  }

  /** The file at `path` imports engine `name` from `module` (as written), and that module writes its twin. */
  twinWritten(path: string, module: string, name: string): boolean {
    return importsTwinnedEngine(this.importedTwins, path, module, name);
  }
}

