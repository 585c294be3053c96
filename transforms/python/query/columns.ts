// Expressions that are provably SQL column expressions (never an ORM entity), beyond the shapes
// `selection.ts` reads directly. A query selecting one of these returns rows, and it lets a name hold
// the expression:
//
//     revenue = func.sum(Item.price)
//     return db.query(Item.owner_id, revenue).group_by(Item.owner_id).all()
//
// The list is closed on purpose: SQLAlchemy function calls (`func.<name>(...)`), `literal_column`,
// `cast`, `case`, an attribute of an entity, `<x>.c.<name>` / `<x>.columns.<name>` / `<x>.c["name"]`, `label`/`desc`/
// `asc`/`distinct` on one of those, arithmetic between them, and a local name assigned exactly once
// from one of them. None of these can evaluate to a mapped class, so `.scalars()` would be wrong for
// them and rows are right; anything else (a call of a project helper, a parameter, a name stored more
// than once) might hold an entity and stays unclassified.
import type { SgNode } from '@ast-grep/napi';
import { isBindingOccurrence, parametersOf } from './bindings';
import { callArgs, dottedName, enclosingScope, namedChildren, sameNode, start } from './syntax';

export interface ColumnEnv {
  /** The import target of `name` when, at `at`, it is a module-level import from SQLAlchemy (`func` → `sqlalchemy.func`, `sa` → `sqlalchemy`). */
  sqlAlchemyTarget(name: string, at: SgNode): string | null;
  /** The expression is an ORM entity (`User`, an `aliased()` name, a proven `self.model`): its attributes are columns. */
  isEntity(node: SgNode): boolean;
}

const SQL_MODULES = ['sqlalchemy', 'sqlalchemy.sql', 'sqlalchemy.sql.expression'];
const FUNC_GENERATORS = new Set([...SQL_MODULES, 'sqlalchemy.sql.functions'].map((m) => `${m}.func`));
const CONSTRUCTORS = new Set(SQL_MODULES.flatMap((m) => ['literal_column', 'cast', 'case'].map((c) => `${m}.${c}`)));
/** Methods of a column expression that return a column expression again. */
const COLUMN_METHODS = new Set(['label', 'desc', 'asc', 'distinct']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '//', '%']);

export function isColumnExpression(node: SgNode, env: ColumnEnv): boolean {
  return proves(node, env, new Set());
}

function proves(node: SgNode, env: ColumnEnv, visiting: Set<number>): boolean {
  switch (node.kind()) {
    case 'parenthesized_expression': {
      const inner = namedChildren(node);
      return inner.length === 1 && proves(inner[0] as SgNode, env, visiting);
    }
    case 'identifier':
      return localColumn(node, env, visiting);
    case 'attribute': {
      const object = node.field('object') as SgNode;
      // `subq.c.units`, `table.columns.id`: whatever `subq` is, what its `.c` holds is a column.
      if (isColumnCollection(object)) return true;
      return env.isEntity(object);
    }
    case 'subscript':
      // `subq.c["units"]`
      return isColumnCollection(node.field('value') as SgNode) && namedChildren(node).length === 2 && node.field('subscript')?.kind() === 'string';
    case 'call':
      return columnCall(node, env, visiting);
    case 'binary_operator': {
      const op = node.field('operator')?.text() ?? '';
      const left = node.field('left');
      const right = node.field('right');
      if (!ARITHMETIC.has(op) || !left || !right) return false;
      // `Item.price * 2` and `2 * Item.price` are column expressions; two plain numbers are not.
      const l = isNumber(left) ? null : proves(left, env, visiting);
      const r = isNumber(right) ? null : proves(right, env, visiting);
      return l !== false && r !== false && (l === true || r === true);
    }
    case 'unary_operator': {
      const argument = node.field('argument');
      return node.field('operator')?.text() === '-' && !!argument && proves(argument, env, visiting);
    }
    default:
      return false;
  }
}

function columnCall(call: SgNode, env: ColumnEnv, visiting: Set<number>): boolean {
  const fn = call.field('function') as SgNode;
  const args = callArgs(call);
  if (fn.kind() === 'attribute' && COLUMN_METHODS.has(fn.field('attribute')?.text() ?? '')) {
    if (!args.splat && !args.generator && proves(fn.field('object') as SgNode, env, visiting)) return true;
  }
  const callee = dottedName(fn);
  if (!callee) return false;
  const target = env.sqlAlchemyTarget(callee[0] as string, call);
  if (!target) return false;
  const qualified = [target, ...callee.slice(1)];
  // `func.sum(...)`, `func.json.extract(...)`, `sa.func.count()`: every attribute of `func` builds a SQL function.
  for (let i = 1; i < qualified.length; i++) {
    if (FUNC_GENERATORS.has(qualified.slice(0, i).join('.'))) return true;
  }
  return CONSTRUCTORS.has(qualified.join('.'));
}

