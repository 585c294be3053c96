// What a model's `@property` reads of `self`, as plain data for the model index. A property runs whenever it is
// read, pydantic's `from_attributes` serialisation included: one that walks a relationship (`self.tasks`) loads
// it lazily, which an AsyncSession cannot do. The reads are recorded as attribute chains from `self`, through
// locals and loop variables bound to such chains; what cannot be followed that way is recorded too, so the
// index can flag the property instead of guessing that it reads nothing.
import type { SgNode } from '@ast-grep/napi';
import { isBindingOccurrence, isVariableOccurrence, parametersOf } from '../query/bindings';
import { decoratorsOf, dottedName, namedChildren, sameNode } from '../query/syntax';

export interface PropertyRec {
  name: string;
  /** Attribute chains read from `self`, an item of a collection standing for the collection: `[t.id for t in self.tasks]` → `tasks.id`. */
  reads: string[][];
  /** The chain every `return` returns (`return self.project.owner`), null when it is anything else. */
  returns: string[] | null;
  /** Attribute names read on objects not known to come from `self` (a lambda's parameter, a tuple unpacked from a loop). */
  foreign: string[];
  /** Why what it reads cannot be followed (`self` handed to a call, a method of `self` called); null when it can. */
  opaque: string | null;
}

/** Builtins that look at an object without reading its attributes. */
const INSPECTORS = new Set(['type', 'id', 'isinstance']);

/** Getter decorators: the function runs on every read of the attribute. */
const GETTERS = new Set(['property', 'cached_property', 'hybrid_property']);

/**
 * A plain method `def name(self, ...)` of a class body (no decorator, not async, not a dunder), summarized like a
 * property: what a call of it reads of `self` (`def to_dict(self): return {..., "items": [i.title for i in
 * self.items]}`). Null for anything else.
 */
export function summarizeMethod(def: SgNode): PropertyRec | null {
  const name = def.field('name')?.text();
  const self = parametersOf(def)[0]?.name;
  const body = def.field('body');
  if (!name || !self || !body || /^__.*__$/.test(name) || def.children().some((c) => c.text() === 'async')) return null;
  if (def.parent()?.kind() === 'decorated_definition') return null;
  return new PropertyReader(self, body).summary(name);
}

/**
 * What a plain function reads of its parameter `param` (a helper handed a model object: `def describe(a): return
 * ", ".join(b.title for b in a.books)`), summarized like a property's reads of `self`. Null for an async function.
 */
export function summarizeParameterReads(def: SgNode, param: string): PropertyRec | null {
  const body = def.field('body');
  if (!body || def.children().some((c) => c.text() === 'async')) return null;
  return new PropertyReader(param, body).summary(def.field('name')?.text() ?? '?');
}

/** `@property def name(self)` (and the other getters) of a class body, summarized; null for anything else. */
export function summarizeProperty(def: SgNode): PropertyRec | null {
  const getter = decoratorsOf(def).some((d) => {
    const expr = namedChildren(d)[0];
    const name = expr ? dottedName(expr) : null;
    return !!name && GETTERS.has(name[name.length - 1] ?? '');
  });
  const name = def.field('name')?.text();
  const self = parametersOf(def)[0]?.name;
  const body = def.field('body');
  if (!getter || !name || !self || !body) return null;
  return new PropertyReader(self, body).summary(name);
}

class PropertyReader {
  /** Locals and loop variables bound to a chain from `self`; null when one is also bound to something else. */
  private readonly aliases = new Map<string, string[] | null>();
  private readonly reads: string[][] = [];
  private readonly foreign = new Set<string>();
  private opaque: string | null = null;

  constructor(
    private readonly self: string,
    private readonly body: SgNode,
  ) {}

  summary(name: string): PropertyRec {
    this.bindAliases();
    for (const node of this.body.findAll({ rule: { any: [{ kind: 'attribute' }, { kind: 'identifier' }] } })) this.visit(node);
    return { name, reads: this.reads, returns: this.returned(), foreign: [...this.foreign], opaque: this.opaque };
  }

