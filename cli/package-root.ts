import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | null = null;

/**
 * The installed package's root (where docs/ ships). Found by walking up rather than by a fixed `../..`
 * because the compiled CLI (dist/cli/...) and the sources under test (cli/...) sit at different depths.
 */
export function packageRoot(): string {
  if (cached !== null) return cached;
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'awaitify') return (cached = dir);
      } catch {
        // An unreadable manifest is not ours; keep walking.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the awaitify package root above ${__dirname}`);
    dir = parent;
  }
}

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
