// Command-line flags over the configuration file over the built-in defaults.
import * as path from 'node:path';
import { DEFAULT_TRANSFORM_OPTIONS } from '../../engine/types';
import { ConfigError, type LoadedConfig } from './load';
import type { RuleLevel } from './schema';

/** What the command line said; undefined = not given, so the configuration may decide. */
export interface CliChoices {
  preset?: string;
  stage?: string;
  transforms?: string;
  exclude: string[];
  /** --include globs; when given, they replace the configuration's `include`. */
  include?: string[];
  /** --session-type names; when given, they replace the configuration's `session-types`. */
  sessionTypes?: string[];
  /** --router-name names; when given, they replace the configuration's `router-names`. */
  routerNames?: string[];
  /** --exclude-function names, added to the configuration's `exclude-functions` (as --exclude globs are). */
  excludeFunctions?: string[];
  getDbName?: string;
  asyncGetDbName?: string;
  sqlalchemyVersion?: '1.4' | '2.0';
}

export interface Effective {
  preset: string;
  stage?: string;
  /** Comma-separated subset of the preset, as `--transforms` takes it. */
  transforms?: string;
  /** Transforms of the preset to leave out (configuration `transforms.disable`). */
  disabled: string[];
  exclude: string[];
  /** Globs a file must match to be migrated (relative to the working directory); null = no restriction. */
  include: string[] | null;
  getDbName: string;
  asyncGetDbName: string;
  /** The command line or the configuration named the session dependency; otherwise the run may infer it. */
  dependencyNamed: boolean;
  sqlalchemyVersion: '1.4' | '2.0';
  /** Whether the command line or the configuration chose the version (else the project's pin may: sqlalchemy-target.ts). */
  sqlalchemyNamed: boolean;
  sessionFacades: string[];
  sessionTypes: string[];
  routerNames: string[];
  excludeFunctions: string[];
  ruleLevels: Record<string, RuleLevel>;
  /** Notes for stderr, e.g. configuration globs that cannot apply from this working directory. */
  notes: string[];
  /** Directory of the configuration file in use, null without one: the project's root. */
  configDir: string | null;
}

export function mergeConfig(cli: CliChoices, loaded: LoadedConfig | null, cwd: string): Effective {
  const config = loaded?.config ?? {};
  const notes: string[] = [];
  // A preset or stage on the command line replaces the configuration's choice of either.
  const cliChoosesPreset = cli.preset !== undefined || cli.stage !== undefined;
  const preset = cliChoosesPreset ? (cli.preset ?? 'default') : (config.preset ?? 'default');
  const stage = cliChoosesPreset ? cli.stage : config.stage;

  let transforms = cli.transforms;
  let disabled: string[] = [];
  if (transforms === undefined && config.transforms) {
    if (config.transforms.enable) transforms = config.transforms.enable.join(',');
    disabled = config.transforms.disable ?? [];
  }

  const exclude = [...cli.exclude];
  if (loaded && config.exclude) {
    for (const glob of config.exclude) {
      const rebased = rebaseGlob(glob, path.dirname(loaded.file), cwd);
      if (rebased === null) {
        notes.push(`exclude glob "${glob}" from ${path.relative(cwd, loaded.file) || loaded.file} cannot be applied from this working directory; run awaitify from ${path.dirname(loaded.file)}`);
      } else if (rebased !== undefined) {
        exclude.push(rebased);
      }
    }
  }

  let include: string[] | null = cli.include !== undefined && cli.include.length > 0 ? [...cli.include] : null;
  if (include === null && loaded && config.include) {
    include = [];
    for (const glob of config.include) {
      const rebased = rebaseGlob(glob, path.dirname(loaded.file), cwd);
      // Unlike an exclude glob, an include glob that cannot be applied must stop the run: dropping it
      // would migrate files the configuration keeps out.
      if (rebased === null) {
        throw new ConfigError([
          `include glob "${glob}" from ${path.relative(cwd, loaded.file) || loaded.file} cannot be applied from this working directory; run awaitify from ${path.dirname(loaded.file)}`,
        ]);
      }
      // undefined: the glob names files elsewhere, none of them below the working directory.
      if (rebased !== undefined) include.push(rebased);
    }
  }

  return {
    preset,
    stage,
    transforms,
    disabled,
    exclude,
    include,
    getDbName: cli.getDbName ?? config.dependencies?.sync ?? DEFAULT_TRANSFORM_OPTIONS.getDbName,
    asyncGetDbName: cli.asyncGetDbName ?? config.dependencies?.async ?? DEFAULT_TRANSFORM_OPTIONS.asyncGetDbName,
    dependencyNamed: cli.getDbName !== undefined || cli.asyncGetDbName !== undefined || config.dependencies !== undefined,
    sqlalchemyVersion: cli.sqlalchemyVersion ?? config.sqlalchemy ?? '2.0',
    sqlalchemyNamed: cli.sqlalchemyVersion !== undefined || config.sqlalchemy !== undefined,
    sessionFacades: config.sessionFacades ?? [],
    sessionTypes: cli.sessionTypes !== undefined && cli.sessionTypes.length > 0 ? cli.sessionTypes : (config.sessionTypes ?? []),
    excludeFunctions: [...new Set([...(cli.excludeFunctions ?? []), ...(config.excludeFunctions ?? [])])],
    routerNames: cli.routerNames !== undefined && cli.routerNames.length > 0 ? cli.routerNames : (config.routerNames ?? []),
    ruleLevels: config.rules ?? {},
    notes,
    configDir: loaded ? path.dirname(loaded.file) : null,
  };
}

const hasMagic = (segment: string): boolean => /[*?[\]{}()!+@]/.test(segment);

/**
 * A glob written relative to the configuration's directory, rewritten relative to the working
 * directory (exclude globs match paths as printed, which are relative to it). undefined: the glob
 * cannot match anything below the working directory; null: it might, but cannot be rewritten.
 */
export function rebaseGlob(glob: string, configDir: string, cwd: string): string | null | undefined {
  const clean = glob.replace(/^\.\//, '');
  const down = path.relative(cwd, configDir).split(path.sep).join('/');
  if (down === '') return clean;
  if (!down.startsWith('..')) return `${down}/${clean}`;
  // The working directory is below the configuration: strip the part of the glob leading down to it.
  const up = path.relative(configDir, cwd).split(path.sep).join('/');
  if (up.startsWith('..')) return null;
  if (clean.startsWith('**/')) return clean;
  const segments = clean.split('/');
  const steps = up.split('/');
  for (const [i, step] of steps.entries()) {
    const segment = segments[i];
    // The glob names a directory holding the working directory: all of it is excluded.
    if (segment === undefined) return '**';
    if (hasMagic(segment)) return null;
    if (segment !== step) return undefined;
  }
  const rest = segments.slice(steps.length).join('/');
  return rest === '' ? '**' : rest;
}
