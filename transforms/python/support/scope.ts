// Where a Python name is bound and which binding each use of it sees (LEGB rules, enough of them for deciding
// whether `Session` or `get_db` at some place is the module's imported one or a local that shadows it).
import type { SgNode, SgRoot } from '@ast-grep/napi';

export type OccurrenceRole =
  /** A read of the name. */
  | 'reference'
  /** Assignment target, def/class name, parameter, loop/with/except target, walrus, `del`. */
  | 'binding'
  /** Bound by an import statement. */
  | 'import'
  /** `global name` / `nonlocal name`. */
  | 'declaration';

export interface NameOccurrence {
  node: SgNode;
  role: OccurrenceRole;
  /** The scope (module, function, lambda, class or comprehension) in which the occurrence binds or is evaluated. */
  scope: SgNode;
}

export interface NameTable {
  name: string;
  occurrences: NameOccurrence[];
}

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const PATTERN_WRAPPERS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'list_splat_pattern', 'parenthesized_expression', 'tuple', 'list', 'expression_list']);
const IMPORT_KINDS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

const kindOf = (node: SgNode): string => String(node.kind());
const same = (a: SgNode | null | undefined, b: SgNode | null | undefined): boolean => !!a && !!b && a.id() === b.id();

/** `nameTable` memoised per name over one tree: transforms ask about the same names again and again. */
export function cachedNameTables(root: SgRoot): (name: string) => NameTable {
  const tables = new Map<string, NameTable>();
  return (name) => {
    let table = tables.get(name);
    if (!table) {
      table = nameTable(root, name);
      tables.set(name, table);
    }
    return table;
  };
}

/** Every place the identifier `name` is used or bound (attribute names and keyword-argument names excluded). */
export function nameTable(root: SgRoot, name: string): NameTable {
  const occurrences: NameOccurrence[] = [];
  const identifiers = root.root().findAll({ rule: { kind: 'identifier', regex: `^${escapeRegExp(name)}$` } });
  for (const node of identifiers) {
    const occurrence = classify(node);
    if (occurrence) occurrences.push(occurrence);
  }
  return { name, occurrences };
}

/** The occurrence for this identifier node, if it is a use or binding of the name. */
export function occurrenceOf(table: NameTable, node: SgNode): NameOccurrence | null {
  return table.occurrences.find((o) => same(o.node, node)) ?? null;
}

/**
 * The scope whose binding a reference sees, or null when nothing in the file binds the name (a builtin, a
 * wildcard import, or an undefined name).
 */
export function resolveBinding(table: NameTable, reference: NameOccurrence): SgNode | null {
  return resolveFrom(table, reference.scope, true);
}

/** True when the reference sees the module-level binding of its name. */
export function seesModuleBinding(table: NameTable, reference: NameOccurrence): boolean {
  const scope = resolveBinding(table, reference);
  return scope !== null && kindOf(scope) === 'module';
}

/**
 * True when the reference may see the module-level binding. A class body looks names up at run time, class
 * namespace first and then globals, so in `class K: Session = Session` the right-hand side is the module's.
 */
export function maySeeModuleBinding(table: NameTable, reference: NameOccurrence): boolean {
  if (seesModuleBinding(table, reference)) return true;
  const scope = resolveBinding(table, reference);
  if (!scope || kindOf(scope) !== 'class_definition' || !same(scope, reference.scope)) return false;
  const outer = enclosingScope(scope);
  const resolved = outer ? resolveFrom(table, outer, false) : null;
  return resolved !== null && kindOf(resolved) === 'module';
}

function resolveFrom(table: NameTable, start: SgNode, startIsOwnScope: boolean): SgNode | null {
  const bound = (scope: SgNode) =>
    table.occurrences.some((o) => (o.role === 'binding' || o.role === 'import') && same(o.scope, scope));
  const declared = (scope: SgNode) => table.occurrences.some((o) => o.role === 'declaration' && same(o.scope, scope));
  let scope: SgNode | null = start;
  let first = startIsOwnScope;
  while (scope) {
    const kind = kindOf(scope);
    if (kind === 'module') return bound(scope) ? scope : null;
    // Class bodies are only visible to code written directly in them, not to functions nested inside.
    const visible = first || kind !== 'class_definition';
    if (visible && !declared(scope) && bound(scope)) return scope;
    scope = enclosingScope(scope);
    first = false;
  }
  return null;
}

/** Bindings (including imports) made at module level. */
export function moduleBindings(table: NameTable): NameOccurrence[] {
  return table.occurrences.filter((o) => (o.role === 'binding' || o.role === 'import') && kindOf(o.scope) === 'module');
}

