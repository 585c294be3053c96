// Finds and reads the project's configuration: `awaitify.toml` (top-level keys) or the `[tool.awaitify]`
// table of `pyproject.toml`, the nearest one walking up from the first target path.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { knownRules } from '../rules';
import { allTransforms, presets, stagePresets } from '../../transforms/registry';
import { lineOfKey } from './key-lines';
import { AwaitifyConfig, CONFIG_KEYS, KnownNames, validateConfig } from './schema';

export const CONFIG_FILE = 'awaitify.toml';
export const PYPROJECT = 'pyproject.toml';
const PYPROJECT_TABLE = ['tool', 'awaitify'];

export interface ConfigSource {
  /** Absolute path of the file. */
  file: string;
  kind: 'awaitify.toml' | 'pyproject.toml';
}

export interface LoadedConfig extends ConfigSource {
  config: AwaitifyConfig;
  /** Lines to print as notes: keys that this version reads but does not act on yet. */
  notes: string[];
}

/** One or more problems with the configuration; each message already names the file and line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export function defaultKnownNames(): KnownNames {
  return {
    transforms: allTransforms().map((t) => t.id),
    presets: presets.map((p) => p.id),
    stages: Object.keys(stagePresets),
    rules: knownRules(),
  };
}

function readToml(file: string, display: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`${display}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`]);
  }
  try {
    return parse(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) throw new ConfigError([`${display}:${error.line}:${error.column}: invalid TOML: ${error.message.split('\n')[0]}`]);
    throw error;
  }
}

function hasAwaitifyTable(file: string, display: string): boolean {
  const text = fs.readFileSync(file, 'utf8');
  // Most pyproject.toml files never mention us; don't fail a run on someone else's TOML mistakes.
  if (!text.includes('awaitify')) return false;
  const tool = readToml(file, display).tool;
  return typeof tool === 'object' && tool !== null && 'awaitify' in tool;
}

/**
 * The nearest configuration at or above `start` (a file or directory). The walk stops at the root of
 * the git repository holding `start`, so a stray file above the project never applies to it.
 */
export function findConfig(start: string, cwd: string): ConfigSource | null {
  let dir = path.resolve(cwd, start);
  try {
    if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    const own = path.join(dir, CONFIG_FILE);
    const pyproject = path.join(dir, PYPROJECT);
    const hasOwn = fs.existsSync(own);
    const hasTable = fs.existsSync(pyproject) && hasAwaitifyTable(pyproject, displayOf(pyproject, cwd));
    if (hasOwn && hasTable) {
      throw new ConfigError([
        `${displayOf(own, cwd)} and ${displayOf(pyproject, cwd)} [tool.awaitify] both configure awaitify; keep one of them`,
      ]);
    }
    if (hasOwn) return { file: own, kind: 'awaitify.toml' };
    if (hasTable) return { file: pyproject, kind: 'pyproject.toml' };
    const parent = path.dirname(dir);
    if (fs.existsSync(path.join(dir, '.git')) || parent === dir) return null;
    dir = parent;
  }
}

export function displayOf(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' ? file : rel).split(path.sep).join('/');
}

export function loadConfig(source: ConfigSource, cwd: string, known: KnownNames = defaultKnownNames()): LoadedConfig {
  const display = displayOf(source.file, cwd);
  const parsed = readToml(source.file, display);
  const base = source.kind === 'pyproject.toml' ? PYPROJECT_TABLE : [];
  let table: unknown = parsed;
  if (source.kind === 'pyproject.toml') table = (parsed.tool as Record<string, unknown> | undefined)?.awaitify;
  const where = (keyPath: string[]): string => {
    const line = lineOfKey(fs.readFileSync(source.file, 'utf8'), base, keyPath);
    const key = [...base, ...keyPath].map((k, i) => (/^\d+$/.test(k) ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
    return line === null ? `${display}: ${key}` : `${display}:${line}: ${key}`;
  };
  if (typeof table !== 'object' || table === null || Array.isArray(table)) {
    throw new ConfigError([`${where([])}: expected a table`]);
  }
  const validated = validateConfig(table as Record<string, unknown>, known);
  if (validated.problems.length > 0) throw new ConfigError(validated.problems.map((p) => `${where(p.keyPath)}: ${p.message}`));
  return {
    ...source,
    config: validated.config,
    notes: validated.unused.map((key) => `${where([key])}: ${CONFIG_KEYS[key]?.unusedNote ?? 'recognised but not used by this version yet; it has no effect'}`),
  };
}
