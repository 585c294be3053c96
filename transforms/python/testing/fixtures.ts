// What a test module or conftest defines as pytest fixtures, shared by async-tests (which rewrites them) and the
// project pass of async-engine (which tells the earlier stages which fixtures hand out a session).
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { SessionFactoryKind, TextEdit } from '../../../engine/types';
import { callArgs, decoratorsOf, namedChildren, start, end } from '../query/syntax';
import { ANY_FIXTURE, importedProjectFactory, type SessionResolver } from '../query/sessions';
import { collectImports, isModuleLevel, localNamesFor, type FromImport, type ModuleImports } from '../support/imports';
import { sessionShape } from './session-shape';

const FIXTURE_CALLEE = /^(pytest\.fixture|fixture|pytest_asyncio\.fixture)$/;
// `db_sessionmaker()`: a factory held under a name ending in `_sessionmaker` (not `sessionmaker(...)` itself, which makes one).
const FACTORY_NAME = /(SessionLocal|SessionMaker|SessionFactory|session_factory|session_local|\w_sessionmaker)$/;

export interface FixtureDecorator {
  /** The callee as written (`pytest.fixture`), and its range, which a swap to `pytest_asyncio.fixture` replaces. */
  callee: string;
  start: number;
  end: number;
  /** `scope=` when it is a string literal; 'dynamic' when it is something else; null when absent. */
  scope: string | null;
  /**
   * `name=`, the name tests request the fixture by instead of the def's (`@pytest.fixture(name="session") def
   * session_fixture()`): the string; '' (no parameter's name) when it is not a plain string literal; null when absent.
   */
  name: string | null;
  /** `loop_scope=` (pytest-asyncio's event loop scope) when it is a string literal; 'dynamic' when it is something else; null when absent. */
  loopScope: string | null;
  /** Where a keyword argument goes in the decorator (see keywordSlot); null when the decorator is no call (`@pytest.fixture`). */
  slot: KeywordSlot | null;
}

/** Where a keyword argument is written in a call: after its last argument (`comma`), or inside its empty parentheses. */
export interface KeywordSlot {
  at: number;
  comma: boolean;
}

/** The keyword slot of the decorator expression `expr` when it is a call, else null. */
export function keywordSlot(expr: SgNode): KeywordSlot | null {
  if (expr.kind() !== 'call') return null;
  const list = expr.field('arguments');
  if (list?.kind() !== 'argument_list') return null;
  const last = namedChildren(list).filter((c) => c.kind() !== 'comment').pop();
  return last ? { at: end(last), comma: true } : { at: start(list) + 1, comma: false };
}

/**
 * The edits making a fixture decorator `pytest_asyncio.fixture` with `loop_scope="<loop>"`: its callee (`start`..`end`)
 * replaced, the keyword added in its slot (or, for a decorator that is no call, parentheses holding it).
 */
export function asyncFixtureDecorator(callee: { start: number; end: number }, slot: KeywordSlot | null, loop: string | null, reason: string): TextEdit[] {
  if (loop === null) return [{ start: callee.start, end: callee.end, text: 'pytest_asyncio.fixture', reason }];
  if (slot === null) return [{ start: callee.start, end: callee.end, text: `pytest_asyncio.fixture(loop_scope="${loop}")`, reason }];
  return [
    { start: callee.start, end: callee.end, text: 'pytest_asyncio.fixture', reason },
    { start: slot.at, end: slot.at, text: `${slot.comma ? ', ' : ''}loop_scope="${loop}"`, reason },
  ];
}

/**
 * Calls that open a sync session: a sessionmaker assigned in this module, SQLAlchemy's/SQLModel's `Session`, a
 * factory by its conventional name, or one imported from the project module defining it (`factories`, the
 * project's table: `from app.db import Session` where app/db.py says `Session = sessionmaker(...)`).
 */
export function sessionOpener(root: SgNode, imports: ModuleImports, factories: Readonly<Record<string, SessionFactoryKind>> = {}): (call: SgNode) => boolean {
  // Function-local factories too (`TestSession = sessionmaker(bind=engine)` in a fixture, opened by an override
  // nested in it): the shape is recognised, and what has no async twin is flagged rather than passed over.
  const makers = new Set<string>();
  for (const assignment of root.findAll({ rule: { kind: 'assignment' } })) {
    const right = assignment.field('right');
    const left = assignment.field('left');
    if (right?.kind() === 'call' && left?.kind() === 'identifier' && /(^|\.)sessionmaker$/.test(right.field('function')?.text() ?? '')) makers.add(left.text());
  }
  const sessionClasses = new Set(['sqlalchemy.orm', 'sqlalchemy.orm.session', 'sqlmodel'].flatMap((m) => localNamesFor(imports, m, 'Session')));
  const inlineMakers = new Set(['sqlalchemy.orm', 'sqlalchemy.orm.session'].flatMap((m) => localNamesFor(imports, m, 'sessionmaker')));
  for (const imp of imports.from) {
    const kind = isModuleLevel(imp.node) ? importedProjectFactory(factories, imp) : null;
    if (kind !== null && kind !== 'async') makers.add(imp.alias ?? imp.name);
  }
  return (call) => {
    const callee = call.field('function');
    // `sessionmaker(bind=connection)()`: a factory made and called at once (the session shape says what becomes of it).
    if (callee?.kind() === 'call') return inlineMakers.has(callee.field('function')?.text() ?? '') && namedChildren(call.field('arguments') as SgNode).length === 0;
    if (!callee || (callee.kind() !== 'identifier' && callee.kind() !== 'attribute')) return false;
    const name = callee.kind() === 'identifier' ? callee.text() : (callee.field('attribute')?.text() ?? '');
    if (name.startsWith('Async') || name.startsWith('async_')) return false;
    if (callee.kind() === 'identifier' && (makers.has(name) || sessionClasses.has(name))) return true;
    return FACTORY_NAME.test(name);
  };
}

