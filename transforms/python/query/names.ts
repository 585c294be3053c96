// Where `select`, `func`, `delete`, `update`, `text` come from in a module, and whether a conversion may use them.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import { moduleLevelImportBindings, type ModuleImports } from '../support/imports';
import { bindingsIn, parametersOf } from './bindings';
import type { Names } from './emit';

const SOURCES: Record<keyof Names, string[]> = {
  select: ['sqlalchemy', 'sqlalchemy.future', 'sqlalchemy.sql', 'sqlalchemy.sql.expression'],
  func: ['sqlalchemy', 'sqlalchemy.sql', 'sqlalchemy.sql.expression', 'sqlalchemy.sql.functions'],
  delete: ['sqlalchemy', 'sqlalchemy.sql', 'sqlalchemy.sql.expression'],
  update: ['sqlalchemy', 'sqlalchemy.sql', 'sqlalchemy.sql.expression'],
  text: ['sqlalchemy', 'sqlalchemy.sql', 'sqlalchemy.sql.expression'],
};

export interface NameResolution {
  names: Names;
  /** Constructs not imported yet: an import from `sqlalchemy` is added when a conversion uses them. */
  missing: Set<keyof Names>;
  /** Constructs whose local name is bound to something else at module level. */
  conflicting: Set<keyof Names>;
}

export function resolveNames(root: SgRoot, imports: ModuleImports): NameResolution {
  const bindings = moduleLevelImportBindings(imports);
  const names = { select: 'select', func: 'func', delete: 'delete', update: 'update', text: 'text' };
  const missing = new Set<keyof Names>();
  const conflicting = new Set<keyof Names>();
  for (const key of Object.keys(names) as (keyof Names)[]) {
    const existing = bindings.find((b) => SOURCES[key].some((m) => b.target === `${m}.${key}`));
    if (existing) names[key] = existing.local;
    else missing.add(key);
    const local = names[key];
    const others = bindingsIn(root.root(), local).filter((id) => !isImportFrom(id, SOURCES[key], key));
    if (others.length > 0) conflicting.add(key);
  }
  return { names, missing, conflicting };
}

function isImportFrom(id: SgNode, modules: string[], name: string): boolean {
  const stmt = id.ancestors().find((a) => a.kind() === 'import_from_statement');
  if (!stmt) return false;
  const module = (stmt.field('module_name')?.text() ?? '').replace(/\s+/g, '');
  if (!modules.includes(module)) return false;
  // `from sqlalchemy import x as select` binds `select` to something else.
  const aliased = id.parent()?.kind() === 'aliased_import' ? id.parent() : id.parent()?.parent()?.kind() === 'aliased_import' ? id.parent()?.parent() : null;
  if (!aliased) return id.text() === name;
  return (aliased.field('name')?.text() ?? '').replace(/\s+/g, '') === name;
}

/** True when a function (or lambda) enclosing `site` binds `name` itself, hiding the module-level one. */
export function shadowedAt(site: SgNode, name: string): boolean {
  for (const scope of site.ancestors()) {
    const kind = scope.kind();
    if (kind !== 'function_definition' && kind !== 'lambda') continue;
    if (parametersOf(scope).some((p) => p.name === name)) return true;
    if (bindingsIn(scope, name).length > 0) return true;
  }
  return false;
}
