// The pytest configuration lookup of async-tests: nearest config file wins, as in pytest.
import { asyncioRequirements, capsBelowLoopScope, PytestConfigs } from '../transforms/python/testing/pytest-config';

function configs(files: Record<string, string>): PytestConfigs {
  return new PytestConfigs((path) => files[path] ?? null);
}

test('asyncio_mode in the nearest pytest configuration decides', () => {
  const c = configs({
    '/p/pyproject.toml': '[tool.pytest.ini_options]\nasyncio_mode = "auto"\n',
    '/p/sub/tox.ini': '[tox]\nenvlist = py\n\n[pytest]\nasyncio_mode = strict\n',
    '/q/setup.cfg': '[metadata]\nname = q\n\n[tool:pytest]\naddopts = -q --asyncio-mode=auto\n',
    '/r/pyproject.toml': '[tool.black]\nasyncio_mode = "auto"\n',
    '/s/pytest.ini': '[pytest]\ntestpaths = tests\n',
    '/s/pyproject.toml': '[tool.pytest.ini_options]\nasyncio_mode = "auto"\n',
  });
  expect(c.modeFor('/p/tests/test_a.py')).toBe('auto');
  expect(c.modeFor('/p/sub/tests/test_b.py')).toBe('strict');
  expect(c.modeFor('/q/tests/test_c.py')).toBe('auto');
  // A pyproject.toml without a pytest section is not pytest's configuration.
  expect(c.modeFor('/r/tests/test_d.py')).toBe('strict');
  // pytest.ini wins over pyproject.toml in the same directory.
  expect(c.modeFor('/s/tests/test_e.py')).toBe('strict');
});

test('a pytest-asyncio pin below 0.24 (no loop_scope) is found in the dependency files above a test', () => {
  const files: Record<string, string> = {
    '/a/requirements-dev.txt': '# tests\npytest==7.4.4\npytest-asyncio==0.21.1 ; python_version >= "3.8"\n',
    '/b/pyproject.toml': '[tool.poetry.group.dev.dependencies]\npytest-asyncio = "^0.21.0"\n',
    '/c/pyproject.toml': '[project.optional-dependencies]\ntest = ["pytest-asyncio>=0.23.5"]\n',
    '/d/Pipfile': '[dev-packages]\npytest-asyncio = "*"\n',
    '/e/setup.cfg': '[options.extras_require]\ntest =\n    pytest-asyncio<0.24\n',
    // pytest below 8.2 (pytest-asyncio 0.24 needs 8.2); pytest-cov and pytest-asyncio's own lower bound are no pins of it.
    '/g/requirements.txt': 'pytest==7.2.1\npytest-cov==4.0.0\n',
    '/h/pyproject.toml': '[tool.poetry.dev-dependencies]\npytest = "^6.2.5"\n',
    '/i/requirements.txt': 'pytest>=7\npytest-cov==4.0.0\n',
    '/j/requirements.txt': 'pytest==8.3.3\n',
  };
  const c = new PytestConfigs((path) => files[path] ?? null, (dir) => Object.keys(files).filter((f) => f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).includes('/')).map((f) => f.slice(dir.length + 1)));
  expect(c.oldAsyncioPin('/a/tests/test_x.py')).toBe('requirements-dev.txt: `pytest-asyncio==0.21.1`');
  expect(c.oldAsyncioPin('/b/tests/test_x.py')).toBe('pyproject.toml: `pytest-asyncio ^0.21.0`');
  // A lower bound, any version, no pin: the current pytest-asyncio is assumed.
  expect(c.oldAsyncioPin('/c/tests/test_x.py')).toBeNull();
  expect(c.oldAsyncioPin('/d/tests/test_x.py')).toBeNull();
  expect(c.oldAsyncioPin('/e/tests/test_x.py')).toBe('setup.cfg: `pytest-asyncio<0.24`');
  expect(c.oldAsyncioPin('/f/tests/test_x.py')).toBeNull();
  expect(c.oldAsyncioPin('/g/tests/test_x.py')).toBe('requirements.txt: `pytest==7.2.1`, and pytest-asyncio 0.24 needs pytest 8.2');
  expect(c.oldAsyncioPin('/h/tests/test_x.py')).toBe('pyproject.toml: `pytest ^6.2.5`, and pytest-asyncio 0.24 needs pytest 8.2');
  expect(c.oldAsyncioPin('/i/tests/test_x.py')).toBeNull();
  expect(c.oldAsyncioPin('/j/tests/test_x.py')).toBeNull();
});

test.each([
  ['==0.21.1', true],
  ['>=0.20,<0.24', true],
  ['<=0.23.8', true],
  ['~=0.23.0', true],
  ['~=0.23', false],
  ['^0.23.8', true],
  ['~0.21', true],
  ['==0.21.*', true],
  ['>=0.24', false],
  ['==0.24.0', false],
  ['==1.0.0', false],
  ['^0.25', false],
  ['*', false],
])('pytest-asyncio %s caps below 0.24: %s', (spec, capped) => {
  expect(asyncioRequirements(`pytest-asyncio${spec === '*' ? ' = "*"' : spec}`)).toEqual([spec]);
  expect(capsBelowLoopScope(spec)).toBe(capped);
});
