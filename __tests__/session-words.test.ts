// SessionResolver answers "no session" at once in a file without any session word (issue 7: most files of a
// backend have no database code). Each case below reaches a session through one kind of name and avoids every
// other word, so it fails if sessionWords forgets that kind.
import type { SgNode } from '@ast-grep/napi';
import { processSource } from '../engine/pipeline';
import { DEFAULT_TRANSFORM_OPTIONS } from '../engine/types';
import { SessionResolver, sessionWords, type SessionOptions } from '../transforms/python/query/sessions';
import { transform as queryToSelect } from '../transforms/python/query-to-select';
import { transform as insertAwait } from '../transforms/python/insert-await';
import { collectImports } from '../transforms/python/support/imports';
import { parsePython, pythonLanguage } from '../transforms/python/support/language';

const BASE: SessionOptions = { dependencyNames: ['get_db', 'get_async_db'], facades: [] };

/** Does the receiver of the `.commit()` call in `source` resolve to a session, and may the resolver find any? */
function commitReceiver(source: string, options: SessionOptions): { session: boolean; may: boolean } {
  const tree = parsePython(source);
  const resolver = new SessionResolver(tree, collectImports(tree), options);
  const call = tree
    .root()
    .findAll({ rule: { kind: 'call' } })
    .find((c) => c.field('function')?.field('attribute')?.text() === 'commit');
  if (!call) throw new Error('no commit() call in the case');
  const receiver = call.field('function')?.field('object') as SgNode;
  return { session: resolver.resolve(receiver) !== null, may: resolver.mayFindSessions };
}

describe('sessionWords', () => {
  test('the default words: session classes, factories and the dependency names', () => {
    expect(sessionWords(BASE)).toEqual(['Session', 'sessionmaker', 'get_db', 'get_async_db']);
  });

  test('configured facades, session types and project aliases add their last name', () => {
    const words = sessionWords({ ...BASE, facades: ['g.store'], types: ['app.types.Store', 'Conn'], aliases: { 'app.deps.DbDep': false } });
    expect(words).toEqual(expect.arrayContaining(['store', 'Store', 'Conn', 'DbDep']));
  });

  test('project session factories add their last name, and the table keys the memo', () => {
    const factories = { 'app.db.jobs': 'twin' } as const;
    expect(sessionWords({ ...BASE, factories })).toContain('jobs');
    expect(sessionWords({ ...BASE, factories })).toBe(sessionWords({ ...BASE, factories }));
    expect(sessionWords({ ...BASE, factories: { 'app.db.maker': 'none' } })).toContain('maker');
  });

  test('a configured name with no word character turns the shortcut off', () => {
    expect(sessionWords({ ...BASE, facades: ['()'] })).toEqual(['']);
  });

  test('made once per alias table and configuration (every resolver asks), and redone when either differs', () => {
    // A large project's table: thousands of aliases, which every file's resolvers would otherwise walk.
    const aliases = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`app.m${i}.DbDep`, false]));
    const words = sessionWords({ ...BASE, aliases });
    expect(sessionWords({ ...BASE, aliases })).toBe(words);
    expect(Object.isFrozen(words)).toBe(true);
    expect(words).toEqual([...new Set(['Session', 'sessionmaker', 'get_db', 'get_async_db', 'DbDep'])]);
    expect(sessionWords({ ...BASE, aliases: { ...aliases, 'app.x.Other': true } })).toContain('Other');
    expect(sessionWords({ ...BASE, aliases, facades: ['g.store'] })).toContain('store');
    expect(sessionWords({ ...BASE, aliases, dependencyNames: ['provide'] })).toEqual(['Session', 'sessionmaker', 'provide', 'DbDep']);
  });
});

