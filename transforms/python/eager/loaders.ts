// Loader options already on a statement (`.options(selectinload(User.items).joinedload(Item.tags))`), read as
// chains of (strategy, relationship name) so a needed path can be checked against them, and the text of the
// `selectinload(...)` chain that loads a path.
import type { SgNode } from '@ast-grep/napi';
import { literalListElements } from '../query/option-lists';
import { callArgs, dottedName, namedChildren } from '../query/syntax';
import { stringValue } from './summary';

/** Strategies that load the relationship with the parent objects. */
export const EAGER_STRATEGIES = new Set(['selectinload', 'joinedload', 'subqueryload', 'contains_eager', 'immediateload']);
/** Lazy strategies (`relationship(lazy=...)`) that load with the parent, or never load on access: a read needs nothing added. */
export const NO_LOAD_NEEDED = new Set(['selectin', 'joined', 'subquery', 'immediate', 'raise', 'raise_on_sql', 'noload', 'write_only']);
/** Strategies that say explicitly how a relationship is (not) loaded: the author chose, we do not override. */
const EXPLICIT_STRATEGIES = new Set(['lazyload', 'noload', 'raiseload']);
/** Strategies of a chain step that set nothing for the relationship itself. */
const NEUTRAL_STRATEGIES = new Set(['defaultload']);

export interface LoaderStep {
  strategy: string;
  /** Relationship names the step applies to; '*' for a wildcard. */
  names: string[];
}

export type LoaderChain = LoaderStep[];

/** Loader chains of the arguments of one `.options(...)` call, or null when one of them cannot be read. */
/** Local name → absolute dotted target of the module's imports: `sl` → `sqlalchemy.orm.selectinload`. */
export type ImportTargets = ReadonlyMap<string, string>;

export function parseOptionsCall(call: SgNode, imports: ImportTargets): LoaderChain[] | null {
  const args = callArgs(call);
  if (args.generator || args.keywords.size > 0) return null;
  if (!args.splat) return parseLoaderList(args.positional, imports);
  // `.options(*LOADERS)`: readable when the list is provably a literal nothing else changes (query-to-select's rule).
  const items: SgNode[] = [];
  for (const arg of namedChildren(call.field('arguments') as SgNode)) {
    if (arg.kind() === 'comment') continue;
    if (arg.kind() !== 'list_splat') {
      items.push(arg);
      continue;
    }
    const inner = namedChildren(arg).find((c) => c.kind() !== 'comment');
    const elements = inner ? literalListElements(inner) : null;
    if (!elements) return null;
    items.push(...elements);
  }
  return parseLoaderList(items, imports);
}

export function parseLoaderList(nodes: SgNode[], imports: ImportTargets): LoaderChain[] | null {
  const chains: LoaderChain[] = [];
  for (const node of nodes) {
    const chain = parseLoader(node, imports);
    if (!chain) return null;
    chains.push(chain);
  }
  return chains;
}

function parseLoader(node: SgNode, imports: ImportTargets): LoaderChain | null {
  if (node.kind() !== 'call') return null;
  const fn = node.field('function');
  if (!fn) return null;
  const args = callArgs(node);
  if (args.splat || args.generator) return null;
  const names: string[] = [];
  for (const arg of args.positional) {
    const name = attributeName(arg);
    if (name === null) return null;
    names.push(name);
  }
  if (fn.kind() === 'attribute' && fn.field('object')?.kind() === 'call') {
    const inner = parseLoader(fn.field('object') as SgNode, imports);
    if (!inner) return null;
    return [...inner, { strategy: fn.field('attribute')?.text() ?? '', names }];
  }
  const callee = dottedName(fn);
  if (!callee) return null;
  // `from sqlalchemy.orm import selectinload as sl`: the strategy is the imported name, not the alias.
  const target = callee.length === 1 ? imports.get(callee[0] as string) : undefined;
  const strategy = target?.startsWith('sqlalchemy.') ? (target.split('.').pop() as string) : (callee[callee.length - 1] as string);
  // Legacy `joinedload(User.items, Item.tags)`: a path of steps with one strategy.
  if (names.length > 1) return names.map((name) => ({ strategy, names: [name] }));
  return [{ strategy, names }];
}

