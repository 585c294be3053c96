// Transforms for the worker-thread tests: an EnginePlugin the workers load by path (engine/parallel.ts),
// shaped to produce every kind of outcome: edits, findings, counts, errors, an index between segments.
import type { SgRoot } from '@ast-grep/napi';
import { getHeapStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';
import type { EnginePlugin, ProjectIndexer, TextEdit, Transform } from '../../engine/types';
import { pythonLanguage } from '../../transforms/python/support/language';

function replaceAll(source: string, from: string, to: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let i = source.indexOf(from); i !== -1; i = source.indexOf(from, i + from.length)) edits.push({ start: i, end: i + from.length, text: to, reason: `${from} → ${to}` });
  return edits;
}

/** `a = 1` → `a = "marked"`; a finding at every `flag`; `BREAK` makes it write invalid code; `THROW` makes it throw. */
export const marker: Transform<SgRoot> = {
  id: 'marker',
  description: 'marker',
  language: 'python',
  prefilter: ['a = 1', 'flag', 'BREAK', 'THROW'],
  run: ({ source }) => {
    if (source.includes('THROW')) throw new Error('asked to throw');
    const edits = [...replaceAll(source, 'a = 1', 'a = "marked"'), ...replaceAll(source, 'BREAK', 'BREAK(')];
    const findings = [];
    for (let i = source.indexOf('flag'); i !== -1; i = source.indexOf('flag', i + 1)) findings.push({ rule: 'TEST-FLAG', offset: i, message: 'flagged', hint: 'look' });
    return { edits, findings, counts: { marked: edits.length } };
  },
};

interface Marks {
  path: string;
  marked: boolean;
}

/** The index: which files `marker` marked, as a class instance (an index never crosses threads). */
class Seen {
  constructor(readonly paths: string[]) {}
  line(): string {
    return `# seen: ${this.paths.join(',')}\n`;
  }
}

function indexer(id: string, failOn: string | null): ProjectIndexer<SgRoot, Marks, Seen> {
  return {
    id,
    summarize: ({ path, source, tree }) => {
      if (failOn !== null && source.includes(failOn)) throw new Error(`cannot summarize ${path}`);
      return { path, marked: tree.root().text().includes('"marked"') };
    },
    build: (summaries) => new Seen([...summaries.values()].filter((s) => s.marked).map((s) => s.path)),
  };
}

/** Appends the index to every file but those with `x = 0`. */
function appendSeen(id: string, failOn: string | null): Transform<SgRoot> {
  return {
    id,
    description: id,
    language: 'python',
    indexer: indexer(id, failOn) as ProjectIndexer<SgRoot>,
    run: ({ source, index }) => {
      if (!(index instanceof Seen)) throw new Error('the index is not a Seen');
      if (source.includes('x = 0')) return { edits: [], findings: [] };
      return { edits: [{ start: source.length, end: source.length, text: index.line() }], findings: [], counts: { seen: index.paths.length } };
    },
  };
}

export const seen = appendSeen('seen', null);
/** Its summarize throws on files containing `NOSUMMARY`. */
export const seenFragile = appendSeen('seen-fragile', 'NOSUMMARY');

/** After the index: `b = 2` → `b = 3`. */
export const tail: Transform<SgRoot> = {
  id: 'tail',
  description: 'tail',
  language: 'python',
  run: ({ source }) => ({ edits: replaceAll(source, 'b = 2', 'b = 3'), findings: [] }),
};

/** Counts the thread it ran on: only used to prove that work left the main thread. */
export const threadProbe: Transform<SgRoot> = {
  id: 'thread-probe',
  description: 'thread-probe',
  language: 'python',
  run: () => ({ edits: [], findings: [], counts: { [`thread ${threadId}`]: 1 } }),
};

/** Counts its thread's heap limit in MiB: proves what limit a worker was given. */
export const heapProbe: Transform<SgRoot> = {
  id: 'heap-probe',
  description: 'heap-probe',
  language: 'python',
  run: () => ({ edits: [], findings: [], counts: { [`heap ${Math.round(getHeapStatistics().heap_size_limit / 2 ** 20)}`]: 1 } }),
};

/** Holds ever more memory on a file containing `HOG`, until its thread runs out. */
const held: unknown[] = [];
export const hog: Transform<SgRoot> = {
  id: 'hog',
  description: 'hog',
  language: 'python',
  run: ({ source }) => {
    while (source.includes('HOG')) held.push(Array.from({ length: 100_000 }, (_, i) => ({ i })));
    return { edits: [], findings: [] };
  },
};

export const plugin: EnginePlugin<SgRoot> = {
  language: pythonLanguage,
  transforms: () => [marker, seen, seenFragile, tail, threadProbe, hog, heapProbe],
};
