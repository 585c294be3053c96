// runsWhereWritten: which calls no `await` can reach still run during their function's own execution (so a blocking
// call there blocks an async function), and which may run later or elsewhere (no ASYNC-BLOCKING-CALL for them).
import { placeOf, runsWhereWritten } from '../transforms/python/awaits/context';
import { parsePython } from '../transforms/python/support/language';

const cases: [string, string, boolean][] = [
  ['any over a generator expression', 'def f(us):\n    return any(g(u) for u in us)\n', true],
  ['sum with a start value', 'def f(us):\n    return sum((g(u) for u in us), 0)\n', true],
  ['str.join', 'def f(us):\n    return ", ".join(g(u) for u in us)\n', true],
  ['sorted key lambda', 'def f(us):\n    return sorted(us, key=lambda u: g(u))\n', true],
  ['list.sort key lambda', 'def f(us):\n    us.sort(key=lambda u: g(u))\n', true],
  ['nested: key lambda in a consumed generator', 'def f(us):\n    return list(max(u, key=lambda v: g(v)) for u in us)\n', true],
  ['generator expression returned', 'def f(us):\n    return (g(u) for u in us)\n', false],
  ['generator expression to another callee', 'def f(us):\n    return StreamingResponse(g(u) for u in us)\n', false],
  ['generator expression not the first argument', 'def f(us):\n    return max(1, (g(u) for u in us))\n', false],
  ['lambda kept', 'def f(u):\n    h = lambda: g(u)\n    return h\n', false],
  ['lambda to a thread pool', 'def f(u):\n    return run_in_threadpool(lambda: g(u))\n', false],
  ['lambda as another keyword', 'def f(us):\n    return sorted(us, cmp=lambda u: g(u))\n', false],
  ['map is lazy', 'def f(us):\n    return map(lambda u: g(u), us)\n', false],
  ['a default value', 'def f():\n    def h(a=any(g(u) for u in us)):\n        pass\n', false],
];

describe('runsWhereWritten', () => {
  test.each(cases)('%s', (_name, source, runs) => {
    const root = parsePython(source);
    const call = root.root().findAll({ rule: { kind: 'call' } }).find((c) => c.field('function')?.text() === 'g');
    if (!call) throw new Error('no call of g in the case');
    expect(placeOf(call).blocked).not.toBeNull();
    expect(runsWhereWritten(call)).toBe(runs);
  });
});
