// Which function is the project's session dependency, when neither the command line nor the configuration
// says. The transforms rewrite one dependency by name (`get_db` unless told otherwise); a project whose
// dependency is `get_session` (the shape of SQLModel's tutorial and of FastAPI's own SQL docs) would
// otherwise get async handlers still depending on a sync generator: flagged, but failing on every request.
import { readFileSync } from 'node:fs';
import type { DiscoveredFile } from '../engine/discover';
import { SessionDependency, sessionDependencies } from './init/detect';
import { parsePython } from '../transforms/python/support/language';

/** `get_db` → `get_async_db`, `get_session` → `get_async_session`: the name async-engine gives the twin. */
export function asyncTwinName(name: string): string {
  return name.startsWith('get_') ? `get_async_${name.slice(4)}` : `${name}_async`;
}

export interface SourceFile {
  /** As printed. */
  path: string;
  source: string;
}

export type DependencyChoice =
  /** Keep the default: the project defines or depends on it, or shows no other candidate. */
  | { kind: 'default' }
  | { kind: 'inferred'; name: string; asyncName: string; files: string[] }
  /** Several candidates: choosing one would be a guess, so the default stays and the user is told. */
  | { kind: 'ambiguous'; candidates: { name: string; files: string[] }[] }
  /**
   * No candidate opens its session in a way async-engine can twin, but some are named in `Depends(...)`
   * (`with app_session() as db`, a `sessionmaker` made inside the generator): the default stays, and the
   * user is told, since the code depending on them becomes async against their sync session.
   */
  | { kind: 'unsupported'; candidates: { name: string; files: string[] }[] };

const escape = (name: string): string => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `def name(` / `async def name(` anywhere in the text: a cheap test that errs towards "defined". */
const definesFunction = (name: string): RegExp => new RegExp(`\\bdef[ \\t]+${escape(name)}[ \\t]*\\(`);

/** The name in `Depends(name)`, `Depends(module.name)`, `Depends(dependency=name)`. */
const DEPENDS = /\bDepends\(\s*(?:dependency\s*=\s*)?(?:[\w.]+\.)?(\w+)\s*[,)]/g;

const ASYNC_DEF = /\basync[ \t]+def[ \t]+(\w+)/g;

