// Behaviour of async-session / async-get-db (and their support modules) that fixtures cannot express: file
// paths, ignore comments landing on import edits, option values, and the name-resolution helpers themselves.
import { processSource } from '../engine/pipeline';
import { DEFAULT_TRANSFORM_OPTIONS, Transform, TransformOptions } from '../engine/types';
import type { SgRoot } from '@ast-grep/napi';
import { sqliteMemory, transform as asyncEngine } from '../transforms/python/async-engine';
import { transform as asyncGetDb } from '../transforms/python/async-get-db';
import { transform as asyncSession } from '../transforms/python/async-session';
import { dunderAllNames } from '../transforms/python/support/imports';
import { parsePython, pythonLanguage } from '../transforms/python/support/language';
import { nameTable, resolveBinding, seesModuleBinding } from '../transforms/python/support/scope';
import { annotationRole, climbTypeExpression, parseStringAnnotation } from '../transforms/python/support/type-annotations';

function run(transform: Transform<SgRoot>, source: string, path = 'app/module.py', options: Partial<TransformOptions> = {}) {
  const outcome = processSource(source, path, [transform], pythonLanguage, { ...DEFAULT_TRANSFORM_OPTIONS, ...options }, { annotate: false });
  if (outcome.status === 'error' || outcome.status === 'skipped') throw new Error(JSON.stringify(outcome));
  return { output: outcome.output, findings: outcome.findings.map((f) => `${f.rule}@${f.line}`) };
}

describe('scope', () => {
  const source = [
    'from sqlalchemy.orm import Session', // 1
    'def a(db: Session = Session()):', // 2: annotation and default see the module binding
    '    Session = 1', // 3
    '    return Session', // 4: local
    'class C:', // 5
    '    Session = 2', // 6
    '    x = Session', // 7: class binding
    '    def m(self) -> Session:', // 8: annotation evaluated in the class body
    '        return Session', // 9: methods skip the class scope
    'def b():', // 10
    '    global Session', // 11
    '    Session = 3', // 12
    '    return Session', // 13: module
    'f = lambda Session: Session', // 14: lambda parameter
    '[Session for Session in range(3)]', // 15: comprehension variable
  ].join('\n');
  const tree = parsePython(source);
  const table = nameTable(tree, 'Session');
  const references = table.occurrences.filter((o) => o.role === 'reference');
  const scopeKind = (line: number, nth = 0) => {
    const ref = references.filter((r) => r.node.range().start.line === line - 1)[nth];
    if (!ref) throw new Error(`no reference on line ${line}`);
    return String(resolveBinding(table, ref)?.kind() ?? null);
  };

  test('resolves each reference to the scope whose binding it sees', () => {
    expect(scopeKind(2, 0)).toBe('module');
    expect(scopeKind(2, 1)).toBe('module');
    expect(scopeKind(4)).toBe('function_definition');
    expect(scopeKind(7)).toBe('class_definition');
    expect(scopeKind(8)).toBe('class_definition');
    expect(scopeKind(9)).toBe('module');
    expect(scopeKind(13)).toBe('module');
    expect(scopeKind(14)).toBe('lambda');
    expect(scopeKind(15)).toBe('list_comprehension');
  });

  test('imports bind only their local name', () => {
    const t = nameTable(parsePython('from a import Session as S\nimport Session.x\nfrom Session import y\nx = S\n'), 'S');
    expect(t.occurrences.map((o) => o.role)).toEqual(['import', 'reference']);
    expect(seesModuleBinding(t, t.occurrences[1]!)).toBe(true);
    const s = nameTable(parsePython('from a import Session as S\nimport Session.x\nfrom Session import y\n'), 'Session');
    expect(s.occurrences.map((o) => o.role)).toEqual(['import']); // only `import Session.x` binds Session
  });

  test('attribute and keyword names are not occurrences', () => {
    const t = nameTable(parsePython('orm.Session\nf(Session=1)\n'), 'Session');
    expect(t.occurrences).toEqual([]);
  });
});

