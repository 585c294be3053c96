#!/usr/bin/env node
// End-to-end harness: runs every example app under testfixtures/apps/ on the real target stacks and,
// with --migrate, pushes a copy through `awaitify apply` and checks the output still compiles.
//
// Plain Node ESM rather than TypeScript or bash: ts-node is not installed and this must run before (or
// without) `npm run build`; bash would make the per-app/per-backend result table and the step pipeline
// (one function per step) much harder to keep readable.
//
// Usage: node scripts/e2e.mjs [--migrate] [--async-suites] [--stage NAME] [--no-postgres] [--app NAME]... [--apps-dir DIR] [--keep] [--verbose]
//   --migrate      also run `node dist/cli/main.js apply <copy> --allow-dirty` and py_compile its output
//   --stage NAME   like --migrate, with `apply --stage NAME`; for `select` (output still sync) the app's own
//                  suites then run on the migrated copy on every backend as well
//   --migrate      (also) run `awaitify audit --check` on the migrated code, which must report nothing left
//   --async-suites like --migrate (the default preset), then run the app's migrated suites on every backend
//                  (a migration is idempotent in every mode: a second dry-run on the output must change nothing)
//   --no-postgres  SQLite only (skips the throwaway PostgreSQL cluster)
//   --app NAME     only this app (repeatable)
//   --apps-dir DIR apps from DIR instead of testfixtures/apps (to check the harness on deliberately broken apps)
//   --keep         keep the temp copies (their path is printed) for inspection
//   --verbose      print every pytest/CLI output, not only failing ones
// Exits non-zero when any check fails. The last line is `e2e: N passed, M failed`.
//
// An app may restrict its backends with `<app>/e2e.json`: {"backends": ["sa2-sqlite", "sa2-postgres"]}
// (names are <stack>-<db>: sa2-sqlite, sa2-postgres, sa1.4-sqlite, sa1.4-postgres), e.g. an app written
// in SQLAlchemy 2.0 style that cannot run on 1.4. Without the file, an app runs on every backend.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
// Generous: a suite hanging on a lock (or an un-awaited coroutine) must still end the run.
const SUITE_TIMEOUT_MS = 15 * 60 * 1000;

function parseArgs(argv) {
  const opts = {
    migrate: false,
    asyncSuites: false,
    stage: null,
    postgres: true,
    apps: [],
    appsDir: join(ROOT, 'testfixtures', 'apps'),
    keep: false,
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--migrate') opts.migrate = true;
    else if (arg === '--no-postgres') opts.postgres = false;
    else if (arg === '--stage' && i + 1 < argv.length) {
      opts.stage = argv[++i];
      opts.migrate = true;
    }
    else if (arg === '--keep') opts.keep = true;
    else if (arg === '--async-suites') {
      opts.asyncSuites = true;
      opts.migrate = true;
    }
    else if (arg === '--verbose') opts.verbose = true;
    else if (arg === '--app' && i + 1 < argv.length) opts.apps.push(argv[++i]);
    else if (arg === '--apps-dir' && i + 1 < argv.length) opts.appsDir = resolve(argv[++i]);
    else {
      console.error(`e2e: unknown argument '${arg}'`);
      process.exit(2);
    }
  }
  return opts;
}

// Children still running when a signal ends the harness; they are stopped before the cluster is, so no
// pytest outlives the run (or keeps writing into a deleted temp dir).
const liveChildren = new Set();

/** Runs a command to completion, capturing output; never rejects (failures are data here). */
function run(cmd, args, { cwd = ROOT, env = process.env, timeoutMs = SUITE_TIMEOUT_MS, echo = false } = {}) {
  return new Promise((resolvePromise) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    liveChildren.add(child);
    let output = '';
    let stdout = '';
    let timedOut = false;
    const onData = (chunk) => {
      output += chunk;
      if (echo) process.stdout.write(chunk);
    };
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      onData(chunk);
    });
    child.stderr.on('data', onData);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (err) => {
      liveChildren.delete(child);
      clearTimeout(timer);
      resolvePromise({ code: -1, output: output + String(err), stdout, seconds: (Date.now() - started) / 1000, timedOut });
    });
    child.on('close', (code, signal) => {
      liveChildren.delete(child);
      clearTimeout(timer);
      resolvePromise({ code: code ?? (signal ? 128 : -1), output, stdout, seconds: (Date.now() - started) / 1000, timedOut });
    });
  });
}

