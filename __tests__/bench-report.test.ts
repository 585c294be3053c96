// The benchmark's target checks (bench/report.ts): what issue 7 sets at 10k files is judged only there.
import { checkTargets, Derived, RunEntry } from '../bench/report';

const MiB = 1024 * 1024;

function run(files: number, derived: Partial<Derived>): RunEntry {
  return {
    label: `${files}`,
    dir: '/tmp/x',
    synthetic: true,
    corpus: null,
    parse: [],
    full: [],
    stages: null,
    probe: null,
    profile: null,
    loadAverages: [],
    derived: {
      files,
      bytes: files * 5000,
      parseMs: 1000,
      fullMs: 1000,
      parseFilesPerSec: files,
      fullFilesPerSec: files,
      fullMBPerSec: 5,
      ratio: 1,
      parseCpuMs: 1000,
      fullCpuMs: 1000,
      cpuRatio: 1,
      fullCpuFilesPerSec: files,
      parseMaxRss: 100 * MiB,
      fullMaxRss: 100 * MiB,
      fullPeakSampledRss: 100 * MiB,
      ...derived,
    },
  };
}

const verdicts = (runs: RunEntry[]) => checkTargets(runs, []).slice(0, 3).map((c) => c.met);

describe('bench target checks', () => {
  it('judges the 10k targets at 10k files', () => {
    expect(verdicts([run(10000, { ratio: 1.2, fullFilesPerSec: 700, fullMaxRss: 900 * MiB })])).toEqual([true, true, true]);
    expect(verdicts([run(10000, { ratio: 7, fullFilesPerSec: 42, fullMaxRss: 4961 * MiB })])).toEqual([false, false, false]);
  });

  it('judges nothing below 10k files, met or not, and says why', () => {
    for (const derived of [{ ratio: 1.2, fullFilesPerSec: 700, fullMaxRss: 896 * MiB }, { ratio: 8, fullFilesPerSec: 39, fullMaxRss: 2000 * MiB }]) {
      const checks = checkTargets([run(1000, derived)], []).slice(0, 3);
      expect(checks.map((c) => c.met)).toEqual([null, null, null]);
      for (const check of checks) expect(check.note).toContain('not judged');
    }
  });

  it('uses the largest run of several', () => {
    expect(verdicts([run(1000, { fullMaxRss: 800 * MiB }), run(10000, { fullMaxRss: 5000 * MiB })])[2]).toBe(false);
  });
});
