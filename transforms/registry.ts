import type { SgRoot } from '@ast-grep/napi';
import type { Preset, Transform } from '../engine/types';
import { transform as aiofiles } from './python/aiofiles';
import { createAllTransform as asyncCreateAll, transform as asyncEngine } from './python/async-engine';
import { transform as asyncGetDb } from './python/async-get-db';
import { transform as asyncGeneratorAnnotations } from './python/async-generator-annotations';
import { transform as asyncSession } from './python/async-session';
import { transform as asyncTests } from './python/async-tests';
import { transform as eagerLoad } from './python/eager-load';
import { transform as insertAwait } from './python/insert-await';
import { transform as propagateAsync } from './python/propagate-async';
import { transform as queryToSelect } from './python/query-to-select';
import { transform as reexportTwins } from './python/reexport-twins';

// Order matters: each transform sees the previous one's output.
const pythonTransforms: Transform<SgRoot>[] = [asyncEngine, asyncSession, asyncGetDb, queryToSelect, insertAwait, propagateAsync, asyncTests, asyncCreateAll, eagerLoad, asyncGeneratorAnnotations, reexportTwins, aiofiles];

export const presets: Preset[] = [
  {
    id: 'default',
    description:
      'Stages 2-4: async engine and session factory, AsyncSession, the async dependency, queries as awaited ' +
      'select(), awaits on session calls, async propagated to every caller, eager loading, async tests',
    transforms: [
      asyncEngine.id,
      asyncSession.id,
      asyncGetDb.id,
      queryToSelect.id,
      insertAwait.id,
      propagateAsync.id,
      asyncTests.id,
      // After propagate-async and async-tests: create_all in any function either made async, test fixtures
      // included (before async-tests, a second run converted those).
      asyncCreateAll.id,
      // After async-tests: eager-load only looks at async code, and the tests are async only then.
      eagerLoad.id,
      asyncGeneratorAnnotations.id,
      // Last: its project pass reads the twins from the run's output, after every transform that imports a twin
      // where a module uses it itself (insert-await's `async_engine`), so it only adds what nothing else did.
      reexportTwins.id,
    ],
    options: { testsConvertedLater: true },
    warning:
      'eager loading is not complete: relationship reads awaitify cannot follow (more than one attribute deep on an ' +
      'object another function returned, objects from functions not given the session, Row results reshaped before they are read, getattr) may be ' +
      'neither fixed nor flagged, and ' +
      'fail at run time with MissingGreenlet; run your test suite on the result',
  },
  {
    id: 'select',
    description: 'Stage 1: legacy Query -> 2.0 select(), still sync, so the existing tests can run on it',
    transforms: [queryToSelect.id],
    options: { queryStage: 'select' },
  },
  {
    id: 'aiofiles',
    description: 'Opt-in: builtin open() in async code → aiofiles',
    transforms: [aiofiles.id],
  },
];

/** `--stage` names the preset of a migration stage. */
export const stagePresets: Record<string, string> = { select: 'select', async: 'default' };

export function allTransforms(): readonly Transform<SgRoot>[] {
  return pythonTransforms;
}

export function findTransform(id: string): Transform<SgRoot> | undefined {
  return pythonTransforms.find((t) => t.id === id);
}

export function findPreset(id: string): Preset | undefined {
  return presets.find((p) => p.id === id);
}
