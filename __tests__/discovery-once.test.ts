// The CLI walks the project for the session dependency and the SQLAlchemy target before runProject walks it
// for the run: one walk must serve all three.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Io } from '../cli/run-command';
import { startCommand } from '../cli/main';
import { rememberingDiscovery } from '../engine/discover';
import { removeTempDirs, tempDir, writeTree } from './helpers/cli';

afterAll(removeTempDirs);

function capturingIo(cwd: string, written: string[]): Io {
  const stream = { write: (chunk: string) => written.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
  return { cwd, stdout: stream, stderr: stream };
}

const PROJECT = {
  'app/db.py': [
    'from sqlalchemy import create_engine',
    'from sqlalchemy.orm import sessionmaker',
    'engine = create_engine("sqlite:///./app.db")',
    'SessionLocal = sessionmaker(bind=engine)',
    'def get_db():',
    '    db = SessionLocal()',
    '    try:',
    '        yield db',
    '    finally:',
    '        db.close()',
    '',
  ].join('\n'),
  'app/main.py': [
    'from fastapi import Depends, FastAPI',
    'from sqlalchemy.orm import Session',
    'from app.db import get_db',
    'app = FastAPI()',
    '@app.get("/")',
    'def root(db: Session = Depends(get_db)):',
    '    db.commit()',
    '    return {}',
    '',
  ].join('\n'),
};

describe('discovery', () => {
  it('keeps each answer for the same paths and options, and only for them', () => {
    const dir = tempDir();
    writeTree(dir, PROJECT);
    const discover = rememberingDiscovery();
    const options = { cwd: dir, exclude: [], include: null, extensions: ['py'] };
    const first = discover(['.'], options);
    expect(first.files.map((f) => f.displayPath)).toEqual(['app/db.py', 'app/main.py']);
    expect(discover(['.'], { ...options })).toBe(first);
    const excluding = discover(['.'], { ...options, exclude: ['app/db.py'] });
    expect(excluding).not.toBe(first);
    expect(excluding.files.map((f) => f.displayPath)).toEqual(['app/main.py']);
    expect(discover(['app'], options)).not.toBe(first);
  });

  it('walks the project once in a dry-run that names neither the dependency nor the SQLAlchemy version', async () => {
    const dir = tempDir();
    writeTree(dir, PROJECT);
    const appDir = path.join(dir, 'app');
    const walked: string[] = [];
    // The module object itself (an `import * as` namespace cannot be spied on).
    const nodeFs = jest.requireActual<typeof fs>('node:fs');
    const readdir = nodeFs.readdirSync;
    const spy = jest.spyOn(nodeFs, 'readdirSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
      // A walk asks for entries with their types; other readers (requirement files nearby) list names only.
      const withTypes = (rest[0] as { withFileTypes?: boolean } | undefined)?.withFileTypes === true;
      if (String(p) === appDir && withTypes) walked.push(String(p));
      return (readdir as (...args: unknown[]) => unknown)(p, ...rest);
    }) as typeof fs.readdirSync);
    const written: string[] = [];
    try {
      const code = await startCommand(['dry-run', '.', '--jobs', '1'], capturingIo(dir, written), () => undefined);
      expect(code).toBe(0);
    } finally {
      spy.mockRestore();
    }
    // The run did happen: the route became async.
    expect(written.join('')).toContain('+async def root(');
    expect(walked).toEqual([appDir]);
  });
});
