// Whether pytest-asyncio runs in auto mode for a test file: then async tests need no marker.
//
// This reads the file system while the index is built, which no other transform does. The engine only hands
// Python files to indexers and the options do not carry the project's configuration, but the mode lives in
// pytest.ini / pyproject.toml / tox.ini / setup.cfg. Reading those read-only, once per directory, is the
// smallest honest way to know it; a wrong guess either way is safe for correctness only in one direction
// (an unneeded marker is harmless, a missing one silently skips the test), so anything unreadable counts as
// strict mode.
import { readFileSync } from 'node:fs';
import { dirname, posix } from '../index/modules';

export type AsyncioMode = 'auto' | 'strict';

/** Config files in pytest's order of precedence within one directory, with the section holding pytest's options. */
const CANDIDATES: { file: string; section: RegExp }[] = [
  { file: 'pytest.ini', section: /^\[pytest\]\s*$/ },
  { file: '.pytest.ini', section: /^\[pytest\]\s*$/ },
  { file: 'pyproject.toml', section: /^\[tool\.pytest(\.ini_options)?\]\s*$/ },
  { file: 'tox.ini', section: /^\[pytest\]\s*$/ },
  { file: 'setup.cfg', section: /^\[tool:pytest\]\s*$/ },
];

export class PytestConfigs {
  private readonly byDir = new Map<string, AsyncioMode>();

  constructor(private readonly read: (path: string) => string | null = readOrNull) {}

  /** The mode the nearest pytest configuration above `absPath` sets (pytest uses the first one it finds). */
  modeFor(absPath: string): AsyncioMode {
    const visited: string[] = [];
    let dir = dirname(posix(absPath));
    let mode: AsyncioMode = 'strict';
    for (;;) {
      const cached = this.byDir.get(dir);
      if (cached !== undefined) {
        mode = cached;
        break;
      }
      visited.push(dir);
      const found = this.configIn(dir);
      if (found !== null) {
        mode = found;
        break;
      }
      if (dir === '/' || /^[A-Za-z]:\/?$/.test(dir)) break;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const d of visited) this.byDir.set(d, mode);
    return mode;
  }

  /** The mode a config file in `dir` sets, or null when no file there configures pytest. */
  private configIn(dir: string): AsyncioMode | null {
    for (const candidate of CANDIDATES) {
      const text = this.read(`${dir === '/' ? '' : dir}/${candidate.file}`);
      if (text === null) continue;
      const section = sectionOf(text, candidate.section);
      // pytest.ini is the configuration even without a [pytest] section; the others only with theirs.
      if (section === null && candidate.file !== 'pytest.ini') continue;
      return modeIn(section ?? '');
    }
    return null;
  }
}

function sectionOf(text: string, header: RegExp): string | null {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => header.test(l.trim()));
  if (at < 0) return null;
  const body: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (/^\s*\[/.test(line)) break;
    body.push(line);
  }
  return body.join('\n');
}

function modeIn(section: string): AsyncioMode {
  const direct = /^\s*asyncio_mode\s*[=:]\s*["']?(\w+)/m.exec(section);
  if (direct) return direct[1] === 'auto' ? 'auto' : 'strict';
  return /--asyncio-mode[=\s]+["']?auto\b/.test(section) ? 'auto' : 'strict';
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
