// Small tree-sitter-python helpers shared by the query modules.
import type { SgNode } from '@ast-grep/napi';
import { JsNode } from '../support/js-tree';

// Every analysis asks for offsets, sameNode above all; a JS tree answers them from its arrays, where a
// Range costs two line lookups and three objects.
export function start(node: SgNode): number {
  return node instanceof JsNode ? node.startIndex() : node.range().start.index;
}

export function end(node: SgNode): number {
  return node instanceof JsNode ? node.endIndex() : node.range().end.index;
}

/** Node identity across separate wrapper objects (the binding hands out a new object per call). */
export function sameNode(a: SgNode | null | undefined, b: SgNode | null | undefined): boolean {
  if (!a || !b) return false;
  return start(a) === start(b) && end(a) === end(b) && a.kind() === b.kind();
}

export function namedChildren(node: SgNode): SgNode[] {
  if (!(node instanceof JsNode)) return node.children().filter((c) => c.isNamed() && c.kind() !== 'comment');
  // Without the intermediate array of every child: this runs for each call's arguments, many times a file.
  const out: SgNode[] = [];
  for (let c = node.child(0); c !== null; c = c.next()) if (c.isNamed() && c.kind() !== 'comment') out.push(c);
  return out;
}

/** A statement that is only a string: a docstring when it opens a body. */
export function isDocstring(statement: SgNode): boolean {
  const only = namedChildren(statement);
  return statement.kind() === 'expression_statement' && only.length === 1 && only[0]?.kind() === 'string';
}

/** First child that is the given anonymous token (e.g. '.'), or null. */
export function token(node: SgNode, text: string): SgNode | null {
  for (const c of node.children()) if (!c.isNamed() && c.text() === text) return c;
  return null;
}

export interface CallArgs {
  positional: SgNode[];
  /** Read-only: a call without keyword arguments shares one empty map. */
  keywords: ReadonlyMap<string, SgNode>;
  /** `*x` or `**x` present: the arguments cannot be known statically. */
  splat: boolean;
  /** The argument list is a bare generator expression (`f(x for x in y)`). */
  generator: boolean;
}

const NO_KEYWORDS: ReadonlyMap<string, SgNode> = new Map();

export function callArgs(call: SgNode): CallArgs {
  const list = call.field('arguments');
  const out: CallArgs = { positional: [], keywords: NO_KEYWORDS, splat: false, generator: false };
  if (!list) return out;
  if (list.kind() === 'generator_expression') {
    out.generator = true;
    return out;
  }
  let keywords: Map<string, SgNode> | null = null;
  for (const arg of namedChildren(list)) {
    const kind = arg.kind();
    if (kind === 'keyword_argument') {
      const name = arg.field('name');
      const value = arg.field('value');
      if (name && value) (keywords ??= new Map()).set(name.text(), value);
    } else if (kind === 'list_splat' || kind === 'dictionary_splat') {
      out.splat = true;
    } else {
      out.positional.push(arg);
    }
  }
  if (keywords !== null) out.keywords = keywords;
  return out;
}

/** The `*x` and `**x` arguments of a call, in order. */
export function unpackedArgs(call: SgNode): { list: SgNode[]; dict: SgNode[] } {
  const out: { list: SgNode[]; dict: SgNode[] } = { list: [], dict: [] };
  const list = call.field('arguments');
  if (!list || list.kind() === 'generator_expression') return out;
  for (const arg of namedChildren(list)) {
    if (arg.kind() === 'list_splat') out.list.push(arg);
    else if (arg.kind() === 'dictionary_splat') out.dict.push(arg);
  }
  return out;
}

/** `a.b.c` → ['a','b','c'] when the expression is only names and dots; null otherwise. */
export function dottedName(node: SgNode): string[] | null {
  // Collected from the last name back, then reversed: one array, where `[...head, name]` made one per dot.
  const names: string[] = [];
  for (let at: SgNode | null = node; ; ) {
    const kind = at.kind();
    if (kind === 'identifier') {
      names.push(at.text());
      return names.reverse();
    }
    if (kind !== 'attribute') return null;
    const object: SgNode | null = at.field('object');
    const attr = at.field('attribute');
    if (!object || !attr) return null;
    names.push(attr.text());
    at = object;
  }
}

/** Leftmost identifier of an attribute/call/subscript chain (`User.name.desc()` → `User`). */
export function chainRoot(node: SgNode): SgNode | null {
  let cur: SgNode | null = node;
  while (cur) {
    const kind = cur.kind();
    if (kind === 'identifier') return cur;
    if (kind === 'attribute') cur = cur.field('object');
    else if (kind === 'call') cur = cur.field('function');
    else if (kind === 'subscript') cur = cur.field('value');
    else return null;
  }
  return null;
}

export function commentsWithin(node: SgNode, from: number, to: number): SgNode[] {
  return node.findAll({ rule: { kind: 'comment' } }).filter((c) => start(c) >= from && end(c) <= to);
}