/** Runs a setup script whose stdout is one value (a path or a DSN); throws with its output on failure. */
async function setupValue(script, args = []) {
  const res = await run('bash', [join(ROOT, 'scripts', script), ...args], { timeoutMs: 30 * 60 * 1000 });
  if (res.code !== 0) throw new Error(`${script} ${args.join(' ')} failed (exit ${res.code}):\n${res.output}`);
  // Setup scripts keep stdout for their one value and send every log line to stderr.
  const value = res.stdout.trim().split('\n').at(-1)?.trim();
  if (!value) throw new Error(`${script} printed no value:\n${res.output}`);
  return { value, seconds: res.seconds };
}

function copyApp(src, dest) {
  cpSync(src, dest, {
    recursive: true,
    filter: (p) => !/(^|\/)(__pycache__|\.pytest_cache)(\/|$)/.test(p) && !p.endsWith('.pyc'),
  });
}

function pythonFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...pythonFiles(p));
    else if (name.endsWith('.py')) out.push(p);
  }
  return out.sort();
}

/** Counts from pytest's JUnit XML, which is stabler across pytest versions than its summary line. */
function junitCounts(xmlPath) {
  if (!existsSync(xmlPath)) return null;
  const xml = readFileSync(xmlPath, 'utf8');
  const suite = /<testsuite\b([^>]*)>/.exec(xml);
  if (!suite) return null;
  const attr = (name) => Number((new RegExp(`\\b${name}="(\\d+)"`).exec(suite[1]) ?? [])[1] ?? NaN);
  const tests = attr('tests');
  const failures = attr('failures');
  const errors = attr('errors');
  const skipped = attr('skipped');
  if ([tests, failures, errors, skipped].some(Number.isNaN)) return null;
  return { passed: tests - failures - errors - skipped, failed: failures + errors, skipped };
}

function record(ctx, fields) {
  const row = { app: ctx.app, passed: 0, failed: 0, skipped: 0, note: '', ...fields };
  ctx.results.push(row);
  const counts = `${row.passed} passed, ${row.failed} failed${row.skipped ? `, ${row.skipped} skipped` : ''}`;
  const secs = row.seconds !== undefined ? `  ${row.seconds.toFixed(1)}s` : '';
  console.log(`  ${row.step.padEnd(14)} ${row.backend.padEnd(16)} ${counts}${secs}${row.note ? `  (${row.note})` : ''}`);
  return row;
}

function showOutput(ctx, title, output) {
  console.log(`----- ${ctx.app} ${title} -----\n${output.trimEnd()}\n----- end -----`);
}

/** One pytest run of the app in `dir` on one backend; every outcome becomes a counted row. */
async function runSuite(ctx, step, dir, backend, extraArgs = []) {
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
  delete env.DATABASE_URL;
  let dbNote = 'sqlite';
  if (backend.db === 'postgres') {
    const name = `e2e_${ctx.app}_${step}_${backend.name}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    env.DATABASE_URL = (await setupValue('postgres.sh', ['createdb', name, ctx.pgState])).value;
    dbNote = 'postgres';
  }
  const xml = join(ctx.work, `${step}-${backend.name}-${backend.db}.xml`);
  const res = await run(backend.python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${xml}`, ...extraArgs], {
    cwd: dir,
    env,
    echo: ctx.opts.verbose,
  });
  const counts = junitCounts(xml);
  const label = `${backend.name}/${dbNote}`;
  let row;
  if (res.timedOut) row = record(ctx, { step, backend: label, failed: 1, note: 'timed out', seconds: res.seconds });
  else if (!counts) row = record(ctx, { step, backend: label, failed: 1, note: `no report, exit ${res.code}`, seconds: res.seconds });
  else if (counts.passed + counts.failed === 0) row = record(ctx, { step, backend: label, ...counts, failed: 1, note: 'no tests ran', seconds: res.seconds });
  // A non-zero exit with every test green is still a failure (collection error, crash in teardown).
  else if (res.code !== 0 && counts.failed === 0) row = record(ctx, { step, backend: label, ...counts, failed: 1, note: `exit ${res.code}`, seconds: res.seconds });
  else row = record(ctx, { step, backend: label, ...counts, seconds: res.seconds });
  if (row.failed && !ctx.opts.verbose) showOutput(ctx, `${step} ${label}`, res.output);
  return row.failed === 0;
}

// ---- pipeline steps: each takes the app context and records its own rows ----

/** The unmigrated app must pass everywhere first, or a later failure says nothing about awaitify. */
async function syncSuites(ctx) {
  let ok = true;
  for (const backend of ctx.backends) ok = (await runSuite(ctx, 'sync', ctx.syncDir, backend)) && ok;
  return ok;
}

