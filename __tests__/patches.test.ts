// The CLI makes each changed file's line diff once, possibly while the run is still going (cli/print/patches.ts).
import { filePatch } from '../cli/print/diff';
import { jsonReport } from '../cli/print/json';
import { ChangedFile, Patches } from '../cli/print/patches';
import type { FileReport, RunReport } from '../engine/run';
import { summarize } from '../engine/run';

function changed(path: string, before: string, after: string): ChangedFile {
  return { path, absPath: `/p/${path}`, status: 'changed', before, after, output: Buffer.from(after), edits: [], findings: [], ignored: 0, counts: {}, excludedFunctions: [] };
}

describe('Patches', () => {
  test('a changed file\'s patch is the one filePatch makes, made once', () => {
    const file = changed('app/a.py', 'a = 1\nb = 2\n', 'a = 1\nb = 3\n');
    const patches = new Patches();
    patches.note(file);
    const first = patches.of(file);
    expect(first).toEqual(filePatch('app/a.py', file.before, file.after));
    expect(patches.of(file)).toBe(first);
  });

  test('reports of files that did not change are passed over', () => {
    const patches = new Patches();
    const unchanged: FileReport = { path: 'b.py', absPath: '/p/b.py', status: 'unchanged', findings: [], ignored: 0, counts: {}, excludedFunctions: [] };
    // Such a report has no before/after text: diffing it would throw (jsdiff splits undefined).
    expect(() => patches.note(unchanged)).not.toThrow();
  });

  test('the JSON report prints the patches it is given, and makes the missing ones itself', () => {
    const a = changed('a.py', 'x = 1\n', 'x = 2\n');
    const b = changed('b.py', 'y = 1\n', 'y = 2\n');
    const report: RunReport = { files: [a, b], missingPaths: [], excludedCount: 0 };
    const patches = new Patches();
    patches.note(a);
    const made = patches.of(a);
    // A patch noted earlier is the one printed: altered here, the printed diff shows it.
    made.hunks[0]!.lines.push('+# noted earlier');
    const printed = JSON.parse(jsonReport(report, summarize(report), 'dry-run', {}, patches)) as { files: { diff: string }[] };
    expect(printed.files[0]!.diff).toContain('+# noted earlier');
    expect(printed.files[1]!.diff).toContain('+y = 2');
    const plain = JSON.parse(jsonReport(report, summarize(report), 'dry-run')) as { files: { diff: string }[] };
    expect(plain.files[0]!.diff).not.toContain('noted earlier');
  });
});
