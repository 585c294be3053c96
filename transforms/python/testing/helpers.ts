// Factory fixtures handed to test-side helpers: `def helper(make_product): return make_product("a").id`,
// called as `helper(make_product)` from a test. The fixture's value is async now, so the helper must await
// it, become async itself, and be awaited where it is called — and so on up through helpers calling it.
// This is decided for the whole project at once: a helper is converted only when every place that calls
// it can await it and passes a factory for that parameter; otherwise its factory calls are flagged.
import { functionKey, type ProjectIndex } from '../index/project';
import type { CallSite, FunctionSummary } from '../index/types';
import type { FunctionFacts } from './facts';
import type { TestSummary } from './plan';

/** The async function a fixture's value is, as the messages name it. */
export interface AsyncValue {
  qualname: string;
  path: string;
}

interface Fn {
  path: string;
  fn: FunctionSummary;
  facts: FunctionFacts;
  key: string;
}

interface Site {
  caller: Fn | null;
  path: string;
  call: CallSite;
}

export interface HelperFlag {
  path: string;
  offset: number;
  message: string;
}

/** How often an exclusion may restart the analysis (each round excludes at least one more helper). */
const MAX_ROUNDS = 32;

export class FactoryHelpers {
  /** Parameters that hold an async factory, by function key (tests and fixtures included). */
  readonly factoryParams = new Map<string, Map<string, AsyncValue>>();
  /** Helpers that end up async (made so here, or already), with the calls in them to await. */
  readonly converted = new Map<string, CallSite[]>();
  readonly flags: HelperFlag[] = [];
  private readonly fns = new Map<string, Fn>();
  private readonly sites = new Map<string, Site[]>();
  /** Helpers named without being called (`map(helper, ...)`): their callers are not all known. */
  private readonly escaping = new Set<string>();

  constructor(
    private readonly index: ProjectIndex,
    summaries: ReadonlyMap<string, TestSummary>,
    facts: ReadonlyMap<string, FunctionFacts>,
    private readonly isConsumer: (f: { path: string; fn: FunctionSummary; facts: FunctionFacts }) => boolean,
    private readonly fixtureValue: (name: string, absPath: string) => AsyncValue | null,
  ) {
    for (const [path, s] of summaries) {
      for (const fn of s.base.functions) {
        const f = facts.get(functionKey(path, fn.id));
        if (f) this.fns.set(functionKey(path, fn.id), { path, fn, facts: f, key: functionKey(path, fn.id) });
      }
    }
    this.seed(summaries);
    this.spread();
    if (![...this.factoryParams.keys()].some((k) => this.isHelper(this.fns.get(k)))) return;
    this.collectSites(summaries);
    this.solve();
  }

  /** A plain function of a test module or conftest: neither a test nor a fixture. */
  isHelper(f: Fn | undefined): f is Fn {
    return !!f && f.fn.test === null && !f.fn.ignored;
  }

  /** Made async here (it was sync): its callers must await it. */
  madeAsync(path: string, id: number): boolean {
    const key = functionKey(path, id);
    return this.converted.has(key) && !this.fns.get(key)?.fn.isAsync;
  }

  private seed(summaries: ReadonlyMap<string, TestSummary>): void {
    for (const f of this.fns.values()) {
      if (f.fn.test === null) continue;
      const absPath = summaries.get(f.path)?.base.absPath ?? '';
      for (const p of f.facts.params) {
        const value = this.fixtureValue(p, absPath);
        if (value) this.addParam(f.key, p, value);
      }
    }
  }

  private addParam(key: string, param: string, value: AsyncValue): boolean {
    const params = this.factoryParams.get(key) ?? new Map<string, AsyncValue>();
    this.factoryParams.set(key, params);
    if (params.has(param)) return false;
    params.set(param, value);
    return true;
  }

