// The Python project indexer: a summary per module, combined into a ProjectIndex once.
import type { SgRoot } from '@ast-grep/napi';
import type { ProjectIndexer } from '../../../engine/types';
import { ProjectIndex } from './project';
import { summarizeModule } from './summarize';
import type { ModuleSummary } from './types';

export const pythonProjectIndexer: ProjectIndexer<SgRoot, ModuleSummary, ProjectIndex> = {
  id: 'python-project',
  summarize: summarizeModule,
  build: (summaries) => new ProjectIndex(summaries),
};

export { ProjectIndex, functionKey, type Entity } from './project';
export type * from './types';
