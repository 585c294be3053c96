// The contract between the language-neutral engine and the transforms that plug into it.
// Nothing here knows about Python: a frontend supplies a `LanguageSupport` and transforms.

/** A replacement of `source.slice(start, end)` by `text`. Offsets are JS string (UTF-16) indices. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /** Why the edit is made, shown per hunk in verbose and JSON output. */
  reason?: string;
}

/** A place a machine must not decide alone, reported by a transform. */
export interface FindingInput {
  rule: string;
  /** UTF-16 offset in the source the transform was given. */
  offset: number;
  message: string;
  /** A short fix hint: what a person should do. */
  hint: string;
}

export interface Finding {
  rule: string;
  /** Path as printed (relative to the working directory, POSIX separators). */
  file: string;
  /** 1-based line and column in the file as it will be after the run (the output text). */
  line: number;
  column: number;
  message: string;
  hint: string;
  transform: string;
}

export interface TransformResult {
  edits: TextEdit[];
  findings: FindingInput[];
  /** Units of work a reviewer wants counted per file, e.g. `{ "queries converted": 3, "queries flagged": 1 }`. */
  counts?: Record<string, number>;
  /**
   * Findings of earlier transforms on this file that this one's edits settle, by rule and offset in the text
   * it was given: a call one transform could not await because its function had to stay sync, which a later
   * one makes async and awaits. They are dropped, so no report describes code that is no longer there.
   */
  resolves?: { rule: string; offset: number }[];
}

/** What replaces a project session factory in async code (TransformOptions.sessionFactories). */
export type SessionFactoryKind = 'async' | 'twin' | 'none';

/** Options shared by every transform; later issues grow it (config files fill it too). */
export interface TransformOptions {
  /** Name of the sync session dependency, `get_db` by default. */
  getDbName: string;
  /** Name of its async twin, `get_async_db` by default. */
  asyncGetDbName: string;
  /** Set by presets that run async-tests after propagate-async: tests are converted, not left to a person. */
  testsConvertedLater?: boolean;
  /** Session objects reached through a facade rather than a parameter, e.g. `db.session` (Flask-SQLAlchemy style). */
  sessionFacades?: string[];
  /**
   * Extra names of session types (`session-types`): aliases such as `DbSession` defined where a file
   * cannot see them, or a project's own Session subclass. A bare name matches the last part of the
   * annotation; a dotted one the annotation as written or as its import resolves it.
   */
  sessionTypes?: string[];
  /**
   * Session type aliases the project defines (`SessionDep = Annotated[Session, Depends(get_db)]` in
   * app/api/deps.py), found by async-engine's project pass, keyed by every dotted name the module may be
   * imported as (`app.api.deps.SessionDep`, `api.deps.SessionDep`, `deps.SessionDep`); the value says
   * whether the session is SQLModel's.
   */
  sessionAliases?: Readonly<Record<string, boolean>>;
  /**
   * Per importing file (its path as in reports), the imported engines it opens sessions on whose module gets an
   * async twin from async-engine (`async_engine` beside `engine`), found by async-engine's project pass: a
   * `Session(engine)` there can then open `AsyncSession(async_engine)`. Read with `importsTwinnedEngine`.
   */
  asyncEngineTwins?: Readonly<Record<string, readonly string[]>>;
  /**
   * Session factories the project defines (`JobSession = sessionmaker(bind=engine)` in database.py), found by
   * async-engine's project pass and keyed like sessionAliases (`app.database.JobSession`, `database.JobSession`):
   * calling one imported elsewhere makes a session whatever its name. The value says what the async code uses
   * instead: `async`, the factory already makes AsyncSessions; `twin`, its module has (or gets from
   * async-engine) the async twin under `twinName(name)`; `none`, no twin is known.
   */
  sessionFactories?: Readonly<Record<string, SessionFactoryKind>>;
  /**
   * Modules defining a session factory (sessionFactories) that name `__all__`, keyed by their dotted names as
   * sessionFactories' modules are, with the names their `__all__` lists as strings: `from <module> import *`
   * binds only those, so a name a star import binds is taken for the module's factory only when listed there
   * (SessionResolver).
   */
  dunderAllModules?: Readonly<Record<string, readonly string[]>>;
  /**
   * Classes storing a session in an attribute of `self` from a parameter or an annotation (`self.db = db`),
   * found by async-engine's project pass, keyed like sessionAliases (`app.repos.Base`): class → attribute →
   * whether the session is SQLModel's. Subclasses elsewhere read `self.db` as that session. Set only when some
   * class has one.
   */
  sessionAttributes?: Readonly<Record<string, Readonly<Record<string, boolean>>>>;
  /**
   * The pytest fixtures test modules and conftests define at module level, found by async-engine's project pass:
   * file path (as in TransformContext.path) → fixture name → whether the session is SQLModel's, for a sync session
   * fixture in a shape async-tests converts; null for any other fixture. A test's or fixture's unannotated
   * parameter requesting a session fixture is that session (SessionOptions.fixtures). Set only when some test file
   * defines a fixture.
   */
  sessionFixtures?: Readonly<Record<string, Readonly<Record<string, boolean | null>>>>;
  /**
   * Unannotated parameters of module-level functions taken for sessions because every call the project pass
   * recorded hands them one (transforms/python/scaffold/session-params.ts): file path → function name → parameter →
   * whether the session is SQLModel's. Set only when there is one.
   */
  sessionParams?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, boolean>>>>>>;
  /**
   * Names of APIRouter/FastAPI objects whose decorators mark route handlers (`router-names`), beyond the
   * ones recognised from their binding or conventional name. Read by the audit's handler recognition.
   */
  routerNames?: string[];
  /**
   * Functions to leave exactly as they are (`exclude-functions`), by module path and qualified name
   * (`app.services.Orders.place`). The language frontend finds them (LanguageSupport.excludedRegions);
   * the engine drops every edit touching their lines, as if each carried `# awaitify: ignore`.
   */
  excludeFunctions?: string[];
  /** query-to-select output: 'select' = sync 2.0 style (stage 1), 'async' (default) = awaited AsyncSession forms. */
  queryStage?: 'select' | 'async';
  /** SQLAlchemy version the async scaffold targets: '2.0' (default) uses async_sessionmaker, '1.4' sessionmaker(class_=AsyncSession). */
  sqlalchemyVersion?: '1.4' | '2.0';
}

