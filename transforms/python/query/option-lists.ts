// What a name handed to `.options(...)` holds, as far as the module's text proves it: a list of options (which
// `Select.options` needs unpacked, as legacy `Query.options` flattened lists), or a list literal whose elements
// can be read (eager-load reads the loaders of `.options(*LOADERS)` from it). Shared by query-to-select and
// eager-load so both agree on what counts as "provably a list".
import type { SgNode } from '@ast-grep/napi';
import { bindingsIn, occurrencesOf, parametersOf } from './bindings';
import { enclosingScope, namedChildren, start } from './syntax';

const LIST_DISPLAYS = new Set(['list', 'tuple', 'list_comprehension']);

/** The scope whose binding of the name `id` reads, and those bindings; null for a parameter or a name bound nowhere. */
export function resolveName(id: SgNode): { scope: SgNode; bindings: SgNode[] } | null {
  const name = id.text();
  for (let scope = enclosingScope(id); scope !== null; scope = enclosingScope(scope)) {
    const kind = scope.kind();
    // A class body's names are not visible in its methods.
    if (kind === 'class_definition') continue;
    if ((kind === 'function_definition' || kind === 'lambda') && parametersOf(scope).some((p) => p.name === name)) return null;
    const bindings = bindingsIn(scope, name);
    if (bindings.length > 0) return { scope, bindings };
  }
  return null;
}

/** The right side of `name = value` for a binding occurrence; null for any other binding (`+=`, `for`, import...). */
export function assignedValue(binding: SgNode): SgNode | null {
  const parent = binding.parent();
  if (parent?.kind() !== 'assignment' || start(parent.field('left') as SgNode) !== start(binding)) return null;
  return parent.field('right');
}

/**
 * A list or tuple written out, or a name that, where it is read, is only ever assigned one (`opts = [...]`,
 * `opts += [...]`), in its function or at module level. Parameters and anything else are not known to be lists.
 */
export function holdsList(arg: SgNode): boolean {
  if (LIST_DISPLAYS.has(String(arg.kind()))) return true;
  if (arg.kind() !== 'identifier') return false;
  const resolved = resolveName(arg);
  if (!resolved) return false;
  return resolved.bindings.every((b) => {
    const parent = b.parent();
    if (parent?.kind() === 'augmented_assignment') return parent.field('operator')?.text() === '+=' && start(parent.field('left') as SgNode) === start(b);
    const right = assignedValue(b);
    return !!right && LIST_DISPLAYS.has(String(right.kind()));
  });
}

/**
 * The elements of the list unpacked by `*arg`, when its value is provably a literal: a list/tuple display, or a
 * name assigned one display exactly once (in its function or at module level) and otherwise only ever unpacked
 * into a call (`*NAME`) or handed whole to `.options()`: nothing else in the module can append to it or rebind it.
 * Null otherwise (a comprehension, a parameter, `+=`, a name read any other way).
 */
export function literalListElements(arg: SgNode): SgNode[] | null {
  if (arg.kind() === 'list' || arg.kind() === 'tuple') return namedChildren(arg).filter((c) => c.kind() !== 'comment');
  if (arg.kind() !== 'identifier') return null;
  const resolved = resolveName(arg);
  if (!resolved || resolved.bindings.length !== 1) return null;
  const binding = resolved.bindings[0] as SgNode;
  const value = assignedValue(binding);
  if (!value || (value.kind() !== 'list' && value.kind() !== 'tuple')) return null;
  const readsOnlyAsOptions = occurrencesOf(resolved.scope, arg.text()).every((id) => start(id) === start(binding) || unpackedOrOptionsArgument(id));
  return readsOnlyAsOptions ? literalListElements(value) : null;
}

/** `f(*NAME)`, or `x.options(NAME)`. */
function unpackedOrOptionsArgument(id: SgNode): boolean {
  const parent = id.parent();
  if (parent?.kind() === 'list_splat') return parent.parent()?.kind() === 'argument_list';
  if (parent?.kind() !== 'argument_list') return false;
  const fn = parent.parent()?.field('function');
  return fn?.kind() === 'attribute' && fn.field('attribute')?.text() === 'options';
}
