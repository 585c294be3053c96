// aiofiles (opt-in): the builtin `open()` in `async def` → `async with aiofiles.open(...)`, with the file's
// reads and writes awaited and its lines read by `async for`.
//
// A function is converted whole or not at all: when any file it opens is used in a way aiofiles cannot take
// (passed to json.load, returned, opened outside a `with`...), none of its `open()` calls change and each
// obstacle is flagged, so no function mixes aiofiles objects with code written for sync files.
// Sync functions, nested sync defs and lambdas are left alone: they do not block an event loop by
// themselves, and `awaitify audit` reports the blocking calls that remain in async code.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { FindingInput, TextEdit, Transform, TransformContext, TransformResult } from '../../engine/types';
import { QualifiedNames } from './audit/names';
import { placeOf } from './awaits/context';
import { fileUses, type OpenBlock, type UseProblem } from './files/file-uses';
import { openArgumentsProblem } from './files/open-call';
import { asyncKeyword, isAsyncDef, namedChildren, sameNode, start, end } from './query/syntax';
import { collectImports, importInsertionPoint, isTopLevel, type ModuleImports } from './support/imports';
import { nameTable } from './support/scope';

const ID = 'aiofiles';
const RULE = 'AIOFILES-MANUAL';
const HINT =
  'Convert this function by hand: read the file inside `async with aiofiles.open(...)` (`data = await f.read()`) and hand the ' +
  'data, not the file, to the code that needs it (`json.loads(data)`, `csv.reader(data.splitlines())`), or keep the sync code ' +
  'and run it with `await asyncio.to_thread(...)`.';

/** Callees that are the builtin open itself (io.open is the same function object). */
const OPEN_FUNCTIONS = new Set(['builtins.open', 'io.open']);
/** Openers of sync files that aiofiles has no twin for in this transform. */
const OTHER_OPENERS = new Set(['os.fdopen']);

export const transform: Transform<SgRoot> = {
  id: ID,
  description: 'Opt-in: builtin open() in async code → aiofiles',
  language: 'python',
  run: (ctx) => new Aiofiles(ctx).run(),
};

interface Unit {
  node: SgNode;
  withStatements: SgNode[];
  problems: UseProblem[];
}

interface OpenItem {
  call: SgNode;
  target: SgNode | null;
}

class Aiofiles {
  private readonly imports: ModuleImports;
  private readonly names: QualifiedNames;
  private readonly units = new Map<number, Unit>();

  constructor(private readonly ctx: TransformContext<SgRoot>) {
    this.imports = collectImports(ctx.tree);
    this.names = new QualifiedNames(ctx.tree, this.imports);
  }

  run(): TransformResult {
    for (const call of this.ctx.tree.root().findAll({ rule: { kind: 'call' } })) this.visitCall(call);
    const findings: FindingInput[] = [];
    const edits: TextEdit[] = [];
    const module = this.moduleName();
    let converted = 0;
    for (const unit of this.units.values()) {
      const plan = this.plan(unit, typeof module === 'string' ? module : module.local);
      const problems = typeof module === 'string' ? plan.problems : [...plan.problems, { node: unit.node, message: module.problem }];
      if (problems.length > 0) {
        const fn = `\`${unit.node.field('name')?.text() ?? '?'}\``;
        for (const p of problems) {
          findings.push({ rule: RULE, offset: start(p.node), message: `${p.message}; the files ${fn} opens stay on the builtin open()`, hint: HINT });
        }
        continue;
      }
      if (plan.edits.some((e) => this.ctx.isIgnored(e.start, e.end))) continue;
      edits.push(...plan.edits);
      converted += unit.withStatements.length;
    }
    if (converted === 0) return { edits: [], findings };
    const importEdit = this.importEdit();
    if (importEdit) {
      if (this.ctx.isIgnored(importEdit.start, importEdit.end)) return { edits: [], findings };
      edits.push(importEdit);
    }
    return { edits, findings, counts: { 'open() converted to aiofiles': converted } };
  }

  private visitCall(call: SgNode): void {
    const callee = call.field('function');
    if (!callee || !/open$/.test(callee.text())) return;
    const qualified = this.names.of(callee);
    if (qualified === null || !(OPEN_FUNCTIONS.has(qualified) || OTHER_OPENERS.has(qualified))) return;
    const place = placeOf(call);
    if (!place.unit || !isAsyncDef(place.unit) || place.blocked) return;
    const unit = this.unitFor(place.unit);
    if (OTHER_OPENERS.has(qualified)) {
      unit.problems.push({ node: call, message: `\`${callee.text()}(...)\` has no aiofiles equivalent here` });
      return;
    }
    const stmt = withStatementOf(call);
    if (!stmt) {
      unit.problems.push({ node: call, message: `\`${callee.text()}(...)\` is not the context manager of a \`with\` statement, so where the file goes cannot be followed` });
      return;
    }
    // `async with open(...)` fails at run time already; that is a bug to fix by hand, not ours to convert.
    if (isAsync(stmt)) return;
    if (!unit.withStatements.some((s) => sameNode(s, stmt))) unit.withStatements.push(stmt);
  }

  private unitFor(node: SgNode): Unit {
    let unit = this.units.get(node.id());
    if (!unit) {
      unit = { node, withStatements: [], problems: [] };
      this.units.set(node.id(), unit);
    }
    return unit;
  }

