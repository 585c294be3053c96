// Which names a Python scope binds, and where a name is read. Deliberately coarse: anything
// unusual counts as a binding, so callers that need "only ever bound to X" stay conservative.
import type { SgNode } from '@ast-grep/napi';
import { treeMemo } from '../support/cached-tree';
import { JsNode } from '../support/js-tree';
import { SCOPE_KINDS, sameNode } from './syntax';

export interface Parameter {
  name: string;
  node: SgNode;
  annotation: SgNode | null;
  defaultValue: SgNode | null;
}

/**
 * The parameters of a def or lambda. Memoised per tree on a cached view (node ids are stable within one
 * parse; see support/cached-tree.ts): scope
 * resolution asks for the same function's parameters once per name it looks up. Callers must not mutate
 * the result.
 */
export function parametersOf(fn: SgNode): Parameter[] {
  const cache = treeMemo(fn, 'parameters', () => new Map<number, Parameter[]>());
  if (!cache) return computeParameters(fn);
  const key = fn.id();
  let params = cache.get(key);
  if (!params) {
    params = computeParameters(fn);
    cache.set(key, params);
  }
  return params;
}

export interface SignatureParameter {
  name: string;
  nameNode: SgNode;
  annotation: SgNode | null;
  defaultValue: SgNode | null;
}

/** A def's named parameters, and which of them take positional arguments (those before `*`, `*args` or `**kw`). */
export function signatureOf(fn: SgNode): { positional: string[]; all: SignatureParameter[] } {
  const positional: string[] = [];
  const all: SignatureParameter[] = [];
  let keywordOnly = false;
  for (const p of fn.field('parameters')?.children() ?? []) {
    const kind = p.kind();
    if (kind === 'list_splat_pattern' || kind === 'dictionary_splat_pattern' || kind === 'keyword_separator') {
      keywordOnly = true;
      continue;
    }
    const nameNode = kind === 'identifier' ? p : kind === 'typed_parameter' ? p.children().find((c) => c.kind() === 'identifier') : p.field('name');
    if (!nameNode || nameNode.kind() !== 'identifier') continue;
    const annotation = kind === 'typed_parameter' || kind === 'typed_default_parameter' ? p.field('type') : null;
    const defaultValue = kind === 'default_parameter' || kind === 'typed_default_parameter' ? p.field('value') : null;
    all.push({ name: nameNode.text(), nameNode, annotation, defaultValue });
    if (!keywordOnly) positional.push(nameNode.text());
  }
  return { positional, all };
}

function computeParameters(fn: SgNode): Parameter[] {
  const list = fn.field('parameters');
  if (!list) return [];
  const out: Parameter[] = [];
  for (const p of list.children()) {
    const kind = p.kind();
    if (kind === 'identifier') out.push({ name: p.text(), node: p, annotation: null, defaultValue: null });
    else if (kind === 'typed_parameter') {
      const name = p.children().find((c) => c.kind() === 'identifier');
      if (name) out.push({ name: name.text(), node: p, annotation: p.field('type'), defaultValue: null });
    } else if (kind === 'default_parameter' || kind === 'typed_default_parameter') {
      const name = p.field('name');
      if (name && name.kind() === 'identifier') {
        out.push({ name: name.text(), node: p, annotation: kind === 'typed_default_parameter' ? p.field('type') : null, defaultValue: p.field('value') });
      }
    } else if (kind === 'list_splat_pattern' || kind === 'dictionary_splat_pattern') {
      const name = p.children().find((c) => c.kind() === 'identifier');
      if (name) out.push({ name: name.text(), node: p, annotation: null, defaultValue: null });
    }
  }
  return out;
}

const TARGET_WRAPPERS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression', 'list_splat_pattern', 'as_pattern_target']);

