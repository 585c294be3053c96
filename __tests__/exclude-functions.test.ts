// `exclude-functions`: which functions a configured name picks out, what the engine does with them
// (no edit inside, findings kept), and the command line (configuration, flag, typo warning).
import type { SgRoot } from '@ast-grep/napi';
import { processSource } from '../engine/pipeline';
import { DEFAULT_TRANSFORM_OPTIONS, type Transform } from '../engine/types';
import { excludedFunctions } from '../transforms/python/support/excluded-functions';
import { parsePython, pythonLanguage } from '../transforms/python/support/language';
import { ensureBuilt, makeRepo, read, removeTempDirs, runCli } from './helpers/cli';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

const TASKS = lines(
  'import functools',
  '',
  '',
  'def cleanup():',
  '    return 1',
  '',
  '',
  'class Orders:',
  '    @functools.cache',
  '    def place(self):',
  '        def inner():',
  '            return 2',
  '        return inner',
);

const names = (source: string, absPath: string, wanted: string[]): string[] =>
  excludedFunctions(source, () => parsePython(source), absPath, wanted).map((f) => `${f.name}@${source.slice(f.start, f.start + 14)}`);

describe('which functions a name excludes', () => {
  test('module path matched against the end of the file path, then the qualified name', () => {
    expect(names(TASKS, '/repo/app/tasks.py', ['app.tasks.cleanup'])).toEqual(['app.tasks.cleanup@def cleanup():']);
    // The package root is not known: a shorter module path matches too, a different one does not.
    expect(names(TASKS, '/repo/app/tasks.py', ['tasks.cleanup'])).toEqual(['tasks.cleanup@def cleanup():']);
    expect(names(TASKS, '/repo/app/tasks.py', ['other.tasks.cleanup', 'app.jobs.cleanup'])).toEqual([]);
    // A package's __init__.py is the package.
    expect(names(TASKS, '/repo/app/tasks/__init__.py', ['app.tasks.cleanup'])).toHaveLength(1);
  });

  test('methods by class, with their decorators; nested functions by their chain', () => {
    expect(names(TASKS, '/repo/app/tasks.py', ['app.tasks.Orders.place'])).toEqual(['app.tasks.Orders.place@@functools.cac']);
    expect(names(TASKS, '/repo/app/tasks.py', ['app.tasks.Orders.place.inner'])).toEqual(['app.tasks.Orders.place.inner@def inner():\n ']);
    expect(names(TASKS, '/repo/app/tasks.py', ['app.tasks.place', 'app.tasks.Orders'])).toEqual([]);
  });

  test('a file that does not define the last name is not parsed', () => {
    let parsed = false;
    const tree = (): SgRoot => {
      parsed = true;
      return parsePython(TASKS);
    };
    expect(excludedFunctions(TASKS, tree, '/repo/app/tasks.py', ['app.tasks.missing'])).toEqual([]);
    expect(parsed).toBe(false);
  });
});

describe('the engine leaves excluded functions alone', () => {
  const everyReturn: Transform<SgRoot> = {
    id: 'renamer',
    description: 'test',
    language: 'python',
    run: (ctx) => {
      const edits = [...ctx.source.matchAll(/return (\d)/g)].map((m) => ({ start: (m.index as number) + 7, end: (m.index as number) + 8, text: `${m[1]}0` }));
      const findings = [...ctx.source.matchAll(/return/g)].map((m) => ({ rule: 'TEST-RULE', offset: m.index as number, message: 'm', hint: 'h' }));
      return { edits, findings };
    },
  };

  test('no edit touches their lines, findings inside them are still reported, and the match is reported', () => {
    const outcome = processSource(TASKS, 'app/tasks.py', [everyReturn], pythonLanguage, { ...DEFAULT_TRANSFORM_OPTIONS, excludeFunctions: ['app.tasks.Orders.place'] }, { annotate: false });
    expect(outcome).toMatchObject({ status: 'changed', excludedFunctions: ['app.tasks.Orders.place'] });
    const output = (outcome as { output: string }).output;
    expect(output).toContain('    return 10\n');
    expect(output).toContain('            return 2\n        return inner\n');
    expect((outcome as { findings: unknown[] }).findings).toHaveLength(3);
    const without = processSource(TASKS, 'app/tasks.py', [everyReturn], pythonLanguage, DEFAULT_TRANSFORM_OPTIONS, { annotate: false });
    expect((without as { output: string }).output).toContain('            return 20\n');
  });
});

describe('exclude-functions (CLI)', () => {
  beforeAll(() => ensureBuilt());
  afterAll(() => removeTempDirs());

  const files = {
    'app/crud.py': lines('from sqlalchemy.orm import Session', '', '', 'def save(db: Session):', '    db.commit()'),
    'app/tasks.py': lines('from sqlalchemy.orm import Session', '', '', 'def cleanup(db: Session):', '    db.commit()'),
  };

  test('configured names are left as they are; --exclude-function adds to them; a name matching nothing is a warning', () => {
    const repo = makeRepo({ 'awaitify.toml': 'exclude-functions = ["app.tasks.cleanup", "app.task.cleanup"]\n', ...files });
    const result = runCli(repo, ['dry-run']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('+async def save(db: AsyncSession):');
    expect(result.stdout).not.toContain('app/tasks.py');
    expect(result.stderr).toContain('awaitify: warning: exclude-functions: "app.task.cleanup" matches no function in the files this run read');
    expect(result.stderr).not.toContain('"app.tasks.cleanup" matches no function');
    expect(result.stderr).not.toContain('recognised but not used');

    const both = runCli(repo, ['apply', '--exclude-function', 'app.crud.save']);
    expect(both.status).toBe(0);
    expect(read(repo, 'app/crud.py')).toBe(files['app/crud.py']);
    expect(read(repo, 'app/tasks.py')).toBe(files['app/tasks.py']);

    expect(runCli(repo, ['dry-run', '--exclude-function', 'save']).status).toBe(2);
  });

  test('worker threads find the same functions and report the same typos', () => {
    const filler = Object.fromEntries(Array.from({ length: 140 }, (_, i) => [`app/filler/f${i}.py`, `x = ${i}\n`]));
    const repo = makeRepo({ 'awaitify.toml': 'exclude-functions = ["app.tasks.cleanup", "app.tasks.typo"]\n', ...files, ...filler });
    const threaded = runCli(repo, ['dry-run', '--jobs', '2']);
    const single = runCli(repo, ['dry-run', '--jobs', '1']);
    expect(threaded.stdout).toBe(single.stdout);
    expect(threaded.stderr).toBe(single.stderr);
    expect(threaded.stdout).not.toContain('app/tasks.py');
    expect(threaded.stderr).toContain('"app.tasks.typo" matches no function');
    expect(threaded.stderr).not.toContain('"app.tasks.cleanup" matches no function');
  });

  test('a name without a module path is a configuration error', () => {
    const repo = makeRepo({ 'awaitify.toml': 'exclude-functions = ["cleanup"]\n', ...files });
    const result = runCli(repo, ['dry-run']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('awaitify.toml:1: exclude-functions[0]: "cleanup" is not a module path and function name like app.tasks.cleanup');
  });
});