export function fixtureDecorator(decorators: SgNode[]): FixtureDecorator | null {
  for (const d of decorators) {
    const expr = namedChildren(d)[0];
    if (!expr) continue;
    const callee = expr.kind() === 'call' ? (expr.field('function') as SgNode) : expr;
    const text = callee.text().replace(/\s+/g, '');
    if (!FIXTURE_CALLEE.test(text)) continue;
    let scope: string | null = null;
    let loopScope: string | null = null;
    let name: string | null = null;
    if (expr.kind() === 'call') {
      const keywords = callArgs(expr).keywords;
      const literal = (value: SgNode): string => {
        const content = value.kind() === 'string' ? value.children().filter((c) => c.kind() === 'string_content') : [];
        return value.kind() === 'string' && content.length === 1 ? (content[0] as SgNode).text() : 'dynamic';
      };
      const value = keywords.get('scope');
      if (value) scope = literal(value);
      const loop = keywords.get('loop_scope');
      if (loop) loopScope = literal(loop);
      const named = keywords.get('name');
      if (named) {
        const literal = plainString(named);
        name = literal !== null && /^[A-Za-z_]\w*$/.test(literal) ? literal : '';
      }
    }
    return { callee: text, start: start(callee), end: end(callee), scope, name, loopScope, slot: keywordSlot(expr) };
  }
  return null;
}

/** The text of a plain string literal (no f-string, no concatenation, no escapes), or null. */
export function plainString(node: SgNode): string | null {
  if (node.kind() !== 'string') return null;
  const parts = node.children().filter((c) => c.isNamed() && c.kind() !== 'string_start' && c.kind() !== 'string_end');
  const content = parts.filter((c) => c.kind() === 'string_content');
  if (parts.length !== 1 || content.length !== 1 || /^[a-z]*f/i.test(node.text())) return null;
  return (content[0] as SgNode).text();
}

/**
 * The fixtures this module defines at module level, by the name tests request them with (`name=` when given),
 * for the project pass (TransformOptions.sessionFixtures): whether the session is SQLModel's for a sync session
 * fixture in a shape async-tests converts (see session-shape.ts), null for any other fixture (it hides a
 * conftest's fixture of that name from this module's tests). A name a module-level `from ... import` binds is
 * recorded as null too: it may be a fixture imported from another module (`from tests.fakes import db`), which
 * pytest hands this module's tests in place of a conftest's. Null when there is none of either.
 */
export function moduleFixtures(tree: SgRoot, source: string, sessions: SessionResolver, factories: Readonly<Record<string, SessionFactoryKind>> = {}): Record<string, FixtureEntry> | null {
  let found: Record<string, FixtureEntry> | null = null;
  const imports = collectImports(tree);
  for (const imported of imports.from) {
    if (imported.name === '*' || imported.module === '__future__' || !isModuleLevel(imported.node)) continue;
    found ??= {};
    found[imported.alias ?? imported.name] = null;
  }
  let isOpener: ((call: SgNode) => boolean) | null = null;
  for (const statement of tree.root().children()) {
    const fn = statement.kind() === 'decorated_definition' ? statement.field('definition') : null;
    if (fn?.kind() !== 'function_definition') continue;
    const fixture = fixtureDecorator(decoratorsOf(fn));
    if (!fixture) continue;
    const name = fixture.name ?? fn.field('name')?.text() ?? '';
    found ??= {};
    // A name that is no plain literal may be any fixture's: it hides every fixture of farther modules.
    if (name === '') {
      found[ANY_FIXTURE] = null;
      continue;
    }
    isOpener ??= sessionOpener(tree.root(), imports, factories);
    const shape = fixture.callee === 'pytest_asyncio.fixture' ? null : sessionShape(fn, source, isOpener);
    const callee = shape?.ok ? shape.shape.open.field('function') : null;
    const verdict = callee ? sessions.typeVerdict(callee, new Set()) : null;
    found[name] = shape?.ok ? !!verdict?.session && verdict.sqlmodel : fixture.callee === 'pytest_asyncio.fixture' ? null : importedOpener(fn, source, imports);
  }
  return found;
}

/**
 * A fixture's entry in the project pass's table (TransformOptions.sessionFixtures, once resolved): see
 * moduleFixtures. `factory`: a fixture in a session shape opening its session with a name imported from a
 * module (`from app.db import Session`), a session fixture when the project pass finds that name to be a sync
 * factory of the project (`Session = sessionmaker(...)` in app/db.py), which a module's own summary cannot tell.
 */
export type FixtureEntry = boolean | null | { factory: Pick<FromImport, 'module' | 'name' | 'relativeLevel'> };

/** The import naming the factory of a fixture in a session shape that opens its session with an imported name, or null. */
function importedOpener(fn: SgNode, source: string, imports: ModuleImports): FixtureEntry {
  const candidates = new Map<string, FromImport>();
  for (const imp of imports.from) if (imp.name !== '*' && isModuleLevel(imp.node) && !/^(sqlalchemy|sqlmodel)(\.|$)/.test(imp.module)) candidates.set(imp.alias ?? imp.name, imp);
  if (candidates.size === 0) return null;
  const isCandidate = (call: SgNode): boolean => {
    const callee = call.field('function');
    return callee?.kind() === 'identifier' && candidates.has(callee.text());
  };
  const shape = sessionShape(fn, source, isCandidate);
  const imp = shape?.ok ? candidates.get(shape.shape.open.field('function')?.text() ?? '') : undefined;
  return imp ? { factory: { module: imp.module, name: imp.name, relativeLevel: imp.relativeLevel } } : null;
}