  /** Every call and reference in the project that resolves to a test-side helper. */
  private collectSites(summaries: ReadonlyMap<string, TestSummary>): void {
    for (const [path, s] of summaries) {
      const units: { caller: Fn | null; calls: CallSite[] }[] = [
        { caller: null, calls: s.base.moduleCalls },
        ...s.base.functions.map((fn) => ({ caller: this.fns.get(functionKey(path, fn.id)) ?? null, calls: fn.calls })),
      ];
      for (const { caller, calls } of units) {
        for (const call of calls) {
          const target = this.index.resolveFunction(path, call.callee);
          const key = target ? functionKey(target.path, target.id) : null;
          if (key && this.isHelper(this.fns.get(key))) this.sites.set(key, [...(this.sites.get(key) ?? []), { caller, path, call }]);
          for (const ref of call.references ?? []) {
            const t = this.index.resolveFunction(path, ref.expr);
            if (t && this.isHelper(this.fns.get(functionKey(t.path, t.id)))) this.escaping.add(functionKey(t.path, t.id));
          }
        }
      }
    }
  }

  /** The callee's parameter a forwarded argument lands in. */
  private landing(caller: Fn, call: CallSite, callee: Fn, param: string): string | null {
    const f = caller.facts.forwards.find((x) => x.callStart === call.start && x.callEnd === call.end && x.param === param);
    if (!f) return null;
    const offset = callee.fn.kind === 'method' && call.callee.k === 'attr' ? 1 : 0;
    return f.keyword ?? (f.position === null ? null : (callee.facts.params[f.position + offset] ?? null));
  }

