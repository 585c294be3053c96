// The benchmark's synthetic repository through the default preset, as `awaitify apply` runs it: every file it
// changes must compile under CPython (compile(), which also rejects an `await` outside an async function, unlike
// a parse), and a second run must change nothing. The corpus mixes routes, services, CRUD classes, tests and
// legacy queries awaitify must flag, so it reaches combinations no hand-written fixture lists.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateCorpus } from '../bench/generate';
import { presetFor, selectTransforms } from '../cli/run-command';
import { runProject } from '../engine/run';
import { DEFAULT_TRANSFORM_OPTIONS } from '../engine/types';
import { loadJsTrees } from '../transforms/python/support/js-tree';
import { pythonLanguage } from '../transforms/python/support/language';

function runDefault(dir: string) {
  const preset = presetFor('default', undefined);
  return runProject({
    paths: ['.'],
    cwd: dir,
    exclude: [],
    language: pythonLanguage,
    transforms: selectTransforms(preset, undefined),
    transformOptions: { ...DEFAULT_TRANSFORM_OPTIONS, ...preset.options },
    annotate: false,
    maxFileSize: 1 << 20,
  });
}

beforeAll(() => loadJsTrees());

test('the default preset on a 300-file synthetic repository: every changed file compiles, a second run changes nothing', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'awaitify-synthetic-'));
  try {
    generateCorpus(1, 300, dir);
    const first = await runDefault(dir);
    expect(first.files.filter((f) => f.status === 'error' || f.status === 'skipped').map((f) => f.path)).toEqual([]);
    const changed = first.files.filter((f) => f.status === 'changed');
    expect(changed.length).toBeGreaterThan(50);
    for (const f of changed) if (f.status === 'changed') writeFileSync(path.join(dir, f.path), f.output);
    const script =
      'import sys\nbad = []\nfor p in sys.argv[1:]:\n    try:\n        compile(open(p, encoding="utf-8").read(), p, "exec")\n' +
      '    except SyntaxError as e:\n        bad.append(f"{p}:{e.lineno}: {e.msg}")\nprint("\\n".join(bad))\n';
    const errors = execFileSync('python3', ['-c', script, ...changed.map((f) => path.join(dir, f.path))], { encoding: 'utf8' }).trim();
    expect(errors).toBe('');
    const second = await runDefault(dir);
    expect(second.files.filter((f) => f.status !== 'unchanged').map((f) => f.path)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
