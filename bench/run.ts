// The benchmark of issue 7:
//   npm run bench                       synthetic repositories of 1k, 5k and 10k files
//   npm run bench -- --sizes 1k         a quick smoke run
//   npm run bench -- <dir>              any directory
// Options: --sizes 1k,5k,10k  --seed 1  --repeat 1  --preset default  --probe-files 1000 (0 = no probe)
//          --jobs N (threads of the full runs, default: the number of CPUs)  --transforms a,b (a subset of the preset)
//          --profile (one more full run under --cpu-prof; hottest functions reported)
//          --out bench/results.json  --corpus-root <tmp>/awaitify-bench
// Each measurement runs in its own child process (measure.ts) so its RSS is independent.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CorpusStats, generateCorpus, GENERATOR_VERSION, parseSize } from './generate';
import type { FullResult, MeasureResult, Mode, ParseResult, ProbeResult } from './measure';
import { pipelineFor } from './preset';
import { ProfileSummary, summarizeProfile } from './profile';
import { checkTargets, derive, formatReport, RunEntry, scaling } from './report';

interface Options {
  dir: string | null;
  sizes: number[];
  seed: number;
  repeat: number;
  preset: string;
  probeFiles: number;
  profile: boolean;
  out: string;
  corpusRoot: string;
  /** Threads of the full runs (as `dry-run --jobs`); the instrumented stage run always uses one. */
  jobs: number;
  /** As `dry-run --transforms`: a subset of the preset. */
  transforms: string | undefined;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const MEASURE = path.join(__dirname, 'measure.js');

function parseArgs(argv: string[]): Options {
  const options: Options = {
    dir: null,
    sizes: [1000, 5000, 10000],
    seed: 1,
    repeat: 1,
    preset: 'default',
    probeFiles: 1000,
    profile: false,
    out: path.join(REPO_ROOT, 'bench', 'results.json'),
    corpusRoot: path.join(os.tmpdir(), 'awaitify-bench'),
    jobs: os.availableParallelism(),
    transforms: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--sizes') options.sizes = value().split(',').map(parseSize);
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--repeat') options.repeat = Number(value());
    else if (arg === '--preset') options.preset = value();
    else if (arg === '--probe-files') options.probeFiles = Number(value());
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--out') options.out = path.resolve(value());
    else if (arg === '--corpus-root') options.corpusRoot = path.resolve(value());
    else if (arg === '--jobs') options.jobs = Number(value());
    else if (arg === '--transforms') options.transforms = value();
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else if (options.dir === null) options.dir = path.resolve(arg);
    else throw new Error('give at most one directory');
  }
  if (!Number.isInteger(options.seed)) throw new Error('--seed must be an integer');
  if (!Number.isInteger(options.repeat) || options.repeat < 1) throw new Error('--repeat must be a positive integer');
  if (!Number.isInteger(options.jobs) || options.jobs < 1) throw new Error('--jobs must be a positive integer');
  if (!Number.isInteger(options.probeFiles) || options.probeFiles < 0) throw new Error('--probe-files must be a non-negative integer');
  return options;
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function measure(mode: Mode, dir: string, options: Options, nodeFlags: string[] = []): MeasureResult {
  const args = [...nodeFlags, MEASURE, mode, dir, '--preset', options.preset, '--probe-files', String(options.probeFiles), '--jobs', String(options.jobs), ...(options.transforms ? ['--transforms', options.transforms] : [])];
  const child = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`measurement "${mode}" on ${dir} failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as MeasureResult;
}

function benchDirectory(label: string, dir: string, synthetic: boolean, corpus: CorpusStats | null, options: Options): RunEntry {
  const parse: ParseResult[] = [];
  const full: FullResult[] = [];
  const loadAverages: number[] = [];
  const load = (): void => {
    loadAverages.push(os.loadavg()[0] as number);
  };
  // Parse-only and full alternate, so a burst of load elsewhere hits both alike.
  for (let r = 1; r <= options.repeat; r++) {
    const tag = options.repeat > 1 ? ` (${r}/${options.repeat})` : '';
    log(`${label}: parse-only${tag}`);
    load();
    parse.push(measure('parse', dir, options) as ParseResult);
    log(`${label}: full dry-run${tag}`);
    load();
    full.push(measure('full', dir, options) as FullResult);
  }
  log(`${label}: instrumented stage run`);
  load();
  const stages = measure('stages', dir, options) as FullResult;
  let probe: ProbeResult | null = null;
  if (options.probeFiles > 0) {
    log(`${label}: ast-grep call probe`);
    load();
    probe = measure('probe', dir, options) as ProbeResult;
  }
  let profile: ProfileSummary | null = null;
  if (options.profile) {
    log(`${label}: profiled full run`);
    const profileDir = mkdtempSync(path.join(os.tmpdir(), 'awaitify-bench-prof-'));
    measure('full', dir, options, ['--cpu-prof', '--cpu-prof-dir', profileDir]);
    const written = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
    if (written[0] !== undefined) profile = summarizeProfile(path.join(profileDir, written[0]));
  }
  return { label, dir, synthetic, corpus, parse, full, stages, probe, profile, loadAverages, derived: derive(parse, full) };
}

function gitState(): { commit: string | null; dirtyFiles: number | null } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' });
    return { commit, dirtyFiles: status.split('\n').filter((l) => l.trim() !== '').length };
  } catch {
    return { commit: null, dirtyFiles: null };
  }
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const pipeline = pipelineFor(options.preset, options.transforms);
  const transforms = pipeline.transforms.map((t) => t.id);
  const runs: RunEntry[] = [];
  if (options.dir !== null) {
    runs.push(benchDirectory(path.relative(process.cwd(), options.dir) || '.', options.dir, false, null, options));
  } else {
    for (const size of options.sizes) {
      const dir = path.join(options.corpusRoot, `seed${options.seed}-n${size}`);
      log(`generating ${size} files in ${dir}`);
      const corpus = generateCorpus(options.seed, size, dir);
      log(`generated ${corpus.pythonFiles} Python files, ${(corpus.bytes / 1e6).toFixed(1)} MB, ${corpus.lines} lines in ${(corpus.generationMs / 1000).toFixed(1)} s (digest ${corpus.digest.slice(0, 12)})`);
      const label = size % 1000 === 0 ? `synthetic ${size / 1000}k` : `synthetic ${size}`;
      runs.push(benchDirectory(label, dir, true, corpus, options));
    }
  }
  const steps = scaling(runs);
  const checks = checkTargets(runs, steps);
  const cpus = os.cpus();
  const environment = {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryBytes: os.totalmem(),
    ...gitState(),
  };
  const results = {
    schema: 1,
    note: 'One measurement on one machine at one moment; compare runs only on the same machine and corpus digest.',
    startedAt,
    finishedAt: new Date().toISOString(),
    environment,
    options: { seed: options.seed, sizes: options.dir ? null : options.sizes, repeat: options.repeat, preset: pipeline.preset, probeFiles: options.probeFiles, jobs: options.jobs, generatorVersion: GENERATOR_VERSION },
    transforms,
    runs,
    scaling: steps,
    targets: checks,
  };
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`awaitify bench, ${startedAt}, node ${process.version}, ${environment.cpuCount} × ${environment.cpuModel}\n`);
  process.stdout.write(`${formatReport(runs, steps, checks, pipeline.preset, transforms)}\n`);
  process.stdout.write(`\nJSON: ${path.relative(process.cwd(), options.out)}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
