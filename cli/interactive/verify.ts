// What a partial selection of changes can break that applying all (or none) of them cannot. Transforms
// are checked on their whole output; a reviewer's mix of accepted and rejected changes is new code
// nobody checked, so a file whose mix fails one of these checks is not written. The checks catch the
// common dependencies between changes, not all: a function made async whose callers' awaits were
// rejected still parses, and only a review (or `awaitify dry-run` again) finds it.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import { decodeSource } from '../../engine/text';
import { asyncOutsideAsync } from '../../transforms/python/support/async-context';
import { collectImports } from '../../transforms/python/support/imports';
import { firstSyntaxError, parsePython } from '../../transforms/python/support/language';

/** Why `result` (a file's text with some of its changes) must not be written, or null. Texts as in the report: BOM and CRLF included. */
export function partialSelectionProblem(before: string, after: string, result: string): string | null {
  const parsed = (text: string): SgRoot => {
    const decoded = decodeSource(Buffer.from(text, 'utf8'));
    // The engine decoded `before` and encoded `after`; a mix of their lines decodes the same way.
    if (!decoded.ok) throw new Error(`cannot decode the selected text: ${decoded.reason}`);
    return parsePython(decoded.decoded.text);
  };
  const mixed = parsed(result);
  const syntax = firstSyntaxError(mixed);
  if (syntax) return `the accepted changes do not parse together (line ${syntax.line}, column ${syntax.column}: ${syntax.message})`;

  const old = parsed(before);
  const full = parsed(after);
  const misplaced = asyncOutsideAsync(mixed).map((m) => m.node);
  if (misplaced.length > Math.max(asyncOutsideAsync(old).length, asyncOutsideAsync(full).length)) {
    const first = misplaced[0] as SgNode;
    return (
      `line ${first.range().start.line + 1} would use \`${first.text().split('\n')[0]?.slice(0, 40)}\` outside an \`async def\` ` +
      '(a SyntaxError in Python): accept the change that makes the function async as well, or reject this one'
    );
  }

  const importedBefore = importBound(old);
  const importedAfter = importBound(full);
  const importedNow = importBound(mixed);
  for (const name of new Set([...importedBefore, ...importedAfter])) {
    if (importedNow.has(name)) continue;
    const allowed = importedBefore.has(name) ? 0 : uses(old, name);
    if (uses(mixed, name) > allowed) {
      return importedBefore.has(name)
        ? `\`${name}\` would be used without its import: an accepted change removes the import, and a rejected one keeps a use of it`
        : `\`${name}\` would be used without its import: an accepted change uses it, and the change that imports it was rejected`;
    }
  }
  return null;
}

/** Local names bound by imports anywhere in the file (wildcards and `__future__` bind nothing nameable). */
function importBound(root: SgRoot): Set<string> {
  const imports = collectImports(root);
  const names = new Set<string>();
  for (const imp of imports.from) if (imp.name !== '*' && imp.module !== '__future__') names.add(imp.alias ?? imp.name);
  for (const imp of imports.plain) names.add(imp.alias ?? (imp.module.split('.')[0] as string));
  return names;
}

/** Identifiers reading or binding `name` outside imports: not attribute names (`x.name`) or keyword names (`f(name=1)`). */
function uses(root: SgRoot, name: string): number {
  return root
    .root()
    .findAll({ rule: { kind: 'identifier', regex: `^${name.replace(/[^\w]/g, '\\$&')}$` } })
    .filter((id) => {
      const parent = id.parent();
      if (!parent) return true;
      const kind = parent.kind();
      if (kind === 'attribute' && parent.field('attribute')?.id() === id.id()) return false;
      if (kind === 'keyword_argument' && parent.field('name')?.id() === id.id()) return false;
      return !id.ancestors().some((a) => a.kind() === 'import_from_statement' || a.kind() === 'import_statement' || a.kind() === 'future_import_statement');
    }).length;
}
