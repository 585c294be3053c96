// The whole-project half of the `self.<attr>` proof (entities.ts): each module summarizes its classes
// (entity-facts.ts), and the index joins them into one class graph, so that a repository whose base class
// lives in another module (`class CRUDItem(CRUDBase[Item, ...])` importing `CRUDBase` from `app.crud.base`)
// is proven with the same rule as in one module: every definition of the attribute in the class, in all its
// bases and in all its subclasses, wherever they are, must be provably a mapped class.
//
// Conservative where the graph has holes: a base of the hierarchy that does not resolve to exactly one class
// of the project blocks the proof; so does an unprovable store in a class elsewhere whose base the index
// cannot resolve, when that base is written with the name of a class of the hierarchy (or is not a name at all):
// it may be a subclass reached through an import the index could not follow.
import type { SgRoot } from '@ast-grep/napi';
import type { IndexInput, ProjectIndexer } from '../../../engine/types';
import { isTestPath, ModuleFinder, moduleRefOf } from '../index/modules';
import { inferSessionParams, summarizeHandoffs } from './session-params';
import { SessionResolver, sessionOptionsFrom } from './sessions';
import { staysSyncSession } from './sync-sessions';
import { collectImports } from '../support/imports';
import type { AttrFact, ClassFacts, EntitySummary } from './entity-facts';
import { EntityResolver, type EntityVerdict, type ProjectEntities } from './entities';
import { withCachedTree } from '../support/cached-tree';
import { cached } from '../../../engine/cached';
import { collectModelFacts, ModelFactsView } from './model-facts';
import { inputLineOf } from '../support/input-lines';

type Resolved = { k: 'class'; key: number } | { k: 'neutral' } | { k: 'unresolved'; text: string; names: string[] | null };

interface ClassNode {
  key: number;
  path: string;
  facts: ClassFacts;
  bases: Resolved[];
}

interface Ancestry {
  /** Every class reachable through resolved bases, the class itself excluded. */
  keys: Set<number>;
  /** Bases anywhere up the hierarchy that resolve to no class (or to several). */
  unresolved: Extract<Resolved, { k: 'unresolved' }>[];
}

/** How many `from x import Name` re-exports a base is followed through. */
const MAX_REEXPORTS = 8;

export function summarizeEntities(input: IndexInput<SgRoot>): EntitySummary {
  const imports = collectImports(input.tree);
  const resolver = new EntityResolver(input.tree, imports);
  // Without a class statement the module still matters as a re-exporter.
  const classes = input.source.includes('class') ? resolver.classFacts(inputLineOf(input)) : [];
  const tables = input.source.includes('Table') ? resolver.moduleTables() : [];
  const models = collectModelFacts(input.tree.root(), input.source);
  const summary: EntitySummary = { absPath: input.absPath, classes, reexports: resolver.reexports(), tables, models };
  // A function whose parameter may be a session is called with arguments, and defined with `def`; a class without
  // one may still be the instance's class whose base defines the method called.
  if (input.source.includes('def ') || input.source.includes('class ')) {
    const sessions = new SessionResolver(input.tree, imports, sessionOptionsFrom(input.options, input.path));
    const handoffs = summarizeHandoffs(input.tree, imports, sessions, isTestPath(input.path), (info) => staysSyncSession(info, sessions, input.options, input.absPath));
    if (handoffs) summary.handoffs = handoffs;
  }
  return summary;
}

export class EntityIndex {
  private readonly nodes: ClassNode[] = [];
  private readonly byName = new Map<string, number>();
  private readonly ancestry = new Map<number, Ancestry>();
  /** Direct subclasses by resolved base, and every subclass by class (memo): `attribute` asks per attribute read. */
  private readonly subclasses = new Map<number, number[]>();
  private readonly descendantsOf = new Map<number, ClassNode[]>();
  /** Classes with an unprovable store of an attribute, with that store's fact, by attribute name, in class order. */
  private readonly unprovenStores = new Map<string, { node: ClassNode; fact: Extract<AttrFact, { proven: false }> }[]>();

  private readonly finder: ModuleFinder;
  /** Unannotated parameters the calls hand sessions (TransformOptions.sessionParams; session-params.ts). */
  readonly sessionParams: Record<string, Record<string, Record<string, boolean>>>;