describe('a relative import of a project alias', () => {
  // `from ..deps import SessionDep`: the alias of whichever project module ends that way, and only if they agree.
  const source = 'from ..deps import SessionDep\n\ndef f(db: SessionDep):\n    db.commit()\n';
  test.each<[string, Record<string, boolean>, boolean]>([
    ['one module ends that way', { 'app.api.deps.SessionDep': false, 'app.other.SessionDep': true }, true],
    ['two agree', { 'app.api.deps.SessionDep': false, 'lib.deps.SessionDep': false }, true],
    ['two disagree on the kind', { 'app.api.deps.SessionDep': false, 'lib.deps.SessionDep': true }, false],
    ['only a longer name ends with it', { 'app.api.mydeps.SessionDep': false }, false],
    ['the name alone', { 'deps.SessionDep': false }, true],
  ])('%s', (_name, aliases, session) => {
    expect(commitReceiver(source, { ...BASE, aliases }).session).toBe(session);
  });
});

describe('a session reached through one kind of name only', () => {
  const cases: [string, string, SessionOptions][] = [
    ['a renamed dependency', 'from fastapi import Depends\nfrom app.db import provide\n\ndef f(db=Depends(provide)):\n    db.commit()\n', { ...BASE, dependencyNames: ['provide'] }],
    ['a sessionmaker factory', 'from sqlalchemy.orm import sessionmaker\nmaker = sessionmaker()\n\ndef f():\n    with maker() as db:\n        db.commit()\n', BASE],
    ['a renamed SessionLocal import', 'from app.db import SessionLocal as SL\n\ndef f():\n    db = SL()\n    db.commit()\n', BASE],
    ['a renamed Session import', 'from sqlalchemy.orm import Session as S\n\ndef f(db: S):\n    db.commit()\n', BASE],
    ['a configured facade', 'from flask import g\n\ndef f():\n    g.store.commit()\n', { ...BASE, facades: ['g.store'] }],
    ['a configured session type, imported under another name', 'from app.types import Store as T\n\ndef f(db: T):\n    db.commit()\n', { ...BASE, types: ['app.types.Store'] }],
    ['a project alias, imported under another name', 'from app.deps import DbDep as D\n\ndef f(db: D):\n    db.commit()\n', { ...BASE, aliases: { 'app.deps.DbDep': false } }],
    ['a project factory, imported under another name', 'from app.db import jobs as J\n\ndef f():\n    db = J()\n    db.commit()\n', { ...BASE, factories: { 'app.db.jobs': 'twin' } }],
    ['a project factory, relatively imported', 'from .db import jobs\n\ndef f():\n    db = jobs()\n    db.commit()\n', { ...BASE, factories: { 'app.db.jobs': 'none' } }],
    ['a project factory, through its module', 'from app import db as m\n\ndef f():\n    s = m.jobs()\n    s.commit()\n', { ...BASE, factories: { 'app.db.jobs': 'async' } }],
  ];

  test.each(cases)('%s', (_name, source, options) => {
    expect(commitReceiver(source, options)).toEqual({ session: true, may: true });
  });
});

describe('a file without session words', () => {
  const source = [
    'import requests',
    '',
    'class Search:',
    '    def __init__(self, client):',
    '        self.client = client',
    '',
    '    def run(self, db, text):',
    '        hits = self.client.query(text).all()',
    '        db.execute("select 1")',
    '        db.commit()',
    '        return hits',
    '',
  ].join('\n');

  test('has no session, and the resolver knows it up front', () => {
    expect(commitReceiver(source, BASE)).toEqual({ session: false, may: false });
  });

  test('query-to-select is not run on it, and insert-await changes nothing', () => {
    const options = { ...DEFAULT_TRANSFORM_OPTIONS };
    expect(typeof queryToSelect.prefilter === 'function' && queryToSelect.prefilter(options).some((w) => source.includes(w))).toBe(false);
    const out = processSource(source, 'search.py', [queryToSelect, insertAwait], pythonLanguage, options, { annotate: false });
    expect(out.status).toBe('unchanged');
    expect(out.status === 'unchanged' && out.findings).toEqual([]);
  });

  test('gets its session back once a session type is configured', () => {
    const typed = source.replace('def run(self, db, text)', 'def run(self, db: Store, text)');
    expect(commitReceiver(typed, { ...BASE, types: ['Store'] })).toEqual({ session: true, may: true });
  });
});
