// The benchmark's synthetic repository through the default preset, as `awaitify apply` runs it: every file it
// changes must compile under CPython (compile(), which also rejects an `await` outside an async function, unlike
// a parse), and a second run must change nothing. The corpus mixes routes, services, CRUD classes, tests and
// legacy queries awaitify must flag, so it reaches combinations no hand-written fixture lists.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateCorpus } from '../bench/generate';
import { loadJsTrees } from '../transforms/python/support/js-tree';
import { compileErrors, runPreset } from './helpers/tree-fixtures';

beforeAll(() => loadJsTrees());

test('the default preset on a 300-file synthetic repository: every changed file compiles, a second run changes nothing', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'awaitify-synthetic-'));
  try {
    generateCorpus(1, 300, dir);
    const first = await runPreset('default', dir);
    expect(first.files.filter((f) => f.status === 'error' || f.status === 'skipped').map((f) => f.path)).toEqual([]);
    const changed = first.files.filter((f) => f.status === 'changed');
    expect(changed.length).toBeGreaterThan(50);
    for (const f of changed) if (f.status === 'changed') writeFileSync(path.join(dir, f.path), f.output);
    const errors = compileErrors(changed.map((f) => path.join(dir, f.path)));
    expect(errors).toBe('');
    const second = await runPreset('default', dir);
    expect(second.files.filter((f) => f.status !== 'unchanged').map((f) => f.path)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
