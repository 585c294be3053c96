// Decides which files a synthetic repository of a given size has, and generates each one from its
// own seeded stream (seed + path), so a file's content does not depend on generation order.

import { apiTestsFile, crudTestsFile } from './tests-file';
import { crudFile } from './crud-file';
import { Domain, planDomain } from './domain';
import {
  alembicEnvFile, alembicVersionFile, areaRouterFile, baseClassFile, configFile, conftestFile, crudBaseFile, depsFile,
  mainFile, packageInit, seedScriptFile, sessionFile, userModelFile,
} from './fixed-files';
import { modelsFile } from './models-file';
import { AREAS, NOUNS, plural } from './names';
import { plainFile } from './plain-file';
import { hashSeed, Rng } from './random';
import { routesFile } from './routes-file';
import { schemasFile } from './schemas-file';
import { servicesFile } from './services-file';

export type FileKind =
  | 'models' | 'schemas' | 'crud' | 'services' | 'routes' | 'test-api' | 'test-crud' | 'utility' | 'package-init' | 'app-core'
  /** On disk but left out by discovery (Alembic's env.py and versions): not counted in the size. */
  | 'excluded';

export interface PlannedFile {
  path: string;
  kind: FileKind;
  /** True for files with database code; false for the "plain Python" share. */
  db: boolean;
  render: (rng: Rng) => string;
}

/** Share of domain packages per file; each domain package brings 8 files (6 with database code). */
const DOMAINS_PER_FILE = 0.095;
const UTIL_MODULES_PER_PACKAGE = 15;
const UTIL_TOPICS = [
  'text', 'dates', 'money', 'http', 'cache', 'config', 'files', 'events', 'validation', 'reporting', 'security',
  'integrations', 'formatting', 'scheduling', 'metrics', 'imports', 'exports', 'geo', 'i18n', 'notifications',
];
const UTIL_SUFFIXES = ['utils', 'helpers', 'tools', 'support', 'format', 'client', 'cache', 'rules', 'types'];

export function planRepository(seed: number, size: number): PlannedFile[] {
  if (!Number.isInteger(size) || size < 60) throw new Error(`size must be an integer >= 60, got ${size}`);
  const layout = new Rng(hashSeed(`${seed}:layout`));
  const coreCount = 16;
  let domainCount = Math.max(1, Math.floor(size * DOMAINS_PER_FILE));
  const areasFor = (n: number): number => Math.min(AREAS.length, n);
  const utilCount = (n: number): number => size - coreCount - areasFor(n) - 8 * n;
  while (utilCount(domainCount) < 2 && domainCount > 1) domainCount--;
  if (utilCount(domainCount) < 2) throw new Error(`size ${size} is too small`);

  // Areas take domains round-robin, each area with its own noun order, so every area router exists
  // even in small repositories and (area, noun, round) makes every package name unique.
  const areaCount = areasFor(domainCount);
  const nounsByArea = AREAS.slice(0, areaCount).map(() => layout.shuffle(NOUNS));
  const domains: Domain[] = [];
  for (let i = 0; i < domainCount; i++) {
    const area = AREAS[i % areaCount] as string;
    const k = Math.floor(i / areaCount);
    const nouns = nounsByArea[i % areaCount] as string[];
    const noun = nouns[k % nouns.length] as string;
    const round = Math.floor(k / nouns.length);
    domains.push(planDomain(layout, area, noun, `${area}_${plural(noun)}${round > 0 ? `_${round + 1}` : ''}`));
  }
  const areas = [...new Set(domains.map((d) => d.area))].sort();

  const files: PlannedFile[] = [];
  const add = (path: string, kind: FileKind, db: boolean, render: (rng: Rng) => string): void => {
    files.push({ path, kind, db, render });
  };
  add('app/__init__.py', 'package-init', false, () => packageInit('Synthetic FastAPI + SQLAlchemy backend.'));
  add('app/main.py', 'app-core', false, () => mainFile(areas));
  add('app/core/__init__.py', 'package-init', false, () => packageInit('Configuration.'));
  add('app/core/config.py', 'app-core', false, () => configFile());
  add('app/db/__init__.py', 'package-init', false, () => packageInit('Database plumbing.'));
  add('app/db/session.py', 'app-core', true, () => sessionFile());
  add('app/db/base_class.py', 'app-core', true, () => baseClassFile());
  add('app/api/__init__.py', 'package-init', false, () => packageInit('HTTP routers, one per business area.'));
  add('app/api/deps.py', 'app-core', true, () => depsFile());
  add('app/models/__init__.py', 'package-init', false, () => packageInit('Shared models.'));
  add('app/models/user.py', 'app-core', true, () => userModelFile());
  add('app/crud/__init__.py', 'package-init', false, () => packageInit('Shared data-access helpers.'));
  add('app/crud/base.py', 'app-core', true, () => crudBaseFile());
  add('app/domains/__init__.py', 'package-init', false, () => packageInit('Business domains.'));
  add('tests/conftest.py', 'app-core', true, () => conftestFile());
  // Alembic's env.py stays sync and discovery leaves it out, like the versions next to it.
  add('alembic/env.py', 'excluded', true, () => alembicEnvFile());
  add('scripts/seed_data.py', 'app-core', true, () => seedScriptFile(domains));
  for (let n = 0; n < 3; n++) add(`alembic/versions/000${n}_add_indexes_${n}.py`, 'excluded', true, () => alembicVersionFile(n));
  for (const area of areas) {
    add(`app/api/${area}.py`, 'app-core', false, () => areaRouterFile(area, domains.filter((d) => d.area === area)));
  }
  for (const d of domains) {
    add(`${d.dir}/__init__.py`, 'package-init', false, () => packageInit(`${d.name.replace(/_/g, ' ')}: models, data access, services and HTTP routes.`));
    add(`${d.dir}/models.py`, 'models', true, (rng) => modelsFile(rng, d));
    add(`${d.dir}/schemas.py`, 'schemas', false, (rng) => schemasFile(rng, d));
    add(`${d.dir}/crud.py`, 'crud', true, (rng) => crudFile(rng, d));
    add(`${d.dir}/services.py`, 'services', true, (rng) => servicesFile(rng, d));
    add(`${d.dir}/routes.py`, 'routes', true, (rng) => routesFile(rng, d));
    add(`tests/${d.area}/test_${d.name}_api.py`, 'test-api', true, (rng) => apiTestsFile(rng, d));
    add(`tests/${d.area}/test_${d.name}_crud.py`, 'test-crud', true, (rng) => crudTestsFile(rng, d));
  }
  let remaining = utilCount(domainCount);
  for (let p = 0; remaining > 0; p++) {
    const topic = `${UTIL_TOPICS[p % UTIL_TOPICS.length]}${p >= UTIL_TOPICS.length ? `_${Math.floor(p / UTIL_TOPICS.length) + 1}` : ''}`;
    add(`app/lib/${topic}/__init__.py`, 'package-init', false, () => packageInit(`${topic} helpers.`));
    remaining--;
    const names = layout.shuffle(NOUNS.flatMap((noun) => UTIL_SUFFIXES.map((s) => `${noun}_${s}`)));
    for (let m = 0; m < UTIL_MODULES_PER_PACKAGE && remaining > 0; m++, remaining--) {
      const name = names[m] as string;
      add(`app/lib/${topic}/${name}.py`, 'utility', false, (rng) => plainFile(rng, name));
    }
  }
  return files;
}