  constructor(private readonly summaries: ReadonlyMap<string, EntitySummary>) {
    this.finder = new ModuleFinder([...summaries].map(([path, s]) => ({ path, absPath: s.absPath })));
    this.sessionParams = inferSessionParams(summaries, (module, importer) => this.moduleOf(module, importer));
    for (const [path, summary] of summaries) {
      for (const facts of summary.classes) {
        const key = this.nodes.length;
        this.nodes.push({ key, path, facts, bases: [] });
        if (facts.name !== null) this.byName.set(`${path}\0${facts.name}`, key);
      }
    }
    for (const node of this.nodes) {
      node.bases = node.facts.bases.map((base): Resolved => {
        if (base.k === 'neutral') return base;
        if (base.k === 'unknown') return { k: 'unresolved', text: base.text, names: base.names };
        const key = base.k === 'local' ? this.byName.get(`${node.path}\0${base.name}`) : this.imported(node.path, base.module, base.name, 0);
        if (key !== undefined && key !== null) return { k: 'class', key };
        return { k: 'unresolved', text: base.k === 'local' ? base.name : `${base.module}.${base.name}`, names: [base.name] };
      });
      for (const base of node.bases) if (base.k === 'class') cached(this.subclasses, base.key, () => []).push(node.key);
      for (const [attr, fact] of node.facts.attrs) if (!fact.proven) cached(this.unprovenStores, attr, () => []).push({ node, fact });
    }
  }

  /** The file a module, as an import in the file at `path` writes it, names; null when it is not one of the run. */
  private moduleOf(module: string, path: string): string | null {
    const importer = this.summaries.get(path);
    const ref = importer ? moduleRefOf(module, importer.absPath) : null;
    return ref && importer ? this.finder.find(ref, importer.absPath) : null;
  }

  /** Whether `name` imported from `module` into the file `path` is a module-level Core table there (through re-exports). */
  private importedTable(path: string, module: string, name: string, depth: number): boolean {
    const target = this.moduleOf(module, path);
    const summary = target ? this.summaries.get(target) : undefined;
    if (!target || !summary) return false;
    if (summary.tables.includes(name)) return true;
    const next = summary.reexports.get(name);
    return !!next && depth < MAX_REEXPORTS && this.importedTable(target, next.module, next.name, depth + 1);
  }

  /** The class `name` imported from `module` into the file `path`, through re-exports; null when not exactly one. */
  private imported(path: string, module: string, name: string, depth: number): number | null {
    const target = this.moduleOf(module, path);
    if (!target) return null;
    const key = this.byName.get(`${target}\0${name}`);
    if (key !== undefined) return key;
    const next = this.summaries.get(target)?.reexports.get(name);
    return next && depth < MAX_REEXPORTS ? this.imported(target, next.module, next.name, depth + 1) : null;
  }

  private ancestors(key: number): Ancestry {
    const cached = this.ancestry.get(key);
    if (cached) return cached;
    const result: Ancestry = { keys: new Set(), unresolved: [] };
    const queue = [key];
    while (queue.length > 0) {
      const k = queue.shift() as number;
      for (const base of (this.nodes[k] as ClassNode).bases) {
        if (base.k === 'unresolved') result.unresolved.push(base);
        else if (base.k === 'class' && base.key !== key && !result.keys.has(base.key)) {
          result.keys.add(base.key);
          queue.push(base.key);
        }
      }
    }
    this.ancestry.set(key, result);
    return result;
  }

  /**
   * The classes with `key` among their ancestors, in class order: those reached from it through subclass
   * links (what filtering every class by its ancestry finds, without a walk over the project per question).
   */
  private descendants(key: number): ClassNode[] {
    return cached(this.descendantsOf, key, () => {
      const reached = new Set<number>();
      const queue = [key];
      for (let next = 0; next < queue.length; next++) {
        for (const sub of this.subclasses.get(queue[next] as number) ?? []) {
          if (reached.has(sub)) continue;
          reached.add(sub);
          queue.push(sub);
        }
      }
      reached.delete(key);
      return [...reached].sort((a, b) => a - b).map((k) => this.nodes[k] as ClassNode);
    });
  }

