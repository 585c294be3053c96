// What a called name stands for: `t.sleep` is `time.sleep` after `import time as t`, `sleep` is `time.sleep`
// after `from time import sleep`, and `open` is `builtins.open` only when nothing in the file binds `open`.
// A name bound by anything but imports (a parameter, an assignment, a local `def open`) stands for nothing
// known, so nothing is reported on it.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { ModuleImports } from '../support/imports';
import { nameTable, occurrenceOf, resolveBinding, type NameOccurrence, type NameTable } from '../support/scope';
import { dottedName } from '../query/syntax';

const IMPORT_KINDS = new Set(['import_statement', 'import_from_statement']);

export class QualifiedNames {
  private readonly tables = new Map<string, NameTable>();
  /** A wildcard import may bind any name, builtins included. */
  private readonly hasWildcard: boolean;

  constructor(
    private readonly root: SgRoot,
    private readonly imports: ModuleImports,
  ) {
    this.hasWildcard = imports.from.some((imp) => imp.name === '*');
  }

  /** The absolute dotted name of an `a.b.c` expression, or null when its head is not bound by imports alone. */
  of(expr: SgNode): string | null {
    const dotted = dottedName(expr);
    if (!dotted) return null;
    let head = expr;
    while (head.kind() === 'attribute') head = head.field('object') as SgNode;
    const target = this.targetOf(head);
    return target === null ? null : [target, ...dotted.slice(1)].join('.');
  }

  /**
   * The bindings a reference to a name sees: those of the innermost scope that binds it (all of them: Python
   * does not know statically which one ran). Empty when nothing in the file binds the name; null when `id`
   * is not a reference.
   */
  visibleBindings(id: SgNode): NameOccurrence[] | null {
    const name = id.text();
    let table = this.tables.get(name);
    if (!table) {
      table = nameTable(this.root, name);
      this.tables.set(name, table);
    }
    const occurrence = occurrenceOf(table, id);
    if (!occurrence || occurrence.role !== 'reference') return null;
    const scope = resolveBinding(table, occurrence);
    if (scope === null) return [];
    return table.occurrences.filter((o) => (o.role === 'binding' || o.role === 'import') && o.scope.id() === scope.id());
  }

  private targetOf(id: SgNode): string | null {
    const name = id.text();
    const bindings = this.visibleBindings(id);
    if (bindings === null) return null;
    if (bindings.length === 0) return this.hasWildcard ? null : `builtins.${name}`;
    const targets = new Set(bindings.map((b) => (b.role === 'import' ? this.importTarget(b.node, name) : null)));
    // `try: import ujson as json / except ImportError: import json` binds two modules: neither is known.
    if (targets.size !== 1) return null;
    return [...targets][0] ?? null;
  }

  private importTarget(node: SgNode, local: string): string | null {
    const statement = node.ancestors().find((a) => IMPORT_KINDS.has(String(a.kind())));
    if (!statement) return null;
    const from = this.imports.from.find((imp) => imp.node.id() === statement.id() && (imp.alias ?? imp.name) === local);
    if (from) return from.relativeLevel > 0 ? null : `${from.module}.${from.name}`;
    const plain = this.imports.plain.find(
      (imp) => imp.node.id() === statement.id() && (imp.alias === local || (imp.alias === null && imp.module.split('.')[0] === local)),
    );
    if (!plain) return null;
    return plain.alias === null ? local : plain.module;
  }
}
