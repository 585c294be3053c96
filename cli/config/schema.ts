// The configuration's keys, their types, and which of them this version acts on. Validation is strict:
// a key that is misspelt, mistyped or names an unknown transform/rule is a problem, never skipped.
import { didYouMean } from '../suggest';

export type RuleLevel = 'error' | 'warning' | 'note';
export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'note'];

export interface AwaitifyConfig {
  /** The sync → async session dependency pair (`get_db` → `get_async_db`). */
  dependencies?: { sync: string; async: string };
  sessionTypes?: string[];
  sessionFacades?: string[];
  routerNames?: string[];
  sessionModule?: string;
  sqlalchemy?: '1.4' | '2.0';
  include?: string[];
  exclude?: string[];
  excludeFunctions?: string[];
  transforms?: { enable?: string[]; disable?: string[] };
  rules?: Record<string, RuleLevel>;
  preset?: string;
  stage?: 'select' | 'async';
}

/** A problem with one key, addressed by its path below the configuration table. */
export interface ConfigProblem {
  keyPath: string[];
  message: string;
}

/** What validation checks names against; injected so tests need no registry. */
export interface KnownNames {
  transforms: readonly string[];
  presets: readonly string[];
  stages: readonly string[];
  rules: readonly string[];
}

export interface Validated {
  config: AwaitifyConfig;
  problems: ConfigProblem[];
  /** Keys present in the file that no transform consumes yet (so the user is told they do nothing). */
  unused: string[];
}

/** Every top-level key, and whether this version acts on it; `unusedNote` says why a key that is not used never will be. */
export const CONFIG_KEYS: Readonly<Record<string, { used: boolean; describe: string; unusedNote?: string }>> = {
  dependencies: { used: true, describe: 'sync → async session dependency names, e.g. { get_session = "get_async_session" }' },
  'session-types': { used: true, describe: 'extra names of the session type or its aliases (DbSession)' },
  'session-facades': { used: true, describe: 'module-level session objects used as sessions (db.session)' },
  'router-names': { used: true, describe: 'names of APIRouter/FastAPI objects whose decorators mark handlers' },
  'session-module': {
    used: false,
    describe: 'dotted module holding the engine and session factory',
    unusedNote:
      'not needed: awaitify finds engines and session factories in every module of the project, and reads the whole project ' +
      'even when given some of its files; the key has no effect, remove it',
  },
  sqlalchemy: { used: true, describe: 'SQLAlchemy version the async scaffold targets: "1.4" or "2.0"' },
  include: { used: true, describe: 'globs of files to migrate (everything else is left out)' },
  exclude: { used: true, describe: 'globs of files to leave out, relative to the configuration file' },
  'exclude-functions': { used: true, describe: 'qualified names of functions to leave alone (app.tasks.cleanup)' },
  transforms: { used: true, describe: '{ enable = [...], disable = [...] }: transforms of the preset to run or skip' },
  rules: { used: true, describe: '{ RULE-ID = "error" | "warning" | "note" }: how findings are reported' },
  preset: { used: true, describe: 'the preset to run (see `awaitify list`)' },
  stage: { used: true, describe: 'the migration stage to run: "select" or "async"' },
};

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/** A module path and a function's qualified name: at least two parts. */
export const QUALIFIED_FUNCTION = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a date';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a table';
  // TOML's 2.0 and 2 both arrive as the JS number 2, so the integer/float distinction is lost here.
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  return `a ${typeof value}`;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

class Validator {
  readonly problems: ConfigProblem[] = [];
  constructor(readonly known: KnownNames) {}

  problem(keyPath: string[], message: string): void {
    this.problems.push({ keyPath, message });
  }

  string(keyPath: string[], value: unknown, pattern?: { re: RegExp; what: string }): string | undefined {
    if (typeof value !== 'string') {
      this.problem(keyPath, `expected a string, got ${typeName(value)}`);
      return undefined;
    }
    if (pattern && !pattern.re.test(value)) {
      this.problem(keyPath, `"${value}" is not ${pattern.what}`);
      return undefined;
    }
    return value;
  }

  stringList(keyPath: string[], value: unknown, pattern?: { re: RegExp; what: string }): string[] | undefined {
    if (!Array.isArray(value)) {
      this.problem(keyPath, `expected an array of strings, got ${typeName(value)}`);
      return undefined;
    }
    const out: string[] = [];
    let ok = true;
    value.forEach((item, i) => {
      const checked = this.string([...keyPath, String(i)], item, pattern);
      if (checked === undefined) ok = false;
      else out.push(checked);
    });
    return ok ? out : undefined;
  }

  oneOf<T extends string>(keyPath: string[], value: unknown, choices: readonly T[], hintForNumber = false): T | undefined {
    if (typeof value === 'number' && hintForNumber) {
      // `sqlalchemy = 2.0` is a float in TOML; the user meant the version string.
      this.problem(keyPath, `expected a string, got ${typeName(value)}; write it quoted: "${value.toFixed(1)}"`);
      return undefined;
    }
    const s = this.string(keyPath, value);
    if (s === undefined) return undefined;
    if (!(choices as readonly string[]).includes(s)) {
      this.problem(keyPath, `"${s}" is not one of ${choices.map((c) => `"${c}"`).join(', ')}${didYouMean(s, choices)}`);
      return undefined;
    }
    return s as T;
  }

