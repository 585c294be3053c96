import type { SgRoot } from '@ast-grep/napi';
import type { Preset, Transform } from '../engine/types';
import { transform as asyncEngine } from './python/async-engine';
import { transform as asyncGetDb } from './python/async-get-db';
import { transform as asyncSession } from './python/async-session';
import { transform as insertAwait } from './python/insert-await';
import { transform as queryToSelect } from './python/query-to-select';

// Order matters: each transform sees the previous one's output.
// insert-await joins no preset yet: its awaits sit in plain defs until async-handlers/propagate-async exist.
const pythonTransforms: Transform<SgRoot>[] = [asyncEngine, asyncSession, asyncGetDb, queryToSelect, insertAwait];

export const presets: Preset[] = [
  {
    id: 'default',
    // query-to-select joins this preset (in its async form) together with the transforms that make
    // the enclosing functions async and await their callers: its `await` forms are only valid then.
    description: 'The async switch, as far as it is built: async engine and session factory, AsyncSession annotations, the async session dependency',
    transforms: [asyncEngine.id, asyncSession.id, asyncGetDb.id],
    warning:
      'the async switch is incomplete in this version: awaits, async handlers and async propagation to callers ' +
      'are not written yet, so code migrated with this preset alone does not run; review it as a preview',
  },
  {
    id: 'select',
    description: 'Stage 1: legacy Query -> 2.0 select(), still sync, so the existing tests can run on it',
    transforms: [queryToSelect.id],
    options: { queryStage: 'select' },
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
