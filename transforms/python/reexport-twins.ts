// A module that re-exports a name the run gives an async twin (`from app.db.session import get_db` in
// app/api/deps.py, `from .session import SessionLocal` in app/db/__init__.py) must bind the twin too: the modules
// importing the name through it are switched to `from app.api.deps import get_async_db` / `deps.get_async_db`.
// Whether the twin exists is read from the run's own output: this transform's project pass comes after
// async-engine has written the twins, and summarizes the module-level twin names each file binds then.
import type { SgRoot } from '@ast-grep/napi';
import type { FindingInput, ProjectIndexer, Transform, TransformContext, TransformOptions, TransformResult } from '../../engine/types';
import { namedChildren } from './query/syntax';
import type { EngineOptions, ReexportedTwin, UnfollowedReexport } from './scaffold/engine-index';
import { dunderAllEdits, reexportEdits, reexportWords, unfollowedBindings, type UnfollowedWhy } from './scaffold/reexports';
import { twinName, twinOrigin } from './scaffold/twin-names';
import { collectImports, dunderAllNames } from './support/imports';

interface TwinSummary {
  /** Module-level names of this file that are twins (`get_async_db`, `AsyncSessionLocal`, `async_engine`). */
  binds: string[];
  /** Set only when non-empty: those of them whose name a literal `__all__` lists without them. */
  unlisted?: string[];
}

/** File path → the twins it must import beside the names it re-exports (TransformOptions.reexportedTwins). */
export class ReexportIndex {
  readonly twins: Record<string, ReexportedTwin[]> = {};
  /** File path → the twins its `__all__` must list (TransformOptions.unlistedTwins). */
  readonly unlisted: Record<string, string[]> = {};

  constructor(summaries: ReadonlyMap<string, TwinSummary>, options: TransformOptions) {
    for (const [path, summary] of summaries) if (summary.unlisted) this.unlisted[path] = summary.unlisted;
    const candidates = (options as EngineOptions).reexportCandidates ?? {};
    const binds = new Map<string, Set<string>>([...summaries].map(([path, s]) => [path, new Set(s.binds)]));
    // A re-export of a re-export binds the twin once the first one imports it: settle chains in rounds.
    for (let changed = true; changed; ) {
      changed = false;
      for (const [path, list] of Object.entries(candidates)) {
        for (const c of list) {
          const here = binds.get(path) ?? new Set<string>();
          if (!binds.get(c.target)?.has(c.alias?.sourceTwin ?? c.twin) || here.has(c.twin)) continue;
          here.add(c.twin);
          binds.set(path, here);
          const { target: _, ...twin } = c;
          (this.twins[path] ??= []).push(twin);
          changed = true;
        }
      }
    }
  }
}

const indexer: ProjectIndexer<SgRoot, TwinSummary, ReexportIndex> = {
  id: 'reexport-twins',
  // A file binding a twin names it so (twin-names.ts), `get_async_db` included.
  prefilter: ['async', 'Async', 'ASYNC_'],
  summarize: ({ tree, options }) => {
    const twins = moduleLevelTwins(tree, options);
    const binds = twins.map((t) => t.name);
    const listed = binds.length > 0 ? dunderAllNames(tree) : null;
    // Only session twins: `from httpx import AsyncClient, Client` with `Client` in `__all__` is none of the run's business.
    // (Listed only where a literal `__all__` can take them: dunderAllEdits leaves any other module alone.)
    const unlisted = listed ? twins.filter((t) => t.session && !listed.has(t.name) && listed.has(originOf(t.name, options) ?? '')).map((t) => t.name) : [];
    return unlisted.length > 0 ? { binds, unlisted } : { binds };
  },
  build: (summaries, options) => new ReexportIndex(summaries, options),
  extendOptions: (index, options) => ({
    ...options,
    ...(Object.keys(index.twins).length > 0 ? { reexportedTwins: index.twins } : {}),
    ...(Object.keys(index.unlisted).length > 0 ? { unlistedTwins: index.unlisted } : {}),
  }),
};

export const transform: Transform<SgRoot> = {
  id: 'reexport-twins',
  description: 'Modules re-exporting the session dependency, a factory or an engine re-export its async twin too',
  language: 'python',
  indexer: indexer as Transform<SgRoot>['indexer'],
  prefilter: (options) => reexportWords(options),
  run(ctx: TransformContext<SgRoot>): TransformResult {
    if (ctx.index !== undefined && !(ctx.index instanceof ReexportIndex)) throw new Error('reexport-twins was given an index it did not build');
    const twins = ctx.index?.twins[ctx.path] ?? [];
    const unlisted = ctx.index?.unlisted[ctx.path] ?? [];
    const { edits, added } = twins.length > 0 ? reexportEdits(ctx.tree, ctx.source, twins) : { edits: [], added: 0 };
    // The module's own twins (async-engine wrote them), where its `__all__` lists the names they twin.
    const taken = new Set(edits.map((e) => `${e.start}:${e.text}`));
    const listed = dunderAllEdits(ctx.tree, unlisted.map((twin) => ({ origin: originOf(twin, ctx.options) ?? '', twin }))).filter((e) => !taken.has(`${e.start}:${e.text}`));
    const counts: Record<string, number> = {};
    if (added > 0) counts['twins re-exported'] = added;
    if (listed.length > 0) counts['twins listed in __all__'] = listed.length;
    const unfollowed = (ctx.options as EngineOptions).unfollowedReexports?.[ctx.path] ?? [];
    return { edits: [...edits, ...listed], findings: unfollowed.length > 0 ? unfollowedFindings(ctx, unfollowed) : [], counts };
  },
};

