// Import analysis and import edit planning for Python sources.
//
// Edits are planned as text edits rather than by regenerating statements, so comments, formatting and
// parenthesised layouts survive: only the names that change are touched.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { TextEdit } from '../../../engine/types';
import { treeMemo } from './cached-tree';
import { nameTable } from './scope';

export interface FromImport {
  /** As written after `from`, whitespace removed: `a.b`, `.deps`, `..api`, `.`, `__future__`. */
  module: string;
  /** The imported name, `*` for a wildcard import. */
  name: string;
  alias: string | null;
  /** The import statement. */
  node: SgNode;
  /** Number of leading dots of a relative import, 0 for an absolute one. */
  relativeLevel: number;
}

export interface PlainImport {
  module: string;
  alias: string | null;
  node: SgNode;
}

export interface ModuleImports {
  from: FromImport[];
  plain: PlainImport[];
}

export interface ImportChange {
  add?: { module: string; name: string }[];
  remove?: { module: string; name: string }[];
}

const SCOPE_BOUNDARIES = new Set(['function_definition', 'class_definition', 'lambda']);

/**
 * Every import in the file, top-level and nested, in source order. Read once per cached view: a dozen
 * analyses of one file ask for it, and each reading asks the statements again through N-API. The answer is
 * shared, so it is frozen: nothing may change it.
 */
export function collectImports(root: SgRoot): ModuleImports {
  const top = root.root();
  return treeMemo(top, 'imports', () => readImports(top)) ?? readImports(top);
}

function readImports(top: SgNode): ModuleImports {
  const result: ModuleImports = { from: [], plain: [] };
  const statements = top
    .findAll({
      rule: { any: [{ kind: 'import_from_statement' }, { kind: 'future_import_statement' }, { kind: 'import_statement' }] },
    })
    .sort((a, b) => a.range().start.index - b.range().start.index);
  for (const stmt of statements) {
    if (stmt.kind() === 'import_statement') {
      for (const item of stmt.fieldChildren('name')) {
        const { name, alias } = itemNameAndAlias(item);
        result.plain.push({ module: name, alias, node: stmt });
      }
      continue;
    }
    const module = fromModuleOf(stmt);
    const relativeLevel = /^\.*/.exec(module)?.[0].length ?? 0;
    for (const item of importedItems(stmt)) {
      result.from.push({ module, name: item.name, alias: item.alias, node: stmt, relativeLevel });
    }
    if (stmt.find({ rule: { kind: 'wildcard_import' } })) {
      result.from.push({ module, name: '*', alias: null, node: stmt, relativeLevel });
    }
  }
  for (const item of [...result.from, ...result.plain]) Object.freeze(item);
  Object.freeze(result.from);
  Object.freeze(result.plain);
  return Object.freeze(result);
}

/**
 * Local name bound to `module.name` by a `from` import, or null. Module-level bindings win over ones inside
 * functions; wildcard imports are never taken as binding a name (what they bind is unknown here).
 */
export function localNameFor(imports: ModuleImports, module: string, name: string): string | null {
  return localNamesFor(imports, module, name)[0] ?? null;
}

/** All local names bound to `module.name` by `from` imports, module-level ones first. */
export function localNamesFor(imports: ModuleImports, module: string, name: string): string[] {
  const matches = imports.from.filter((imp) => imp.module === module && imp.name === name);
  const ordered = [...matches.filter((m) => isModuleLevel(m.node)), ...matches.filter((m) => !isModuleLevel(m.node))];
  return [...new Set(ordered.map((m) => m.alias ?? m.name))];
}

/** What one local name, bound by an import, stands for as an absolute dotted path. */
export interface ImportBinding {
  local: string;
  /** `from a.b import c as d` → `a.b.c`; `import a.b` → `a` (binds the package); `import a.b as c` → `a.b`. */
  target: string;
  node: SgNode;
  /** Bound under an `as` name: `import a.b as c` binds the module `a.b`, where `import a.b` binds only the package `a`. */
  aliased: boolean;
}

/**
 * Names bound by import statements that are not inside a function or class (wildcard imports skipped). Relative
 * imports are skipped unless `relative` is set: their target is then as written, dots kept (`from .. import deps` →
 * `..deps`, `from .db import session` → `.db.session`), for a caller that resolves it against the file's path.
 */