  /** The project-wide proof for instances of class `className` of file `path` (see entities.ts). */
  attribute(path: string, className: string, attr: string, shown: string): EntityVerdict | null {
    const root = this.byName.get(`${path}\0${className}`);
    if (root === undefined) return null;
    const up = this.ancestors(root);
    const blocked = (base: Extract<Resolved, { k: 'unresolved' }>, of: string): EntityVerdict =>
      no(`${of} has the base class \`${base.text}\`, which the project index cannot resolve to exactly one class of the project; it could also set \`${attr}\``);
    if (up.unresolved.length > 0) return blocked(up.unresolved[0] as Extract<Resolved, { k: 'unresolved' }>, `\`${className}\`'s class hierarchy`);

    const down = this.descendants(root);
    const relevant = new Set<number>([root, ...up.keys]);
    for (const d of down) {
      const theirs = this.ancestors(d.key);
      if (theirs.unresolved.length > 0) return blocked(theirs.unresolved[0] as Extract<Resolved, { k: 'unresolved' }>, `its subclass ${this.describe(d, path)}`);
      relevant.add(d.key);
      for (const k of theirs.keys) relevant.add(k);
    }

    let defined = false;
    for (const k of [...relevant].sort((a, b) => a - b)) {
      const node = this.nodes[k] as ClassNode;
      const fact = node.facts.attrs.get(attr);
      if (!fact) continue;
      if (!fact.proven) return no(this.located(node, path, fact.why ?? `\`${attr}\` is not provably a mapped class`));
      if (fact.count > 0 && (k === root || up.keys.has(k))) defined = true;
    }
    const names = new Set([root, ...down.map((d) => d.key)].map((k) => (this.nodes[k] as ClassNode).facts.name).filter((n): n is string => n !== null));
    const unplaced = this.unplacedStore(attr, relevant, names, path);
    if (unplaced) return unplaced;
    if (!defined) return no(`\`${shown}\` is never assigned in \`${className}\` or its base classes (in any module)`);
    return { proven: true };
  }

  /**
   * An unprovable store of `attr` in a class outside `placed` that may derive from one of the classes `names`
   * through a base the index did not resolve.
   */
  unplacedStore(attr: string, placed: ReadonlySet<number>, names: ReadonlySet<string>, path: string): EntityVerdict | null {
    for (const { node, fact } of this.unprovenStores.get(attr) ?? []) {
      if (placed.has(node.key)) continue;
      const route = this.ancestors(node.key).unresolved.find((u) => u.names === null || u.names.some((n) => names.has(n)));
      if (route) {
        return no(
          `${this.describe(node, path)} may be a subclass (through \`${route.text}\`, which the project index cannot resolve) and ${fact.why ?? `its \`${attr}\` is not provably a mapped class`}`,
        );
      }
    }
    return null;
  }

  private modelView: ModelFactsView | null = null;

  /** Joined over every module of the project, once. */
  private models(): ModelFactsView {
    this.modelView ??= new ModelFactsView([...this.summaries.values()].map((s) => s.models));
    return this.modelView;
  }

  /** The view entities.ts consults while transforming the file `path`. */
  viewFor(path: string): ProjectEntities {
    return {
      models: () => this.models(),
      attribute: (className, attr, shown) => this.attribute(path, className, attr, shown),
      unplacedStores: (className, attr) => this.unplacedStore(attr, new Set(), new Set(className ? [className] : []), path),
      importedClass: (module, name) => this.imported(path, module, name, 0) !== null,
      importedTable: (module, name) => this.importedTable(path, module, name, 0),
    };
  }

  private describe(node: ClassNode, from: string): string {
    const name = `\`${node.facts.name ?? '(unnamed)'}\``;
    return node.path === from ? `class ${name} (line ${node.facts.line})` : `class ${name} in ${node.path}`;
  }

  private located(node: ClassNode, from: string, why: string): string {
    return node.path === from ? why : `in ${node.path}: ${why}`;
  }
}

function no(why: string): EntityVerdict {
  return { proven: false, why };
}

export const entityIndexer: ProjectIndexer<SgRoot, EntitySummary, EntityIndex> = {
  id: 'query-entities',
  summarize: (input) => summarizeEntities(withCachedTree(input)),
  build: (summaries) => new EntityIndex(summaries),
  // Only when some parameter was taken for a session: summaries of later transforms hold the options.
  extendOptions: (index, options) => (Object.keys(index.sessionParams).length > 0 ? { ...options, sessionParams: index.sessionParams } : options),
};

/** The index's view for one file, when the engine built it (never under `processSource`). */
export function projectEntities(index: unknown, path: string): ProjectEntities | undefined {
  return index instanceof EntityIndex ? index.viewFor(path) : undefined;
}