  /** Bindings first (a comprehension's body comes before its `for`), until no new alias appears. */
  private bindAliases(): void {
    const targets = this.body.findAll({ rule: { kind: 'identifier' } }).filter((id) => id.text() !== this.self && isBindingOccurrence(id));
    for (let round = 0; round < 4; round++) {
      let changed = false;
      for (const id of targets) {
        const chain = this.boundChain(id);
        const prior = this.aliases.get(id.text());
        const next = prior === undefined ? chain : prior !== null && chain !== null && prior.join('.') === chain.join('.') ? prior : null;
        if (prior === undefined || (prior !== null && next === null)) {
          this.aliases.set(id.text(), next);
          changed = true;
        }
      }
      if (!changed) return;
    }
  }

  /** The chain a binding occurrence binds its name to: `x = self.a`, `for x in self.a`, `[... for x in self.a]`. */
  private boundChain(id: SgNode): string[] | null {
    const parent = id.parent();
    if (!parent) return null;
    const kind = parent.kind();
    if ((kind === 'assignment' || kind === 'for_statement' || kind === 'for_in_clause') && sameNode(parent.field('left'), id)) {
      const right = parent.field('right');
      return right ? this.chainOf(right) : null;
    }
    return null;
  }

  /** The chain an expression is: `self` → [], `self.a.b` → [a, b], an alias and attributes of it; null otherwise. */
  private chainOf(node: SgNode): string[] | null {
    if (node.kind() === 'identifier') return node.text() === this.self ? [] : (this.aliases.get(node.text()) ?? null);
    if (node.kind() === 'parenthesized_expression') {
      const inner = namedChildren(node)[0];
      return inner ? this.chainOf(inner) : null;
    }
    if (node.kind() !== 'attribute') return null;
    const object = node.field('object');
    const chain = object ? this.chainOf(object) : null;
    return chain ? [...chain, node.field('attribute')?.text() ?? ''] : null;
  }

  private visit(node: SgNode): void {
    const parent = node.parent();
    if (node.kind() === 'identifier') {
      // `self` other than as the object of an attribute: handed to something that may read anything of it.
      if (node.text() === this.self && isVariableOccurrence(node) && !(parent?.kind() === 'attribute' && sameNode(parent.field('object'), node)) && !this.harmless(node)) {
        this.opaque ??= `hands \`${this.self}\` to \`${(parent ?? node).text()}\``;
      }
      // `super().x`: the base class's attribute, maybe a property reading relationships.
      if (node.text() === 'super' && parent?.kind() === 'call' && sameNode(parent.field('function'), node)) this.opaque ??= `reads through \`super()\``;
      return;
    }
    const chain = this.chainOf(node);
    if (!chain) {
      this.foreign.add(node.field('attribute')?.text() ?? '');
      return;
    }
    // Only the longest chain of an expression counts: `self.a.b` reads `a.b`, which covers `self.a`.
    if (parent?.kind() === 'attribute' && sameNode(parent.field('object'), node)) return;
    const called = parent?.kind() === 'call' && sameNode(parent.field('function'), node);
    if (!called) {
      this.reads.push(chain);
      return;
    }
    // `self.method()`: a method of the model, which may read anything of it.
    if (chain.length === 1) this.opaque ??= `calls \`${node.text()}()\``;
    // `self.tasks.count()`: a method of the value the chain holds.
    else this.reads.push(chain.slice(0, -1));
  }

  /** `self` given to a builtin that reads no attribute of it: `type(self)`, `id(self)`, `isinstance(self, X)`. */
  private harmless(self: SgNode): boolean {
    const call = self.parent()?.parent();
    const callee = call?.kind() === 'call' ? call.field('function') : null;
    return self.parent()?.kind() === 'argument_list' && callee?.kind() === 'identifier' && INSPECTORS.has(callee.text());
  }

  private returned(): string[] | null {
    const returns = this.body.findAll({ rule: { kind: 'return_statement' } });
    const chains = returns.map((r) => {
      const value = namedChildren(r)[0];
      return value ? this.chainOf(value) : null;
    });
    const first = chains[0];
    if (!first || first.length === 0 || chains.some((c) => c?.join('.') !== first.join('.'))) return null;
    return first;
  }
}