/** `User.items`, `"items"`, `User.items.of_type(X)`, `User.items.and_(...)` → `items`. */
function attributeName(node: SgNode): string | null {
  const literal = stringValue(node);
  if (literal !== null) return literal;
  if (node.kind() === 'call') {
    const fn = node.field('function');
    if (fn?.kind() === 'attribute' && ['of_type', 'and_'].includes(fn.field('attribute')?.text() ?? '')) return attributeName(fn.field('object') as SgNode);
    return null;
  }
  const dotted = dottedName(node);
  return dotted && dotted.length >= 2 ? (dotted[dotted.length - 1] as string) : null;
}

export type Coverage =
  /** Every step of the path is loaded eagerly already. */
  | { k: 'covered' }
  /** Nothing loads any step of the path eagerly, or only by selectinload: a selectinload chain can be added. */
  | { k: 'addable' }
  /** An explicit or different strategy is set on a step: adding a loader would override or contradict it. */
  | { k: 'conflict'; why: string };

/** How the path of relationship names stands against the loaders already on the statement. */
export function coverage(path: string[], chains: LoaderChain[]): Coverage {
  let covered = 0;
  for (let depth = 1; depth <= path.length; depth++) {
    const name = path[depth - 1] as string;
    const steps = chains.filter((c) => prefixMatches(c, path, depth - 1) && c.length >= depth).map((c) => c[depth - 1] as LoaderStep);
    const exact = steps.filter((s) => s.names.includes(name));
    const explicit = exact.find((s) => EXPLICIT_STRATEGIES.has(s.strategy));
    if (explicit) return { k: 'conflict', why: `the statement sets \`${explicit.strategy}\` for \`${name}\`` };
    const eager = exact.find((s) => EAGER_STRATEGIES.has(s.strategy)) ?? steps.find((s) => s.names.includes('*') && EAGER_STRATEGIES.has(s.strategy));
    if (!eager) break;
    if (depth < path.length && eager.strategy !== 'selectinload') {
      // Extending the path means a selectinload step for `name` next to the author's other strategy.
      const rest = path.slice(depth);
      if (!coveredBelow(chains, path, depth, rest)) return { k: 'conflict', why: `\`${name}\` is loaded by \`${eager.strategy}\` and the loader chain would need extending by hand` };
    }
    covered = depth;
  }
  if (covered === path.length) return { k: 'covered' };
  return { k: 'addable' };
}

function coveredBelow(chains: LoaderChain[], path: string[], depth: number, rest: string[]): boolean {
  return rest.every((name, i) =>
    chains.some((c) => prefixMatches(c, path, depth + i) && c.length > depth + i && (c[depth + i] as LoaderStep).names.includes(name) && EAGER_STRATEGIES.has((c[depth + i] as LoaderStep).strategy)),
  );
}

/** The chain's first `n` steps name the path's first `n` relationships (neutral or eager strategies). */
function prefixMatches(chain: LoaderChain, path: string[], n: number): boolean {
  if (chain.length < n) return false;
  for (let i = 0; i < n; i++) {
    const step = chain[i] as LoaderStep;
    if (!step.names.includes(path[i] as string)) return false;
    if (!EAGER_STRATEGIES.has(step.strategy) && !NEUTRAL_STRATEGIES.has(step.strategy)) return false;
  }
  return true;
}

/** Some loader set on some code paths only names a step of the path. */
export function hasConditional(names: string[], conditional: LoaderChain[]): boolean {
  return conditional.some((c) => c.some((step, i) => step.names.includes(names[i] ?? '\u0000')));
}