export function moduleLevelImportBindings(imports: ModuleImports, { relative = false }: { relative?: boolean } = {}): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  for (const imp of imports.from) {
    if ((imp.relativeLevel > 0 && !relative) || imp.name === '*' || imp.module === '__future__' || !isModuleLevel(imp.node)) continue;
    const target = imp.module.endsWith('.') ? `${imp.module}${imp.name}` : `${imp.module}.${imp.name}`;
    bindings.push({ local: imp.alias ?? imp.name, target, node: imp.node, aliased: imp.alias !== null });
  }
  for (const imp of imports.plain) {
    if (!isModuleLevel(imp.node)) continue;
    if (imp.alias) bindings.push({ local: imp.alias, target: imp.module, node: imp.node, aliased: true });
    else {
      const top = imp.module.split('.')[0] ?? imp.module;
      bindings.push({ local: top, target: top, node: imp.node, aliased: false });
    }
  }
  return bindings;
}

/**
 * Of `candidates` (imported names that code being replaced used), those the file no longer needs once the
 * `replaced` ranges are rewritten, each once: every reference to the local name lies inside a replaced range,
 * and the module does not re-export it (an `__init__.py`, a name in `__all__`).
 */
export function importsFreedBy(
  root: SgRoot,
  path: string,
  candidates: readonly { module: string; name: string; local: string }[],
  replaced: readonly { start: number; end: number }[],
): { module: string; name: string }[] {
  const freed: { module: string; name: string }[] = [];
  if (/(^|\/)__init__\.py$/.test(path)) return freed;
  const reexported = dunderAllNames(root);
  const inReplaced = (at: number): boolean => replaced.some((r) => at >= r.start && at < r.end);
  for (const c of candidates) {
    if (freed.some((f) => f.module === c.module && f.name === c.name) || reexported.has(c.local)) continue;
    if (nameTable(root, c.local).occurrences.some((o) => o.role === 'reference' && !inReplaced(o.node.range().start.index))) continue;
    freed.push({ module: c.module, name: c.name });
  }
  return freed;
}

/**
 * Names listed as plain strings in `__all__` (assigned, extended, appended): a module re-exporting an imported
 * name needs the import even when it uses the name nowhere else.
 */
export function dunderAllNames(root: SgRoot): Set<string> {
  const names = new Set<string>();
  const holders = root.root().findAll({
    rule: {
      any: [
        { kind: 'assignment', has: { field: 'left', regex: '^__all__$' } },
        { kind: 'augmented_assignment', has: { field: 'left', regex: '^__all__$' } },
        { kind: 'call', has: { field: 'function', regex: '^__all__\\.(append|extend|insert)$' } },
      ],
    },
  });
  for (const holder of holders) {
    for (const literal of holder.findAll({ rule: { kind: 'string' } })) {
      const parts = literal.children();
      if (parts.length === 3 && String(parts[1]!.kind()) === 'string_content') names.add(parts[1]!.text());
    }
  }
  return names;
}

/**
 * The spellings, whitespace removed, that name `contextlib.contextmanager` in the module: `contextmanager` and
 * `contextlib.contextmanager` as ever (a bare `contextmanager` is taken as contextlib's without its import, as
 * before), and the aliases the module binds, `from contextlib import contextmanager as cm` (`cm`) and `import
 * contextlib as cl` (`cl.contextmanager`). A generator under any of them is driven synchronously by a plain `with`.
 */
export function contextmanagerSpellings(root: SgRoot): ReadonlySet<string> {
  const read = (): ReadonlySet<string> => {
    const spellings = new Set(['contextmanager', 'contextlib.contextmanager']);
    const imports = collectImports(root);
    for (const imp of imports.from) if (imp.module === 'contextlib' && imp.name === 'contextmanager') spellings.add(imp.alias ?? imp.name);
    for (const imp of imports.plain) if (imp.module === 'contextlib' && imp.alias) spellings.add(`${imp.alias}.contextmanager`);
    return spellings;
  };
  return treeMemo(root.root(), 'contextmanager-spellings', read) ?? read();
}

/** `text` (a callee or a decorator's expression, `@` and whitespace allowed) names `contextlib.contextmanager` in root's module. */
export function isContextmanager(root: SgRoot, text: string): boolean {
  return contextmanagerSpellings(root).has(text.replace(/^@/, '').replace(/\s+/g, ''));
}

/** True when the statement runs at import time of the module: not inside a function, lambda or class body. */
export function isModuleLevel(node: SgNode): boolean {
  for (let a = node.parent(); a !== null; a = a.parent()) if (SCOPE_BOUNDARIES.has(String(a.kind()))) return false;
  return true;
}

