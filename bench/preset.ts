// The transforms and options a `dry-run --preset <id>` uses, resolved the way cli/run-command.ts
// does, so the bench measures what the CLI would run.

import type { SgRoot } from '@ast-grep/napi';
import { presetFor, selectTransforms } from '../cli/run-command';
import { DEFAULT_TRANSFORM_OPTIONS, Transform, TransformOptions } from '../engine/types';

export interface BenchPipeline {
  preset: string;
  transforms: Transform<SgRoot>[];
  options: TransformOptions;
}

/** `subset`: as `dry-run --transforms`, comma-separated ids of the preset's transforms. */
export function pipelineFor(presetId: string, subset?: string): BenchPipeline {
  const preset = presetFor(presetId, undefined);
  return {
    preset: preset.id,
    transforms: selectTransforms(preset, subset),
    options: { ...DEFAULT_TRANSFORM_OPTIONS, ...preset.options },
  };
}