export const DEFAULT_TRANSFORM_OPTIONS: TransformOptions = {
  getDbName: 'get_db',
  asyncGetDbName: 'get_async_db',
};

/** Per-file input to a transform. `Tree` is the language's parsed tree (for Python, an ast-grep SgRoot). */
export interface TransformContext<Tree> {
  /** Path relative to the project root, POSIX separators. */
  path: string;
  source: string;
  tree: Tree;
  options: TransformOptions;
  /** True when an edit touching [start, end) would be dropped because of an ignore comment. */
  isIgnored(start: number, end: number): boolean;
  /**
   * The whole-project index built by the transform's `indexer` over every file as the transforms
   * before it left them; undefined for transforms without an indexer.
   */
  index?: unknown;
  /**
   * The 1-based line of the run's input at which the text at `offset` of `source` stands (text an earlier
   * transform wrote: where it was written). For line numbers in messages, which a user looks up in the file
   * they ran awaitify on: `source` may have lines the input has not (an added import). Absent where the engine
   * does not track it: lines of `source` then.
   */
  inputLine?(offset: number): number;
}

/** One file as an indexer sees it: the text the transforms before the indexing point produced. */
export interface IndexInput<Tree> {
  /** Path relative to the working directory, POSIX separators (as in reports). */
  path: string;
  /** Absolute path, for resolving imports between files. */
  absPath: string;
  source: string;
  tree: Tree;
  options: TransformOptions;
  /**
   * Whether [start, end) of `source` is the run's input text, which no earlier transform wrote (only moved).
   * Absent where the engine does not track it: an indexer must then answer as if nothing were known.
   */
  untouched?(start: number, end: number): boolean;
  /** See TransformContext.inputLine. */
  inputLine?(offset: number): number;
}

/**
 * Substrings of which a file must contain at least one for a transform (or indexer) to do anything
 * with it: the engine then skips it, and its parse when nothing else in the segment needs the tree,
 * on files that contain none. Only declare what the code guarantees: on such a file, `run` must
 * return no edits, no findings and no counts, and call `isIgnored` never. A function of the options
 * when the trigger names are configurable (`get_db`).
 */
export type Prefilter = readonly string[] | ((options: TransformOptions) => readonly string[]);

/**
 * A whole-project pass. `summarize` runs per file and returns plain data (no trees, no nodes, no
 * class instances: objects, arrays, Map and Set survive the structured clone that carries summaries
 * between worker threads; methods and prototypes do not), so memory stays bounded. `build` combines
 * all summaries (in the order of the file list) once per thread that runs the transform: the index it
 * returns never crosses threads, so it may hold anything. `build` must be deterministic.
 */
export interface ProjectIndexer<Tree, Summary = unknown, Index = unknown> {
  id: string;
  /** Files without any of these substrings are not summarized and are absent from `build`'s map. */
  prefilter?: Prefilter;
  summarize(input: IndexInput<Tree>): Summary;
  build(summaries: ReadonlyMap<string, Summary>, options: TransformOptions): Index;
  /**
   * What the project pass found that configuration would otherwise have to name (a session type alias
   * defined in one module and imported by others): the options every later transform and summary of the
   * run receives, on every thread. Must be a pure function of the index and the options.
   */
  extendOptions?(index: Index, options: TransformOptions): TransformOptions;
}

