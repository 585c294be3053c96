// Reads a V8 .cpuprofile (from `node --cpu-prof`) and ranks functions by self time. A call into
// ast-grep's native binding has no frame of its own: its time is the self time of the JS function
// that made the call, so `findZeroWidthLeaf` ranks by the cost of its one `find`.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  /** `file:function:line` (line 1-based, in the compiled JS under dist-bench/). */
  where: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  functions: HotFunction[];
  /** Self time per source file (module), e.g. which transform's helpers cost most. */
  modules: HotFunction[];
}

export function summarizeProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<string, number>();
  const moduleUs = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    total += dt;
    const base = frame.url === '' ? '(native)' : relative(frame.url);
    const key = `${base}:${frame.functionName || '(anonymous)'}:${frame.lineNumber + 1}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + dt);
    moduleUs.set(base, (moduleUs.get(base) ?? 0) + dt);
  });
  const rank = (m: Map<string, number>): HotFunction[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, us]) => ({ where, selfMs: us / 1000, share: total > 0 ? us / total : 0 }));
  return { file, totalMs: total / 1000, functions: rank(selfUs), modules: rank(moduleUs) };
}

/** Paths inside the compiled tree shown from the repository root (`transforms/python/...`). */
function relative(url: string): string {
  const p = url.startsWith('file://') ? new URL(url).pathname : url;
  const marker = `${path.sep}dist-bench${path.sep}`;
  const at = p.indexOf(marker);
  if (at >= 0) return p.slice(at + marker.length);
  const nm = p.indexOf(`${path.sep}node_modules${path.sep}`);
  if (nm >= 0) return p.slice(nm + 1);
  return p.startsWith('node:') ? p : path.basename(p);
}
