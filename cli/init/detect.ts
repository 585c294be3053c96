// What `awaitify init` can tell about a project by parsing it: the session dependency, the module that
// makes the engine and session factory, and the router/app objects. Heuristics only prefill a config
// the user reviews; nothing here decides a rewrite.
import type { SgNode } from '@ast-grep/napi';
import { promises as fs } from 'node:fs';
import { discoverFiles } from '../../engine/discover';
import { parsePython } from '../../transforms/python/support/language';

export interface Detected {
  /** Sync functions that yield a session, e.g. `get_db`, with the file defining each. */
  dependencies: { name: string; file: string }[];
  /** Dotted modules calling sessionmaker()/create_engine() at module level. */
  sessionModules: string[];
  /** Names bound to APIRouter(...) / FastAPI(...) at module level. */
  routerNames: string[];
}

const ROUTER_CLASSES = new Set(['APIRouter', 'FastAPI']);
const SESSION_FACTORY_CALLS = new Set(['sessionmaker', 'create_engine', 'scoped_session']);

const lastName = (callee: SgNode | null): string => (callee?.text() ?? '').split('.').pop() ?? '';

/** `app/db/session.py` → `app.db.session`; a leading `src/` is a layout folder, not a package. */
export function moduleName(displayPath: string): string {
  const parts = displayPath.replace(/\.py$/, '').split('/').filter((p) => p !== '' && p !== '.');
  if (parts[0] === 'src' && parts.length > 1) parts.shift();
  if (parts[parts.length - 1] === '__init__') parts.pop();
  return parts.join('.');
}

function topLevelStatements(root: SgNode): SgNode[] {
  return root.children().map((c) => (String(c.kind()) === 'expression_statement' ? (c.child(0) ?? c) : c));
}

export interface SessionDependency {
  name: string;
  /** Last names of the calls in its body, one of which opens the session. */
  calls: string[];
}

/**
 * Module-level, undecorated, sync generator functions named like a session dependency (`get_db`,
 * `get_session`, `get_db_session`, `get_database`), with the calls that may open the session they yield.
 * A decorated one (`@contextmanager`) is no FastAPI dependency; a nested one cannot be named in `Depends`.
 */
export function sessionDependencies(root: SgNode): SessionDependency[] {
  const found: SessionDependency[] = [];
  for (const fn of root.children()) {
    if (String(fn.kind()) !== 'function_definition') continue;
    const name = fn.field('name')?.text() ?? '';
    // Already async: nothing to migrate. Only dependency-looking names, to keep helpers out.
    if (fn.text().startsWith('async') || !/^get_\w*(db|database|session)\w*$/i.test(name)) continue;
    const body = fn.field('body');
    if (!body || !body.find({ rule: { kind: 'yield' } })) continue;
    found.push({ name, calls: body.findAll({ rule: { kind: 'call' } }).map((call) => lastName(call.field('function'))) });
  }
  return found;
}

export function detectInSource(source: string, displayPath: string, into: Detected): void {
  const tree = parsePython(source);
  const root = tree.root();
  for (const { name, calls } of sessionDependencies(root)) {
    if (calls.some((callee) => /session/i.test(callee))) into.dependencies.push({ name, file: displayPath });
  }
  let makesSessions = false;
  for (const stmt of topLevelStatements(root)) {
    if (String(stmt.kind()) !== 'assignment') continue;
    const left = stmt.field('left');
    const right = stmt.field('right');
    if (!left || !right || String(right.kind()) !== 'call') continue;
    const callee = lastName(right.field('function'));
    if (SESSION_FACTORY_CALLS.has(callee)) makesSessions = true;
    if (ROUTER_CLASSES.has(callee) && String(left.kind()) === 'identifier' && !into.routerNames.includes(left.text())) into.routerNames.push(left.text());
  }
  if (makesSessions) {
    const module = moduleName(displayPath);
    if (module !== '' && !into.sessionModules.includes(module)) into.sessionModules.push(module);
  }
}

export async function detectProject(dir: string): Promise<Detected> {
  const detected: Detected = { dependencies: [], sessionModules: [], routerNames: [] };
  const discovery = discoverFiles(['.'], { cwd: dir, exclude: [], extensions: ['py'] });
  for (const file of discovery.files) {
    let source: string;
    try {
      source = await fs.readFile(file.absPath, 'utf8');
    } catch {
      continue;
    }
    detectInSource(source, file.displayPath, detected);
  }
  return detected;
}
