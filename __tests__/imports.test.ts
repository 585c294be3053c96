import type { TextEdit } from '../engine/types';
import { firstSyntaxError, parsePython } from '../transforms/python/support/language';
import {
  collectImports,
  ImportChange,
  importInsertionPoint,
  localNameFor,
  localNamesFor,
  moduleLevelImportBindings,
  planImportEdits,
} from '../transforms/python/support/imports';

function applyEdits(source: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.start < sorted[i - 1]!.end) throw new Error('overlapping edits');
  }
  let out = source;
  for (const edit of sorted.reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function plan(source: string, change: ImportChange): string {
  const out = applyEdits(source, planImportEdits(parsePython(source), source, change));
  expect(firstSyntaxError(parsePython(out))).toBeNull();
  return out;
}

const SESSION = { module: 'sqlalchemy.orm', name: 'Session' };
const ASYNC_SESSION = { module: 'sqlalchemy.ext.asyncio', name: 'AsyncSession' };

describe('collectImports', () => {
  test('from-imports with parentheses, aliases, trailing commas and several lines', () => {
    const source = 'from a.b import (\n    x,  # first\n    y as z,\n)\n';
    const imports = collectImports(parsePython(source));
    expect(imports.from.map(({ module, name, alias, relativeLevel }) => ({ module, name, alias, relativeLevel }))).toEqual([
      { module: 'a.b', name: 'x', alias: null, relativeLevel: 0 },
      { module: 'a.b', name: 'y', alias: 'z', relativeLevel: 0 },
    ]);
    expect(imports.from[0]!.node.kind()).toBe('import_from_statement');
  });

  test('plain imports with and without alias', () => {
    const imports = collectImports(parsePython('import a.b as c, d\nimport a.b\n'));
    expect(imports.plain.map(({ module, alias }) => ({ module, alias }))).toEqual([
      { module: 'a.b', alias: 'c' },
      { module: 'd', alias: null },
      { module: 'a.b', alias: null },
    ]);
  });

  test('relative imports keep their dots and report the level', () => {
    const imports = collectImports(parsePython('from .deps import get_db\nfrom ..api import deps\nfrom . import x\n'));
    expect(imports.from.map((i) => [i.module, i.name, i.relativeLevel])).toEqual([
      ['.deps', 'get_db', 1],
      ['..api', 'deps', 2],
      ['.', 'x', 1],
    ]);
  });

  test('__future__, wildcard and nested imports', () => {
    const source = 'from __future__ import annotations\nfrom x import *\ndef f():\n    from y import z\n';
    const imports = collectImports(parsePython(source));
    expect(imports.from.map((i) => [i.module, i.name])).toEqual([
      ['__future__', 'annotations'],
      ['x', '*'],
      ['y', 'z'],
    ]);
  });
});

describe('localNameFor', () => {
  const imports = collectImports(
    parsePython('from sqlalchemy.orm import Session as S, relationship\nfrom x import *\ndef f():\n    from a import b as c\n'),
  );
  test('alias, plain name, missing name', () => {
    expect(localNameFor(imports, 'sqlalchemy.orm', 'Session')).toBe('S');
    expect(localNameFor(imports, 'sqlalchemy.orm', 'relationship')).toBe('relationship');
    expect(localNameFor(imports, 'sqlalchemy.orm', 'Query')).toBeNull();
  });
  test('a wildcard import does not count as binding a name', () => {
    expect(localNameFor(imports, 'x', 'anything')).toBeNull();
  });
  test('nested imports are found, module-level ones first', () => {
    expect(localNameFor(imports, 'a', 'b')).toBe('c');
    const both = collectImports(parsePython('def f():\n    from m import n as inner\nfrom m import n as outer\n'));
    expect(localNamesFor(both, 'm', 'n')).toEqual(['outer', 'inner']);
  });
});

describe('moduleLevelImportBindings', () => {
  test('maps local names to dotted targets, skipping nested and relative imports', () => {
    const source = 'import sqlalchemy.orm\nimport sqlalchemy.orm as sa_orm\nfrom sqlalchemy import orm as o\nfrom .x import y\ndef f():\n    import q\n';
    const bindings = moduleLevelImportBindings(collectImports(parsePython(source)));
    expect(bindings.map((b) => [b.local, b.target])).toEqual([
      ['o', 'sqlalchemy.orm'],
      ['sqlalchemy', 'sqlalchemy'],
      ['sa_orm', 'sqlalchemy.orm'],
    ]);
  });

  test('relative imports on request, their dots kept; aliased bindings told apart', () => {
    const source = 'from .. import deps\nfrom . import session as s\nfrom .db import session\nfrom ..api.deps import get_db as g\nimport app.db\nimport app.db.session as database\n';
    const bindings = moduleLevelImportBindings(collectImports(parsePython(source)), { relative: true });
    expect(bindings.map((b) => [b.local, b.target, b.aliased])).toEqual([
      ['deps', '..deps', false],
      ['s', '.session', true],
      ['session', '.db.session', false],
      ['g', '..api.deps.get_db', true],
      ['app', 'app', false],
      ['database', 'app.db.session', true],
    ]);
    expect(moduleLevelImportBindings(collectImports(parsePython(source))).map((b) => b.local)).toEqual(['app', 'database']);
  });
});

describe('planImportEdits: removing', () => {
  test('one name of several on one line', () => {
    expect(plan('from sqlalchemy.orm import Session, relationship\n', { remove: [SESSION] })).toBe(
      'from sqlalchemy.orm import relationship\n',
    );
    expect(plan('from sqlalchemy.orm import relationship, Session\n', { remove: [SESSION] })).toBe(
      'from sqlalchemy.orm import relationship\n',
    );
    expect(plan('from sqlalchemy.orm import (a, Session, b,)\n', { remove: [SESSION] })).toBe(
      'from sqlalchemy.orm import (a, b,)\n',
    );
  });

  test('the last name removes the line and nothing else', () => {
    const source = '# header\nimport os\nfrom sqlalchemy.orm import Session  # noqa\n# about x\nx = 1\n';
    expect(plan(source, { remove: [SESSION] })).toBe('# header\nimport os\n# about x\nx = 1\n');
  });

  test('an aliased name is removed too', () => {
    expect(plan('from sqlalchemy.orm import Session as S, joinedload\n', { remove: [SESSION] })).toBe(
      'from sqlalchemy.orm import joinedload\n',
    );
  });

  test('a name on its own line in a parenthesised import keeps the other lines and their comments', () => {
    const source = [
      'from sqlalchemy.orm import (  # orm',
      '    relationship,  # rel',
      '    Session,  # the session',
      '    joinedload,',
      ')',
      '',
    ].join('\n');
    expect(plan(source, { remove: [SESSION] })).toBe(
      ['from sqlalchemy.orm import (  # orm', '    relationship,  # rel', '    joinedload,', ')', ''].join('\n'),
    );
  });

  test('the last name of a parenthesised import without trailing comma', () => {
    const source = 'from sqlalchemy.orm import (\n    relationship,\n    Session\n)\n';
    expect(plan(source, { remove: [SESSION] })).toBe('from sqlalchemy.orm import (\n    relationship,\n)\n');
  });

  test('names sharing lines in a multi-line import', () => {
    const source = 'from sqlalchemy.orm import (relationship,  # rel\n    Session)\n';
    expect(plan(source, { remove: [SESSION] })).toBe('from sqlalchemy.orm import (relationship  # rel\n)\n');
    const middle = 'from sqlalchemy.orm import (relationship, Session,\n    joinedload)\n';
    expect(plan(middle, { remove: [SESSION] })).toBe('from sqlalchemy.orm import (relationship, \n    joinedload)\n');
  });

  test('backslash continuation', () => {
    const source = 'from sqlalchemy.orm import relationship, \\\n    Session\nx = 1\n';
    expect(plan(source, { remove: [SESSION] })).toBe('from sqlalchemy.orm import relationship\nx = 1\n');
  });

  test('several names of one statement at once', () => {
    const source = 'from m import a, b, c, d\n';
    expect(plan(source, { remove: [{ module: 'm', name: 'c' }, { module: 'm', name: 'd' }] })).toBe('from m import a, b\n');
    const multi = 'from m import a, \\\n    b, c, d\n';
    expect(plan(multi, { remove: [{ module: 'm', name: 'b' }, { module: 'm', name: 'c' }] })).toBe(
      'from m import a, \\\n    d\n',
    );
    expect(plan(multi, { remove: [{ module: 'm', name: 'c' }, { module: 'm', name: 'd' }] })).toBe(
      'from m import a, \\\n    b\n',
    );
  });

  test('an if block left empty goes when its condition is a plain name', () => {
    const source = 'import os\nif TYPE_CHECKING:\n    from sqlalchemy.orm import Session\nX = 1\n';
    expect(plan(source, { remove: [SESSION] })).toBe('import os\nX = 1\n');
    const qualified = 'if typing.TYPE_CHECKING:\n    from sqlalchemy.orm import Session\n';
    expect(plan(qualified, { remove: [SESSION] })).toBe('');
  });

  test('otherwise the only statement of a block becomes pass', () => {
    const withElse = 'if TYPE_CHECKING:\n    from sqlalchemy.orm import Session\nelse:\n    Session = None\n';
    expect(plan(withElse, { remove: [SESSION] })).toBe('if TYPE_CHECKING:\n    pass\nelse:\n    Session = None\n');
    const call = 'if check():\n    from sqlalchemy.orm import Session\n';
    expect(plan(call, { remove: [SESSION] })).toBe('if check():\n    pass\n');
    const commented = 'if TYPE_CHECKING:\n    # typing only\n    from sqlalchemy.orm import Session\n';
    expect(plan(commented, { remove: [SESSION] })).toBe('if TYPE_CHECKING:\n    # typing only\n    pass\n');
    const tryBlock = 'try:\n    from sqlalchemy.orm import Session\nexcept ImportError:\n    pass\n';
    expect(plan(tryBlock, { remove: [SESSION] })).toBe('try:\n    pass\nexcept ImportError:\n    pass\n');
  });

  test('statements joined by semicolons', () => {
    expect(plan('import os; from sqlalchemy.orm import Session\n', { remove: [SESSION] })).toBe('import os\n');
    expect(plan('from sqlalchemy.orm import Session; import os\n', { remove: [SESSION] })).toBe('import os\n');
  });

  test('imports inside functions are left alone', () => {
    const source = 'def f():\n    from sqlalchemy.orm import Session\n    return Session\n';
    expect(plan(source, { remove: [SESSION] })).toBe(source);
  });

  test('another module with the same name is left alone', () => {
    const source = 'from requests import Session\n';
    expect(plan(source, { remove: [SESSION] })).toBe(source);
  });
});

describe('planImportEdits: adding', () => {
  test('a name already imported is a no-op', () => {
    const source = 'from sqlalchemy.ext.asyncio import AsyncSession\n';
    expect(planImportEdits(parsePython(source), source, { add: [ASYNC_SESSION] })).toEqual([]);
  });

  test('joins an existing statement of the same module', () => {
    expect(plan('from sqlalchemy.ext.asyncio import create_async_engine\n', { add: [ASYNC_SESSION] })).toBe(
      'from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine\n',
    );
    expect(plan('from m import (a, b,)\n', { add: [{ module: 'm', name: 'c' }] })).toBe('from m import (a, b, c,)\n');
  });

  test('joins a parenthesised statement on a new line, matching its style', () => {
    const withComma = 'from m import (\n    a,  # one\n    b,\n)\n';
    expect(plan(withComma, { add: [{ module: 'm', name: 'c' }] })).toBe('from m import (\n    a,  # one\n    b,\n    c,\n)\n');
    const withoutComma = 'from m import (\n\ta,\n\tb  # two\n)\n';
    expect(plan(withoutComma, { add: [{ module: 'm', name: 'c' }] })).toBe('from m import (\n\ta,\n\tb,  # two\n\tc\n)\n');
  });

  test('a new statement goes after the leading imports, not after later code', () => {
    const source = '"""Doc."""\nfrom __future__ import annotations\n\nimport os\nfrom x import (\n    y,\n)  # c\n\nX = 1\nimport late\n';
    expect(plan(source, { add: [ASYNC_SESSION] })).toBe(
      '"""Doc."""\nfrom __future__ import annotations\n\nimport os\nfrom x import (\n    y,\n)  # c\nfrom sqlalchemy.ext.asyncio import AsyncSession\n\nX = 1\nimport late\n',
    );
  });

  test('after the docstring and __future__ when there are no other imports', () => {
    const source = '"""Doc with émoji 🎉."""\nfrom __future__ import annotations\nX = 1\n';
    expect(plan(source, { add: [ASYNC_SESSION] })).toBe(
      '"""Doc with émoji 🎉."""\nfrom __future__ import annotations\nfrom sqlalchemy.ext.asyncio import AsyncSession\nX = 1\n',
    );
  });

  test('after the leading comment block of a file with no imports', () => {
    const source = '#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nX = 1\n';
    expect(importInsertionPoint(parsePython(source), source)).toBe(source.indexOf('X'));
  });

  test('import blocks under if/try count as imports', () => {
    const source = 'import os\nif TYPE_CHECKING:\n    from a import b\nX = 1\n';
    expect(importInsertionPoint(parsePython(source), source)).toBe(source.indexOf('X'));
  });

  test('a file not ending with a newline', () => {
    expect(plan('import os', { add: [ASYNC_SESSION] })).toBe('import os\nfrom sqlalchemy.ext.asyncio import AsyncSession\n');
  });

  test('relative modules', () => {
    expect(plan('from .deps import get_db\n', { add: [{ module: '.deps', name: 'get_async_db' }] })).toBe(
      'from .deps import get_async_db, get_db\n',
    );
  });

  test("a name goes where isort's order puts it when the names are in that order, else at the end", () => {
    const add = (name: string) => ({ add: [{ module: 'm', name }] });
    expect(plan('from m import CONST, Model, helper\n', add('Base'))).toBe('from m import CONST, Base, Model, helper\n');
    expect(plan('from m import CONST, Model, helper\n', add('ZED'))).toBe('from m import CONST, ZED, Model, helper\n');
    expect(plan('from m import helper, run\n', add('other'))).toBe('from m import helper, other, run\n');
    expect(plan('from m import run, helper\n', add('other'))).toBe('from m import run, helper, other\n');
  });

  test('a name one change removes and a later one adds back returns to its place', () => {
    const source = 'from sqlalchemy.orm import Session, joinedload, selectinload\n';
    const removed = plan(source, { remove: [{ module: 'sqlalchemy.orm', name: 'Session' }] });
    expect(removed).toBe('from sqlalchemy.orm import joinedload, selectinload\n');
    expect(plan(removed, { add: [{ module: 'sqlalchemy.orm', name: 'Session' }] })).toBe(source);
  });

  test('does not join a statement nested in a function or an if block', () => {
    const source = 'import os\nif X:\n    from m import a\ndef f():\n    from m import b\n';
    expect(plan(source, { add: [{ module: 'm', name: 'c' }] })).toBe(
      'import os\nif X:\n    from m import a\nfrom m import c\ndef f():\n    from m import b\n',
    );
  });
});

describe('planImportEdits: adding and removing together', () => {
  test('replacing the only name of a statement keeps the statement', () => {
    const source = 'from app.db import get_db  # dependency\n';
    const change = { add: [{ module: 'app.db', name: 'get_async_db' }], remove: [{ module: 'app.db', name: 'get_db' }] };
    expect(plan(source, change)).toBe('from app.db import get_async_db  # dependency\n');
  });

  test('replacing a name in a parenthesised import', () => {
    const source = 'from app.db import (\n    SessionLocal,\n    get_db,  # dep\n)\n';
    const change = { add: [{ module: 'app.db', name: 'get_async_db' }], remove: [{ module: 'app.db', name: 'get_db' }] };
    expect(plan(source, change)).toBe('from app.db import (\n    SessionLocal,\n    get_async_db,  # dep\n)\n');
  });

  test('a new statement takes the place of a removed one among the leading imports', () => {
    const source = 'import os\nfrom sqlalchemy.orm import Session  # orm\nimport sys\n\ndef f(db: AsyncSession): ...\n';
    const edits = planImportEdits(parsePython(source), source, { add: [ASYNC_SESSION], remove: [SESSION] });
    expect(edits).toHaveLength(1);
    expect(applyEdits(source, edits)).toBe(
      'import os\nfrom sqlalchemy.ext.asyncio import AsyncSession  # orm\nimport sys\n\ndef f(db: AsyncSession): ...\n',
    );
  });

  test('a removed import after code is not reused for the new one', () => {
    const source = 'import os\nX = 1\nfrom sqlalchemy.orm import Session\n';
    expect(plan(source, { add: [ASYNC_SESSION], remove: [SESSION] })).toBe(
      'import os\nfrom sqlalchemy.ext.asyncio import AsyncSession\nX = 1\n',
    );
  });

  test('the removed block is the last import and the new one follows it', () => {
    const source = 'import os\nif TYPE_CHECKING:\n    from sqlalchemy.orm import Session\n\nX = 1\n';
    const edits = planImportEdits(parsePython(source), source, { add: [ASYNC_SESSION], remove: [SESSION] });
    expect(edits).toHaveLength(1);
    expect(applyEdits(source, edits)).toBe('import os\nfrom sqlalchemy.ext.asyncio import AsyncSession\n\nX = 1\n');
  });

  test('edits never overlap and offsets are UTF-16 indices', () => {
    const source = '"""📦 models."""\nfrom sqlalchemy.orm import Session, relationship  # ✓\nfrom m import (\n    a,\n)\n';
    const edits = planImportEdits(parsePython(source), source, {
      add: [ASYNC_SESSION, { module: 'm', name: 'b' }],
      remove: [SESSION],
    });
    expect(applyEdits(source, edits)).toBe(
      '"""📦 models."""\nfrom sqlalchemy.orm import relationship  # ✓\nfrom m import (\n    a,\n    b,\n)\nfrom sqlalchemy.ext.asyncio import AsyncSession\n',
    );
  });
});