/** `<x>.c` / `<x>.columns`: the column collection of a table, subquery, CTE or alias. */
function isColumnCollection(node: SgNode): boolean {
  return node.kind() === 'attribute' && ['c', 'columns'].includes(node.field('attribute')?.text() ?? '');
}

function isNumber(node: SgNode): boolean {
  return node.kind() === 'integer' || node.kind() === 'float';
}

/**
 * A name bound, where it is read, by exactly one plain assignment in a function, from a column
 * expression. Any other store anywhere in that function (nested scopes and comprehensions included)
 * makes the value depend on the path taken, so the name is not trusted.
 */
function localColumn(id: SgNode, env: ColumnEnv, visiting: Set<number>): boolean {
  return localVerdict(id, env, visiting) === null;
}

/** Why the name read at `id` is not a local holding a column expression (null when it is one). */
export function localColumnDoubt(id: SgNode, env: ColumnEnv): string | null {
  return id.kind() === 'identifier' ? localVerdict(id, env, new Set()) : null;
}

function localVerdict(id: SgNode, env: ColumnEnv, visiting: Set<number>): string | null {
  const name = id.text();
  const fn = definingFunction(id, name);
  if (!fn) return `\`${name}\` is not a local variable of a function`;
  if (parametersOf(fn).some((p) => p.name === name)) return `\`${name}\` is a parameter`;
  const body = fn.field('body');
  if (!body) return `\`${name}\` is not a local variable of a function`;
  const stores = storesIn(body, name);
  if (stores.length !== 1) return `\`${name}\` is bound ${stores.length} times in the function; only a name assigned exactly once is followed`;
  const store = stores[0] as SgNode;
  const value = assignedValue(store);
  if (!value) return `\`${name}\` is not bound by a plain assignment`;
  const why = `\`${name}\` is assigned \`${value.text().replace(/\s+/g, ' ').slice(0, 60)}\`, which is not an expression the tool knows to be a column`;
  if (visiting.has(start(store))) return why;
  visiting.add(start(store));
  const proven = proves(value, env, visiting);
  visiting.delete(start(store));
  return proven ? null : why;
}

/** The column expression a local name read at `id` holds (the one assignment `localColumn` follows), or null. */
export function localColumnValue(id: SgNode, env: ColumnEnv): SgNode | null {
  if (id.kind() !== 'identifier' || localVerdict(id, env, new Set()) !== null) return null;
  const body = definingFunction(id, id.text())?.field('body');
  const stores = body ? storesIn(body, id.text()) : [];
  return stores.length === 1 ? assignedValue(stores[0] as SgNode) : null;
}

function storesIn(body: SgNode, name: string): SgNode[] {
  return body.findAll({ rule: { kind: 'identifier', regex: `^${escapeRegex(name)}$` } }).filter((n) => isBindingOccurrence(n) || inCasePattern(n));
}

function assignedValue(store: SgNode): SgNode | null {
  const assignment = store.parent();
  return assignment?.kind() === 'assignment' && sameNode(assignment.field('left'), store) ? assignment.field('right') : null;
}

/** The function whose local `name` is, read at `at`; null when another kind of scope binds it first. */
function definingFunction(at: SgNode, name: string): SgNode | null {
  let scope = enclosingScope(at);
  while (scope) {
    const kind = scope.kind();
    if (kind === 'module' || kind === 'class_definition') return null;
    const params = kind === 'function_definition' || kind === 'lambda' ? parametersOf(scope) : [];
    const binds = params.some((p) => p.name === name) || ownBindings(scope, name);
    if (binds) return kind === 'function_definition' ? scope : null;
    scope = enclosingScope(scope);
  }
  return null;
}

/** Whether the scope (a function, lambda or comprehension) stores `name` itself. */
function ownBindings(scope: SgNode, name: string): boolean {
  return scope
    .findAll({ rule: { kind: 'identifier', regex: `^${escapeRegex(name)}$` } })
    .some((n) => (isBindingOccurrence(n) || inCasePattern(n)) && sameNode(bindingScope(n), scope));
}

/** The scope a store binds in: walrus targets in a comprehension bind in the enclosing function. */
function bindingScope(id: SgNode): SgNode | null {
  const parent = id.parent();
  // `def total():` binds `total` where the statement is, not inside the new function.
  if ((parent?.kind() === 'function_definition' || parent?.kind() === 'class_definition') && sameNode(parent.field('name'), id)) return enclosingScope(parent);
  let scope = enclosingScope(id);
  if (parent?.kind() !== 'named_expression') return scope;
  while (scope && ['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression'].includes(String(scope.kind()))) {
    scope = enclosingScope(scope);
  }
  return scope;
}

/** `case total:` in a `match` binds the name too (capture patterns are not assignment targets). */
function inCasePattern(id: SgNode): boolean {
  return id.ancestors().some((a) => a.kind() === 'case_pattern');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