/** The innermost scope in which `node` is evaluated. Default values, annotations and decorators belong outside. */
export function scopeOf(node: SgNode): SgNode {
  let child = node;
  for (let ancestor = node.parent(); ancestor !== null; ancestor = ancestor.parent()) {
    const kind = kindOf(ancestor);
    if (kind === 'module') return ancestor;
    if (kind === 'function_definition' || kind === 'lambda' || kind === 'class_definition') {
      if (same(ancestor.field('body'), child)) return ancestor;
    } else if (COMPREHENSIONS.has(kind)) {
      return ancestor;
    }
    child = ancestor;
  }
  return node.getRoot().root();
}

function enclosingScope(scope: SgNode): SgNode | null {
  return kindOf(scope) === 'module' ? null : scopeOf(scope);
}

function classify(node: SgNode): NameOccurrence | null {
  const parent = node.parent();
  if (!parent) return null;
  const parentKind = kindOf(parent);

  const importStatement = node.ancestors().find((a) => IMPORT_KINDS.has(kindOf(a)));
  if (importStatement) {
    return isImportBinding(node, importStatement) ? { node, role: 'import', scope: scopeOf(importStatement) } : null;
  }
  if (parentKind === 'attribute' && same(parent.field('attribute'), node)) return null;
  if (parentKind === 'keyword_argument' && same(parent.field('name'), node)) return null;
  if (parentKind === 'global_statement' || parentKind === 'nonlocal_statement') {
    return { node, role: 'declaration', scope: scopeOf(parent) };
  }
  if ((parentKind === 'function_definition' || parentKind === 'class_definition') && same(parent.field('name'), node)) {
    return { node, role: 'binding', scope: scopeOf(parent) };
  }
  const parameterOwner = parameterOwnerOf(node);
  if (parameterOwner) return { node, role: 'binding', scope: parameterOwner };
  if (isTargetPosition(node)) return { node, role: 'binding', scope: scopeOf(node) };
  return { node, role: 'reference', scope: scopeOf(node) };
}

/** The function or lambda whose parameter this identifier names, if it is one. */
function parameterOwnerOf(node: SgNode): SgNode | null {
  let current = node;
  let parent = node.parent();
  if (parent && ['list_splat_pattern', 'dictionary_splat_pattern'].includes(kindOf(parent))) {
    current = parent;
    parent = parent.parent();
  }
  if (!parent) return null;
  const kind = kindOf(parent);
  let list: SgNode | null = null;
  if (kind === 'parameters' || kind === 'lambda_parameters') list = parent;
  else if (kind === 'typed_parameter' && !same(parent.field('type'), current) && kindOf(current) !== 'type') {
    list = parent.parent();
  } else if ((kind === 'default_parameter' || kind === 'typed_default_parameter') && same(parent.field('name'), current)) {
    list = parent.parent();
  }
  if (!list || !['parameters', 'lambda_parameters'].includes(kindOf(list))) return null;
  return list.parent();
}

function isTargetPosition(node: SgNode): boolean {
  let child = node;
  let parent = node.parent();
  while (parent && PATTERN_WRAPPERS.has(kindOf(parent))) {
    child = parent;
    parent = parent.parent();
  }
  if (!parent) return false;
  switch (kindOf(parent)) {
    case 'assignment':
    case 'augmented_assignment':
    case 'for_statement':
    case 'for_in_clause':
      return same(parent.field('left'), child);
    case 'as_pattern_target':
    case 'delete_statement':
      return true;
    case 'named_expression':
      return same(parent.field('name'), child);
    case 'type': {
      const alias = parent.parent();
      return !!alias && kindOf(alias) === 'type_alias_statement' && same(alias.field('left'), parent);
    }
    default:
      return false;
  }
}

/** In `from m import a as b` only `b` is bound; in `import a.b.c` only `a`. Module paths bind nothing. */
function isImportBinding(node: SgNode, statement: SgNode): boolean {
  const parent = node.parent();
  if (!parent) return false;
  if (kindOf(parent) === 'aliased_import') return same(parent.field('alias'), node);
  if (kindOf(parent) !== 'dotted_name') return false;
  const holder = parent.parent();
  if (!holder || !same(holder, statement)) return false; // module path or aliased name
  if (same(statement.field('module_name'), parent)) return false;
  if (kindOf(statement) === 'future_import_statement') return false;
  return same(parent.children().find((c) => kindOf(c) === 'identifier'), node);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