describe('type-annotations', () => {
  test('string annotation offsets are UTF-16 indices into the file', () => {
    const source = 'x = "🎉"\ndef f(db: "Optional[Session]"): ...\n';
    const tree = parsePython(source);
    const literal = tree.root().findAll({ rule: { kind: 'string' } })[1]!;
    const parsed = parseStringAnnotation(literal)!;
    const id = parsed.expression.find({ rule: { kind: 'identifier', regex: '^Session$' } })!;
    const start = parsed.contentStart + id.range().start.index;
    expect(source.slice(start, start + 'Session'.length)).toBe('Session');
    expect(annotationRole(climbTypeExpression(literal).top).kind).toBe('parameter');
  });

  test('only plain literals are read as forward references', () => {
    const tree = parsePython('a: f"Session"\nb: b"Session"\nc: "Sess\\u0069on"\nd: "Session"\n');
    const literals = tree.root().findAll({ rule: { kind: 'string' } });
    expect(literals.map((l) => parseStringAnnotation(l) !== null)).toEqual([false, false, false, true]);
  });

  test('Annotated metadata and Literal values are not the annotated type', () => {
    const tree = parsePython(
      'def f(a: Annotated[X, Depends(Session)], b: Literal["Session"], c: Optional[Session], d: Annotated[X, Session]): ...\n',
    );
    const [inDepends, inOptional, inMetadata] = tree.root().findAll({ rule: { kind: 'identifier', regex: '^Session$' } });
    const literal = tree.root().find({ rule: { kind: 'string' } })!;
    expect(annotationRole(climbTypeExpression(inDepends!).top).kind).toBe('none');
    expect(climbTypeExpression(inMetadata!).inMetadata).toBe(true);
    expect(climbTypeExpression(literal).inLiteral).toBe(true);
    expect(climbTypeExpression(inOptional!).direct).toBe(true);
    expect(climbTypeExpression(inOptional!).inMetadata).toBe(false);
  });
});