/** The name `twin` is the async twin of (`get_async_db` → `get_db`, `AsyncSessionLocal` → `SessionLocal`), or null. */
function originOf(twin: string, options: TransformOptions): string | null {
  return twin === options.asyncGetDbName ? options.getDbName : twinOrigin(twin);
}

// The calls that make what async-engine writes as a twin: an async engine or an async session factory.
const TWIN_MAKERS = new Set(['create_async_engine', 'async_engine_from_config', 'async_sessionmaker', 'sessionmaker', 'async_scoped_session']);

/**
 * The twin names this file binds at module level (defs, assignments and imports), each with whether it is a session
 * twin: the async dependency, an async engine or session factory made here (or `None`, set later by a function, as
 * async-engine writes the start-up shape), or an import of the dependency or of a project factory's twin.
 */
function moduleLevelTwins(tree: SgRoot, options: TransformOptions): { name: string; session: boolean }[] {
  const isTwin = (name: string): boolean => originOf(name, options) !== null;
  const found = new Map<string, boolean>();
  const note = (name: string, session: boolean): void => {
    found.set(name, (found.get(name) ?? false) || session);
  };
  for (const statement of tree.root().children()) {
    const definition = statement.kind() === 'decorated_definition' ? statement.field('definition') : statement;
    if (definition && (definition.kind() === 'function_definition' || definition.kind() === 'class_definition')) {
      const name = definition.field('name')?.text();
      if (name && isTwin(name)) note(name, name === options.asyncGetDbName || /^get_async_/.test(name));
      continue;
    }
    const assignment = statement.kind() === 'expression_statement' ? namedChildren(statement)[0] : null;
    const left = assignment?.kind() === 'assignment' ? assignment.field('left') : null;
    if (left?.kind() !== 'identifier' || !isTwin(left.text())) continue;
    const right = assignment?.field('right');
    const callee = right?.kind() === 'call' ? right.field('function') : null;
    const made = callee ? (callee.kind() === 'attribute' ? callee.field('attribute')?.text() : callee.text()) : undefined;
    note(left.text(), right?.kind() === 'none' || (made !== undefined && TWIN_MAKERS.has(made)));
  }
  for (const imported of collectImports(tree).from) {
    const bound = imported.alias ?? imported.name;
    if (imported.node.parent()?.kind() !== 'module' || !isTwin(bound)) continue;
    note(bound, bound === options.asyncGetDbName || twinnedFactoryNames(options).has(originOf(imported.name, options) ?? ''));
  }
  return [...found].map(([name, session]) => ({ name, session }));
}

// The factory table is the whole project's (async-engine's index): made into names once per run, not once per file.
const twinnedFactories = new WeakMap<object, Set<string | undefined>>();
const NO_FACTORIES = {};

/** The last segment of every project session factory async-engine gives a twin (`SessionLocal`). */
function twinnedFactoryNames(options: TransformOptions): Set<string | undefined> {
  const factories = options.sessionFactories ?? NO_FACTORIES;
  let names = twinnedFactories.get(factories);
  if (names === undefined) {
    names = new Set(Object.entries(factories).filter(([, kind]) => kind === 'twin').map(([name]) => name.split('.').pop()));
    twinnedFactories.set(factories, names);
  }
  return names;
}

export const RULE_UNFOLLOWED = 'REEXPORT-UNFOLLOWED';

const HOW: Record<UnfollowedWhy, string> = {
  conditional: 'inside a module-level `try`/`if`, where another branch may bind something else or nothing',
  assignment: 'by an assignment inside a module-level `try`/`if`, or bound more than once',
  alias: 'under another name',
};

/**
 * The bindings EngineIndex.unfollowedReexports lists for this file, each reported once where it is bound: its importers
 * keep the sync name, since no twin is written beside it here.
 */
function unfollowedFindings(ctx: TransformContext<SgRoot>, list: readonly UnfollowedReexport[]): FindingInput[] {
  const { getDbName, asyncGetDbName } = ctx.options;
  const bindings = unfollowedBindings(ctx.tree, ctx.source);
  const imports = collectImports(ctx.tree).from.filter((i) => i.node.parent()?.kind() === 'module');
  const findings: FindingInput[] = [];
  for (const u of list) {
    // A renamed dependency is a module-level import or a plain assignment (`get_session = session.get_db`).
    const renamed = (name: string): boolean => (name === getDbName) !== (u.name === getDbName);
    const node =
      u.why === 'alias'
        ? (imports.find((i) => (i.alias ?? i.name) === u.name && renamed(i.name))?.node ?? bindings.find((b) => b.object !== undefined && b.local === u.name && renamed(b.name))?.node)
        : bindings.find((b) => b.local === u.name && b.why === u.why)?.node;
    if (!node) continue;
    const twin = u.what === 'dependency' ? asyncGetDbName : twinName(u.name);
    const how = u.why === 'alias' && u.name === getDbName ? 'by renaming something else to it' : HOW[u.why];
    const message =
      u.what === 'dependency'
        ? `\`${u.name}\` is the session dependency, bound here ${how}: awaitify gives it no async twin in this module, so its importers keep \`${u.name}\` and their sessions stay sync`
        : `\`${u.name}\` is a session factory, bound here ${how}: awaitify gives it no async twin in this module, so the code importing it from here keeps its sync sessions`;
    const hint =
      u.what === 'dependency' && u.name !== getDbName
        ? `Re-export \`${asyncGetDbName}\` from here by hand and use \`Depends(${asyncGetDbName})\` where \`${u.name}\` is used, then run awaitify again.`
        : `Bind \`${twin}\` here the same way \`${u.name}\` is bound (from the module's async twin), then run awaitify again to move its importers to it.`;
    findings.push({ rule: RULE_UNFOLLOWED, offset: node.range().start.index, message, hint });
  }
  return findings;
}