  /** The edits converting a function, and what prevents it. */
  private plan(unit: Unit, module: string): { edits: TextEdit[]; problems: UseProblem[] } {
    const problems = [...unit.problems];
    const edits: TextEdit[] = [];
    const blocks: OpenBlock[] = [];
    for (const stmt of unit.withStatements) {
      const items: OpenItem[] = [];
      for (const item of withItems(stmt)) {
        const open = this.openItem(item);
        if (typeof open === 'string') problems.push({ node: item, message: open });
        else items.push(open);
      }
      if (items.length !== withItems(stmt).length) continue;
      const body = stmt.field('body');
      if (!body) continue;
      blocks.push({ stmt, body, targets: items.flatMap((i) => (i.target ? [i.target] : [])) });
      edits.push({ start: start(stmt), end: start(stmt), text: 'async ', reason: `${ID}: async with aiofiles.open()` });
      for (const { call } of items) {
        const callee = call.field('function') as SgNode;
        edits.push({ start: start(callee), end: end(callee), text: `${module}.open`, reason: `${ID}: ${callee.text()}() → ${module}.open()` });
      }
    }
    const names = new Set(blocks.flatMap((b) => b.targets.map((t) => t.text())));
    for (const name of names) {
      const uses = fileUses(unit.node, blocks, nameTable(this.ctx.tree, name), this.ctx.source, ID);
      edits.push(...uses.edits);
      problems.push(...uses.problems);
    }
    return { edits, problems };
  }

  /** The `open(...) as name` of a with item, or why the item keeps the statement sync. */
  private openItem(item: SgNode): OpenItem | string {
    const value = namedChildren(item)[0];
    const pattern = value?.kind() === 'as_pattern' ? value : null;
    const call = pattern ? namedChildren(pattern)[0] : value;
    const qualified = call?.kind() === 'call' ? this.names.of(call.field('function') as SgNode) : null;
    if (!call || qualified === null || !OPEN_FUNCTIONS.has(qualified)) {
      return `the \`with\` statement also enters \`${(call ?? item).text()}\`, which is not a file aiofiles can open`;
    }
    const problem = openArgumentsProblem(call);
    if (problem) return `\`${call.text()}\` cannot become aiofiles.open(): ${problem}`;
    if (!pattern) return { call, target: null };
    const target = pattern.find({ rule: { kind: 'as_pattern_target' } });
    const name = target ? namedChildren(target)[0] : undefined;
    if (name?.kind() !== 'identifier') return `the file of \`${call.text()}\` is bound to \`${target?.text() ?? '?'}\`, not to a plain name`;
    return { call, target: name };
  }

  /**
   * The name `aiofiles` goes by in this module: an existing top-level `import aiofiles [as x]`, or `aiofiles`
   * to be imported when nothing else binds that name.
   */
  private moduleName(): string | { local: string; problem: string } {
    const existing = this.imports.plain.find((imp) => imp.module === 'aiofiles' && isTopLevel(imp.node));
    const local = existing ? (existing.alias ?? 'aiofiles') : 'aiofiles';
    const bindings = nameTable(this.ctx.tree, local).occurrences.filter((o) => o.role === 'binding' || o.role === 'import' || o.role === 'declaration');
    const onlyTheImport = bindings.every((o) => existing && within(o.node, existing.node));
    if (onlyTheImport && (existing || !this.imports.from.some((imp) => imp.name === '*'))) return local;
    return { local, problem: `the name \`${local}\` is bound to something other than the aiofiles module here` };
  }

  private importEdit(): TextEdit | null {
    if (this.imports.plain.some((imp) => imp.module === 'aiofiles' && isTopLevel(imp.node))) return null;
    const at = importInsertionPoint(this.ctx.tree, this.ctx.source);
    const source = this.ctx.source;
    const newline = at === source.length && source.length > 0 && !source.endsWith('\n') ? '\n' : '';
    // With no imports before it, the new one opens the import block and code follows: PEP 8's two blank lines.
    const importsBefore = [...this.imports.plain, ...this.imports.from].some((imp) => isTopLevel(imp.node) && end(imp.node) <= at);
    const gap = !importsBefore && at < source.length && !source.startsWith('\n', at) ? '\n\n' : '';
    return { start: at, end: at, text: `${newline}import aiofiles\n${gap}`, reason: `${ID}: import aiofiles` };
  }
}

const within = (inner: SgNode, outer: SgNode): boolean => start(inner) >= start(outer) && end(inner) <= end(outer);

function isAsync(stmt: SgNode): boolean {
  return asyncKeyword(stmt) !== undefined;
}

function withItems(stmt: SgNode): SgNode[] {
  const clause = stmt.children().find((c) => c.kind() === 'with_clause');
  return clause ? clause.children().filter((c) => c.kind() === 'with_item') : [];
}

/** The with statement whose context manager `call` is (`with open(p) as f:`), or null. */
function withStatementOf(call: SgNode): SgNode | null {
  let node = call.parent();
  if (node?.kind() === 'as_pattern' && sameNode(namedChildren(node)[0], call)) node = node.parent();
  if (node?.kind() !== 'with_item') return null;
  const stmt = node.parent()?.parent();
  return stmt?.kind() === 'with_statement' ? stmt : null;
}