export interface Transform<Tree> {
  /** Kebab-case id used on the command line and in reports. */
  id: string;
  /** One line, shown by `awaitify list`. */
  description: string;
  language: string;
  /**
   * Set by transforms that need the whole project: the engine runs every transform before this one
   * on all files, builds this index over their output, and only then runs this transform.
   */
  indexer?: ProjectIndexer<Tree>;
  /** See `Prefilter`; absent = the transform may act on any file. */
  prefilter?: Prefilter;
  /**
   * The id of a transform whose later run completes this one's output (insert-await writes `await` into plain
   * defs; propagate-async makes them async). Only a run that holds it checks that its output compiles
   * (LanguageSupport.outputProblem): run alone, this transform's output is unfinished by design.
   */
  finishedBy?: string;
  run(ctx: TransformContext<Tree>): TransformResult;
}

/**
 * What a worker thread loads to run transforms: the module named by `RunOptions.parallel.plugin`
 * exports it as `plugin`. Transforms are code, so workers pick them from here by id; only options,
 * file lists, summaries and reports cross threads.
 */
export interface EnginePlugin<Tree> {
  language: LanguageSupport<Tree>;
  transforms(): readonly Transform<Tree>[];
}

export interface Preset {
  id: string;
  description: string;
  transforms: string[];
  /** Options the preset fixes for its transforms (a stage's mode, for instance). */
  options?: Partial<TransformOptions>;
  /** Printed on every run of the preset: what its output still lacks. */
  warning?: string;
}

/** What the engine needs from a language frontend. */
export interface LanguageSupport<Tree> {
  id: string;
  /** File extensions handled, without the dot. */
  extensions: string[];
  parse(source: string): Tree;
  /**
   * The tree of `source`, made from `tree`'s text by `edits` (sorted, not overlapping, offsets in the old
   * text): the same tree `parse(source)` gives, perhaps sooner by reusing the old one (an incremental parse).
   * `tree` stays usable; the engine disposes of it after. Without it, the engine calls `parse`.
   */
  reparse?(tree: Tree, source: string, edits: readonly TextEdit[]): Tree;
  /** First syntax problem in the tree (an error node or a missing token), or null when it parses cleanly. */
  firstSyntaxError(tree: Tree, source: string): SyntaxProblem | null;
  /**
   * First problem of a final output that parses but that the language's compiler rejects (Python: `await` or
   * `async with` outside an `async def`). Checked once on the output of all the transforms, not after each:
   * a transform may leave work for the next one (insert-await writes `await` into plain defs that
   * propagate-async makes async).
   */
  outputProblem?(tree: Tree, source: string): SyntaxProblem | null;
  /** Offsets of the ranges of string literals, so comments are never inserted inside one. */
  isInsideString(tree: Tree, offset: number): boolean;
  /** Comment syntax for annotations and ignore markers. */
  lineComment: string;
  /** Files that mark a project's root directory (for runs on part of a project); see engine/project-root.ts. */
  projectMarkers?: readonly string[];
  /**
   * Regions of a file the options exclude from edits (Python: `exclude-functions`), each with the
   * configured name it matched. `tree` parses on demand, so a frontend can rule files out by text first.
   */
  excludedRegions?(source: string, tree: () => Tree, absPath: string, options: TransformOptions): ExcludedRegion[];
  /** Release the tree's native memory as soon as possible, where the binding allows it. */
  dispose?(tree: Tree): void;
  /**
   * Readies a tree to be kept while the file waits for the next segment's index: drops whatever the
   * analyses built on it (memo tables, node objects), so the kept tree answers as a fresh parse of the same
   * text would, and returns the bytes keeping it holds beyond the text (the file holds the text anyway);
   * null when it cannot be kept (the engine then disposes it and parses the text again when the file's turn
   * comes). Without it, trees are never kept. `editsLikely`: a transform of the next segment may act on the
   * file (its prefilter matches), so its tree will likely be parsed again after edits (see `reparse`).
   */
  shelve?(tree: Tree, editsLikely: boolean): number | null;
  /**
   * Loads what `parse` needs that cannot load synchronously (a WebAssembly parser). The engine awaits it
   * before its first parse, in every thread that parses; `parse` must still work before it resolved, perhaps slower.
   */
  ready?(): Promise<void>;
}

export interface ExcludedRegion {
  name: string;
  /** UTF-16 offsets; edits touching any line of [start, end) are dropped. */
  start: number;
  end: number;
}

export interface SyntaxProblem {
  /** 1-based. */
  line: number;
  column: number;
  message: string;
}
