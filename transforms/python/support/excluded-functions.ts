// `exclude-functions`: functions named by module path + qualified name (`app.tasks.cleanup`,
// `app.services.Orders.place`) that a run must leave exactly as they are. Module names are matched
// against the end of the file's path, as the project index matches imports (the package root is not
// known: `app/tasks.py` is `app.tasks` or `tasks` depending on sys.path).
import type { SgNode, SgRoot } from '@ast-grep/napi';

export interface ExcludedFunction {
  /** The configured name that matched. */
  name: string;
  /** The definition, decorators included: no edit may touch it. */
  start: number;
  end: number;
}

/** Splits `a.b.C.f` into its candidate (module, qualified name) pairs, the module never empty. */
function splits(name: string): { module: string[]; qualname: string }[] {
  const parts = name.split('.');
  const out: { module: string[]; qualname: string }[] = [];
  for (let k = 1; k < parts.length; k++) out.push({ module: parts.slice(0, k), qualname: parts.slice(k).join('.') });
  return out;
}

/** `/p/app/tasks.py` → p, app, tasks; a package's `__init__.py` names its directory. */
function moduleSegments(absPath: string): string[] {
  const segments = absPath.replace(/\\/g, '/').replace(/\.py$/, '').split('/').filter((s) => s !== '');
  if (segments[segments.length - 1] === '__init__') segments.pop();
  return segments;
}

function endsWith(segments: string[], parts: string[]): boolean {
  if (parts.length > segments.length) return false;
  const offset = segments.length - parts.length;
  return parts.every((p, i) => segments[offset + i] === p);
}

/** `Orders.place` for a method; nested functions and classes join their names the same way. */
export function qualifiedName(def: SgNode): string {
  const names = [def.field('name')?.text() ?? '?'];
  for (const a of def.ancestors()) {
    if (a.kind() === 'function_definition' || a.kind() === 'class_definition') names.unshift(a.field('name')?.text() ?? '?');
  }
  return names.join('.');
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The functions of this file that `names` exclude. `tree` is only asked for when the text defines a
 * function with the last name of one of them, so files without any cost a regular expression.
 */
export function excludedFunctions(source: string, tree: () => SgRoot, absPath: string, names: readonly string[]): ExcludedFunction[] {
  if (names.length === 0) return [];
  const segments = moduleSegments(absPath);
  const wanted = new Map<string, string[]>();
  for (const name of names) {
    const qualnames = splits(name)
      .filter((s) => endsWith(segments, s.module))
      .map((s) => s.qualname);
    const last = name.split('.').pop() as string;
    if (qualnames.length > 0 && new RegExp(`\\bdef\\s+${escape(last)}\\b`).test(source)) wanted.set(name, qualnames);
  }
  if (wanted.size === 0) return [];
  const found: ExcludedFunction[] = [];
  for (const fn of tree().root().findAll({ rule: { kind: 'function_definition' } })) {
    const qualname = qualifiedName(fn);
    for (const [name, qualnames] of wanted) {
      if (!qualnames.includes(qualname)) continue;
      const holder = fn.parent()?.kind() === 'decorated_definition' ? (fn.parent() as SgNode) : fn;
      found.push({ name, start: holder.range().start.index, end: holder.range().end.index });
    }
  }
  return found;
}