  names(keyPath: string[], value: unknown, known: readonly string[], what: string): string[] | undefined {
    const list = this.stringList(keyPath, value);
    if (list === undefined) return undefined;
    let ok = true;
    list.forEach((id, i) => {
      if (!known.includes(id)) {
        ok = false;
        this.problem([...keyPath, String(i)], `unknown ${what} "${id}"${didYouMean(id, known)}`);
      }
    });
    return ok ? list : undefined;
  }
}

/** Checks the configuration table (already parsed from TOML) and returns the typed configuration. */
export function validateConfig(raw: Record<string, unknown>, known: KnownNames): Validated {
  const v = new Validator(known);
  const config: AwaitifyConfig = {};
  const unused: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const spec = CONFIG_KEYS[key];
    if (!spec) {
      v.problem([key], `unknown key "${key}"${didYouMean(key, Object.keys(CONFIG_KEYS))}`);
      continue;
    }
    if (!spec.used) unused.push(key);
    const at = [key];
    switch (key) {
      case 'dependencies':
        config.dependencies = dependencies(v, at, value);
        break;
      case 'session-types':
        config.sessionTypes = v.stringList(at, value, { re: DOTTED, what: 'a (dotted) Python name' });
        break;
      case 'session-facades':
        config.sessionFacades = v.stringList(at, value, { re: DOTTED, what: 'a dotted Python name like db.session' });
        break;
      case 'router-names':
        config.routerNames = v.stringList(at, value, { re: IDENTIFIER, what: 'a Python identifier' });
        break;
      case 'session-module':
        config.sessionModule = v.string(at, value, { re: DOTTED, what: 'a dotted module name like app.db.session' });
        break;
      case 'sqlalchemy':
        config.sqlalchemy = v.oneOf(at, value, ['1.4', '2.0'] as const, true);
        break;
      case 'include':
        config.include = v.stringList(at, value);
        break;
      case 'exclude':
        config.exclude = v.stringList(at, value);
        break;
      case 'exclude-functions':
        config.excludeFunctions = v.stringList(at, value, { re: QUALIFIED_FUNCTION, what: 'a module path and function name like app.tasks.cleanup' });
        break;
      case 'transforms':
        config.transforms = transforms(v, at, value);
        break;
      case 'rules':
        config.rules = rules(v, at, value);
        break;
      case 'preset':
        config.preset = v.oneOf(at, value, known.presets);
        break;
      case 'stage':
        config.stage = v.oneOf(at, value, known.stages as readonly ('select' | 'async')[]);
        break;
    }
  }
  if (config.preset !== undefined && config.stage !== undefined) {
    v.problem(['stage'], 'set either "preset" or "stage", not both (a stage names a preset)');
  }
  for (const k of Object.keys(config) as (keyof AwaitifyConfig)[]) if (config[k] === undefined) delete config[k];
  return { config, problems: v.problems, unused };
}

function dependencies(v: Validator, at: string[], value: unknown): AwaitifyConfig['dependencies'] {
  if (!isTable(value)) {
    v.problem(at, `expected a table of sync = "async" names, got ${typeName(value)}`);
    return undefined;
  }
  const pairs: { sync: string; async: string }[] = [];
  for (const [sync, asyncName] of Object.entries(value)) {
    if (!IDENTIFIER.test(sync)) v.problem([...at, sync], `"${sync}" is not a Python identifier`);
    const checked = v.string([...at, sync], asyncName, { re: IDENTIFIER, what: 'a Python identifier' });
    if (checked !== undefined && IDENTIFIER.test(sync)) {
      if (checked === sync) v.problem([...at, sync], `the async dependency must have a name of its own, not "${sync}"`);
      else pairs.push({ sync, async: checked });
    }
  }
  if (Object.keys(value).length === 0) {
    v.problem(at, 'expected one sync = "async" pair, got an empty table');
    return undefined;
  }
  if (Object.keys(value).length > 1) {
    // The transforms rename one dependency; picking one of several would leave the others sync unannounced.
    v.problem(at, `this version migrates one session dependency; got ${Object.keys(value).length} (${Object.keys(value).join(', ')}). Keep one pair and migrate the others in a separate run`);
    return undefined;
  }
  return pairs[0];
}

function transforms(v: Validator, at: string[], value: unknown): AwaitifyConfig['transforms'] {
  if (!isTable(value)) {
    v.problem(at, `expected a table { enable = [...], disable = [...] }, got ${typeName(value)}`);
    return undefined;
  }
  const out: NonNullable<AwaitifyConfig['transforms']> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'enable' || key === 'disable') {
      const list = v.names([...at, key], item, v.known.transforms, 'transform');
      if (list !== undefined) out[key] = list;
    } else {
      v.problem([...at, key], `unknown key "${key}"${didYouMean(key, ['enable', 'disable'])}`);
    }
  }
  const both = (out.enable ?? []).filter((id) => (out.disable ?? []).includes(id));
  if (both.length > 0) v.problem(at, `${both.join(', ')} both enabled and disabled`);
  return out;
}

function rules(v: Validator, at: string[], value: unknown): AwaitifyConfig['rules'] {
  if (!isTable(value)) {
    v.problem(at, `expected a table { RULE-ID = "error" | "warning" | "note" }, got ${typeName(value)}`);
    return undefined;
  }
  const out: Record<string, RuleLevel> = {};
  for (const [rule, level] of Object.entries(value)) {
    if (!v.known.rules.includes(rule)) {
      v.problem([...at, rule], `unknown rule "${rule}"${didYouMean(rule, v.known.rules)} (see \`awaitify explain --list\`)`);
      continue;
    }
    const checked = v.oneOf([...at, rule], level, RULE_LEVELS);
    if (checked !== undefined) out[rule] = checked;
  }
  return out;
}
