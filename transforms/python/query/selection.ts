// What a query selects: one ORM entity (results are scalars), or rows (columns, several entities).
// Decided from the syntax alone; anything not clearly an entity or a column makes the query manual.
import type { SgNode } from '@ast-grep/napi';
import { chainRoot, dottedName, looksLikeClassName } from './syntax';

export interface Selection {
  /** Exactly one ORM entity: `.scalars()` forms. */
  single: boolean;
  /** At least one ORM entity among the results: legacy Query de-duplicated such results. */
  mapper: boolean;
  /** Source text of each selected entity (`User`, `models.User`, an `aliased()` name). */
  entities: string[];
  /** Source text of each selected column expression, whitespace removed. */
  columns: string[];
}

export interface SelectionEnv {
  /** True when `name` is bound by an import from SQLAlchemy (`func`, `literal`, `sa`...). */
  isSqlAlchemyName(name: string): boolean;
  /** True when `name` is bound to module imported by this file (`models` in `models.User`). */
  isModuleName(name: string): boolean;
  /** True when `name`, at `at`, is only ever bound to `aliased(...)`. */
  isAliasedEntity(name: string, at: SgNode): boolean;
}

export type SelectionResult = { ok: true; selection: Selection } | { ok: false; node: SgNode; message: string };

export function classifySelection(args: SgNode[], env: SelectionEnv): SelectionResult {
  const entities: string[] = [];
  const columns: string[] = [];
  if (args.length === 0) return { ok: false, node: args[0] as SgNode, message: 'a query selecting nothing' };
  for (const arg of args) {
    const kind = classifyExpression(arg, env);
    if (kind === 'entity') entities.push(arg.text());
    else if (kind === 'column') columns.push(compact(arg.text()));
    else return { ok: false, node: arg, message: `cannot tell whether \`${arg.text()}\` is an entity or a column` };
  }
  return {
    ok: true,
    selection: { single: entities.length === 1 && columns.length === 0, mapper: entities.length > 0, entities, columns },
  };
}

export function classifyExpression(node: SgNode, env: SelectionEnv): 'entity' | 'column' | 'unknown' {
  const dotted = dottedName(node);
  if (dotted) {
    const last = dotted[dotted.length - 1] as string;
    const head = dotted[0] as string;
    if (dotted.length === 1) {
      if (looksLikeClassName(head)) return 'entity';
      if (env.isAliasedEntity(head, node)) return 'entity';
      return 'unknown';
    }
    if (looksLikeClassName(last) && env.isModuleName(head) && dotted.slice(0, -1).every((p) => !looksLikeClassName(p))) return 'entity';
    // `User.id`, `models.User.id`, `alias.email`
    if (dotted.slice(0, -1).some((p) => looksLikeClassName(p))) return 'column';
    if (env.isAliasedEntity(head, node) && dotted.length === 2) return 'column';
    if (env.isSqlAlchemyName(head)) return 'column';
    return 'unknown';
  }
  const root = chainRoot(node);
  if (!root) return 'unknown';
  const name = root.text();
  // `User.name.label("n")`, `User.id.distinct()`, `func.count(User.id)`, `literal(1)`
  if (looksLikeClassName(name) && root.parent()?.kind() === 'attribute') return 'column';
  if (env.isSqlAlchemyName(name)) return 'column';
  return 'unknown';
}

export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
