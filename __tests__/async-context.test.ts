// The safety net under every final output: code tree-sitter accepts but CPython's compiler rejects (await and
// async with/for outside an async def). Each case is also compiled by CPython, so the table cannot drift from it.
import { execFileSync } from 'node:child_process';
import { misplacedAsync } from '../transforms/python/support/async-context';
import { parsePython } from '../transforms/python/support/language';

const cases: [string, string, boolean][] = [
  ['await in async def', 'async def f():\n    await g()\n', true],
  ['await in plain def', 'def f():\n    await g()\n', false],
  ['async with in plain def', 'def f():\n    async with g() as s:\n        pass\n', false],
  ['async for in plain def', 'def f():\n    async for x in g():\n        pass\n', false],
  ['await at module level', 'await g()\n', false],
  ['await in a lambda in async def', 'async def f():\n    h = lambda: await g()\n', false],
  ['await in a class body in async def', 'async def f():\n    class A:\n        x = await g()\n', false],
  ['await in a default of a nested def', 'async def f():\n    def h(a=await g()):\n        pass\n', true],
  ['await in a decorator of a nested def', 'async def f():\n    @(await g())\n    def h():\n        pass\n', true],
  ['await in a nested plain def', 'async def f():\n    def h():\n        return await g()\n', false],
  ['await in a list comprehension in plain def', 'def f(y):\n    return [await x for x in y]\n', false],
  ['await in a list comprehension in async def', 'async def f(y):\n    return [await x for x in y]\n', true],
  ['await in a generator expression in plain def', 'def f(y):\n    return (await x for x in y)\n', true],
  ['async comprehension in plain def', 'def f(y):\n    return [x async for x in y]\n', false],
  ['async generator expression in plain def', 'def f(y):\n    return (x async for x in y)\n', true],
  ['the words in strings and names only', 'def f():\n    asyncio = "await x; async with"\n    return asyncio\n', true],
];

describe('misplaced async code', () => {
  test.each(cases)('%s', (_name, source, valid) => {
    expect(misplacedAsync(parsePython(source), source) === null).toBe(valid);
  });

  test("the table agrees with CPython's compiler", () => {
    const script = 'import json, sys\nout = []\nfor s in json.load(sys.stdin):\n    try:\n        compile(s, "t", "exec")\n        out.append(True)\n    except SyntaxError:\n        out.append(False)\nprint(json.dumps(out))\n';
    const verdicts = JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(cases.map((c) => c[1])), encoding: 'utf8' })) as boolean[];
    expect(verdicts).toEqual(cases.map((c) => c[2]));
  });
});