/** True when this identifier occurrence binds its name (assignment target, loop variable, import...). */
export function isBindingOccurrence(id: SgNode): boolean {
  let child = id;
  let parent = id.parent();
  while (parent && TARGET_WRAPPERS.has(String(parent.kind()))) {
    if (parent.kind() === 'as_pattern_target') return true;
    child = parent;
    parent = parent.parent();
  }
  if (!parent) return false;
  switch (parent.kind()) {
    case 'assignment':
    case 'augmented_assignment':
    case 'for_statement':
    case 'for_in_clause':
      return sameNode(parent.field('left'), child);
    case 'named_expression':
      return sameNode(parent.field('name'), child);
    case 'function_definition':
    case 'class_definition':
      return sameNode(parent.field('name'), child);
    case 'global_statement':
    case 'nonlocal_statement':
    case 'delete_statement':
    case 'aliased_import':
    case 'except_clause':
      return true;
    case 'dotted_name': {
      // `import a.b` binds `a` (not `b`); `from x import y` binds `y` (not `x`); under an alias
      // (`import a.b as c`, `from x import y as z`) only the alias binds (the aliased_import case).
      const stmt = parent.parent();
      if (stmt?.kind() === 'import_from_statement') return !sameNode(stmt.field('module_name'), parent);
      return stmt?.kind() === 'import_statement' && sameNode(parent.child(0), child);
    }
    default:
      return false;
  }
}

/** True when the identifier is a variable reference (not `x.name`'s `name`, not a keyword argument's name). */
export function isVariableOccurrence(id: SgNode): boolean {
  const parent = id.parent();
  if (!parent) return true;
  const kind = parent.kind();
  if (kind === 'attribute') return !sameNode(parent.field('attribute'), id);
  if (kind === 'keyword_argument') return !sameNode(parent.field('name'), id);
  return true;
}

/** Visit the nodes that belong to `scope` itself, not descending into nested scopes. */
export function walkOwnScope(scope: SgNode, visit: (node: SgNode) => void): void {
  const body = scope.kind() === 'function_definition' || scope.kind() === 'class_definition' ? scope.field('body') : scope;
  if (!body) return;
  const stack: SgNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop() as SgNode;
    visit(node);
    // Identity, not sameNode: only the first node popped is `body` itself (descendants are new wrapper
    // objects), and comparing ranges here cost two N-API calls per node of every walk.
    if (node !== body && SCOPE_KINDS.has(String(node.kind()))) {
      // A nested def/class binds its own name here; its body belongs to another scope.
      const name = node.kind() === 'function_definition' || node.kind() === 'class_definition' ? node.field('name') : null;
      if (name) visit(name);
      continue;
    }
    if (node instanceof JsNode) {
      // Sibling links instead of a children array per node: this walk visits every node of a scope.
      for (let c = node.child(0); c !== null; c = c.next()) stack.push(c);
    } else {
      for (const c of node.children()) stack.push(c);
    }
  }
}

/** Occurrences that bind `name` in the scope's own body (parameters not included). */
export function bindingsIn(scope: SgNode, name: string): SgNode[] {
  return [...(ownBindings(scope).get(name) ?? [])];
}

/**
 * Every binding occurrence in the scope's own body (`walkOwnScope` order), by name. One walk per scope and
 * tree: session resolution asks `bindingsIn` for each argument of each call, and the indexer resolves every
 * name it meets, which walked the whole function again every time. Memoised on a cached view only.
 * Callers must not mutate the result.
 */
export function ownBindings(scope: SgNode): ReadonlyMap<string, readonly SgNode[]> {
  const cache = treeMemo(scope, 'bindings', () => new Map<number, Map<string, SgNode[]>>());
  if (!cache) return collectOwnBindings(scope);
  const key = scope.id();
  let table = cache.get(key);
  if (!table) {
    table = collectOwnBindings(scope);
    cache.set(key, table);
  }
  return table;
}

function collectOwnBindings(scope: SgNode): Map<string, SgNode[]> {
  const table = new Map<string, SgNode[]>();
  walkOwnScope(scope, (node) => {
    if (node.kind() !== 'identifier' || !isBindingOccurrence(node)) return;
    const name = node.text();
    const list = table.get(name);
    if (list) list.push(node);
    else table.set(name, [node]);
  });
  return table;
}

/** Every variable occurrence of `name` inside `node`, nested scopes included. */
export function occurrencesOf(node: SgNode, name: string): SgNode[] {
  return node
    .findAll({ rule: { kind: 'identifier', regex: `^${escapeRegex(name)}$` } })
    .filter((id) => isVariableOccurrence(id));
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The right side of `x = value` for a binding occurrence `x`; null for any other binding. */
export function boundValue(target: SgNode): SgNode | null {
  const parent = target.parent();
  return parent?.kind() === 'assignment' && sameNode(parent.field('left'), target) ? parent.field('right') : null;
}
