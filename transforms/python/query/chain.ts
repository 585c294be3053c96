// A legacy Query call chain, read outward from its base (`db.query(...)` or a variable holding a Query):
// `db.query(A).join(...).filter(...).first()` → steps join, filter, first.
import type { SgNode } from '@ast-grep/napi';
import { end, sameNode, start, token } from './syntax';

export interface Step {
  /** `call` for `.name(...)`, `attribute` for a bare `.name`, `subscript` for `[...]`. */
  kind: 'call' | 'attribute' | 'subscript';
  /** Method or attribute name; '' for a subscript. */
  method: string;
  /** The expression this step produces (the call, attribute or subscript node). */
  node: SgNode;
  /** The method name token, null for a subscript. */
  nameNode: SgNode | null;
  /** Where the step's own text begins: its `.` (comments before it stay outside) or its `[`. */
  from: number;
}

export interface Chain {
  base: SgNode;
  steps: Step[];
  /** The outermost node of the chain: the last step's node, or the base when there are no steps. */
  outer: SgNode;
}

/** Methods that end a Query chain by running it (or by returning something that is not a Query). */
export const TERMINALS = new Set(['all', 'first', 'one', 'one_or_none', 'scalar', 'count', 'get', 'delete', 'update']);

/** Query methods that are kept on `Select` unchanged (plus `filter`, renamed to `where`). */
export const PLAIN_BUILDERS = new Set([
  'where',
  'order_by',
  'group_by',
  'having',
  'limit',
  'offset',
  'with_for_update',
  'correlate',
  'execution_options',
  'prefix_with',
  'suffix_with',
  'with_hint',
]);

/** Query methods with no faithful automatic translation; each maps to a finding rule. */
export const MANUAL: Record<string, { rule: string; what: string }> = {
  from_self: { rule: 'QUERY-FROM-SELF', what: '`.from_self()` has no `Select` equivalent' },
  select_entity_from: { rule: 'QUERY-FROM-SELF', what: '`.select_entity_from()` has no `Select` equivalent' },
  with_parent: { rule: 'QUERY-WITH-PARENT', what: '`.with_parent()` must become `where(with_parent(...))` by hand' },
  yield_per: { rule: 'QUERY-YIELD-PER', what: '`.yield_per()` changes how results stream (and cannot be combined with joinedload)' },
  values: { rule: 'QUERY-VALUES', what: '`Query.values()` was removed' },
  value: { rule: 'QUERY-VALUES', what: '`Query.value()` was removed' },
  from_statement: { rule: 'QUERY-FROM-STATEMENT', what: '`.from_statement()` needs `select(M).from_statement(...)` written by hand' },
  subquery: { rule: 'QUERY-SUBQUERY', what: 'a subquery built from a legacy Query' },
  cte: { rule: 'QUERY-SUBQUERY', what: 'a CTE built from a legacy Query' },
  union: { rule: 'QUERY-SUBQUERY', what: 'a UNION of legacy Query objects' },
  union_all: { rule: 'QUERY-SUBQUERY', what: 'a UNION ALL of legacy Query objects' },
  intersect: { rule: 'QUERY-SUBQUERY', what: 'an INTERSECT of legacy Query objects' },
  intersect_all: { rule: 'QUERY-SUBQUERY', what: 'an INTERSECT of legacy Query objects' },
  except_: { rule: 'QUERY-SUBQUERY', what: 'an EXCEPT of legacy Query objects' },
  except_all: { rule: 'QUERY-SUBQUERY', what: 'an EXCEPT of legacy Query objects' },
  scalar_subquery: { rule: 'QUERY-SUBQUERY', what: 'a scalar subquery built from a legacy Query' },
  as_scalar: { rule: 'QUERY-SUBQUERY', what: 'a scalar subquery built from a legacy Query' },
  label: { rule: 'QUERY-SUBQUERY', what: 'a labelled scalar subquery built from a legacy Query' },
  statement: { rule: 'QUERY-SUBQUERY', what: '`Query.statement` handed to other code' },
};

/**
 * Reads the chain outward from `base`, stopping after the first terminal (its result is no longer a
 * Query) or at the first step that is not a method call.
 */
export function chainFrom(base: SgNode): Chain {
  const steps: Step[] = [];
  let current = base;
  for (;;) {
    const parent = current.parent();
    if (!parent) break;
    if (parent.kind() === 'attribute' && sameNode(parent.field('object'), current)) {
      const nameNode = parent.field('attribute');
      const dot = token(parent, '.');
      const method = nameNode?.text() ?? '';
      const grand = parent.parent();
      const from = dot ? start(dot) : end(current);
      if (grand && grand.kind() === 'call' && sameNode(grand.field('function'), parent)) {
        steps.push({ kind: 'call', method, node: grand, nameNode, from });
        current = grand;
        if (TERMINALS.has(method)) break;
        continue;
      }
      steps.push({ kind: 'attribute', method, node: parent, nameNode, from });
      current = parent;
      break;
    }
    if (parent.kind() === 'subscript' && sameNode(parent.field('value'), current)) {
      const bracket = token(parent, '[');
      steps.push({ kind: 'subscript', method: '', node: parent, nameNode: null, from: bracket ? start(bracket) : end(current) });
      current = parent;
      break;
    }
    break;
  }
  return { base, steps, outer: current };
}

/** The terminal step of a chain, if it has one. */
export function terminalOf(chain: Chain): Step | null {
  const last = chain.steps[chain.steps.length - 1];
  if (!last) return null;
  if (last.kind === 'subscript') return last;
  if (last.kind === 'call' && TERMINALS.has(last.method)) return last;
  return null;
}
