// What a query selects: one ORM entity (results are scalars), or rows (columns, several entities).
// Decided from the syntax, plus what the module proves about names and `self.<attr>` holding mapped
// classes (entities.ts) and about column expressions held in locals (columns.ts); anything not clearly an
// entity or a column makes the query manual.
import type { SgNode } from '@ast-grep/napi';
import { isColumnExpression, localColumnDoubt, localColumnValue, type ColumnEnv } from './columns';
import type { EntityVerdict } from './entities';
import { chainRoot, dottedName, looksLikeClassName, sameNode } from './syntax';

export interface Selection {
  /** Exactly one ORM entity: `.scalars()` forms. */
  single: boolean;
  /** At least one ORM entity among the results: legacy Query de-duplicated such results. */
  mapper: boolean;
  /** Source text of each selected entity (`User`, `models.User`, an `aliased()` name). */
  entities: string[];
  /** Source text of each selected column expression, whitespace removed. */
  columns: string[];
  /** A selected entity's class loads a relationship by joined eager loading by default: results need `.unique()`. */
  eagerJoined: boolean;
  /** The first selected column not known to hold hashable values (`Result.unique()` raises on JSON, ARRAY...), or null. */
  unhashable: string | null;
}

export interface SelectionEnv {
  /** True when `name` is bound by an import from SQLAlchemy (`func`, `literal`, `sa`...). */
  isSqlAlchemyName(name: string): boolean;
  /** True when `name` is bound to module imported by this file (`models` in `models.User`). */
  isModuleName(name: string): boolean;
  /** True when `name`, at `at`, is only ever bound to `aliased(...)`. */
  isAliasedEntity(name: string, at: SgNode): boolean;
  /**
   * What the scope `name` resolves to at `at` binds it to, when that is not a class statement or an import:
   * 'table' when every binding assigns a `Table(...)` call, 'other' for any other binding (an assignment, a
   * parameter, a loop target...); null when only class statements and imports bind it (or nothing here does).
   */
  nonClassBinding(name: string, at: SgNode): 'table' | 'other' | null;
  /** Whether `Name` / `mod.Name` is imported from a project module that binds it to `Table(...)` (needs the project index). */
  importedTable(node: SgNode): boolean;
  /** Whether a name or `self.<attr>` is provably bound to a mapped class (`Type[X]` parameters and attributes). */
  mappedClass(node: SgNode): EntityVerdict;
  /** See `ColumnEnv.sqlAlchemyTarget`. */
  sqlAlchemyTarget(name: string, at: SgNode): string | null;
  /** A name read in `node` whose value is built from a legacy Query that is not run (`sq = db.query(...).subquery()`), or null. */
  legacyQueryName(node: SgNode): string | null;
  /**
   * Whether a query of the class named `name` may load a collection by joined eager loading by default
   * (`relationship(..., lazy="joined")`); null for an entity named through a variable (`self.model`, an alias).
   */
  joinedEagerClass(name: string | null): boolean;
  /** Whether some mapped class of the project has a column named `attr` of an unhashable type (JSON, ARRAY...). */
  unhashableAttribute(attr: string): boolean;
}

/** `rule` is set when the selection is understood but cannot be converted for another reason. */
export type SelectionResult = { ok: true; selection: Selection } | { ok: false; node: SgNode; message: string; rule?: string };

