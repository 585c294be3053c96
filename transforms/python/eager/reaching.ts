// Which bindings of a local may give its value at a read, for a name bound more than once in a function
// (`sub = <query>`; `if sub: sub.plan` ; `else: sub = Subscription(...)`). Structural, without a control-flow
// graph: Python has no goto, so a binding whose statement comes before the read in a block that holds the read
// runs on every path to it (it dominates the read), and the last such binding hides every one before it. What
// may still reach the read besides it: bindings between it and the read (in branches), and, with no dominating
// binding, every binding before the read and those after it in a loop around both. An over-approximation: a
// binding listed may not reach in fact, one not listed never does.
import type { SgNode } from '@ast-grep/napi';
import { end, sameNode, SCOPE_KINDS, start } from '../query/syntax';

const LOOPS = new Set(['for_statement', 'while_statement']);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
/** Nodes whose named children are statements run in order. */
const BLOCKS = new Set(['block', 'module']);

/**
 * The bindings (identifier occurrences from `bindingsIn(fn, name)`) that may give the name its value at
 * `read`; null when that cannot be told (a `global`/`nonlocal` name, a read in a nested function or lambda,
 * which runs whenever it is called).
 */
export function reachingBindings(read: SgNode, fn: SgNode, bindings: readonly SgNode[]): SgNode[] | null {
  if (bindings.some((b) => ['global_statement', 'nonlocal_statement'].includes(String(b.parent()?.kind())))) return null;
  if (insideNestedScope(read, fn)) return null;
  const at = start(read);
  const sites = bindings.map((b) => ({ binding: b, stmt: statementOf(b, fn) }));
  if (sites.some((s) => s.stmt === null)) return null;
  const precedes = (s: { binding: SgNode; stmt: SgNode | null }): boolean => runsBefore(s.binding, s.stmt as SgNode, read);
  const dominating = sites.filter((s) => precedes(s) && dominates(s.binding, s.stmt as SgNode, read, fn));
  const last = dominating.sort((a, b) => start(b.binding) - start(a.binding))[0];
  // A binding after the read in a loop around both reaches it on the next iteration, unless a dominating one
  // inside that loop runs again first.
  const carried = sites.filter((s) => start(s.binding) >= at && !precedes(s) && loopAround(s.binding, read, fn, last?.binding ?? null));
  const before = sites.filter((s) => precedes(s) && (!last || start(s.binding) >= start(last.binding)));
  return [...before, ...carried].map((s) => s.binding);
}

/**
 * Whether one of `bindings` runs on every path to `read` before it: then a value the name had on entering the
 * function (a parameter's) never reaches the read. False when that cannot be told (see reachingBindings).
 */
export function entryValueHidden(read: SgNode, fn: SgNode, bindings: readonly SgNode[]): boolean {
  if (bindings.some((b) => ['global_statement', 'nonlocal_statement'].includes(String(b.parent()?.kind())))) return false;
  if (insideNestedScope(read, fn)) return false;
  return bindings.some((b) => {
    const stmt = statementOf(b, fn);
    return stmt !== null && runsBefore(b, stmt, read) && dominates(b, stmt, read, fn);
  });
}

/** The statement a binding occurrence belongs to: its ancestor that is a child of a block (or the function body). */
function statementOf(binding: SgNode, fn: SgNode): SgNode | null {
  let child = binding;
  for (let a = binding.parent(); a !== null; a = a.parent()) {
    if (BLOCKS.has(String(a.kind()))) return child;
    if (sameNode(a, fn)) return null;
    child = a;
  }
  return null;
}

/**
 * The binding has happened when the read runs: its statement ends before the read, or the read is in a body
 * of the compound statement whose header binds it (`for x in ...:`, `with ... as x:`, `if (x := ...):`).
 */
function runsBefore(binding: SgNode, stmt: SgNode, read: SgNode): boolean {
  if (end(stmt) <= start(read)) return true;
  return contains(stmt, read) && inHeader(binding, stmt) && bodyOf(stmt, read) !== null;
}

/**
 * On every path to the read the binding runs: a plain assignment statement earlier in a block the read is
 * inside (a block is entered from its start only), `with ... as x:` likewise or around the read, `for x in`
 * around the read in its body (not after the loop, which may not have run).
 */
function dominates(binding: SgNode, stmt: SgNode, read: SgNode, fn: SgNode): boolean {
  const kind = stmt.kind();
  if (contains(stmt, read)) {
    if (!inHeader(binding, stmt)) return false;
    if (kind === 'with_statement') return bodyOf(stmt, read) !== null;
    return kind === 'for_statement' && sameNode(bodyOf(stmt, read), stmt.field('body'));
  }
  if (kind === 'expression_statement' && !unconditional(binding, stmt)) return false;
  if (kind !== 'expression_statement' && kind !== 'with_statement') return false;
  const block = stmt.parent();
  return !!block && (contains(block, read) || sameNode(block, fn.field('body'))) && end(stmt) <= start(read);
}

/** An assignment target, not a `:=` inside an expression that may be short-circuited. */
function unconditional(binding: SgNode, stmt: SgNode): boolean {
  for (let a = binding.parent(); a !== null && !sameNode(a, stmt); a = a.parent()) {
    const kind = String(a.kind());
    if (kind === 'assignment' || kind === 'augmented_assignment') return true;
    if (!['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression', 'list_splat_pattern'].includes(kind)) return false;
  }
  return false;
}

/** The binding is not inside one of the statement's bodies (it is in its header: target, condition, item). */
function inHeader(binding: SgNode, stmt: SgNode): boolean {
  return bodyOf(stmt, binding) === null;
}

/** The block of `stmt` (its body, an `else`/`elif`/`except` clause's block...) that holds `node`, or null. */
function bodyOf(stmt: SgNode, node: SgNode): SgNode | null {
  for (let a = node.parent(); a !== null && !sameNode(a, stmt); a = a.parent()) {
    if (a.kind() === 'block') {
      // The innermost block under `stmt` may belong to a nested statement: only a block of `stmt` itself counts.
      let owner = a.parent();
      while (owner && !sameNode(owner, stmt) && ['else_clause', 'elif_clause', 'except_clause', 'finally_clause', 'case_clause', 'except_group_clause'].includes(String(owner.kind()))) owner = owner.parent();
      if (owner && sameNode(owner, stmt)) return a;
    }
  }
  return null;
}

/** A loop of `fn` around both nodes that does not hold `dominating` (which would rebind the name first). */
function loopAround(binding: SgNode, read: SgNode, fn: SgNode, dominating: SgNode | null): boolean {
  for (let a = read.parent(); a !== null && !sameNode(a, fn); a = a.parent()) {
    if (LOOPS.has(String(a.kind())) && contains(a, binding)) return !dominating || !contains(a, dominating);
  }
  return false;
}

function insideNestedScope(node: SgNode, fn: SgNode): boolean {
  for (let a = node.parent(); a !== null && !sameNode(a, fn); a = a.parent()) {
    const kind = String(a.kind());
    // A comprehension runs in place: a name it does not bind is the function's, read there and then.
    if (SCOPE_KINDS.has(kind) && !COMPREHENSIONS.has(kind)) return true;
  }
  return false;
}

function contains(outer: SgNode, inner: SgNode): boolean {
  return start(outer) <= start(inner) && end(inner) <= end(outer);
}
