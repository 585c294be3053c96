// What a module's mapped classes declare that changes how their query results must be read after the switch
// to select(): legacy Query de-duplicated every result holding an ORM entity, 2.x does only on `.unique()`.
//
// - A relationship loaded by joined eager loading by default (`relationship(..., lazy="joined")`, `lazy=False`,
//   or `backref("x", lazy="joined")`): every query of the class joins the collection in, so
//   `select(User)`'s results repeat the user per address and 2.x raises ("The unique() method must be invoked
//   on this Result, as it contains results that include joined eager loads against collections") unless
//   `.unique()` is called (checked on 1.4.46 and 2.0). No `.options(joinedload(...))` in the query says so.
// - A column of a type whose values are not hashable (JSON, ARRAY, HSTORE, PickleType): legacy Query hashed such
//   values by id() when de-duplicating rows; `Result.unique()` raises on them ("Can't apply uniqueness to row
//   tuple containing value of type JSON()", checked on 1.4.46 and 2.0).
//
// Names only (class names, attribute names): plain data, joined over the project by the entity index, and
// conservative where names collide (an extra `.unique()` on entities changes nothing; an extra flag leaves code).
import type { SgNode } from '@ast-grep/napi';
import { callArgs, dottedName, namedChildren } from './syntax';

export interface ModelFacts {
  /** Classes declaring (or receiving through a backref) a relationship loaded by joined eager loading by default. */
  joinedEager: string[];
  /** A joined-eager relationship whose class cannot be named (declared outside a class body): any class may have it. */
  joinedEagerUnplaced: boolean;
  /** Each class of the module with the last name of each base as written: subclasses inherit joined-eager relationships. */
  classes: { name: string; bases: string[] }[];
  /** Attribute names assigned a column whose type holds unhashable values (JSON, ARRAY...). */
  unhashable: string[];
}

export const NO_MODEL_FACTS: ModelFacts = { joinedEager: [], joinedEagerUnplaced: false, classes: [], unhashable: [] };