/** True when the statement is a direct child of the module (not inside `if`, `try`, a function...). */
export function isTopLevel(node: SgNode): boolean {
  return node.parent()?.kind() === 'module';
}

/**
 * Non-overlapping edits that add/remove names. Adding a name already imported (without alias, by a top-level
 * statement) is a no-op; added names join an existing top-level `from module import ...` statement when there
 * is one, else a new statement goes after the last import of the file's leading import block (never before
 * `from __future__` or the module docstring, and never after code, so the name is bound before first use) —
 * or in place of a leading-block statement this same change removes entirely.
 *
 * Removing `{module, name}` removes that name, under any alias, from every module-level `from module import`
 * statement (imports inside functions and classes are left alone), except under a local name in `keep` (the names
 * other modules import from this one, scaffold/engine-index.ts importedByOthers, which must stay bound here): callers must check that none of the local
 * names involved is still used. Removing the last name of a statement removes the whole line; when it was the
 * only statement of an `if NAME:` block without `else` (`if TYPE_CHECKING:`), the block goes too; otherwise the
 * only statement of a block becomes `pass`. A statement both losing and gaining names is edited in place.
 */
export function planImportEdits(root: SgRoot, source: string, change: ImportChange, keep: readonly string[] = []): TextEdit[] {
  const statements = root
    .root()
    .findAll({ rule: { any: [{ kind: 'import_from_statement' }, { kind: 'future_import_statement' }] } })
    .sort((a, b) => a.range().start.index - b.range().start.index);
  const plans = new Map<number, StatementPlan>();
  const planFor = (stmt: SgNode): StatementPlan => {
    let plan = plans.get(stmt.id());
    if (!plan) {
      plan = { stmt, items: importedItems(stmt), removed: new Set(), added: [] };
      plans.set(stmt.id(), plan);
    }
    return plan;
  };

  for (const { module, name } of change.remove ?? []) {
    for (const stmt of statements) {
      if (fromModuleOf(stmt) !== module || !isModuleLevel(stmt)) continue;
      const items = importedItems(stmt);
      const removable = (item: ImportedItem): boolean => item.name === name && !keep.includes(item.alias ?? item.name);
      if (!items.some(removable)) continue;
      const plan = planFor(stmt);
      plan.items.forEach((item, index) => {
        if (removable(item)) plan.removed.add(index);
      });
    }
  }

  const newStatements = new Map<string, string[]>();
  for (const { module, name } of dedupe(change.add ?? [])) {
    const topLevel = statements.filter((s) => isTopLevel(s) && fromModuleOf(s) === module);
    const alreadyBound = topLevel.some((s) =>
      importedItems(s).some((item, index) => {
        const removed = plans.get(s.id())?.removed.has(index) ?? false;
        return !removed && item.name === name && (item.alias === null || item.alias === name);
      }),
    );
    if (alreadyBound) continue;
    const target = topLevel.find((s) => !s.find({ rule: { kind: 'wildcard_import' } }));
    if (target) {
      planFor(target).added.push(name);
    } else {
      const names = newStatements.get(module) ?? [];
      names.push(name);
      newStatements.set(module, names);
    }
  }

  const edits: TextEdit[] = [];
  const lines = [...newStatements].map(([module, names]) => `from ${module} import ${names.join(', ')}`);
  const offset = lines.length > 0 ? importInsertionPoint(root, source) : 0;
  // A statement that goes away entirely, in the leading imports, makes room for the new one: the replacement
  // import then sits where the old one was.
  const replaced =
    lines.length === 0
      ? undefined
      : [...plans.values()]
          .filter((p) => p.added.length === 0 && p.removed.size === p.items.length && isTopLevel(p.stmt))
          .filter((p) => p.stmt.range().end.index <= offset && isAloneOnItsLines(p.stmt, source))
          .sort((a, b) => a.stmt.range().start.index - b.stmt.range().start.index)[0];
  for (const plan of plans.values()) {
    if (plan === replaced) {
      const { start, end } = plan.stmt.range();
      edits.push({ start: start.index, end: end.index, text: lines.join('\n') });
    } else {
      edits.push(...editsForStatement(plan, source));
    }
  }
  if (lines.length > 0 && !replaced) {
    let text = lines.map((line) => `${line}\n`).join('');
    if (offset === source.length && source.length > 0 && !source.endsWith('\n')) text = `\n${text}`;
    edits.push({ start: offset, end: offset, text });
  }
  return mergeTouching(edits, source);
}