/**
 * The copies a run migrates. The async scaffold depends on the SQLAlchemy version (async_sessionmaker
 * exists from 2.0 on), so the async stage is applied once per stack with --sqlalchemy, and each stack's
 * suites run on its own copy; the select stage is the same for both.
 */
function migrationTargets(opts, backends, appWork) {
  if (opts.stage === 'select') return [{ label: 'select', sqlalchemy: null, dir: join(appWork, 'migrated'), backends }];
  const targets = [];
  for (const [name, sqlalchemy] of [['sa2', '2.0'], ['sa1.4', '1.4']]) {
    const own = backends.filter((b) => b.name === name);
    if (own.length > 0) targets.push({ label: `--sqlalchemy ${sqlalchemy}`, sqlalchemy, dir: join(appWork, `migrated-${name}`), backends: own });
  }
  return targets;
}

function cliArgs(ctx, target) {
  return [...(ctx.opts.stage ? ['--stage', ctx.opts.stage] : []), ...(target.sqlalchemy ? ['--sqlalchemy', target.sqlalchemy] : [])];
}

async function applyMigration(ctx) {
  if (!existsSync(CLI)) {
    record(ctx, { step: 'apply', backend: 'awaitify', failed: 1, note: `${relative(ROOT, CLI)} missing: npm run build` });
    return false;
  }
  let ok = true;
  for (const target of ctx.targets) {
    const res = await run(process.execPath, [CLI, 'apply', target.dir, '--allow-dirty', ...cliArgs(ctx, target)], { echo: ctx.opts.verbose });
    const row = record(ctx, {
      step: 'apply',
      backend: `awaitify ${target.label}`,
      passed: res.code === 0 ? 1 : 0,
      failed: res.code === 0 ? 0 : 1,
      note: res.code === 0 ? '' : `exit ${res.code}`,
      seconds: res.seconds,
    });
    if (row.failed && !ctx.opts.verbose) showOutput(ctx, `awaitify apply ${target.label}`, res.output);
    ok = ok && row.failed === 0;
  }
  return ok;
}

// Both target interpreters are CPython 3.11, so one compile pass covers both grammars.
const COMPILE_SCRIPT = `
import json, py_compile, sys, tempfile, os
out = {"passed": 0, "failed": []}
cfile = os.path.join(tempfile.mkdtemp(), "x.pyc")  # keep __pycache__ out of the tree under test
for path in sys.argv[1:]:
    try:
        py_compile.compile(path, cfile=cfile, doraise=True)
        out["passed"] += 1
    except py_compile.PyCompileError as e:
        out["failed"].append(e.msg)
print(json.dumps(out))
`;

async function compileAll(ctx) {
  let ok = true;
  for (const target of ctx.targets) {
    const python = target.backends[0].python;
    const files = pythonFiles(target.dir);
    const res = await run(python, ['-c', COMPILE_SCRIPT, ...files], { cwd: target.dir });
    let parsed = null;
    try {
      parsed = JSON.parse(res.stdout.trim());
    } catch {
      parsed = null;
    }
    if (res.code !== 0 || !parsed) {
      record(ctx, { step: 'py_compile', backend: target.label, failed: 1, note: `exit ${res.code}` });
      showOutput(ctx, 'py_compile', res.output);
      ok = false;
      continue;
    }
    record(ctx, { step: 'py_compile', backend: target.label, passed: parsed.passed, failed: parsed.failed.length, seconds: res.seconds });
    for (const msg of parsed.failed) console.log(`    ${msg.trim().split('\n').join('\n    ')}`);
    ok = ok && parsed.failed.length === 0;
  }
  return ok;
}

/** A second run on the migrated tree must change nothing: the migration is idempotent. */
async function reapplyChangesNothing(ctx) {
  let ok = true;
  for (const target of ctx.targets) ok = (await reapplyTarget(ctx, target)) && ok;
  return ok;
}

async function reapplyTarget(ctx, target) {
  const res = await run(process.execPath, [CLI, 'dry-run', target.dir, '--format', 'json', ...cliArgs(ctx, target)], { echo: false });
  let changed = null;
  try {
    const report = JSON.parse(res.stdout);
    changed = report.files.filter((f) => f.status !== 'unchanged' && f.status !== 'skipped').map((f) => `${f.path} (${f.status})`);
  } catch {
    changed = null;
  }
  const ok = res.code === 0 && changed !== null && changed.length === 0;
  record(ctx, {
    step: 'reapply',
    backend: `awaitify ${target.label}`,
    passed: ok ? 1 : 0,
    failed: ok ? 0 : 1,
    note: ok ? '' : changed === null ? `exit ${res.code}, no JSON report` : `would change: ${changed.join(', ')}`,
    seconds: res.seconds,
  });
  if (!ok && !ctx.opts.verbose) showOutput(ctx, 'awaitify dry-run (second run)', res.output);
  return ok;
}

