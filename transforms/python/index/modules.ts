// Module names from file paths. Package roots vary between projects (`app/crud/user.py` is imported as
// `app.crud.user` when the repository root is on sys.path, as `crud.user` when `app/` is), so an import
// is matched against the ends of file paths, and a match that is not unique is not resolved at all.
import { cached } from '../../../engine/cached';
import type { ModuleRef } from './types';

export function posix(path: string): string {
  return path.replace(/\\/g, '/');
}

export function dirname(absPath: string): string {
  const p = posix(absPath);
  const slash = p.lastIndexOf('/');
  return slash <= 0 ? '/' : p.slice(0, slash);
}

/** The module a `from <module> import ...` names, relative ones anchored at the importing file's directory. */
export function moduleRefOf(written: string, importerAbs: string): ModuleRef | null {
  const level = /^\.*/.exec(written)?.[0].length ?? 0;
  const rest = written.slice(level);
  const parts = rest === '' ? [] : rest.split('.');
  if (level === 0) return parts.length > 0 ? { anchor: null, parts } : null;
  let anchor = dirname(importerAbs);
  for (let i = 1; i < level; i++) {
    if (anchor === '/') return null;
    anchor = dirname(anchor);
  }
  return { anchor, parts };
}

/** Test code by pytest's conventions: `test_*.py`, `*_test.py`, `conftest.py`, or under a `tests/` directory. */
export function isTestPath(path: string): boolean {
  const segments = posix(path).split('/');
  const base = segments[segments.length - 1] ?? '';
  if (/^test_.*\.py$|_test\.py$|^conftest\.py$/.test(base)) return true;
  return segments.slice(0, -1).some((s) => s === 'tests' || s === 'test');
}

/**
 * Top-level names of the libraries whose imports awaitify interprets (sessions, models, routes, tests, typing).
 * A project file named like one (`dependencies/sqlmodel.py`) is that import only for an importer its
 * directory would be the sys.path entry of; elsewhere `from sqlmodel import SQLModel` is the installed library.
 */
export const LIBRARY_ROOTS = new Set([
  'sqlalchemy', 'sqlmodel', 'fastapi', 'starlette', 'pydantic', 'typing', 'typing_extensions', 'pytest',
  'pytest_asyncio', 'asyncio', 'unittest', 'contextlib', 'functools', 'dataclasses', 'abc', 'enum',
]);

interface ModuleFile {
  path: string;
  /** Absolute path segments naming the module: `/p/app/crud/user.py` → p, app, crud, user; `__init__.py` names its directory. */
  segments: string[];
  isPackage: boolean;
}

/** Finds the file a module reference names among the project's files. */
export class ModuleFinder {
  private readonly byTail = new TailTable<ModuleFile>();
  private readonly byAbsolute = new Map<string, ModuleFile>();

  constructor(files: Iterable<{ path: string; absPath: string }>) {
    for (const f of files) {
      const abs = posix(f.absPath);
      if (!abs.endsWith('.py')) continue;
      const segments = abs.slice(0, -3).split('/').filter((s) => s !== '');
      const isPackage = segments[segments.length - 1] === '__init__';
      if (isPackage) segments.pop();
      const file: ModuleFile = { path: f.path, segments, isPackage };
      this.byTail.add(segments, file);
      this.byAbsolute.set(segments.join('/'), file);
    }
  }

  /** The display path of the module's file, or null when no file or several candidates match. */
  find(ref: ModuleRef, importerAbs: string): string | null {
    if (ref.anchor !== null) {
      const key = [...ref.anchor.split('/').filter((s) => s !== ''), ...ref.parts].join('/');
      return this.byAbsolute.get(key)?.path ?? null;
    }
    if (ref.parts.length === 0) return null;
    const candidates = this.byTail.candidates(ref.parts).filter((f) => endsWith(f.segments, ref.parts));
    const importerDir = dirname(importerAbs).split('/').filter((s) => s !== '');
    const isRooted = (f: ModuleFile) => startsWith(importerDir, f.segments.slice(0, f.segments.length - ref.parts.length));
    // Taking `dependencies/sqlmodel.py` for `from sqlmodel import SQLModel` hid every model of a project.
    if (LIBRARY_ROOTS.has(ref.parts[0]!)) {
      const shadowing = candidates.filter((f) => isRooted(f) && this.mayShadow(f.segments.slice(0, f.segments.length - ref.parts.length)));
      return shadowing.length === 1 ? shadowing[0]!.path : null;
    }
    if (candidates.length <= 1) return candidates[0]?.path ?? null;
    // Several files end the same way: keep those whose implied root directory holds the importing file,
    // as a sys.path entry holding the importer would.
    const rooted = candidates.filter(isRooted);
    if (rooted.length === 1) return rooted[0]?.path ?? null;
    // `x/y.py` next to `x/y/__init__.py`: the package wins, as in Python.
    const packages = rooted.filter((f) => f.isPackage);
    if (packages.length === 1 && rooted.length === 2 && sameSegments(rooted[0]!.segments, rooted[1]!.segments)) return packages[0]!.path;
    return null;
  }

  /**
   * Whether `root`, the directory a project file named like a library would be imported from, can be a sys.path
   * entry: not when it is a package's (it holds `__init__.py`; pytest too puts the first directory above the
   * packages on sys.path). `from sqlalchemy import func` in `adapters/persistence/sqlalchemy/repositories.py`
   * is the library, not the package holding the importer.
   */
  private mayShadow(root: string[]): boolean {
    return this.byAbsolute.get(root.join('/'))?.isPackage !== true;
  }
}

/**
 * Items by the last segment and by the last two segments of their paths (`crud/user`): what a path ending can
 * match, without looking at every item with the same last segment. Many packages of a project have a
 * `models.py`; looking among all of them cost each import in proportion to the project.
 */
export class TailTable<T> {
  private readonly table = new Map<string, T[]>();

  add(segments: readonly string[], item: T): void {
    for (const count of segments.length >= 2 ? [1, 2] : [1]) cached(this.table, tailKey(segments, count), () => []).push(item);
  }

  /** The items, in the order added, whose paths may end with `ending`: those with the same last (two) segments. */
  candidates(ending: readonly string[]): readonly T[] {
    return this.table.get(tailKey(ending, Math.min(2, ending.length))) ?? [];
  }
}

function tailKey(segments: readonly string[], count: number): string {
  return segments.slice(segments.length - count).join('/');
}

function endsWith(segments: string[], parts: string[]): boolean {
  if (parts.length > segments.length) return false;
  const offset = segments.length - parts.length;
  return parts.every((p, i) => segments[offset + i] === p);
}

function startsWith(segments: string[], prefix: string[]): boolean {
  return prefix.length <= segments.length && prefix.every((p, i) => segments[i] === p);
}

function sameSegments(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((s, i) => b[i] === s);
}
