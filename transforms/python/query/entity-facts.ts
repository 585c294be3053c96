// What one module tells the project index about its classes, for proving `self.<attr>` is a mapped class
// across modules. Plain data only: summaries cross worker threads.
import type { ModelFacts } from './model-facts';
import type { HandoffSummary } from './session-params';

/** A base class as written, resolved as far as the module alone can. */
export type BaseRef =
  /** `object`, `Generic[...]`, `Protocol`, `ABC`: define no attribute a repository could use. */
  | { k: 'neutral' }
  /** A class of this module, bound once at module level. */
  | { k: 'local'; name: string }
  /** `from <module> import <name>` (module as written, leading dots kept) or `import a.b` + `a.b.<name>`. */
  | { k: 'import'; module: string; name: string }
  /**
   * Anything else: a call, an alias, a name bound several times, a nested class's base. `names`: the class
   * names it could plausibly denote (the last name written); null when it is not a name at all.
   */
  | { k: 'unknown'; text: string; names: string[] | null };

export type AttrFact = { proven: true; count: number } | { proven: false; why: string | null };

export interface ClassFacts {
  /** Null when other code cannot name the class reliably (nested, or its name bound more than once). */
  name: string | null;
  /** 1-based line of the `class` statement, for messages. */
  line: number;
  bases: BaseRef[];
  /**
   * Every attribute the class defines (class body bindings, stores through `self`, `setattr(self, "x")`):
   * proven = each definition is provably a mapped class (and this module's callers of an `__init__` storing a
   * parameter pass one); otherwise why not.
   */
  attrs: Map<string, AttrFact>;
}

export interface EntitySummary {
  absPath: string;
  classes: ClassFacts[];
  /** Module-level `from m import n [as local]` with `local` bound once: followed when another module imports `local` from here. */
  reexports: Map<string, { module: string; name: string }>;
  /** Module-level names bound only by `Name = Table(...)` (Core tables, not mapped classes). */
  tables: string[];
  /** Joined-eager relationships and unhashable columns its mapped classes declare (model-facts.ts). */
  models: ModelFacts;
  /** Set only when the file defines functions whose parameters may be sessions or hands sessions on (session-params.ts). */
  handoffs?: HandoffSummary;
}