/**
 * `awaitify audit --check` on the async-migrated code: nothing may be left to migrate except what
 * the app deliberately keeps behind `# awaitify: ignore` comments (which audit honours too).
 */
async function auditMigrated(ctx) {
  let ok = true;
  for (const target of ctx.targets) {
    const res = await run(process.execPath, [CLI, 'audit', target.dir, '--check', '--json'], { echo: false });
    let remaining = null;
    try {
      remaining = JSON.parse(res.stdout).findings.map((f) => `${f.rule} ${f.file}:${f.line}`);
    } catch {
      remaining = null;
    }
    const passed = res.code === 0 && remaining !== null && remaining.length === 0;
    record(ctx, {
      step: 'audit',
      backend: `awaitify ${target.label}`,
      passed: passed ? 1 : 0,
      failed: passed ? 0 : 1,
      note: passed ? '' : remaining === null ? `exit ${res.code}, no JSON report` : `left: ${remaining.join('; ')}`,
      seconds: res.seconds,
    });
    ok = ok && passed;
  }
  return ok;
}

/** The async-migrated suites on every backend: the goal of the whole migration. */
async function asyncSuites(ctx) {
  let ok = true;
  // Tests an app marks manual_migration exercise code awaitify deliberately leaves for a person
  // (see the app's README); they are deselected here and not counted as passed.
  for (const target of ctx.targets) {
    for (const backend of target.backends) {
      ok = (await runSuite(ctx, 'async', target.dir, backend, ['-m', 'not manual_migration'])) && ok;
      await manualSuite(ctx, target.dir, backend);
    }
  }
  return ok;
}

/**
 * The deselected tests, run on their own so the report says how they fare as migrated: a line of their
 * own, not counted either way (they need a person; one that passes is a sign its marker can go).
 */
