// Runs a transform with a project indexer over a whole directory of Python files, the way the engine does
// (summarize every file, build once, run per file with the index), without going through the engine: lets
// the indexer and the transform be tested on multi-file fixtures directly.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { SgRoot } from '@ast-grep/napi';
import { applyEdits, mapOffset, sortAndCheckEdits } from '../../engine/edits';
import { LineIndex } from '../../engine/lines';
import { DEFAULT_TRANSFORM_OPTIONS, type Transform, type TransformOptions } from '../../engine/types';
import { parsePython, pythonLanguage } from '../../transforms/python/support/language';

export interface ProjectRun {
  outputs: Map<string, string>;
  /** `path:rule@line`, lines in the output text. */
  findings: string[];
  reasons: string[];
}

/** Every `.py` file under `dir`, by POSIX path relative to it. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (sub: string): void => {
    for (const name of readdirSync(path.join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      const full = path.join(dir, rel);
      if (statSync(full).isDirectory()) walk(rel);
      else if (name.endsWith('.py')) files.set(rel, readFileSync(full, 'utf8'));
    }
  };
  if (existsSync(dir)) walk('');
  return files;
}

export function runProject(transform: Transform<SgRoot>, files: Map<string, string>, options: Partial<TransformOptions> = {}, root = '/project'): ProjectRun {
  const opts = { ...DEFAULT_TRANSFORM_OPTIONS, ...options };
  const indexer = transform.indexer;
  if (!indexer) throw new Error(`${transform.id} has no indexer`);
  const trees = new Map<string, SgRoot>();
  const summaries = new Map<string, unknown>();
  for (const [rel, source] of files) {
    const tree = parsePython(source);
    trees.set(rel, tree);
    summaries.set(rel, indexer.summarize({ path: rel, absPath: `${root}/${rel}`, source, tree, options: opts }));
  }
  const index = indexer.build(summaries, opts);
  const outputs = new Map<string, string>();
  const findings: string[] = [];
  const reasons: string[] = [];
  for (const [rel, source] of files) {
    const result = transform.run({ path: rel, source, tree: trees.get(rel) as SgRoot, options: opts, isIgnored: () => false, index });
    const sorted = sortAndCheckEdits(result.edits, source.length);
    const output = applyEdits(source, sorted);
    const problem = pythonLanguage.firstSyntaxError(parsePython(output), output);
    if (problem) throw new Error(`${rel}: output does not parse: ${problem.message} at ${problem.line}\n${output}`);
    outputs.set(rel, output);
    const lines = new LineIndex(output);
    for (const f of result.findings) findings.push(`${rel}:${f.rule}@${lines.position(mapOffset(f.offset, sorted)).line}`);
    for (const e of sorted) if (e.reason) reasons.push(`${rel}: ${e.reason}`);
  }
  return { outputs, findings: findings.sort(), reasons: [...new Set(reasons)] };
}