/** Offset where a new top-level import statement goes: the start of the line after the leading imports. */
export function importInsertionPoint(root: SgRoot, source: string): number {
  const children = root.root().children();
  let offset: number | null = null;
  let sawStatement = false;
  for (const child of children) {
    const kind = child.kind();
    if (kind === 'comment') continue;
    if (!child.isNamed()) continue; // `;` between statements
    const isDocstring = !sawStatement && kind === 'expression_statement' && isStringExpression(child);
    if (!isDocstring && !isImportLike(child)) break;
    const end = child.range().end.index;
    // A statement sharing its last line with code that follows cannot be followed by a new line safely.
    if (!/^[ \t]*(#[^\n]*)?\n?$/.test(source.slice(end, lineEndAfter(source, end)))) break;
    offset = lineEndAfter(source, end);
    sawStatement = true;
  }
  if (offset !== null) return offset;
  // No docstring and no imports: go after the leading comment block (shebang, encoding line, licence).
  let position = 0;
  while (position < source.length) {
    const lineEnd = lineEndAfter(source, position);
    const line = source.slice(position, lineEnd);
    if (!/^[ \t]*#/.test(line)) break;
    position = lineEnd;
  }
  return position;
}

interface ImportedItem {
  node: SgNode;
  name: string;
  alias: string | null;
  start: number;
  end: number;
}

interface StatementPlan {
  stmt: SgNode;
  items: ImportedItem[];
  removed: Set<number>;
  added: string[];
}

function importedItems(stmt: SgNode): ImportedItem[] {
  return stmt.fieldChildren('name').map((node) => {
    const { name, alias } = itemNameAndAlias(node);
    const { start, end } = node.range();
    return { node, name, alias, start: start.index, end: end.index };
  });
}

function itemNameAndAlias(item: SgNode): { name: string; alias: string | null } {
  if (item.kind() === 'aliased_import') {
    return { name: stripSpace(item.field('name')?.text() ?? ''), alias: item.field('alias')?.text() ?? null };
  }
  return { name: stripSpace(item.text()), alias: null };
}

function fromModuleOf(stmt: SgNode): string {
  if (stmt.kind() === 'future_import_statement') return '__future__';
  return stripSpace(stmt.field('module_name')?.text() ?? '');
}

function stripSpace(text: string): string {
  return text.replace(/[\s\\]+/g, '');
}

function dedupe(entries: { module: string; name: string }[]): { module: string; name: string }[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${e.module}\u0000${e.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isStringExpression(stmt: SgNode): boolean {
  const named = stmt.children().filter((c) => c.isNamed());
  return named.length === 1 && ['string', 'concatenated_string'].includes(String(named[0]!.kind()));
}

/** Imports, and `if`/`try` blocks made only of imports (`if TYPE_CHECKING:`, `try: import ujson ...`). */
function isImportLike(stmt: SgNode): boolean {
  const kind = stmt.kind();
  if (kind === 'import_statement' || kind === 'import_from_statement' || kind === 'future_import_statement') return true;
  if (kind !== 'if_statement' && kind !== 'try_statement') return false;
  const simple = stmt.findAll({
    rule: { any: [{ kind: 'expression_statement' }, { kind: 'assignment' }, { kind: 'return_statement' }, { kind: 'raise_statement' }, { kind: 'function_definition' }, { kind: 'class_definition' }, { kind: 'call' }] },
  });
  return simple.length === 0;
}

function lineStartBefore(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the newline ending the line that contains `offset` (or the end of the text). */
function lineEndAfter(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline === -1 ? source.length : newline + 1;
}

function editsForStatement(plan: StatementPlan, source: string): TextEdit[] {
  const { stmt, items } = plan;
  const removed = new Set(plan.removed);
  let added = [...plan.added];
  const edits: TextEdit[] = [];

  // A statement losing names and gaining others: the first removed name is replaced in place, which keeps the
  // statement (and its comments) whatever else is removed.
  let substituted: { index: number; text: string } | null = null;
  if (removed.size > 0 && added.length > 0) {
    const index = Math.min(...removed);
    removed.delete(index);
    // Only the first: the others go where a later run, adding them alone, would put them (see withAdded).
    substituted = { index, text: added[0]! };
    added = added.slice(1);
  }

  if (substituted === null && removed.size === items.length) return [removeStatement(stmt, source)];

  if (!stmt.text().includes('\n')) {
    // One line: nothing but names and commas sits between the first and last name, so rewriting that span
    // loses nothing.
    const texts = items.flatMap((item, index) => {
      if (index === substituted?.index) return [substituted.text];
      if (removed.has(index)) return [];
      return [source.slice(item.start, item.end)];
    });
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const text = withAdded(texts, added).join(', ');
    return text === source.slice(first.start, last.end) ? [] : [{ start: first.start, end: last.end, text }];
  }

  if (substituted) {
    const item = items[substituted.index]!;
    edits.push({ start: item.start, end: item.end, text: substituted.text });
  }
  if (removed.size > 0) edits.push(...removalEdits(stmt, items, removed, source));
  if (added.length > 0) edits.push(...additionEdits(stmt, items, added, source));
  return edits;
}

/**
 * The names of a one-line statement with `added` put in: where the names kept are in isort's order (constants,
 * classes, then the rest, each alphabetical), each goes where that order puts it, else at the end. A name one
 * transform removes and a later one puts back (a kept-sync handler's `Session`) then returns to its place, so a
 * second run writes the statement as the first did.
 */
function withAdded(texts: string[], added: string[]): string[] {
  if (added.length === 0) return texts;
  const sorted = texts.every((t, i) => i === 0 || compareImportNames(texts[i - 1] as string, t) <= 0);
  if (!sorted) return [...texts, ...added];
  const out = [...texts];
  for (const name of added) {
    const at = out.findIndex((t) => compareImportNames(name, t) < 0);
    out.splice(at === -1 ? out.length : at, 0, name);
  }
  return out;
}

/** isort's default order of imported names (`order_by_type`): CONSTANTS, Classes, then everything else. */
function compareImportNames(a: string, b: string): number {
  const rank = (t: string): number => {
    const name = t.split(/\s+as\s+/)[0] as string;
    if (name.length > 1 && name === name.toUpperCase() && /[A-Z]/.test(name)) return 0;
    return /^_*[A-Z]/.test(name) ? 1 : 2;
  };
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function isParenthesized(stmt: SgNode): boolean {
  return stmt.children().some((c) => c.kind() === '(');
}

/** Commas between the names of a statement, in order. */
function commaTokens(stmt: SgNode): SgNode[] {
  return stmt.children().filter((c) => c.kind() === ',');
}

const OWN_LINE_REST = /^[ \t]*,?[ \t]*(#[^\n]*)?(\n|$)/;

/** The name sits alone on its line inside parentheses: only indentation before, only `,` and a comment after. */
function isOwnLine(stmt: SgNode, item: ImportedItem, source: string): boolean {
  if (!isParenthesized(stmt)) return false;
  const before = source.slice(lineStartBefore(source, item.start), item.start);
  return /^[ \t]*$/.test(before) && OWN_LINE_REST.test(source.slice(item.end));
}

function removalEdits(stmt: SgNode, items: ImportedItem[], removed: Set<number>, source: string): TextEdit[] {
  const indices = [...removed].sort((a, b) => a - b);
  if (indices.every((i) => isOwnLine(stmt, items[i]!, source))) {
    return indices.map((i) => {
      const item = items[i]!;
      return { start: lineStartBefore(source, item.start), end: lineEndAfter(source, item.end), text: '' };
    });
  }

  const commas = commaTokens(stmt);
  const commaAfter = (item: ImportedItem) => commas.find((c) => c.range().start.index >= item.end) ?? null;
  const commaBefore = (item: ImportedItem) =>
    [...commas].reverse().find((c) => c.range().end.index <= item.start) ?? null;
  const edits: TextEdit[] = [];
  for (const index of indices) {
    const item = items[index]!;
    const keptAfter = items.some((_, j) => j > index && !removed.has(j));
    if (keptAfter) {
      // Take the name and the comma after it: the next kept name then takes its place.
      const comma = commaAfter(item)!;
      const commaStart = comma.range().start.index;
      let commaEnd = comma.range().end.index;
      const rest = /^[ \t]*/.exec(source.slice(commaEnd))![0];
      const followedByLineEnd = /^[ \t]*(#|\n|$)/.test(source.slice(commaEnd));
      if (!followedByLineEnd) commaEnd += rest.length;
      if (source.slice(item.end, commaStart).includes('#')) {
        edits.push({ start: item.start, end: item.end, text: '' }, { start: commaStart, end: commaEnd, text: '' });
      } else {
        edits.push({ start: item.start, end: commaEnd, text: '' });
      }
    } else {
      // Nothing kept after it: take the comma before it, and the continuation between them when it holds no comment.
      const comma = commaBefore(item)!;
      const commaStart = comma.range().start.index;
      const between = source.slice(comma.range().end.index, item.start);
      if (between.includes('#')) {
        const indent = /[ \t]*$/.exec(source.slice(0, item.start))![0].length;
        edits.push(
          { start: commaStart, end: comma.range().end.index, text: '' },
          { start: item.start - indent, end: item.end, text: '' },
        );
      } else {
        edits.push({ start: commaStart, end: item.end, text: '' });
      }
    }
  }
  return edits;
}

function additionEdits(stmt: SgNode, items: ImportedItem[], added: string[], source: string): TextEdit[] {
  const last = items[items.length - 1]!;
  if (isOwnLine(stmt, last, source)) {
    const indent = /^[ \t]*/.exec(source.slice(lineStartBefore(source, last.start)))![0];
    const hasComma = /^[ \t]*,/.test(source.slice(last.end));
    const lineEnd = lineEndAfter(source, last.end);
    const prefix = lineEnd === source.length && !source.endsWith('\n') ? '\n' : '';
    const lines = added.map((name, i) => `${indent}${name}${hasComma || i < added.length - 1 ? ',' : ''}\n`).join('');
    const edits: TextEdit[] = [];
    if (!hasComma) edits.push({ start: last.end, end: last.end, text: ',' });
    edits.push({ start: lineEnd, end: lineEnd, text: prefix + lines });
    return edits;
  }
  return [{ start: last.end, end: last.end, text: added.map((name) => `, ${name}`).join('') }];
}

/** Only indentation before the statement on its first line, only a comment after it on its last. */
function isAloneOnItsLines(stmt: SgNode, source: string): boolean {
  const start = stmt.range().start.index;
  const end = stmt.range().end.index;
  const before = source.slice(lineStartBefore(source, start), start);
  const after = source.slice(end, lineEndAfter(source, end));
  return /^[ \t]*$/.test(before) && /^[ \t]*(#[^\n]*)?\n?$/.test(after);
}

function removeStatement(stmt: SgNode, source: string): TextEdit {
  const start = stmt.range().start.index;
  const end = stmt.range().end.index;
  const lineStart = lineStartBefore(source, start);
  const before = source.slice(lineStart, start);
  const block = stmt.parent();
  const onlyStatementOfBlock =
    block?.kind() === 'block' && block.children().filter((c) => c.isNamed() && c.kind() !== 'comment').length === 1;

  if (isAloneOnItsLines(stmt, source)) {
    if (!onlyStatementOfBlock) return { start: lineStart, end: lineEndAfter(source, end), text: '' };
    const owner = block?.parent();
    // `if TYPE_CHECKING:` left with nothing to do goes too; a condition that could have side effects stays.
    if (owner && owner.kind() === 'if_statement' && isRemovableIf(owner)) return removeStatement(owner, source);
    return { start, end, text: 'pass' };
  }
  const semicolonAfter = /^[ \t]*;[ \t]*/.exec(source.slice(end));
  if (semicolonAfter) return { start, end: end + semicolonAfter[0].length, text: '' };
  const semicolonBefore = /;[ \t]*$/.exec(before);
  if (semicolonBefore) return { start: lineStart + semicolonBefore.index, end, text: '' };
  return { start, end, text: 'pass' };
}

function isRemovableIf(ifStatement: SgNode): boolean {
  if (ifStatement.field('alternative')) return false;
  if (ifStatement.find({ rule: { kind: 'comment' } })) return false;
  const condition = ifStatement.field('condition');
  return !!condition && /^[A-Za-z_][\w.]*$/.test(condition.text()) && ['identifier', 'attribute'].includes(String(condition.kind()));
}

/** Sorts edits and joins those that touch, so an insertion right after a removed line is one edit. */
function mergeTouching(edits: TextEdit[], source: string): TextEdit[] {
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order)
    .map((e) => e.edit);
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && edit.start < previous.end) {
      throw new Error(`planImportEdits produced overlapping edits at ${edit.start}`);
    }
    if (previous && edit.start === previous.end) {
      merged[merged.length - 1] = {
        start: previous.start,
        end: edit.end,
        text: previous.text + source.slice(previous.end, edit.start) + edit.text,
      };
      continue;
    }
    merged.push({ ...edit });
  }
  return merged.filter((e) => !(e.start === e.end && e.text === ''));
}