async function manualSuite(ctx, dir, backend) {
  if (backend.db === 'postgres') return; // one backend says enough, and saves a database
  const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
  delete env.DATABASE_URL;
  const xml = join(ctx.work, `manual-${backend.name}.xml`);
  const res = await run(backend.python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${xml}`, '-m', 'manual_migration'], { cwd: dir, env, echo: ctx.opts.verbose });
  const counts = junitCounts(xml);
  const marked = counts ? counts.passed + counts.failed + counts.skipped : 0;
  const what = !counts ? `no report, exit ${res.code}` : marked === 0 ? 'none marked' : `${marked} marked manual_migration, not counted: ${counts.failed} fail and ${counts.passed} pass as migrated`;
  console.log(`  ${'manual'.padEnd(14)} ${`${backend.name}/sqlite`.padEnd(16)} ${what}`);
}

/** The select stage leaves the code sync, so the app's unmodified suites must still pass on its output. */
async function selectStageSuites(ctx) {
  let ok = true;
  for (const target of ctx.targets) {
    for (const backend of target.backends) ok = (await runSuite(ctx, 'select', target.dir, backend)) && ok;
  }
  return ok;
}

// A step returning false stops the app's remaining steps.
function pipeline(opts) {
  if (!opts.migrate) return [syncSuites];
  const steps = [syncSuites, applyMigration, compileAll, reapplyChangesNothing];
  if (opts.stage === 'select') steps.push(selectStageSuites);
  else {
    steps.push(auditMigrated);
    if (opts.asyncSuites) steps.push(asyncSuites);
  }
  return steps;
}

// ---- setup, cleanup, summary ----

const BACKEND_NAMES = ['sa2-sqlite', 'sa2-postgres', 'sa1.4-sqlite', 'sa1.4-postgres'];
const backendId = (backend) => `${backend.name}-${backend.db}`;

/** The app's allowed backend ids from its e2e.json, or null (all). A malformed file is an error rather
 *  than "all backends": a typo must not quietly run an app where it cannot work, or skip one it can. */
function appBackendFilter(appDir) {
  const file = join(appDir, 'e2e.json');
  if (!existsSync(file)) return null;
  let config;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const list = config?.backends;
  if (!Array.isArray(list) || list.length === 0 || !list.every((b) => typeof b === 'string')) {
    throw new Error(`${file}: "backends" must be a non-empty array of backend names (${BACKEND_NAMES.join(', ')})`);
  }
  const unknown = list.filter((b) => !BACKEND_NAMES.includes(b));
  if (unknown.length) throw new Error(`${file}: unknown backend(s) ${unknown.join(', ')} (known: ${BACKEND_NAMES.join(', ')})`);
  return new Set(list);
}

function listApps(opts) {
  const all = existsSync(opts.appsDir)
    ? readdirSync(opts.appsDir).filter((n) => existsSync(join(opts.appsDir, n, 'tests')))
    : [];
  const missing = opts.apps.filter((a) => !all.includes(a));
  if (missing.length) throw new Error(`unknown app(s): ${missing.join(', ')} (have: ${all.join(', ') || 'none'})`);
  return (opts.apps.length ? opts.apps : all).sort();
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const apps = listApps(opts);
  if (apps.length === 0) throw new Error(`no apps with a tests/ folder under ${opts.appsDir}`);
  // Read before any setup, so a broken e2e.json fails the run in a second, not after the venv build.
  const backendFilters = new Map(apps.map((app) => [app, appBackendFilter(join(opts.appsDir, app))]));

  const sa2 = await setupValue('python-env.sh');
  console.log(`e2e: SQLAlchemy 2 venv ready (${sa2.seconds.toFixed(1)}s): ${sa2.value}`);
  const sa14 = await setupValue('debian-python.sh');
  console.log(`e2e: Debian SQLAlchemy 1.4 python ready (${sa14.seconds.toFixed(1)}s): ${sa14.value}`);

  const work = mkdtempSync(join(tmpdir(), 'awaitify-e2e-'));
  // The cluster's state dir sits directly in /tmp: the postgres user must traverse every parent, and
  // mkdtemp's 0700 directories would stop it.
  const pgState = opts.postgres ? join('/tmp', `awaitify-e2e-pg-${process.pid}`) : null;
  const cleanup = () => {
    if (pgState) spawnSync('bash', [join(ROOT, 'scripts', 'postgres.sh'), 'stop', pgState], { stdio: 'inherit' });
    if (opts.keep) console.log(`e2e: kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      for (const child of liveChildren) child.kill('SIGTERM');
      cleanup();
      process.exit(130);
    });
  }

  const results = [];
  try {
    if (pgState) {
      const pg = await setupValue('postgres.sh', ['start', pgState]);
      console.log(`e2e: PostgreSQL ready (${pg.seconds.toFixed(1)}s): ${pg.value}`);
    }
    const backends = [];
    for (const [name, python] of [['sa2', sa2.value], ['sa1.4', sa14.value]]) {
      backends.push({ name, python, db: 'sqlite' });
      if (pgState) backends.push({ name, python, db: 'postgres' });
    }
    for (const app of apps) {
      console.log(`\n${app}`);
      const allowed = backendFilters.get(app);
      const appBackends = allowed ? backends.filter((b) => allowed.has(backendId(b))) : backends;
      if (allowed) console.log(`  (e2e.json: only ${[...allowed].join(', ')})`);
      if (appBackends.length === 0) {
        // Only reachable with --no-postgres on a Postgres-only app: nothing to run is not a pass.
        results.push({ app, step: 'sync', backend: '-', passed: 0, failed: 1, skipped: 0, note: 'no allowed backend enabled' });
        console.log('  no allowed backend is enabled in this run');
        continue;
      }
      const appWork = join(work, app);
      const ctx = {
        app,
        opts,
        backends: appBackends,
        results,
        pgState,
        work: appWork,
        syncDir: join(appWork, 'sync'),
        targets: migrationTargets(opts, appBackends, appWork),
      };
      copyApp(join(opts.appsDir, app), ctx.syncDir);
      if (opts.migrate) for (const target of ctx.targets) copyApp(join(opts.appsDir, app), target.dir);
      const steps = pipeline(opts);
      for (const [i, step] of steps.entries()) {
        if (!(await step(ctx))) {
          const skipped = steps.slice(i + 1).map((s) => s.name);
          if (skipped.length) console.log(`  (${step.name} failed: not running ${skipped.join(', ')})`);
          break;
        }
      }
    }
  } finally {
    cleanup();
  }

  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const failingRows = results.filter((r) => r.failed);
  console.log('');
  for (const r of failingRows) console.log(`FAILED ${r.app} ${r.step} ${r.backend}${r.note ? ` (${r.note})` : ''}`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`e2e: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