describe('dunderAllNames', () => {
  test('collects names from assignments, += and append/extend', () => {
    const tree = parsePython('__all__ = ["a", \'b\']\n__all__ += ("c",)\n__all__.append("d")\nother = ["e"]\n');
    expect([...dunderAllNames(tree)].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('async-session', () => {
  const source = 'from sqlalchemy.orm import Session\n\n\ndef f(db: Session) -> None:\n    pass\n';

  test('a package __init__ keeps the Session import (it may be re-exported)', () => {
    const { output } = run(asyncSession, source, 'app/db/__init__.py');
    expect(output).toBe(
      'from sqlalchemy.orm import Session\nfrom sqlalchemy.ext.asyncio import AsyncSession\n\n\ndef f(db: AsyncSession) -> None:\n    pass\n',
    );
    expect(run(asyncSession, source, 'app/db/session.py').output).toBe(
      'from sqlalchemy.ext.asyncio import AsyncSession\n\n\ndef f(db: AsyncSession) -> None:\n    pass\n',
    );
  });

  test('an annotation on an ignored line stays, and so does the import', () => {
    const input = 'from sqlalchemy.orm import Session\n\n\ndef f(db: Session):  # awaitify: ignore\n    pass\n\n\ndef g(db: Session):\n    pass\n';
    expect(run(asyncSession, input).output).toBe(
      'from sqlalchemy.orm import Session\nfrom sqlalchemy.ext.asyncio import AsyncSession\n\n\ndef f(db: Session):  # awaitify: ignore\n    pass\n\n\ndef g(db: AsyncSession):\n    pass\n',
    );
  });

  test('nothing changes when the new import would land on an ignored line', () => {
    const input = 'from sqlalchemy.orm import Session, relationship\nimport os\nX = 1  # awaitify: ignore\n\n\ndef g(db: Session):\n    pass\n';
    expect(run(asyncSession, input).output).toBe(input);
  });

  test('a name re-exported through __all__ keeps its import', () => {
    const input = 'from sqlalchemy.orm import Session\n\n__all__ = ["Session"]\n\n\ndef f(db: Session): ...\n';
    expect(run(asyncSession, input).output).toContain('from sqlalchemy.orm import Session\n');
  });

  test("SQLAlchemy's and SQLModel's Session in one file: flagged, unchanged", () => {
    const input = 'from sqlalchemy.orm import Session\nimport sqlmodel\n\n\ndef f(a: Session, b: sqlmodel.Session): ...\n';
    const result = run(asyncSession, input);
    expect(result.output).toBe(input);
    expect(result.findings).toEqual(['SESSION-NAME-AMBIGUOUS@5']);
  });

  test('AsyncSession already bound to another class: flagged, unchanged', () => {
    const input = 'from sqlalchemy.orm import Session\nfrom mylib import AsyncSession\n\n\ndef f(a: Session): ...\n';
    const result = run(asyncSession, input);
    expect(result.output).toBe(input);
    expect(result.findings).toEqual(['SESSION-NAME-AMBIGUOUS@2']);
  });
});

describe('async-get-db', () => {
  const source = 'from fastapi import Depends\nfrom app.db import get_db\n\n\ndef f(db=Depends(get_db)): ...\n';

  test('a package __init__ keeps the get_db import', () => {
    expect(run(asyncGetDb, source, 'app/api/__init__.py').output).toBe(
      'from fastapi import Depends\nfrom app.db import get_async_db, get_db\n\n\ndef f(db=Depends(get_async_db)): ...\n',
    );
  });

  test('the same name for both options is a no-op', () => {
    expect(run(asyncGetDb, source, 'app/x.py', { asyncGetDbName: 'get_db' }).output).toBe(source);
  });

  test('a use on an ignored line stays, and so does the import', () => {
    const input = 'from fastapi import Depends\nfrom app.db import get_db\n\n\ndef f(db=Depends(get_db)): ...  # awaitify: ignore\ndef g(db=Depends(get_db)): ...\n';
    expect(run(asyncGetDb, input).output).toBe(
      'from fastapi import Depends\nfrom app.db import get_async_db, get_db\n\n\ndef f(db=Depends(get_db)): ...  # awaitify: ignore\ndef g(db=Depends(get_async_db)): ...\n',
    );
  });

  test('an ignored import line: imported uses stay, module-qualified ones still change', () => {
    const input = 'from fastapi import Depends\nfrom app.db import get_db  # awaitify: ignore\nfrom app import db as dbmod\n\n\ndef f(a=Depends(get_db), b=Depends(dbmod.get_db)): ...\n';
    expect(run(asyncGetDb, input).output).toBe(
      'from fastapi import Depends\nfrom app.db import get_db  # awaitify: ignore\nfrom app import db as dbmod\n\n\ndef f(a=Depends(get_db), b=Depends(dbmod.get_async_db)): ...\n',
    );
  });

  test('get_db imported from two modules: flagged, unchanged', () => {
    const input = 'from fastapi import Depends\nfrom app.db import get_db\nfrom legacy.db import get_db\n\n\ndef f(db=Depends(get_db)): ...\n';
    const result = run(asyncGetDb, input);
    expect(result.output).toBe(input);
    expect(result.findings).toEqual(['GETDB-UNRESOLVED@6']);
  });
});

describe('async-engine: which SQLite URLs are in-memory databases', () => {
  test.each<[string, 'private' | 'shared' | null]>([
    ['sqlite://', 'private'],
    ['sqlite:///', 'private'],
    ['sqlite:///:memory:', 'private'],
    ['sqlite+pysqlite:///:memory:', 'private'],
    ['sqlite:///:memory:?check_same_thread=false', 'private'],
    ['sqlite:///file::memory:?uri=true', 'private'],
    ['sqlite:///file::memory:?cache=shared&uri=true', 'shared'],
    ['sqlite:///file:jobs?mode=memory&cache=shared&uri=true', 'shared'],
    ['sqlite:///file:jobs?mode=memory&uri=true', 'private'],
    // Without uri=true, `file::memory:` is a file of that name; with it, a filename without `file:` is one too.
    ['sqlite:///file::memory:', null],
    ['sqlite:///:memory:?cache=shared&uri=true', null],
    ['sqlite:///./app.db', null],
    ['sqlite:////var/lib/app.db', null],
    ['sqlite:///file:app.db?mode=ro&uri=true', null],
    ['postgresql://localhost/app', null],
  ])('%s', (url, expected) => {
    expect(sqliteMemory(url)).toBe(expected);
  });
});

describe('async-engine: what a refused session factory message quotes', () => {
  const messages = (source: string): string[] => {
    const outcome = processSource(source, 'app/database.py', [asyncEngine], pythonLanguage, DEFAULT_TRANSFORM_OPTIONS, { annotate: false });
    if (outcome.status === 'error' || outcome.status === 'skipped') throw new Error(JSON.stringify(outcome));
    return outcome.findings.map((f) => `${f.rule}: ${f.message}`);
  };
  const header = 'from sqlalchemy import create_engine\nfrom sqlalchemy.orm import sessionmaker\n\n';

  test('an engine created inline in the bind is named as such, its call cut short', () => {
    const source = `${header}SessionLocal = sessionmaker(\n    autoflush=False,\n    bind=create_engine(\n        "postgresql://app@localhost/app",\n        connect_args={"application_name": "jobs"},\n    ),\n)\n`;
    const [message, ...rest] = messages(source);
    expect(rest).toEqual([]);
    expect(message).toContain('ENGINE-ARG-UNSUPPORTED: the engine of this session factory is created inline, in its `bind` (`create_engine(...)`)');
    expect(message).not.toContain('\n');
    expect(message).not.toContain('not a module-level');
  });

  test('any other bind is quoted by its first line only', () => {
    const source = `${header}from app.settings import engines\n\nSessionLocal = sessionmaker(bind=engines.pick(\n    "primary",\n))\n`;
    expect(messages(source)).toEqual([
      'ENGINE-ARG-UNSUPPORTED: this session factory is bound to `engines.pick(...)`, which is not a module-level `create_engine(...)` of this file, so no async twins were added for it',
    ]);
  });
});
