// The pytest configuration lookup of async-tests: nearest config file wins, as in pytest.
import { PytestConfigs } from '../transforms/python/testing/pytest-config';

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
