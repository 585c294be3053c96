import type { SgRoot } from '@ast-grep/napi';
import type { Preset, Transform } from '../engine/types';

// Order matters: each transform sees the previous one's output.
const pythonTransforms: Transform<SgRoot>[] = [];

export const presets: Preset[] = [
  {
    id: 'default',
    description: 'The whole migration, in order.',
    transforms: pythonTransforms.map((t) => t.id),
  },
];

export function allTransforms(): readonly Transform<SgRoot>[] {
  return pythonTransforms;
}

export function findTransform(id: string): Transform<SgRoot> | undefined {
  return pythonTransforms.find((t) => t.id === id);
}

export function findPreset(id: string): Preset | undefined {
  return presets.find((p) => p.id === id);
}
