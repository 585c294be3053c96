// Giving code back its sync form: what insert-await and async-session wrote in a function that turns out to stay
// sync (a plain def propagate-async keeps, a test handed a sync session by a fixture async-tests leaves sync).
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { TextEdit } from '../../../engine/types';
import { end, namedChildren, start } from '../query/syntax';
import { isModuleLevel, type FromImport, type ModuleImports } from './imports';
import { nameTable } from './scope';

/** The sync session module of each async one: where `Session` comes from when `AsyncSession` goes. */
export const ASYNC_SESSION_MODULES: Record<string, string> = { 'sqlalchemy.ext.asyncio': 'sqlalchemy.orm', 'sqlmodel.ext.asyncio.session': 'sqlmodel' };

/** Modules whose `Session` is SQLAlchemy's (or SQLModel's) sync session, and where the matching AsyncSession lives. */
export const SYNC_SESSION_MODULES: Readonly<Record<string, string>> = {
  'sqlalchemy.orm': 'sqlalchemy.ext.asyncio',
  'sqlalchemy.orm.session': 'sqlalchemy.ext.asyncio',
  sqlmodel: 'sqlmodel.ext.asyncio.session',
  'sqlmodel.orm.session': 'sqlmodel.ext.asyncio.session',
};

/**
 * Every `await x` that `owned` accepts becomes `x` (which parses wherever `await x` did, since `await` only ever
 * takes a primary); the parentheses insert-await wrote for it go too (`(await x).first()` → `x.first()`).
 */
export function awaitsTakenOut(root: SgNode, owned: (node: SgNode) => boolean, reason: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const node of root.findAll({ rule: { kind: 'await' } })) {
    const operand = node.child(1);
    if (!operand || !owned(node)) continue;
    const parens = node.parent();
    if (parens?.kind() === 'parenthesized_expression' && namedChildren(parens).length === 1 && /^(attribute|subscript|call)$/.test(String(parens.parent()?.kind() ?? ''))) {
      edits.push({ start: start(parens), end: start(operand), text: '', reason }, { start: end(operand), end: end(parens), text: '', reason });
      continue;
    }
    edits.push({ start: start(node), end: start(operand), text: '', reason });
  }
  return edits;
}

/**
 * The module-level `from m import <name>` whose every other use was replaced at `replaced` (offsets), so it would be
 * left unused. Read from the text, strings and comments included (`__all__`, a string annotation, a doctest): one
 * occurrence of the word anywhere else keeps the import.
 */
export function unusedImport(source: string, imports: ModuleImports, name: string, replaced: readonly number[]): { module: string; name: string } | null {
  const imported = imports.from.filter((i) => i.name === name || i.alias === name);
  const only = imported.length === 1 && imports.plain.every((i) => i.alias !== name) ? imported[0] : undefined;
  if (only === undefined || only.alias !== null || !isModuleLevel(only.node) || replaced.length === 0) return null;
  const statement = { start: start(only.node), end: end(only.node) };
  const done = new Set(replaced);
  let inImport = 0;
  for (const match of source.matchAll(new RegExp(`(?<![\\w.])${name}(?!\\w)`, 'gu'))) {
    if (done.has(match.index)) continue;
    if (match.index < statement.start || match.index >= statement.end) return null;
    inImport++;
  }
  return inImport === 1 ? { module: only.module, name } : null;
}

/** Some statement at module level binds or declares `name` (an import, an assignment, a def...). */
export function boundAtModuleLevel(tree: SgRoot, name: string): boolean {
  return nameTable(tree, name).occurrences.some((o) => o.role !== 'reference' && o.scope.kind() === 'module');
}

/**
 * A module importing `name` more than once, each time by a statement of its own (`from m import name` and nothing
 * else: a file pasted together from two, its imports written twice): those statements, when there are two or more,
 * all at module level, from one module, without alias. Converting such a file swaps each statement in place
 * (`from m import name` for `from m2 import name2`, see samePlaceSwaps), so that giving the code back its sync form
 * can swap each back and leave the file as it was; planImportEdits would keep one statement and delete the others.
 */
export function loneDuplicateImports(imports: ModuleImports, name: string): FromImport[] | null {
  const binding = [...imports.from.filter((i) => i.name === name || i.alias === name), ...imports.plain.filter((i) => i.alias === name)];
  const statements = imports.from.filter((i) => i.name === name && i.alias === null && isModuleLevel(i.node));
  if (statements.length < 2 || binding.length !== statements.length) return null;
  if (new Set(statements.map((i) => i.module)).size !== 1) return null;
  const alone = (i: FromImport): boolean => imports.from.filter((o) => o.node.id() === i.node.id()).length === 1;
  return statements.every(alone) ? statements : null;
}

/** Edits replacing each of `statements` (loneDuplicateImports) by `from <module> import <name>`. */
export function samePlaceSwaps(statements: readonly FromImport[], module: string, name: string, reason: string): TextEdit[] {
  return statements.map((i) => ({ start: start(i.node), end: end(i.node), text: `from ${module} import ${name}`, reason }));
}

/**
 * Of loneDuplicateImports(`name`), the statements left unused once every other use of the word was replaced at
 * `replaced` (offsets), read from the text as unusedImport does: every remaining occurrence is one of those
 * statements' own. Null when any other occurrence keeps the name in use, or there are no such statements.
 */
export function unusedDuplicateImports(source: string, imports: ModuleImports, name: string, replaced: readonly number[]): FromImport[] | null {
  const statements = loneDuplicateImports(imports, name);
  if (statements === null || replaced.length === 0) return null;
  const done = new Set(replaced);
  const inside = (at: number): boolean => statements.some((i) => at >= start(i.node) && at < end(i.node));
  let inImports = 0;
  for (const match of source.matchAll(new RegExp(`(?<![\\w.])${name}(?!\\w)`, 'gu'))) {
    if (done.has(match.index)) continue;
    if (!inside(match.index)) return null;
    inImports++;
  }
  return inImports === statements.length ? statements : null;
}
