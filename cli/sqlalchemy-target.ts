// Which SQLAlchemy the async scaffold targets when neither `--sqlalchemy` nor the configuration says.
//
// The default target is 2.0 (`async_sessionmaker`, which 1.4 does not have: every module importing it fails with
// ImportError, and a refresh by name loads no relationship on 1.4). A project whose dependency file allows only
// SQLAlchemy below 2.0 (`SQLAlchemy==1.4.29`, `sqlalchemy<2`, Poetry's `^1.4`) would get code that cannot run on the
// version it installs, so its pin decides: 1.4, with a note naming the requirement. Only a requirement that rules 2.x
// out counts; none, or one allowing 2.x, keeps the default.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listOrEmpty, pinBelowIn, readOrNull } from '../transforms/python/testing/pytest-config';
import type { Effective } from './config/merge';

const SQLALCHEMY = { name: 'sqlalchemy', shown: 'SQLAlchemy', limit: [2, 0] } as const;
/** A requirement naming SQLAlchemy itself (not flask-sqlalchemy, sqlalchemy-utils, sqlalchemy2-stubs). */
const MENTIONS = /(^|[\s"'[,])sqlalchemy(\[[^\]]*\])?\s*(["']?\s*=|[<>=!~^]|$)/im;
const DEPENDENCY_FILE = /^(pyproject\.toml|setup\.cfg|Pipfile|requirements.*\.(txt|in))$/;

/**
 * The target version and, when the project's pin chose it, the note saying so. `from`: the directory the run
 * starts in (the configuration's directory, else the first path's); the nearest directory at or above it, up to
 * the git repository's root, whose dependency files name SQLAlchemy decides.
 */
export function sqlalchemyTarget(settings: Pick<Effective, 'sqlalchemyVersion' | 'sqlalchemyNamed'>, from: string): { version: '1.4' | '2.0'; note: string | null } {
  if (settings.sqlalchemyNamed) return { version: settings.sqlalchemyVersion, note: null };
  const pin = sqlalchemyPin(from);
  if (pin === null) return { version: settings.sqlalchemyVersion, note: null };
  return {
    version: '1.4',
    note: `the async code targets SQLAlchemy 1.4 (${pin} allows no 2.x): session factories are \`sessionmaker(..., class_=AsyncSession)\`, since 1.4 has no \`async_sessionmaker\`. To target 2.0, pass --sqlalchemy 2.0 or set \`sqlalchemy = "2.0"\` in the configuration.`,
  };
}

/**
 * The requirement (`file: requirement`, the file relative to `from`) in the nearest directory at or above `from`,
 * up to the git repository's root, whose dependency files name SQLAlchemy, when it allows only versions before
 * 2.0; null when there is none or it allows 2.x.
 */
export function sqlalchemyPin(from: string): string | null {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const files = listOrEmpty(dir).filter((f) => DEPENDENCY_FILE.test(f));
    if (files.some((f) => MENTIONS.test(readOrNull(path.join(dir, f)) ?? ''))) {
      const pin = pinBelowIn(dir, SQLALCHEMY);
      const shown = path.relative(from, dir);
      return pin === null ? null : `${shown ? `${shown}/` : ''}${pin}`;
    }
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return null;
  }
}
