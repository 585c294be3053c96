import type { StructuredPatch } from 'diff';
import type { FileReport } from '../../engine/run';
import { filePatch } from './diff';

export type ChangedFile = Extract<FileReport, { status: 'changed' }>;

/**
 * Each changed file's patch (print/diff.ts, filePatch), made at most once. With worker threads the
 * engine hands reports over as files finish (RunOptions.onReport); `note` makes the line diff then, on
 * this thread, which is otherwise idle while the workers run. The diffs are the costly part of printing
 * (about 3 ms per changed file, 12 s for the 10k benchmark tree), and made after the run they were a
 * tail on one core (docs/performance.md, "Tenth session").
 */
export class Patches {
  private readonly made = new WeakMap<ChangedFile, StructuredPatch>();

  note(report: FileReport): void {
    if (report.status === 'changed') this.of(report);
  }

  of(file: ChangedFile): StructuredPatch {
    let patch = this.made.get(file);
    if (patch === undefined) {
      patch = filePatch(file.path, file.before, file.after);
      this.made.set(file, patch);
    }
    return patch;
  }
}