  private solve(): void {
    const excluded = new Map<string, string>();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const needed = this.needAsync(excluded);
      const fresh = this.validate(needed, excluded);
      if (fresh.size === 0) {
        for (const [key, awaits] of needed) this.converted.set(key, awaits);
        this.flagExcluded(excluded);
        return;
      }
      for (const [k, why] of fresh) excluded.set(k, why);
    }
    // No stable answer: convert nothing and flag every factory call in a helper.
    for (const key of this.factoryParams.keys()) if (this.isHelper(this.fns.get(key)) && !excluded.has(key)) excluded.set(key, 'its callers could not be settled');
    this.flagExcluded(excluded);
  }

  /** Factory parameters flow from tests and fixtures into the helpers they are passed to (excluded ones too: their factory calls are flagged). */
  private spread(): void {
    const work = [...this.factoryParams.keys()];
    while (work.length > 0) {
      const caller = this.fns.get(work.pop() as string);
      if (!caller) continue;
      for (const [param, value] of this.factoryParams.get(caller.key) ?? []) {
        for (const f of caller.facts.forwards) {
          if (f.param !== param) continue;
          const call = caller.fn.calls.find((c) => c.start === f.callStart && c.end === f.callEnd);
          const target = call ? this.index.resolveFunction(caller.path, call.callee) : null;
          const callee = target ? this.fns.get(functionKey(target.path, target.id)) : undefined;
          if (!call || !this.isHelper(callee)) continue;
          const name = this.landing(caller, call, callee, param);
          if (name && this.addParam(callee.key, name, value)) work.push(callee.key);
        }
      }
    }
  }

  /** Helpers calling a factory parameter, or a helper made async, without await: the calls to await in each. */
  private needAsync(excluded: ReadonlyMap<string, string>): Map<string, CallSite[]> {
    const needed = new Map<string, CallSite[]>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const f of this.fns.values()) {
        if (!this.isHelper(f) || excluded.has(f.key)) continue;
        const params = this.factoryParams.get(f.key);
        const awaits = f.fn.calls.filter((c) => {
          if (c.awaited === 'yes' || c.ignored) return false;
          const target = this.index.resolveFunction(f.path, c.callee);
          if (!target) return !!params?.has(c.text);
          const key = functionKey(target.path, target.id);
          return needed.has(key) && !this.fns.get(key)?.fn.isAsync;
        });
        if (awaits.length > 0 && (needed.get(f.key)?.length ?? 0) !== awaits.length) {
          needed.set(f.key, awaits);
          changed = true;
        }
      }
    }
    return needed;
  }

  /** Helpers that cannot be converted after all, with why. */
  private validate(needed: ReadonlyMap<string, CallSite[]>, excluded: ReadonlyMap<string, string>): Map<string, string> {
    const fresh = new Map<string, string>();
    const canAwait = (site: Site): boolean => !!site.caller && (this.isConsumer(site.caller) || (needed.has(site.caller.key) && !excluded.has(site.caller.key)));
    for (const [key, params] of this.factoryParams) {
      const f = this.fns.get(key);
      if (!this.isHelper(f) || excluded.has(key)) continue;
      if (this.escaping.has(key)) {
        fresh.set(key, `\`${f.fn.qualname}\` is also passed around as a value, so not every call of it is known`);
        continue;
      }
      for (const site of this.sites.get(key) ?? []) {
        const caller = site.caller;
        const missing = [...params.keys()].find((p) => !caller || ![...(this.factoryParams.get(caller.key)?.keys() ?? [])].some((q) => this.landing(caller, site.call, f, q) === p));
        if (missing) {
          fresh.set(key, `\`${f.fn.qualname}\` is also called without a factory fixture for \`${missing}\` (${site.path}:${site.call.line})`);
          break;
        }
      }
    }
    for (const [key, awaits] of needed) {
      const f = this.fns.get(key);
      if (!f || fresh.has(key)) continue;
      const why = this.cannotConvert(f, awaits) ?? (f.fn.isAsync ? null : this.unawaitableSite(key, canAwait));
      if (why) fresh.set(key, why);
    }
    return fresh;
  }

  private cannotConvert(f: Fn, awaits: CallSite[]): string | null {
    const name = `\`${f.fn.qualname}\``;
    if (f.fn.kind !== 'function') return `${name} is a method, which is not converted by this stage`;
    if (f.fn.syncOnly) return `${name} must stay sync (${f.fn.syncOnly})`;
    if (f.fn.isGenerator && !f.fn.isAsync) return `${name} is a generator, and an async generator is iterated differently`;
    for (const c of awaits) {
      if (c.awaited === 'misplaced') return `the \`await\` before \`${c.text}(...)\` in ${name} applies to a longer expression`;
      if (c.blocked && !f.facts.unblocked.includes(c.start)) return `\`${c.text}(...)\` in ${name} runs ${c.blocked}, where it cannot be awaited`;
    }
    return null;
  }

  private unawaitableSite(key: string, canAwait: (s: Site) => boolean): string | null {
    const f = this.fns.get(key) as Fn;
    if (this.escaping.has(key)) return `\`${f.fn.qualname}\` is also passed around as a value, so not every call of it is known`;
    for (const site of this.sites.get(key) ?? []) {
      if (!canAwait(site)) return `\`${f.fn.qualname}\` is called where it cannot be awaited (${site.path}:${site.call.line}${site.caller ? `, in \`${site.caller.fn.qualname}\`` : ''})`;
      if (site.call.awaited === 'misplaced' || (site.call.blocked && !site.caller?.facts.unblocked.includes(site.call.start))) return `\`${f.fn.qualname}\` is called where it cannot be awaited (${site.path}:${site.call.line}: ${site.call.blocked ?? 'under a misplaced await'})`;
    }
    return null;
  }

  /** Every factory call left without await in a helper that is not converted is flagged, never left silent. */
  private flagExcluded(excluded: ReadonlyMap<string, string>): void {
    for (const [key, why] of excluded) {
      const f = this.fns.get(key);
      const params = this.factoryParams.get(key);
      if (!f || !params) continue;
      for (const c of f.fn.calls) {
        const value = params.get(c.text);
        if (!value || c.awaited === 'yes' || c.ignored || this.index.resolveFunction(f.path, c.callee)) continue;
        this.flags.push({
          path: f.path,
          offset: c.start,
          message: `\`${c.text}(...)\` calls a factory fixture's value, the async \`${value.qualname}\` (${value.path}), passed to the helper \`${f.fn.qualname}\`, but ${why}; the call was left without await`,
        });
      }
    }
  }
}
