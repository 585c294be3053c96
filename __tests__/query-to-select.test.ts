// query-to-select beyond its fixtures (which __tests__/fixtures.test.ts runs): both stages covered,
// session detection, and reporting.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { processSource } from '../engine/pipeline';
import { DEFAULT_TRANSFORM_OPTIONS, type TransformOptions } from '../engine/types';
import { transform } from '../transforms/python/query-to-select';
import { collectImports } from '../transforms/python/support/imports';
import { parsePython, pythonLanguage } from '../transforms/python/support/language';
import { SessionResolver } from '../transforms/python/query/sessions';

const DIR = path.join(__dirname, '..', 'testfixtures', 'python', 'query-to-select');

function options(stage: 'select' | 'async'): TransformOptions {
  return { ...DEFAULT_TRANSFORM_OPTIONS, queryStage: stage };
}

function run(source: string, stage: 'select' | 'async' = 'async') {
  const out = processSource(source, 'case.py', [transform], pythonLanguage, options(stage), { annotate: false });
  if (out.status === 'error' || out.status === 'skipped') throw new Error(JSON.stringify(out));
  return out;
}

describe('query-to-select fixtures', () => {
  const names = readdirSync(DIR)
    .filter((f) => f.endsWith('.input.py'))
    .map((f) => f.slice(0, -'.input.py'.length))
    .sort();

  test('both stages are covered for every case', () => {
    const asyncCases = names.filter((n) => !n.startsWith('select-stage-'));
    for (const n of asyncCases) expect(names).toContain(`select-stage-${n}`);
  });
});

describe('session detection', () => {
  const source = [
    'from typing import Annotated',
    'from fastapi import Depends',
    'from sqlalchemy.orm import Session',
    'DbSession = Annotated[Session, Depends(get_db)]',
    'def f(a: Session, b: DbSession, c=Depends(get_db), d=Depends(get_other), e: int = 0, f=None):',
    '    with SessionFactory() as g:',
    '        pass',
    '    h = a',
    '    return a.query, b.query, c.query, d.query, e.query, f.query, g.query, h.query',
    'def later(a: Session):',
    '    a = make()',
    '    return a.query',
  ].join('\n');
  const root = parsePython(source);
  const resolver = new SessionResolver(root, collectImports(root), { dependencyNames: ['get_db'], facades: [] });
  const receivers = root
    .root()
    .findAll({ rule: { kind: 'attribute' } })
    .filter((a) => a.field('attribute')?.text() === 'query')
    .map((a) => a.field('object')!);

  test.each([
    ['a', true],
    ['b', true],
    ['c', true],
    ['d', false],
    ['e', false],
    ['f', false],
    // not a factory this module defines or imports
    ['g', false],
    // plain aliasing of a session is not followed
    ['h', false],
  ])('%s is a session: %s', (name, expected) => {
    const node = receivers.find((r) => r.text() === name && r.range().start.line === 8)!;
    expect(resolver.resolve(node) !== null).toBe(expected);
  });

  test('a parameter rebound to something else is not a session', () => {
    const node = receivers.find((r) => r.range().start.line === 11)!;
    expect(resolver.resolve(node)).toBeNull();
  });
});

describe('reporting', () => {
  test('each converted query has exactly one "converted" edit reason, flagged ones a finding', () => {
    const source = [
      'from sqlalchemy.orm import Session',
      'def f(db: Session):',
      '    a = (',
      '        db.query(User)',
      '        .filter(User.x == 1)',
      '        .first()',
      '    )',
      '    b = db.query(User).count()',
      '    return a, b, db.query(User).from_self().all()',
    ].join('\n');
    const out = run(source, 'select');
    expect(out.edits.filter((e) => e.reason.startsWith('query-to-select: converted')).length).toBe(2);
    expect(out.findings.map((f) => f.rule)).toEqual(['QUERY-FROM-SELF']);
  });

  test('a flagged query is left byte for byte as it was', () => {
    const source = 'from sqlalchemy.orm import Session\ndef f(db: Session):\n    return db.query(User).join("addresses").filter(User.x == 1).all()\n';
    expect(run(source).output).toBe(source);
  });
});
