// Project-wide lookups that every file asks: they must answer as a walk over the whole project would,
// from tables built once (a walk per question made each file cost in proportion to the project).
import { ModuleFinder, TailTable } from '../transforms/python/index/modules';
import { EntityIndex } from '../transforms/python/query/entity-index';
import type { AttrFact, BaseRef, ClassFacts, EntitySummary } from '../transforms/python/query/entity-facts';
import { NO_MODEL_FACTS } from '../transforms/python/query/model-facts';

/** A deterministic pseudo-random sequence (a test must not change between runs). */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const endsWith = (segments: readonly string[], ending: readonly string[]): boolean =>
  ending.length <= segments.length && ending.every((part, i) => segments[segments.length - ending.length + i] === part);

describe('TailTable', () => {
  test('offers every item whose path ends with the asked ending, in the order added', () => {
    const random = sequence(7);
    const words = ['app', 'models', 'crud', '__init__', 'user', 'api'];
    const pick = (): string => words[Math.floor(random() * words.length)] as string;
    const paths = Array.from({ length: 300 }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, pick));
    const table = new TailTable<number>();
    paths.forEach((segments, i) => table.add(segments, i));
    for (let round = 0; round < 300; round++) {
      const ending = Array.from({ length: 1 + Math.floor(random() * 4) }, pick);
      const offered = table.candidates(ending);
      const matching = paths.flatMap((segments, i) => (endsWith(segments, ending) ? [i] : []));
      expect(offered.filter((i) => endsWith(paths[i] as string[], ending))).toEqual(matching);
      expect([...offered].sort((a, b) => a - b)).toEqual(offered);
    }
  });

  test('offers only items sharing the last two segments when the ending has two or more', () => {
    const table = new TailTable<string>();
    for (let i = 0; i < 50; i++) table.add(['app', `pkg${i}`, 'models'], `pkg${i}`);
    expect(table.candidates(['pkg7', 'models'])).toEqual(['pkg7']);
    expect(table.candidates(['app', 'pkg7', 'models'])).toEqual(['pkg7']);
    expect(table.candidates(['models'])).toHaveLength(50);
  });
});

describe('ModuleFinder among many files of the same name', () => {
  const files = Array.from({ length: 40 }, (_, i) => ({ path: `app/pkg${i}/models.py`, absPath: `/p/app/pkg${i}/models.py` }));
  files.push({ path: 'app/pkg3/sub/__init__.py', absPath: '/p/app/pkg3/sub/__init__.py' });
  const finder = new ModuleFinder(files);

  test('a dotted name resolves to the one file it ends', () => {
    expect(finder.find({ anchor: null, parts: ['app', 'pkg12', 'models'] }, '/p/main.py')).toBe('app/pkg12/models.py');
    expect(finder.find({ anchor: null, parts: ['pkg3', 'sub'] }, '/p/main.py')).toBe('app/pkg3/sub/__init__.py');
  });

  test('a name that several files end with resolves only through the importing file’s root', () => {
    expect(finder.find({ anchor: null, parts: ['models'] }, '/p/main.py')).toBeNull();
    expect(finder.find({ anchor: null, parts: ['models'] }, '/p/app/pkg5/routes.py')).toBe('app/pkg5/models.py');
    expect(finder.find({ anchor: null, parts: ['other', 'models'] }, '/p/main.py')).toBeNull();
  });
});

describe('ModuleFinder and a project package named like a library', () => {
  const files = [
    { path: 'app/__init__.py', absPath: '/p/app/__init__.py' },
    { path: 'app/adapters/__init__.py', absPath: '/p/app/adapters/__init__.py' },
    { path: 'app/adapters/sqlalchemy/__init__.py', absPath: '/p/app/adapters/sqlalchemy/__init__.py' },
    { path: 'app/adapters/sqlalchemy/repos.py', absPath: '/p/app/adapters/sqlalchemy/repos.py' },
    { path: 'scripts/sqlmodel.py', absPath: '/p/scripts/sqlmodel.py' },
  ];
  const finder = new ModuleFinder(files);

  test('inside a package, `sqlalchemy` is the library, not the package holding the importer', () => {
    expect(finder.find({ anchor: null, parts: ['sqlalchemy'] }, '/p/app/adapters/sqlalchemy/repos.py')).toBeNull();
    expect(finder.find({ anchor: null, parts: ['sqlalchemy'] }, '/p/app/adapters/other.py')).toBeNull();
  });

  test('a file named like a library in a directory that is no package is what an importer under it imports', () => {
    expect(finder.find({ anchor: null, parts: ['sqlmodel'] }, '/p/scripts/seed.py')).toBe('scripts/sqlmodel.py');
    expect(finder.find({ anchor: null, parts: ['sqlmodel'] }, '/p/app/main.py')).toBeNull();
  });
});

describe('EntityIndex across a class hierarchy in several modules', () => {
  const proven: AttrFact = { proven: true, count: 1 };
  const unproven = (why: string): AttrFact => ({ proven: false, why });
  const cls = (name: string, bases: BaseRef[], attrs: Record<string, AttrFact>): ClassFacts => ({ name, line: 1, bases, attrs: new Map(Object.entries(attrs)) });
  const module = (path: string, ...classes: ClassFacts[]): [string, EntitySummary] => [path, { absPath: `/p/${path}`, classes, reexports: new Map(), tables: [], models: NO_MODEL_FACTS }];
  const index = new EntityIndex(
    new Map([
      module('base.py', cls('Base', [], { model: proven, repo: proven })),
      module('mid.py', cls('Mid', [{ k: 'import', module: 'base', name: 'Base' }], {})),
      module('leaf.py', cls('Leaf', [{ k: 'import', module: 'mid', name: 'Mid' }], { model: unproven('Leaf stores a call result') })),
      module('other.py', cls('Other', [], { model: unproven('Other stores a call result'), repo: unproven('Other stores a parameter') })),
      module('stray.py', cls('Stray', [{ k: 'unknown', text: 'mixin(Mid)', names: ['Mid'] }], { repo: unproven('Stray stores a parameter') })),
      module('loop.py', cls('A', [{ k: 'local', name: 'B' }], { model: proven }), cls('B', [{ k: 'local', name: 'A' }], { model: proven })),
    ]),
  );
  const view = index.viewFor('base.py');

  test('a subclass two modules down that stores the attribute unprovably blocks the proof', () => {
    expect(view.attribute('Base', 'model', 'self.model')).toEqual({ proven: false, why: 'in leaf.py: Leaf stores a call result' });
    expect(index.viewFor('mid.py').attribute('Mid', 'model', 'self.model')).toEqual({ proven: false, why: 'in leaf.py: Leaf stores a call result' });
  });

  test('a class outside the hierarchy counts only when an unresolved base may name one of its classes', () => {
    expect(view.attribute('Base', 'repo', 'self.repo')).toEqual({
      proven: false,
      why: 'class `Stray` in stray.py may be a subclass (through `mixin(Mid)`, which the project index cannot resolve) and Stray stores a parameter',
    });
    expect(index.viewFor('leaf.py').attribute('Leaf', 'repo', 'self.repo')).toEqual({ proven: true });
  });

  test('a cycle of bases ends', () => {
    expect(index.viewFor('loop.py').attribute('A', 'model', 'self.model')).toEqual({ proven: true });
  });
});
