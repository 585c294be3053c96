// A whole directory through the engine, checked against an expected output tree: shared by the multi-file
// transform fixtures (fixtures.test.ts) and the whole-preset fixtures (preset-fixtures.test.ts).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pipelineFor } from '../../bench/preset';
import { runProject, type RunReport } from '../../engine/run';
import type { TransformOptions } from '../../engine/types';
import { pythonLanguage } from '../../transforms/python/support/language';

/** Every file under `root`, by POSIX path relative to it, sorted. */
export function listFiles(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(root, child));
    else out.push(child);
  }
  return out.sort();
}

export interface TreeFixture {
  /** Holds `input/` and `output/`. */
  dir: string;
  findings: { path: string; rule: string; line: number }[];
}

/**
 * Copies `input/` to a temporary directory, runs `run` on it and writes the changed files; then the tree must
 * equal `output/`, the findings the expected ones, `check` (if any) must pass on the written tree, and a second
 * run must change nothing.
 */
export async function expectTreeFixture(c: TreeFixture, run: (dir: string) => Promise<RunReport>, check?: (work: string) => void): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'awaitify-tree-fixture-'));
  try {
    cpSync(path.join(c.dir, 'input'), work, { recursive: true });
    const first = await run(work);
    expect(first.files.filter((f) => f.status === 'error' || f.status === 'skipped')).toEqual([]);
    for (const f of first.files) if (f.status === 'changed') writeFileSync(path.join(work, f.path), f.output);
    const expectedRoot = path.join(c.dir, 'output');
    expect(listFiles(work)).toEqual(listFiles(expectedRoot));
    for (const file of listFiles(expectedRoot)) {
      expect(`${file}:\n${readFileSync(path.join(work, file), 'utf8')}`).toBe(`${file}:\n${readFileSync(path.join(expectedRoot, file), 'utf8')}`);
    }
    const findings = first.files.flatMap((f) => (f.status === 'changed' || f.status === 'unchanged' ? f.findings.map((x) => `${f.path}:${x.rule}@${x.line}`) : []));
    expect(findings.sort()).toEqual(c.findings.map((f) => `${f.path}:${f.rule}@${f.line}`).sort());
    expect(misplacedLineReferences(first, path.join(c.dir, 'input'))).toEqual([]);
    check?.(work);

    const second = await run(work);
    expect(second.files.filter((f) => f.status !== 'unchanged').map((f) => f.path)).toEqual([]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Calls a finding's message quotes with a line (`` `f(...)` (line N) ``, `` `f(...)` (path, line N) ``,
 * `` `f(...)` (path:N) ``) whose line of the input does not hold the call: messages must give the line a user
 * finds in the file they ran awaitify on, not in the text an earlier transform left (with an import added, one
 * line further down).
 */
export function misplacedLineReferences(report: RunReport, inputRoot: string): string[] {
  const inputLines = (file: string): string[] | null => {
    try {
      return readFileSync(path.join(inputRoot, file), 'utf8').split('\n');
    } catch {
      return null;
    }
  };
  // A line given without a file is of the finding's file or of the last file the message named before it.
  const unnamed = (before: string, own: string): string[] => {
    const last = [...before.matchAll(/([\w./-]+\.py)\b/g)].pop()?.[1];
    return last === undefined || last === own ? [own] : [own, last];
  };
  const wrong: string[] = [];
  for (const f of report.files) {
    if (f.status !== 'changed' && f.status !== 'unchanged') continue;
    for (const x of f.findings) {
      for (const m of x.message.matchAll(/`([^`\n]+?)\(\.\.\.\)` \((?:([^,()\s]+\.py)(?:, line |:)|line )(\d+)[,):]/g)) {
        const [, call, named, line] = m as unknown as [string, string, string | undefined, string];
        const files = named !== undefined ? [named] : unnamed(x.message.slice(0, m.index), f.path);
        const head = call.split('(')[0] as string;
        if (!files.some((file) => inputLines(file)?.[Number(line) - 1]?.includes(head) ?? true)) wrong.push(`${f.path}:${x.line} ${x.rule}: \`${call}(...)\` is not on line ${line} of ${files.join(' nor ')}`);
      }
      // `db.query()` without await (line N), `db.query()` without await, line N: likewise.
      for (const m of x.message.matchAll(/`(\w+\.\w+)\(\)`(?: without await)?(?:, | \()line (\d+)\)/g)) {
        const [, call, line] = m as unknown as [string, string, string];
        const files = unnamed(x.message.slice(0, m.index), f.path);
        if (!files.some((file) => inputLines(file)?.[Number(line) - 1]?.includes(`${call}(`) ?? true)) wrong.push(`${f.path}:${x.line} ${x.rule}: \`${call}()\` is not on line ${line} of ${files.join(' nor ')}`);
      }
      // `Class.method` (path.py:N), in a list of functions made async (`becomes async in ...`) or after `function`: a definition.
      for (const m of x.message.matchAll(/(?:in |, |function )`([\w.]+)` \(([^,()\s]+\.py):(\d+)\)/g)) {
        const [, qualname, file, line] = m as unknown as [string, string, string, string];
        const name = qualname.split('.').pop() as string;
        const text = inputLines(file)?.[Number(line) - 1];
        if (text !== undefined && !new RegExp(`\\b(def|class) ${name}\\b`).test(text)) wrong.push(`${f.path}:${x.line} ${x.rule}: \`${qualname}\` is not defined on line ${line} of ${file}`);
      }
    }
  }
  return wrong;
}

/**
 * A preset over the directory, its transforms and options resolved as the CLI resolves them (bench/preset.ts);
 * `options` as a flag or the configuration would set them (`{"sqlalchemyVersion": "1.4"}` for `--sqlalchemy 1.4`).
 */
export function runPreset(presetId: string, dir: string, options: Partial<TransformOptions> = {}): Promise<RunReport> {
  const pipeline = pipelineFor(presetId);
  return runProject({ paths: ['.'], cwd: dir, exclude: [], language: pythonLanguage, transforms: pipeline.transforms, transformOptions: { ...pipeline.options, ...options }, annotate: false, maxFileSize: 1 << 20 });
}

/** Compiles each file with CPython (compile(), which also rejects an `await` outside async code); the errors, '' when none. */
export function compileErrors(files: string[]): string {
  if (files.length === 0) return '';
  const script =
    'import sys\nbad = []\nfor p in sys.argv[1:]:\n    try:\n        compile(open(p, encoding="utf-8").read(), p, "exec")\n' +
    '    except SyntaxError as e:\n        bad.append(f"{p}:{e.lineno}: {e.msg}")\nprint("\\n".join(bad))\n';
  return execFileSync('python3', ['-c', script, ...files], { encoding: 'utf8' }).trim();
}