const RELATIONSHIP_CALLEES = new Set(['relationship', 'relation']);
/** `lazy=` values meaning joined eager loading (`False` is the old spelling of "joined"). */
const JOINED_LAZY = /^(["'])joined\1$|^False$/;
/** Column types whose Python values are lists or dicts (also wrapped: `MutableDict.as_mutable(JSON)`). */
const UNHASHABLE_TYPE = /\b(JSON|JSONB|ARRAY|HSTORE|PickleType|JSONType|MutableDict|MutableList)\b/;
/** Calls declaring a column; SQLModel's `Field(sa_column=Column(JSON))` / `Field(sa_type=JSON)` too. */
const COLUMN_CALLEES = new Set(['Column', 'mapped_column', 'column_property', 'deferred', 'Field']);

export function collectModelFacts(root: SgNode, source: string): ModelFacts {
  if (!source.includes('class ')) return NO_MODEL_FACTS;
  const facts: ModelFacts = { joinedEager: [], joinedEagerUnplaced: false, classes: [], unhashable: [] };
  for (const cls of root.findAll({ rule: { kind: 'class_definition' } })) {
    const name = cls.field('name')?.text();
    if (name) facts.classes.push({ name, bases: baseNames(cls) });
  }
  if (source.includes('lazy')) noteJoinedEager(root, facts);
  if (UNHASHABLE_TYPE.test(source)) noteUnhashable(root, facts);
  return facts;
}

function baseNames(cls: SgNode): string[] {
  const list = cls.field('superclasses');
  if (!list) return [];
  const out: string[] = [];
  for (const arg of namedChildren(list)) {
    if (arg.kind() === 'keyword_argument') continue;
    const expr = arg.kind() === 'subscript' ? (arg.field('value') as SgNode) : arg;
    const dotted = dottedName(expr);
    if (dotted) out.push(dotted[dotted.length - 1] as string);
  }
  return out;
}

function calleeName(call: SgNode): string | null {
  const dotted = dottedName(call.field('function') as SgNode);
  return dotted ? (dotted[dotted.length - 1] as string) : null;
}

function noteJoinedEager(root: SgNode, facts: ModelFacts): void {
  for (const kw of root.findAll({ rule: { kind: 'keyword_argument', regex: '^lazy\\s*=' } })) {
    if (!JOINED_LAZY.test(kw.field('value')?.text() ?? '')) continue;
    const call = kw.parent()?.parent();
    if (call?.kind() !== 'call') continue;
    const callee = calleeName(call);
    if (callee === 'backref') {
      // `relationship("User", backref=backref("addresses", lazy="joined"))` gives User the joined collection.
      const owner = call.parent()?.parent()?.parent();
      const target = owner?.kind() === 'call' && RELATIONSHIP_CALLEES.has(calleeName(owner) ?? '') ? callArgs(owner).positional[0] : undefined;
      const name = target ? targetName(target) : null;
      if (name) facts.joinedEager.push(name);
      else facts.joinedEagerUnplaced = true;
    } else if (callee && RELATIONSHIP_CALLEES.has(callee)) {
      const owner = enclosingClass(call);
      if (owner) facts.joinedEager.push(owner);
      else facts.joinedEagerUnplaced = true;
    }
  }
}

/** `"User"`, `"app.models.User"`, `User`, `models.User` → `User`; null for anything else (a lambda...). */
function targetName(node: SgNode): string | null {
  if (node.kind() === 'string') {
    const text = node.text().replace(/^[rbuRBU]*(["'])|(["'])$/g, '');
    const last = text.split('.').pop() ?? '';
    return /^[A-Za-z_]\w*$/.test(last) ? last : null;
  }
  const dotted = dottedName(node);
  return dotted ? (dotted[dotted.length - 1] as string) : null;
}

function enclosingClass(node: SgNode): string | null {
  for (let at = node.parent(); at; at = at.parent()) {
    if (at.kind() === 'class_definition') return at.field('name')?.text() ?? null;
  }
  return null;
}

function noteUnhashable(root: SgNode, facts: ModelFacts): void {
  for (const assignment of root.findAll({ rule: { kind: 'assignment' } })) {
    const left = assignment.field('left');
    if (left?.kind() !== 'identifier') continue;
    const right = assignment.field('right');
    const annotation = assignment.field('type');
    const column = right?.kind() === 'call' && COLUMN_CALLEES.has(calleeName(right) ?? '') ? right : null;
    if (column && UNHASHABLE_TYPE.test(column.text())) facts.unhashable.push(left.text());
    // `prefs: Mapped[dict] = mapped_column()`: the registry's type map makes it JSON.
    else if (annotation && (!right || column) && /^Mapped\[\s*(Optional\[\s*)?(dict|list|Dict|List)\b/.test(annotation.text())) facts.unhashable.push(left.text());
  }
}

/**
 * The project's (or one module's) facts joined: class names with joined-eager relationships, subclasses
 * included (by name, through bases as written), and the unhashable attribute names.
 */
export class ModelFactsView {
  private readonly eager = new Set<string>();
  private readonly unplaced: boolean;
  private readonly unhashableNames = new Set<string>();

  constructor(all: Iterable<ModelFacts>) {
    const classes: { name: string; bases: string[] }[] = [];
    let unplaced = false;
    for (const facts of all) {
      for (const name of facts.joinedEager) this.eager.add(name);
      for (const name of facts.unhashable) this.unhashableNames.add(name);
      classes.push(...facts.classes);
      unplaced ||= facts.joinedEagerUnplaced;
    }
    this.unplaced = unplaced;
    for (let grew = this.eager.size > 0; grew; ) {
      grew = false;
      for (const cls of classes) {
        if (!this.eager.has(cls.name) && cls.bases.some((b) => this.eager.has(b))) {
          this.eager.add(cls.name);
          grew = true;
        }
      }
    }
  }

  /**
   * Whether a query of the class named `name` may joined-eager-load a collection by default. `null` (a class the
   * query names only through a variable: `self.model`, an alias) is answered for any class of the project.
   */
  joinedEager(name: string | null): boolean {
    if (this.unplaced) return true;
    return name === null ? this.eager.size > 0 : this.eager.has(name);
  }

  unhashable(attr: string): boolean {
    return this.unhashableNames.has(attr);
  }
}
