// What runProject's worker threads load (RunOptions.parallel.plugin): the Python frontend and every
// transform of the registry, which the workers pick by id.
import type { SgRoot } from '@ast-grep/napi';
import type { EnginePlugin } from '../../engine/types';
import { allTransforms } from '../registry';
import { pythonLanguage } from './support/language';

export const plugin: EnginePlugin<SgRoot> = { language: pythonLanguage, transforms: allTransforms };

/** The path to hand to `parallel.plugin`. */
export const PLUGIN_PATH = __filename;