/** A generator named like a dependency may be one (`get_database` too): only such files are parsed. */
const MAY_DEFINE_CANDIDATE = /\bdef[ \t]+get_\w*(?:db|database|session)\w*[ \t]*\(/i;

/** Module-level `Name = sessionmaker(...)` (annotated or not, `orm.sessionmaker` too): the project's session factories. */
const SESSIONMAKER = /^(\w+)[ \t]*(?::[^=\n]+)?=[ \t]*(?:[\w.]+\.)?sessionmaker\(/gm;

/**
 * The session dependency by shape (see `sessionDependencies`): chosen only when the default name is
 * neither defined nor depended on anywhere (nor its twin), and exactly one other name is defined in that
 * shape, named in some `Depends(...)` (or its twin is, in a project migrated before), and opens its session in a way async-engine can give an async twin: `Session(...)`
 * or a factory some module binds to `sessionmaker(...)`. One opening it through the project's own helper
 * (`with app_session() as db`) is left to the configuration: its twin could not be written.
 */
export function chooseSessionDependency(files: Iterable<SourceFile>, defaultName: string): DependencyChoice {
  const defaultDefined = definesFunction(defaultName);
  const candidates: (SessionDependency & { file: string })[] = [];
  const dependedOn = new Set<string>();
  const factories = new Set<string>(['Session']);
  const asyncDefined = new Set<string>();
  for (const file of files) {
    if (defaultDefined.test(file.source)) return { kind: 'default' };
    if (file.source.includes('async')) for (const match of file.source.matchAll(ASYNC_DEF)) asyncDefined.add(match[1] as string);
    if (file.source.includes('Depends(')) for (const match of file.source.matchAll(DEPENDS)) dependedOn.add(match[1] as string);
    if (dependedOn.has(defaultName) || dependedOn.has(asyncTwinName(defaultName))) return { kind: 'default' };
    if (file.source.includes('sessionmaker(')) for (const match of file.source.matchAll(SESSIONMAKER)) factories.add(match[1] as string);
    if (!file.source.includes('yield') || !MAY_DEFINE_CANDIDATE.test(file.source)) continue;
    let found: SessionDependency[];
    try {
      found = sessionDependencies(parsePython(file.source).root());
    } catch {
      continue; // the run itself reports a file it cannot read or parse
    }
    for (const dependency of found) candidates.push({ ...dependency, file: file.path });
  }
  // A migrated project depends on the twin, and a second run must choose as the first did.
  const isDependency = (name: string): boolean => dependedOn.has(name) || (asyncDefined.has(asyncTwinName(name)) && dependedOn.has(asyncTwinName(name)));
  const filesOf = new Map<string, string[]>();
  const unsupported = new Map<string, string[]>();
  for (const c of candidates) {
    if (!isDependency(c.name)) continue;
    const into = c.calls.some((callee) => factories.has(callee)) ? filesOf : unsupported;
    into.set(c.name, [...(into.get(c.name) ?? []), c.file]);
  }
  if (filesOf.size === 0 && unsupported.size > 0) return { kind: 'unsupported', candidates: [...unsupported].map(([name, where]) => ({ name, files: where })) };
  if (filesOf.size === 0) return { kind: 'default' };
  if (filesOf.size > 1) return { kind: 'ambiguous', candidates: [...filesOf].map(([name, where]) => ({ name, files: where })) };
  const [name, where] = [...filesOf][0] as [string, string[]];
  return { kind: 'inferred', name, asyncName: asyncTwinName(name), files: where };
}

/** The text of discovered files, as the run will read them; unreadable ones are left to the run to report. */
export function* readSources(files: readonly DiscoveredFile[]): Generator<SourceFile> {
  for (const file of files) {
    let source: string;
    try {
      source = readFileSync(file.absPath, 'utf8');
    } catch {
      continue;
    }
    yield { path: file.displayPath, source };
  }
}

/** The stderr line telling what was chosen or why nothing was; null when there is nothing to say. */
export function dependencyNote(choice: DependencyChoice, defaultName: string): string | null {
  const how = 'name it in the configuration (`dependencies = { get_session = "get_async_session" }`) or with --get-db-name/--async-get-db-name';
  if (choice.kind === 'inferred') {
    return `note: the session dependency is \`${choice.name}\` (${choice.files.join(', ')}): no \`${defaultName}\` is defined or depended on, and it is the one function yielding a session from a session factory that a Depends(...) names; its async twin will be \`${choice.asyncName}\`. To choose another, ${how}`;
  }
  if (choice.kind === 'ambiguous') {
    const names = choice.candidates.map((c) => `\`${c.name}\` (${c.files.join(', ')})`).join(', ');
    return `warning: no \`${defaultName}\` is defined or depended on, and several functions yielding a session are named in Depends(...): ${names}; none was chosen, so handlers depending on them are made async against a sync session (each is reported). Migrate one per run: ${how}`;
  }
  if (choice.kind === 'unsupported') {
    const names = choice.candidates.map((c) => `\`${c.name}\` (${c.files.join(', ')})`).join(', ');
    return `warning: no \`${defaultName}\` is defined or depended on; ${names} ${choice.candidates.length > 1 ? 'yield sessions and are' : 'yields a session and is'} named in Depends(...), but ${choice.candidates.length > 1 ? 'open them' : 'opens it'} neither with Session(...) nor with a module-level sessionmaker(...), so no async twin can be written and none was chosen: code depending on ${choice.candidates.length > 1 ? 'them' : 'it'} is made async against a sync session (each such Depends is reported). Write the async twin by hand and ${how}`;
  }
  return null;
}