/** Kinds that open a new Python scope for names bound inside them. */
export const SCOPE_KINDS = new Set([
  'function_definition',
  'lambda',
  'class_definition',
  'list_comprehension',
  'set_comprehension',
  'dictionary_comprehension',
  'generator_expression',
  'module',
]);

export function enclosingScope(node: SgNode): SgNode | null {
  let cur = node.parent();
  while (cur) {
    if (SCOPE_KINDS.has(String(cur.kind()))) return cur;
    cur = cur.parent();
  }
  return null;
}

export function enclosingFunction(node: SgNode): SgNode | null {
  let cur = node.parent();
  while (cur) {
    if (cur.kind() === 'function_definition') return cur;
    if (cur.kind() === 'class_definition' || cur.kind() === 'module') return null;
    cur = cur.parent();
  }
  return null;
}

export function isAsyncDef(fn: SgNode): boolean {
  return asyncKeyword(fn) !== undefined;
}

/** The `async` keyword of an `async def`, `async with`, `async for` or `async for` clause; undefined without one. */
export function asyncKeyword(node: SgNode): SgNode | undefined {
  return node.children().find((c) => !c.isNamed() && c.text() === 'async');
}

/** Decorator expressions of a function or class (empty when not decorated). */
export function decoratorsOf(def: SgNode): SgNode[] {
  const parent = def.parent();
  if (!parent || parent.kind() !== 'decorated_definition') return [];
  return parent.children().filter((c) => c.kind() === 'decorator');
}

/** An expression that needs no parentheses as the operand of `==` (or as anything's operand). */
export function isAtom(node: SgNode): boolean {
  return [
    'identifier',
    'attribute',
    'call',
    'subscript',
    'string',
    'concatenated_string',
    'integer',
    'float',
    'true',
    'false',
    'none',
    'parenthesized_expression',
    'list',
    'tuple',
    'dictionary',
    'set',
    'list_comprehension',
    'dictionary_comprehension',
    'set_comprehension',
  ].includes(String(node.kind()));
}

/** Python identifier convention for classes: `User`, `OrderItem` (not `USERS`, not `user`). */
export function looksLikeClassName(name: string): boolean {
  return /^_?[A-Z][A-Za-z0-9_]*$/.test(name) && /[a-z]/.test(name);
}

/** The expression is the object of `.attr`, the value of `[...]` or the callee of a call. */
export function usedAsPrimary(node: SgNode): boolean {
  const parent = node.parent();
  if (!parent) return false;
  switch (parent.kind()) {
    case 'attribute':
      return sameNode(parent.field('object'), node);
    case 'subscript':
      return sameNode(parent.field('value'), node);
    case 'call':
      return sameNode(parent.field('function'), node);
    default:
      return false;
  }
}

/** The methods defined in a class body, decorated ones included. */
export function methodsOf(cls: SgNode): SgNode[] {
  const body = cls.field('body');
  if (!body) return [];
  const out: SgNode[] = [];
  for (const stmt of body.children()) {
    if (stmt.kind() === 'function_definition') out.push(stmt);
    else if (stmt.kind() === 'decorated_definition') {
      const def = stmt.field('definition');
      if (def?.kind() === 'function_definition') out.push(def);
    }
  }
  return out;
}

/** The class a method is defined in (decorated or not), or null for a function outside a class body. */
export function classOfMethod(fn: SgNode): SgNode | null {
  let parent = fn.parent();
  if (parent?.kind() === 'decorated_definition') parent = parent.parent();
  if (parent?.kind() !== 'block') return null;
  const cls = parent.parent();
  return cls?.kind() === 'class_definition' ? cls : null;
}

/** `raise`, or `raise e` in `except ... as e:`: the exception caught, raised again. */
export function reraises(statement: SgNode, clause: SgNode): boolean {
  if (statement.kind() !== 'raise_statement') return false;
  const raised = namedChildren(statement);
  if (raised.length === 0) return true;
  const caught = clause.children().find((c) => c.kind() === 'as_pattern')?.children().find((c) => c.kind() === 'as_pattern_target');
  const name = caught ? namedChildren(caught)[0] : undefined;
  return raised.length === 1 && raised[0]!.kind() === 'identifier' && name?.kind() === 'identifier' && raised[0]!.text() === name.text();
}

/** The bodies of an `if` statement's branches, in order: its own, each `elif`'s, its `else`'s (null where a field is missing). */
export function ifBranchBodies(ifStatement: SgNode): { bodies: (SgNode | null)[]; hasElse: boolean } {
  const bodies = [ifStatement.field('consequence')];
  let hasElse = false;
  for (const clause of ifStatement.children()) {
    if (clause.kind() === 'elif_clause') bodies.push(clause.field('consequence'));
    else if (clause.kind() === 'else_clause') {
      bodies.push(clause.field('body'));
      hasElse = true;
    }
  }
  return { bodies, hasElse };
}