export function classifySelection(args: SgNode[], env: SelectionEnv): SelectionResult {
  const entities: string[] = [];
  const columns: string[] = [];
  let eagerJoined = false;
  let unhashable: string | null = null;
  if (args.length === 0) return { ok: false, node: args[0] as SgNode, message: 'a query selecting nothing' };
  for (const arg of args) {
    // `select(Product, units.c.total)` with `units` still a legacy Query's subquery would mix the two APIs.
    const legacy = env.legacyQueryName(arg);
    if (legacy) {
      return {
        ok: false,
        node: arg,
        rule: 'QUERY-SUBQUERY',
        message: `\`${arg.text()}\` is computed from \`${legacy}\`, which holds a legacy Query (or a subquery of one); convert that query first`,
      };
    }
    const kind = classifyExpression(arg, env);
    if (kind === 'entity') {
      entities.push(arg.text());
      eagerJoined ||= env.joinedEagerClass(entityClassName(arg));
    } else if (kind === 'column') {
      columns.push(compact(arg.text()));
      if (unhashable === null && !hashableColumn(arg, env)) unhashable = arg.text();
    } else {
      const doubt = entityDoubt(arg, env) ?? localColumnDoubt(arg, columnEnv(env));
      return { ok: false, node: arg, message: `cannot tell whether \`${arg.text()}\` is an entity or a column${doubt ? ` (${doubt})` : ''}` };
    }
  }
  return {
    ok: true,
    selection: { single: entities.length === 1 && columns.length === 0, mapper: entities.length > 0, entities, columns, eagerJoined, unhashable },
  };
}

/** `User`, `models.User` → `User`; null when a variable names the class (`self.model`, `cls`, an alias). */
function entityClassName(node: SgNode): string | null {
  const dotted = dottedName(node);
  const last = dotted ? (dotted[dotted.length - 1] as string) : null;
  return last && looksLikeClassName(last) ? last : null;
}

/** SQL functions returning a number, a string or a date: values `Result.unique()` can hash. */
const HASHABLE_FUNCTIONS = new Set(['count', 'sum', 'avg', 'min', 'max', 'coalesce', 'lower', 'upper', 'length', 'char_length', 'round', 'abs', 'now', 'date', 'date_trunc', 'extract', 'strftime', 'concat']);
/** Column methods that keep the values' type. */
const SAME_VALUES = new Set(['label', 'distinct']);

/**
 * Known to hold hashable values: an entity's attribute not named like a JSON/ARRAY column of the project, or one
 * of the functions above (through `.label()`). Anything else (a `case()`, `cast()`, `User.prefs["k"]`, an untyped
 * `func.json_agg()`) is not known: legacy Query hashed such values by id(), `Result.unique()` may raise.
 */
function hashableColumn(node: SgNode, env: SelectionEnv, depth = 0): boolean {
  // `n = func.count(Address.id)` then `db.query(User, n)`: the value the local holds.
  const held = node.kind() === 'identifier' && depth < 8 ? localColumnValue(node, columnEnv(env)) : null;
  if (held) return hashableColumn(held, env, depth + 1);
  let expr = node;
  for (;;) {
    const fn = expr.kind() === 'call' ? expr.field('function') : null;
    if (fn?.kind() !== 'attribute' || !SAME_VALUES.has(fn.field('attribute')?.text() ?? '')) break;
    expr = fn.field('object') as SgNode;
  }
  if (expr.kind() === 'call') {
    const callee = dottedName(expr.field('function') as SgNode);
    if (!callee || callee.length < 2 || callee[callee.length - 2] !== 'func' || !env.isSqlAlchemyName(callee[0] as string)) return false;
    return HASHABLE_FUNCTIONS.has((callee[callee.length - 1] as string).toLowerCase());
  }
  const dotted = dottedName(expr);
  return !!dotted && dotted.length >= 2 && !env.unhashableAttribute(dotted[dotted.length - 1] as string);
}

export function classifyExpression(node: SgNode, env: SelectionEnv): 'entity' | 'column' | 'unknown' {
  const kind = classifyShape(node, env);
  if (kind !== 'unknown') return kind;
  return isColumnExpression(node, columnEnv(env)) ? 'column' : 'unknown';
}

