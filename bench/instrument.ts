// Stage timings measured from outside the engine: runProject takes the language frontend and the
// transforms as arguments, so wrapping them with timers attributes time without touching engine/.

import type { SgRoot } from '@ast-grep/napi';
import type { LanguageSupport, TextEdit, Transform } from '../engine/types';

export interface StageTimes {
  /** runProject start → first parse call: the directory walk (plus one file's read). */
  discoveryMs: number;
  parseMs: number;
  parseCalls: number;
  syntaxCheckMs: number;
  /** Re-parse and syntax check of a transform's output, before the next transform. */
  reparseMs: number;
  reparseCalls: number;
  resyntaxCheckMs: number;
  isInsideStringMs: number;
  isInsideStringCalls: number;
  transformMs: Record<string, number>;
  transformCalls: Record<string, number>;
  /**
   * An indexer's `summarize` (every file) and `build` (once), by the id of the transform that owns
   * it. Summaries are taken inside runProject, between transforms, so without this they landed in
   * "other"; with the default preset they are the largest stage.
   */
  indexMs: Record<string, number>;
}

export interface Instrumented {
  language: LanguageSupport<SgRoot>;
  transforms: Transform<SgRoot>[];
  /** Call when runProject starts. */
  start(): void;
  /** Pass as runProject's onProgress: marks the end of a file, so the next parse is an initial one. */
  fileDone(): void;
  times: StageTimes;
}

export function instrument(language: LanguageSupport<SgRoot>, transforms: readonly Transform<SgRoot>[]): Instrumented {
  const times: StageTimes = {
    discoveryMs: 0, parseMs: 0, parseCalls: 0, syntaxCheckMs: 0, reparseMs: 0, reparseCalls: 0, resyntaxCheckMs: 0,
    isInsideStringMs: 0, isInsideStringCalls: 0, transformMs: {}, transformCalls: {}, indexMs: {},
  };
  let startedAt = 0;
  let sawFirstParse = false;
  // processSource parses the input, then re-parses only after a transform changed the text; so a
  // parse after a transform ran in the current file is a re-parse.
  let transformRanInFile = false;

  // An incremental re-parse is a re-parse: timed with them.
  const reparse = language.reparse?.bind(language);
  const timed: LanguageSupport<SgRoot> = {
    ...language,
    parse(source) {
      const t = performance.now();
      if (!sawFirstParse) {
        sawFirstParse = true;
        times.discoveryMs = t - startedAt;
      }
      try {
        return language.parse(source);
      } finally {
        const dt = performance.now() - t;
        if (transformRanInFile) {
          times.reparseMs += dt;
          times.reparseCalls++;
        } else {
          times.parseMs += dt;
          times.parseCalls++;
        }
      }
    },
    ...(reparse
      ? {
          reparse(tree: SgRoot, source: string, edits: readonly TextEdit[]) {
            const t = performance.now();
            try {
              return reparse(tree, source, edits);
            } finally {
              times.reparseMs += performance.now() - t;
              times.reparseCalls++;
            }
          },
        }
      : {}),
    firstSyntaxError(tree, source) {
      const t = performance.now();
      try {
        return language.firstSyntaxError(tree, source);
      } finally {
        const dt = performance.now() - t;
        if (transformRanInFile) times.resyntaxCheckMs += dt;
        else times.syntaxCheckMs += dt;
      }
    },
    isInsideString(tree, offset) {
      const t = performance.now();
      try {
        return language.isInsideString(tree, offset);
      } finally {
        times.isInsideStringMs += performance.now() - t;
        times.isInsideStringCalls++;
      }
    },
  };

  const timedIndex = <A extends unknown[], R>(id: string, f: (...args: A) => R) => (...args: A): R => {
    const t = performance.now();
    try {
      return f(...args);
    } finally {
      times.indexMs[id] = (times.indexMs[id] ?? 0) + performance.now() - t;
    }
  };

  const wrapped = transforms.map((transform): Transform<SgRoot> => ({
    ...transform,
    ...(transform.indexer
      ? {
          indexer: {
            ...transform.indexer,
            summarize: timedIndex(transform.id, transform.indexer.summarize.bind(transform.indexer)),
            build: timedIndex(transform.id, transform.indexer.build.bind(transform.indexer)),
          },
        }
      : {}),
    run(ctx) {
      transformRanInFile = true;
      const t = performance.now();
      try {
        return transform.run(ctx);
      } finally {
        times.transformMs[transform.id] = (times.transformMs[transform.id] ?? 0) + performance.now() - t;
        times.transformCalls[transform.id] = (times.transformCalls[transform.id] ?? 0) + 1;
      }
    },
  }));

  return {
    language: timed,
    transforms: wrapped,
    start() {
      startedAt = performance.now();
    },
    fileDone() {
      transformRanInFile = false;
    },
    times,
  };
}