/** What the expression's own shape says, without following names assigned from column expressions. */
function classifyShape(node: SgNode, env: SelectionEnv): 'entity' | 'column' | 'unknown' {
  const dotted = dottedName(node);
  if (dotted) {
    const last = dotted[dotted.length - 1] as string;
    const head = dotted[0] as string;
    if (dotted.length === 1) {
      // The naming convention (`User`) holds only for names no assignment binds: `UserTags = Table(...)` selects
      // the table's columns (rows, as legacy Query returned them), anything else assigned is not known.
      const bound = looksLikeClassName(head) ? env.nonClassBinding(head, node) : null;
      if (bound === 'table') return 'column';
      if (looksLikeClassName(head) && bound === null) return env.importedTable(node) ? 'column' : 'entity';
      if (env.isAliasedEntity(head, node)) return 'entity';
      if (env.mappedClass(node).proven) return 'entity';
      return 'unknown';
    }
    if (looksLikeClassName(last) && env.isModuleName(head) && dotted.slice(0, -1).every((p) => !looksLikeClassName(p))) return env.importedTable(node) ? 'column' : 'entity';
    // `User.id`, `models.User.id`, `alias.email`
    if (dotted.slice(0, -1).some((p) => looksLikeClassName(p))) return 'column';
    if (env.isAliasedEntity(head, node) && dotted.length === 2) return 'column';
    if (env.isSqlAlchemyName(head)) return 'column';
    // `self.model` (an entity), `self.model.id` / `model.id` (its columns)
    if (dotted.length === 2 && env.mappedClass(node).proven) return 'entity';
    if (dotted.length <= 3 && isMappedPrefix(node.field('object'), env)) return 'column';
    return 'unknown';
  }
  const root = chainRoot(node);
  if (!root) return 'unknown';
  const name = root.text();
  // `User.name.label("n")`, `User.id.distinct()`, `func.count(User.id)`, `literal(1)`
  if (looksLikeClassName(name) && root.parent()?.kind() === 'attribute') return 'column';
  if (env.isSqlAlchemyName(name)) return 'column';
  // `model.name.label("n")`, `self.model.id.desc()`: an attribute of a proven mapped class, then calls.
  const first = root.parent();
  if (first?.kind() === 'attribute' && isMappedPrefix(root, env)) return 'column';
  const second = first?.parent();
  if (first?.kind() === 'attribute' && second?.kind() === 'attribute' && isMappedPrefix(first, env)) return 'column';
  return 'unknown';
}

function columnEnv(env: SelectionEnv): ColumnEnv {
  return {
    sqlAlchemyTarget: (name, at) => env.sqlAlchemyTarget(name, at),
    // Entities come from the shape alone; not following locals here keeps mutually assigned names from recursing.
    isEntity: (node) => classifyShape(node, env) === 'entity',
  };
}

/** `prefix` (`model`, `self.model`) is a proven mapped class and something is looked up on it. */
function isMappedPrefix(prefix: SgNode | null, env: SelectionEnv): boolean {
  if (!prefix) return false;
  const parent = prefix.parent();
  if (parent?.kind() !== 'attribute' || !sameNode(parent.field('object'), prefix)) return false;
  const dotted = dottedName(prefix);
  return !!dotted && dotted.length <= 2 && env.mappedClass(prefix).proven;
}

/** Why a name, `self.<attr>` or an attribute of one of those is not known to be an entity or column, when there is more to say. */
function entityDoubt(node: SgNode, env: SelectionEnv): string | null {
  const dotted = dottedName(node);
  if (!dotted || dotted.length > 3) return null;
  const own = dotted.length <= 2 ? env.mappedClass(node) : null;
  if (own && !own.proven && own.why) return own.why;
  // `self.model` is not a column of `self`: nothing to say about `self` itself.
  const prefix = dotted.length === 3 || (dotted.length === 2 && dotted[0] !== 'self' && dotted[0] !== 'cls') ? node.field('object') : null;
  const verdict = prefix ? env.mappedClass(prefix) : null;
  return verdict && !verdict.proven ? verdict.why : null;
}

export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
