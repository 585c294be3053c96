// Which names and `self.<attr>` expressions are provably bound to a mapped class (an ORM entity), beyond
// the naming convention `selection.ts` applies to `User` / `models.User`. This is what lets the generic
// repository of FastAPI's generated projects convert:
//
//     class CRUDBase(Generic[ModelType, ...]):
//         def __init__(self, model: Type[ModelType]):
//             self.model = model
//         def get(self, db: Session, id: Any):
//             return db.query(self.model).filter(self.model.id == id).first()
//
// Why a `Type[...]` annotation is proof enough (whatever X is in `Type[X]`: a model class, a TypeVar bound
// to the declarative base, or an unbound TypeVar):
// - The annotation states the value is a class object. `Query(...)` and `select(...)` accept a class only
//   when it is mapped (they inspect it for a Mapper and raise ArgumentError otherwise); a class is never
//   taken as a column expression. So wherever the original query works, it selects exactly one entity and
//   the `.scalars()` forms are right; where it does not work, the legacy and the converted query both raise.
//   The TypeVar's bound therefore changes nothing: `bound=Base` documents the intent, an unbound TypeVar
//   used as `Type[T]` still only admits classes. `Type[Any]` is refused: it is the author opting out of a
//   type, not stating one.
// - Annotations are not enforced at run time. The transform already trusts them for sessions
//   (`db: Session`); a value contradicting its annotation is a bug a type checker reports, and type checkers
//   also check that subclasses (in any module) override `model` compatibly. Everything the tool can see that
//   contradicts or bypasses the annotation makes it give up instead: any other store to the attribute
//   (unannotated, tuple, augmented, `del`, `setattr`), a same-module subclass or caller passing something
//   that is not provably a class, a base class defined in another module (it could set the attribute
//   itself) unless the whole-project index (entity-index.ts) follows it.
// - Across modules (when the engine supplies the index): every class of the hierarchy, in any module, must be
//   resolved to exactly one class of the project, and every definition of the attribute in it, in its bases
//   and in its subclasses anywhere must be provable as above. Callers of an `__init__` are checked in the
//   module defining that `__init__` only: elsewhere the `Type[...]` annotation is trusted, as for any caller
//   outside the module in the single-file proof.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import { moduleLevelImportBindings, type ImportBinding, type ModuleImports } from '../support/imports';
import type { AttrFact, BaseRef, ClassFacts } from './entity-facts';
import { collectModelFacts, ModelFactsView } from './model-facts';
import { bindingsIn, isBindingOccurrence, parametersOf, walkOwnScope, type Parameter } from './bindings';
import { callArgs, decoratorsOf, dottedName, enclosingScope, looksLikeClassName, classOfMethod, methodsOf, namedChildren, sameNode, start } from './syntax';
import type { LineOf } from '../support/input-lines';

type Doubt = { proven: false; why: string | null };
export type EntityVerdict = { proven: true } | Doubt;

const PROVEN: EntityVerdict = { proven: true };
const no = (why: string | null): Doubt => ({ proven: false, why });

const TYPE_CONSTRUCTORS = new Set(['typing.Type', 'typing_extensions.Type']);
const TYPEVAR_CONSTRUCTORS = new Set(['typing.TypeVar', 'typing_extensions.TypeVar']);
/** Bases that define no attributes a repository could use (`Generic[...]`, `Protocol`, `ABC`, `object`). */
const NEUTRAL_BASES = new Set(['typing.Generic', 'typing.Protocol', 'typing_extensions.Protocol', 'abc.ABC']);
const TARGET_WRAPPERS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression', 'list_splat_pattern']);

type Base = { kind: 'neutral' } | { kind: 'visible'; cls: SgNode } | { kind: 'foreign'; text: string };
/** Whose `__init__` a call reaches: a class, `object`'s (none), or not knowable from this module. */
type InitOwner = SgNode | 'none' | 'unknown';

/** The whole-project view (entity-index.ts) the proof consults when the engine built the index. */
export interface ProjectEntities {
  /** The verdict over the project for instances of this module's class `className`; null when the index lacks it. */
  attribute(className: string, attr: string, shown: string): EntityVerdict | null;
  /** A doubt when some class the index cannot place in a hierarchy stores `attr` unprovably and could derive from `className`. */
  unplacedStores(className: string, attr: string, shown: string): EntityVerdict | null;
  /** True when `from <module> import <name>` in this file reaches exactly one class of the project (through re-exports). */
  importedClass(module: string, name: string): boolean;
  /** True when `from <module> import <name>` in this file reaches a module-level `Table(...)` of the project (through re-exports). */
  importedTable(module: string, name: string): boolean;
  /** The model facts of every module of the project (model-facts.ts). */
  models(): ModelFactsView;
}

/** An `__init__` parameter stored into the attribute: callers passing it something else would break the proof. */
interface InitStore {
  owner: SgNode;
  init: SgNode;
  param: Parameter;
  /** Position among the arguments after `self`; null when the parameter cannot be passed positionally. */
  position: number | null;
}

export class EntityResolver {
  private readonly bindings: ImportBinding[];
  /** Module-level classes by name (only names bound once at module level: anything else is ambiguous). */
  private readonly classes = new Map<string, SgNode>();
  private readonly allClasses: SgNode[];
  private readonly attrCache = new Map<string, EntityVerdict>();
  private globals: Set<string> | null = null;

  constructor(
    private readonly root: SgRoot,
    private readonly imports: ModuleImports,
    private readonly project?: ProjectEntities,
  ) {
    this.bindings = moduleLevelImportBindings(imports);
    this.allClasses = root.root().findAll({ rule: { kind: 'class_definition' } });
    for (const cls of this.allClasses) {
      const name = cls.field('name')?.text();
      if (!name || enclosingScope(cls)?.kind() !== 'module') continue;
      if (bindingsIn(root.root(), name).length === 1 && !this.bindings.some((b) => b.local === name)) this.classes.set(name, cls);
    }
  }

  private localModels: ModelFactsView | null = null;

  /** The project's model facts; this module's alone without the project index (a single source). */
  modelFacts(): ModelFactsView {
    if (this.project) return this.project.models();
    const root = this.root.root();
    this.localModels ??= new ModelFactsView([collectModelFacts(root, root.text())]);
    return this.localModels;
  }

  /** Is `node` (a name, or `self.<attr>`) bound to a mapped class? If not, why, when there is something specific to say. */
  resolve(node: SgNode): EntityVerdict {
    if (node.kind() === 'identifier') return this.resolveName(node.text(), node);
    if (node.kind() !== 'attribute') return no(null);
    const object = node.field('object');
    const attr = node.field('attribute');
    if (object?.kind() !== 'identifier' || !attr) return no(null);
    const cls = this.instanceClass(object.text(), node);
    if (!cls) return this.reachesModule(object.text(), node) ? this.moduleMemberClass(object.text(), attr.text()) : no(null);
    const key = `${start(cls)}:${attr.text()}`;
    let verdict = this.attrCache.get(key);
    if (!verdict) {
      verdict = this.attributeVerdict(cls, attr.text(), `${object.text()}.${attr.text()}`);
      this.attrCache.set(key, verdict);
    }
    return verdict;
  }

  /** A class name by convention (`User`, `models.User`), as `selection.ts` reads `db.query(...)` arguments. */
  isClassReference(node: SgNode): boolean {
    const dotted = dottedName(node);
    if (!dotted) return false;
    const last = dotted[dotted.length - 1] as string;
    if (!looksLikeClassName(last)) return false;
    if (dotted.length === 1) return !this.importTarget(last)?.startsWith('typing');
    const head = dotted[0] as string;
    return /^[a-z_][a-z0-9_]*$/.test(head) && this.bindings.some((b) => b.local === head) && dotted.slice(0, -1).every((p) => !looksLikeClassName(p));
  }

  // ---- names ---------------------------------------------------------------------------------------------

  /**
   * A parameter annotated `Type[X]` and never rebound, or a module-level name bound only by a `class`
   * statement (here, or in the module it is imported from), found the way Python resolves the name at `at`.
   */
  private resolveName(name: string, at: SgNode): EntityVerdict {
    const direct = enclosingScope(at);
    let scope = direct;
    while (scope) {
      const kind = scope.kind();
      if (kind === 'module') return this.moduleClass(name);
      if (kind === 'class_definition') {
        // A class body's names are visible to code directly in it, not to its methods.
        if (sameNode(scope, direct) && bindingsIn(scope, name).length > 0) return no(null);
      } else if (kind === 'function_definition' || kind === 'lambda') {
        const param = parametersOf(scope).find((p) => p.name === name);
        const rebound = bindingsIn(scope, name).length > 0;
        if (param) {
          if (kind === 'lambda') return no(null);
          // `cls` of a classmethod is the class it is called on (or a subclass): what `db.query(cls)` selects in
          // working code is that mapped class, as `select(cls)` does (an active-record model's `by_email`).
          if (isClassmethodClass(scope, name)) return rebound ? no(`parameter \`${name}\` is reassigned in the function`) : PROVEN;
          if (!param.annotation) return no(`parameter \`${name}\` is not annotated \`Type[...]\``);
          if (!this.isClassType(param.annotation, scope)) return no(`parameter \`${name}\` is annotated \`${param.annotation.text()}\`, not \`Type[...]\` of a class`);
          if (rebound) return no(`parameter \`${name}\` is reassigned in the function`);
          return PROVEN;
        }
        if (rebound) return no(null);
      } else if (bindingsIn(scope, name).length > 0) {
        return no(null);
      }
      scope = enclosingScope(scope);
    }
    return no(null);
  }

  /**
   * The module-level name is bound once, by a `class` statement of this module or by an import of a class the
   * project index finds in the imported module (through re-exports). Whatever the name's case: `FAQ` is as much
   * a class as `User`, and `Query`/`select` take a class only when it is mapped (see the top of this file).
   */
  private moduleClass(name: string): EntityVerdict {
    if (this.rebindable(name)) return no(null);
    const ref = this.baseRef([name]);
    if (ref?.k === 'local') return PROVEN;
    if (ref?.k !== 'import') return no(null);
    if (!this.project) return no(`\`${name}\` is imported from \`${ref.module}\`; whether it is a class there needs the whole-project index (a project run)`);
    if (this.project.importedClass(ref.module, ref.name)) return PROVEN;
    return no(`\`${name}\` is imported from \`${ref.module}\`, where the project index finds no class \`${ref.name}\` bound once`);
  }

  /**
   * Whether `Name` or `mod.Name`, read where it resolves to this module's import, is a Core table the project
   * defines in the module it comes from (`UserTags = Table(...)` in app/models.py): what the naming
   * convention would take for a mapped class. False without the project index.
   */
  importedTable(node: SgNode): boolean {
    const dotted = dottedName(node);
    if (!this.project || !dotted || dotted.length > 2 || this.rebindable(dotted[0] as string) || !this.reachesModule(dotted[0] as string, node)) return false;
    const [head, member] = dotted as [string, string | undefined];
    if (member === undefined) {
      const ref = this.baseRef([head]);
      return ref?.k === 'import' && this.project.importedTable(ref.module, ref.name);
    }
    const module = this.memberModule(head, member);
    return module !== null && this.project.importedTable(module, member);
  }

  /** `mod.Name` with `mod` a module-level import of a module (`from app import models`, `import app.models as m`) defining class `Name`. */
  private moduleMemberClass(head: string, name: string): EntityVerdict {
    if (!this.project || this.rebindable(head)) return no(null);
    const module = this.memberModule(head, name);
    if (module === null) return no(null);
    return this.project.importedClass(module, name) ? PROVEN : no(`the project index finds no class \`${name}\` bound once in the module \`${module}\``);
  }

  /** The module `mod` names in `mod.Name`, when a module-level import binds it (`import a.b as mod`, `from a import mod`). */
  private memberModule(head: string, name: string): string | null {
    if (bindingsIn(this.root.root(), head).length !== 1) return null;
    const ref = this.baseRef([head, name]);
    const imp = this.imports.from.find((i) => (i.alias ?? i.name) === head && i.name !== '*' && enclosingScope(i.node)?.kind() === 'module');
    // `from app import models` names the module `app.models`; `from . import models` the module `.models`.
    return ref?.k === 'import' ? ref.module : imp ? (imp.module.endsWith('.') ? `${imp.module}${imp.name}` : `${imp.module}.${imp.name}`) : null;
  }

  /** Whether `name` read at `at` resolves to the module-level binding (no function or class scope on the way binds it). */
  private reachesModule(name: string, at: SgNode): boolean {
    const direct = enclosingScope(at);
    for (let scope = direct; scope; scope = enclosingScope(scope)) {
      const kind = scope.kind();
      if (kind === 'module') return true;
      if (kind === 'class_definition' && !sameNode(scope, direct)) continue;
      const params = kind === 'function_definition' || kind === 'lambda' ? parametersOf(scope) : [];
      if (params.some((p) => p.name === name) || bindingsIn(scope, name).length > 0) return false;
    }
    return false;
  }

  /** `global NAME` in a function, or a star import, can rebind a module-level name where the module's own scope does not show it. */
  private rebindable(name: string): boolean {
    return this.imports.from.some((i) => i.name === '*') || this.globalNames().has(name);
  }

  /** Every name some `global` statement of the file declares. */
  private globalNames(): Set<string> {
    this.globals ??= new Set(
      this.root
        .root()
        .findAll({ rule: { kind: 'global_statement' } })
        .flatMap((g) => namedChildren(g).map((n) => n.text())),
    );
    return this.globals;
  }

  /** `Type[X]`, `type[X]`, `typing.Type[X]` (also under `ClassVar[...]`), X a class name or a TypeVar. */
  isClassType(annotation: SgNode, site: SgNode): boolean {
    const node = unwrapType(annotation);
    if (node.kind() !== 'generic_type' && node.kind() !== 'subscript') return false;
    const { head, params } = genericParts(node);
    if (!head || params.length !== 1) return false;
    const headName = dottedName(head);
    if (!headName) return false;
    const target = this.qualified(headName);
    if (target === 'typing.ClassVar' || target === 'typing_extensions.ClassVar') return this.isClassType(params[0] as SgNode, site);
    const builtinType = headName.length === 1 && headName[0] === 'type' && !this.isBoundAtModuleLevel('type');
    if (!builtinType && !(target && TYPE_CONSTRUCTORS.has(target))) return false;
    return this.isClassOrTypeVar(unwrapType(params[0] as SgNode), site);
  }

  private isClassOrTypeVar(node: SgNode, site: SgNode): boolean {
    let dotted = dottedName(node);
    if (!dotted && node.kind() === 'string') {
      // `Type["User"]`: a forward reference.
      const content = node.children().find((c) => c.kind() === 'string_content')?.text() ?? '';
      dotted = /^[A-Za-z_][\w.]*$/.test(content) ? content.split('.') : null;
    }
    if (!dotted) return false;
    const last = dotted[dotted.length - 1] as string;
    if (dotted.length === 1 && this.isTypeVar(last, site)) return true;
    // `Any`, `Self` and the like come from typing; anything else named like a class is taken as one.
    const target = this.qualified(dotted);
    if (target && /^typing(_extensions)?\./.test(target)) return false;
    return looksLikeClassName(last) && dotted.slice(0, -1).every((p) => !looksLikeClassName(p));
  }

  /** `T = TypeVar("T", ...)` bound once at module level, or a PEP 695 parameter of an enclosing class/def. */
  private isTypeVar(name: string, site: SgNode): boolean {
    for (const a of [site, ...site.ancestors()]) {
      const params = a.kind() === 'class_definition' || a.kind() === 'function_definition' ? a.field('type_parameters') : null;
      if (params && namedChildren(params).some((p) => typeParameterName(p) === name)) return true;
    }
    const binds = bindingsIn(this.root.root(), name);
    if (binds.length !== 1 || this.bindings.some((b) => b.local === name)) return false;
    const assignment = (binds[0] as SgNode).parent();
    const right = assignment?.kind() === 'assignment' ? assignment.field('right') : null;
    if (right?.kind() !== 'call') return false;
    const callee = dottedName(right.field('function') as SgNode);
    const target = callee ? this.qualified(callee) : null;
    return !!target && TYPEVAR_CONSTRUCTORS.has(target);
  }

  // ---- self.<attr> ---------------------------------------------------------------------------------------

  /** The class whose instance `selfName` is at `at`: the first parameter of an instance method, never rebound. */
  private instanceClass(selfName: string, at: SgNode): SgNode | null {
    let scope = enclosingScope(at);
    while (scope) {
      const kind = scope.kind();
      if (kind === 'module' || kind === 'class_definition') return null;
      const params = kind === 'function_definition' || kind === 'lambda' ? parametersOf(scope) : [];
      const rebound = bindingsIn(scope, selfName).length > 0;
      const index = params.findIndex((p) => p.name === selfName);
      if (index >= 0 || rebound) {
        if (kind !== 'function_definition' || index !== 0 || rebound) return null;
        if (decoratorsOf(scope).some((d) => /^@\s*(staticmethod|classmethod)\b/.test(d.text()))) return null;
        return classOfMethod(scope);
      }
      scope = enclosingScope(scope);
    }
    return null;
  }

  private attributeVerdict(cls: SgNode, attr: string, shown: string): EntityVerdict {
    if (!this.project) return this.moduleVerdict(cls, attr, shown);
    const name = cls.field('name')?.text();
    const referable = !!name && sameNode(this.classes.get(name), cls);
    const project = referable ? this.project.attribute(name, attr, shown) : null;
    if (project) return project;
    // A class other modules cannot name (nested, or its name bound twice): only this module can derive from it,
    // short of a base the index could not resolve.
    const local = this.moduleVerdict(cls, attr, shown);
    if (!local.proven) return local;
    return this.project.unplacedStores(name ?? '', attr, shown) ?? local;
  }

  /** The single-module proof: the hierarchy must be entirely in this module. */
  private moduleVerdict(cls: SgNode, attr: string, shown: string): EntityVerdict {
    const up = this.ancestors(cls);
    const down = this.descendants(cls);
    const stores: InitStore[] = [];
    let defined = false;
    for (const k of [cls, ...up.classes, ...down]) {
      const own = this.definitionsIn(k, attr, shown, stores);
      if (!own.proven) return own;
      if (own.count > 0 && !down.some((d) => sameNode(d, k))) defined = true;
    }
    const className = cls.field('name')?.text() ?? '?';
    const foreign = [...up.foreign, ...down.flatMap((d) => this.basesOf(d).filter((b): b is Extract<Base, { kind: 'foreign' }> => b.kind === 'foreign').map((b) => b.text))];
    if (foreign.length > 0) {
      const where = `\`${foreign[0]}\`, a base class defined in another module`;
      return no(
        defined
          ? `\`${className}\`'s class hierarchy includes ${where}, which could also set \`${attr}\``
          : `\`${shown}\` is not assigned in this module: it would come from ${where}, and following it there needs a whole-project index`,
      );
    }
    if (!defined) return no(`\`${shown}\` is never assigned in \`${className}\` or its base classes`);
    for (const store of stores) {
      const problem = this.callersOf(store);
      if (problem) return problem;
    }
    return PROVEN;
  }

  /** Every definition of `attr` in class `k` (class body bindings and stores through `self` in its methods), all provable. */
  private definitionsIn(k: SgNode, attr: string, shown: string, stores: InitStore[]): { proven: true; count: number } | Doubt {
    const name = k.field('name')?.text() ?? '?';
    let count = 0;
    for (const id of bindingsIn(k, attr)) {
      count++;
      const assignment = id.parent();
      if (assignment?.kind() !== 'assignment' || !sameNode(assignment.field('left'), id)) {
        return no(`\`${attr}\` is bound in class \`${name}\` by something other than an assignment: a method, property, loop...`);
      }
      const type = assignment.field('type');
      if (type && this.isClassType(type, k)) continue;
      const right = assignment.field('right');
      if (!type && right && this.isClassReference(right)) continue;
      return no(`\`${name}.${attr}\` is ${type ? `annotated \`${type.text()}\`` : `\`${right?.text() ?? ''}\``}, not provably a mapped class`);
    }
    for (const m of methodsOf(k)) {
      const self = parametersOf(m)[0]?.name;
      if (!self) continue;
      const method = `${name}.${m.field('name')?.text() ?? '?'}`;
      for (const call of m.findAll({ rule: { kind: 'call' } })) {
        const args = callArgs(call);
        const second = args.positional[1];
        if (call.field('function')?.text() === 'setattr' && args.positional[0]?.text() === self && second?.kind() === 'string' && second.text().slice(1, -1) === attr) {
          return no(`\`setattr(${self}, ...)\` in \`${method}\` sets \`${attr}\``);
        }
      }
      for (const node of m.findAll({ rule: { kind: 'attribute' } })) {
        if (node.field('object')?.text() !== self || node.field('attribute')?.text() !== attr) continue;
        const store = storeKind(node);
        if (store === 'read') continue;
        count++;
        if (store === 'other') return no(`\`${shown}\` is rebound in \`${method}\` in a way the tool does not follow`);
        const assignment = node.parent() as SgNode;
        const type = assignment.field('type');
        if (type && this.isClassType(type, m)) continue;
        const right = assignment.field('right');
        if (!right) return no(`\`${shown}\` is declared in \`${method}\` without \`Type[...]\``);
        if (this.isClassReference(right)) continue;
        const verdict = right.kind() === 'identifier' ? this.resolveName(right.text(), right) : no(null);
        if (!verdict.proven) {
          const why = verdict.why ?? 'not provably a mapped class';
          return no(`\`${shown}\` is assigned \`${right.text()}\` in \`${method}\`: ${why}`);
        }
        const param = parametersOf(m).find((p) => p.name === right.text());
        if (param && m.field('name')?.text() === '__init__' && sameNode(enclosingScope(right), m)) {
          stores.push({ owner: k, init: m, param, position: positionOf(m, param) });
        }
      }
    }
    return { proven: true, count };
  }

  /**
   * Same-module code that runs the `__init__` storing the parameter must pass it something provably a class:
   * `CRUDItem(Item)`, `super().__init__(Item)` in a subclass, `CRUDBase.__init__(self, Item)`.
   */
  private callersOf(store: InitStore): EntityVerdict | null {
    const family = [store.owner, ...this.descendants(store.owner)];
    const ownerName = store.owner.field('name')?.text() ?? '';
    // Classes whose constructor runs `store.init` (or might: which `__init__` runs is not knowable).
    const constructors = new Map<string, SgNode>();
    for (const c of family) {
      const name = c.field('name')?.text();
      if (name && this.classes.has(name) && sameNode(this.classes.get(name), c)) constructors.set(name, c);
    }
    for (const call of this.root.root().findAll({ rule: { kind: 'call' } })) {
      const fn = call.field('function') as SgNode;
      let shift = 0;
      if (fn.kind() === 'identifier' && constructors.has(fn.text())) {
        const owner = this.initOwner(constructors.get(fn.text()) as SgNode);
        if (owner === 'unknown') return no(`cannot tell which \`__init__\` \`${fn.text()}(...)\` runs`);
        if (owner === 'none' || !sameNode(owner, store.owner)) continue;
      } else if (fn.kind() === 'attribute' && fn.field('attribute')?.text() === '__init__') {
        const object = fn.field('object') as SgNode;
        if (object.kind() === 'call' && object.field('function')?.text() === 'super') {
          const cls = enclosingClass(call);
          if (!cls || !family.slice(1).some((d) => sameNode(d, cls))) continue;
          const next = this.nextInit(cls);
          if (next === 'unknown') return no(`cannot tell which \`__init__\` \`super().__init__(...)\` in \`${cls.field('name')?.text() ?? '?'}\` calls`);
          if (next === 'none' || !sameNode(next, store.owner)) continue;
        } else if (object.kind() === 'identifier' && object.text() === ownerName && constructors.has(ownerName)) {
          shift = 1;
        } else continue;
      } else continue;
      const problem = this.argumentProblem(call, store, shift);
      if (problem) return problem;
    }
    return null;
  }

  private argumentProblem(call: SgNode, store: InitStore, shift: number): EntityVerdict | null {
    const args = callArgs(call);
    const shown = call.text().replace(/\s+/g, ' ').slice(0, 60);
    if (args.splat || args.generator) return no(`\`${shown}\` unpacks its arguments, so what it passes as \`${store.param.name}\` is unknown`);
    const arg = (store.position !== null ? args.positional[store.position + shift] : undefined) ?? args.keywords.get(store.param.name);
    // Not passed: the default applies (annotated like the rest), or the call raises TypeError either way.
    if (!arg) return null;
    if (this.isClassReference(arg)) return null;
    if (arg.kind() === 'identifier' && this.resolveName(arg.text(), arg).proven) return null;
    return no(`\`${shown}\` passes \`${arg.text()}\` as \`${store.param.name}\`, which is not provably a mapped class`);
  }

  // ---- facts for the project index ----------------------------------------------------------------------

  /** What the project index needs about every class of the module (see entity-facts.ts). */
  classFacts(lineOf: LineOf): ClassFacts[] {
    return this.allClasses.map((k) => {
      const name = k.field('name')?.text() ?? null;
      const referable = name !== null && sameNode(this.classes.get(name), k);
      const attrs = new Map<string, AttrFact>();
      for (const attr of definedNames(k)) {
        const stores: InitStore[] = [];
        const own = this.definitionsIn(k, attr, `self.${attr}`, stores);
        let fact: AttrFact = own.proven ? { proven: true, count: own.count } : own;
        for (const store of own.proven ? stores : []) {
          const problem = this.callersOf(store);
          if (problem && !problem.proven) {
            fact = problem;
            break;
          }
        }
        if (!fact.proven || fact.count > 0) attrs.set(attr, fact);
      }
      return { name: referable ? name : null, line: lineOf(k), bases: this.baseRefs(k), attrs };
    });
  }

  /** The bases of `k` as far as this module resolves them; a nested class's are all unknown (local names may shadow). */
  private baseRefs(k: SgNode): BaseRef[] {
    const list = k.field('superclasses');
    if (!list) return [];
    const moduleLevel = enclosingScope(k)?.kind() === 'module';
    const out: BaseRef[] = [];
    for (const arg of namedChildren(list)) {
      if (arg.kind() === 'keyword_argument') continue;
      const expr = arg.kind() === 'subscript' ? (arg.field('value') as SgNode) : arg;
      const dotted = dottedName(expr);
      const unknown: BaseRef = { k: 'unknown', text: expr.text(), names: dotted ? [dotted[dotted.length - 1] as string] : null };
      if (!dotted || !moduleLevel) {
        out.push(unknown);
        continue;
      }
      out.push(this.baseRef(dotted) ?? unknown);
    }
    return out;
  }

  private baseRef(dotted: string[]): BaseRef | null {
    const head = dotted[0] as string;
    if (dotted.length === 1 && head === 'object' && !this.isBoundAtModuleLevel('object')) return { k: 'neutral' };
    const target = this.qualified(dotted);
    if (target && NEUTRAL_BASES.has(target)) return { k: 'neutral' };
    if (dotted.length === 1 && this.classes.has(head)) return { k: 'local', name: head };
    if (bindingsIn(this.root.root(), head).length !== 1) return null;
    const name = dotted[dotted.length - 1] as string;
    if (dotted.length === 1) {
      const imp = this.imports.from.find((i) => (i.alias ?? i.name) === head && i.name !== '*' && enclosingScope(i.node)?.kind() === 'module');
      return imp ? { k: 'import', module: imp.module, name: imp.name } : null;
    }
    // `import a.b` binds `a`, so `a.b.Name` is `Name` of module `a.b`; `import a.b as m` makes `m.Name` that too.
    const written = dotted.slice(0, -1).join('.');
    for (const imp of this.imports.plain) {
      if (enclosingScope(imp.node)?.kind() !== 'module') continue;
      if (imp.alias === head) return { k: 'import', module: [imp.module, ...dotted.slice(1, -1)].join('.'), name };
      if (!imp.alias && (imp.module === written || imp.module.startsWith(`${written}.`))) return { k: 'import', module: written, name };
    }
    return null;
  }

  /** Module-level names bound only by assignments of a `Table(...)` call (EntitySummary.tables). */
  moduleTables(): string[] {
    const root = this.root.root();
    const names = new Set<string>();
    for (const stmt of root.children()) {
      const assignment = stmt.kind() === 'expression_statement' ? namedChildren(stmt)[0] : null;
      const left = assignment?.kind() === 'assignment' ? assignment.field('left') : null;
      if (left?.kind() === 'identifier' && isTableCall(assignment?.field('right') ?? null)) names.add(left.text());
    }
    return [...names].filter((name) =>
      bindingsIn(root, name).every((id) => {
        const parent = id.parent();
        return parent?.kind() === 'assignment' && sameNode(parent.field('left'), id) && isTableCall(parent.field('right'));
      }),
    );
  }

  /** Module-level `from m import n [as local]` whose local name is bound only there. */
  reexports(): Map<string, { module: string; name: string }> {
    const out = new Map<string, { module: string; name: string }>();
    for (const imp of this.imports.from) {
      const local = imp.alias ?? imp.name;
      if (imp.name === '*' || enclosingScope(imp.node)?.kind() !== 'module') continue;
      if (bindingsIn(this.root.root(), local).length === 1) out.set(local, { module: imp.module, name: imp.name });
    }
    return out;
  }

  // ---- class hierarchy within the module ----------------------------------------------------------------

  private basesOf(cls: SgNode): Base[] {
    const list = cls.field('superclasses');
    if (!list) return [];
    const out: Base[] = [];
    for (const arg of namedChildren(list)) {
      if (arg.kind() === 'keyword_argument') continue;
      const expr = arg.kind() === 'subscript' ? (arg.field('value') as SgNode) : arg;
      const dotted = dottedName(expr);
      if (!dotted) {
        out.push({ kind: 'foreign', text: arg.text() });
        continue;
      }
      if (dotted.length === 1 && dotted[0] === 'object' && !this.isBoundAtModuleLevel('object')) {
        out.push({ kind: 'neutral' });
        continue;
      }
      const target = this.qualified(dotted);
      if (target && NEUTRAL_BASES.has(target)) out.push({ kind: 'neutral' });
      else if (dotted.length === 1 && this.classes.has(dotted[0] as string)) out.push({ kind: 'visible', cls: this.classes.get(dotted[0] as string) as SgNode });
      else out.push({ kind: 'foreign', text: expr.text() });
    }
    return out;
  }

  private ancestors(cls: SgNode): { classes: SgNode[]; foreign: string[] } {
    const classes: SgNode[] = [];
    const foreign: string[] = [];
    const queue = [cls];
    while (queue.length > 0) {
      const k = queue.shift() as SgNode;
      for (const base of this.basesOf(k)) {
        if (base.kind === 'foreign') foreign.push(base.text);
        else if (base.kind === 'visible' && !sameNode(base.cls, cls) && !classes.some((c) => sameNode(c, base.cls))) {
          classes.push(base.cls);
          queue.push(base.cls);
        }
      }
    }
    return { classes, foreign };
  }

  /** Classes anywhere in the module deriving from `cls`, directly or not: `self` may be one of them. */
  private descendants(cls: SgNode): SgNode[] {
    const family = [cls];
    let grew = true;
    while (grew) {
      grew = false;
      for (const k of this.allClasses) {
        if (family.some((f) => sameNode(f, k))) continue;
        if (this.basesOf(k).some((b) => b.kind === 'visible' && family.some((f) => sameNode(f, b.cls)))) {
          family.push(k);
          grew = true;
        }
      }
    }
    return family.slice(1);
  }

  /** The class whose `__init__` runs when `cls(...)` is called. */
  private initOwner(cls: SgNode): InitOwner {
    if (methodsOf(cls).some((m) => m.field('name')?.text() === '__init__')) return cls;
    return this.nextInit(cls);
  }

  /** The class whose `__init__` `super().__init__()` reaches from `cls` (single inheritance only). */
  private nextInit(cls: SgNode): InitOwner {
    const bases = this.basesOf(cls).filter((b) => b.kind !== 'neutral');
    if (bases.length === 0) return 'none';
    const only = bases[0] as Base;
    if (bases.length > 1 || only.kind !== 'visible') return 'unknown';
    return this.initOwner(only.cls);
  }

  // ---- names bound by imports ---------------------------------------------------------------------------

  /** `Type` → `typing.Type` through this module's imports; null when the head is not imported. */
  private qualified(dotted: string[]): string | null {
    const target = this.importTarget(dotted[0] as string);
    return target ? [target, ...dotted.slice(1)].join('.') : null;
  }

  private importTarget(name: string): string | null {
    return this.bindings.find((b) => b.local === name)?.target ?? null;
  }

  private isBoundAtModuleLevel(name: string): boolean {
    return bindingsIn(this.root.root(), name).length > 0 || this.bindings.some((b) => b.local === name);
  }
}

function unwrapType(node: SgNode): SgNode {
  let cur = node;
  while (cur.kind() === 'type' || cur.kind() === 'parenthesized_expression') {
    const inner = namedChildren(cur)[0];
    if (!inner) break;
    cur = inner;
  }
  return cur;
}

/** `Head[A, B]` as written in an annotation (`generic_type`) or an expression (`subscript`). */
function genericParts(node: SgNode): { head: SgNode | null; params: SgNode[] } {
  if (node.kind() === 'generic_type') {
    const [head, list] = namedChildren(node);
    return { head: head ?? null, params: list ? namedChildren(list) : [] };
  }
  const head = node.field('value');
  const params = namedChildren(node).filter((c) => !sameNode(c, head));
  return { head, params };
}

function typeParameterName(param: SgNode): string | null {
  const inner = unwrapType(param);
  if (inner.kind() === 'identifier') return inner.text();
  const first = namedChildren(inner)[0];
  return first ? unwrapType(first).text() : null;
}

/** How an occurrence of `self.attr` is used: read, a plain `self.attr = value` store, or another kind of store. */
export function storeKind(node: SgNode): 'read' | 'assign' | 'other' {
  const parent = node.parent();
  if (!parent) return 'read';
  if (parent.kind() === 'assignment' && sameNode(parent.field('left'), node)) return 'assign';
  if (parent.kind() === 'augmented_assignment' && sameNode(parent.field('left'), node)) return 'other';
  if (parent.kind() === 'delete_statement' || parent.kind() === 'as_pattern_target') return 'other';
  // `self.a, self.model = ...`, `for self.model in ...`, `del (self.model)`.
  let child = node;
  let cur: SgNode | null = parent;
  while (cur && TARGET_WRAPPERS.has(String(cur.kind()))) {
    child = cur;
    cur = cur.parent();
  }
  if (!cur || sameNode(cur, parent)) return 'read';
  const kind = cur.kind();
  if ((kind === 'assignment' || kind === 'for_statement' || kind === 'for_in_clause') && sameNode(cur.field('left'), child)) return 'other';
  if (kind === 'delete_statement' || kind === 'as_pattern_target') return 'other';
  return 'read';
}

/** Names `k` may define: bound in its body, stored through `self` in a method, or `setattr(self, "name", ...)`. */
function definedNames(k: SgNode): Set<string> {
  const names = new Set<string>();
  walkOwnScope(k, (node) => {
    if (node.kind() === 'identifier' && isBindingOccurrence(node)) names.add(node.text());
  });
  for (const m of methodsOf(k)) {
    const self = parametersOf(m)[0]?.name;
    if (!self) continue;
    for (const node of m.findAll({ rule: { kind: 'attribute' } })) {
      const attr = node.field('attribute');
      if (attr && node.field('object')?.text() === self && storeKind(node) !== 'read') names.add(attr.text());
    }
    for (const call of m.findAll({ rule: { kind: 'call' } })) {
      const args = callArgs(call);
      const second = args.positional[1];
      if (call.field('function')?.text() === 'setattr' && args.positional[0]?.text() === self && second?.kind() === 'string') names.add(second.text().slice(1, -1));
    }
  }
  return names;
}

/** Index among the arguments after `self` by which `param` can be passed positionally, or null. */
function positionOf(fn: SgNode, param: Parameter): number | null {
  const list = fn.field('parameters');
  if (!list) return null;
  let index = -1;
  for (const p of namedChildren(list)) {
    const kind = p.kind();
    if (kind === 'keyword_separator' || kind === 'list_splat_pattern' || kind === 'dictionary_splat_pattern') return null;
    if (kind === 'positional_separator') continue;
    if (sameNode(p, param.node)) return index;
    index++;
  }
  return null;
}


function enclosingClass(node: SgNode): SgNode | null {
  for (const a of node.ancestors()) {
    if (a.kind() === 'function_definition') {
      const cls = classOfMethod(a);
      if (cls) return cls;
    }
    if (a.kind() === 'class_definition') return null;
  }
  return null;
}

/** `Table(...)`, `sa.Table(...)`: a Core table, whose rows are its columns (not a mapped class). */
export function isTableCall(node: SgNode | null): boolean {
  const callee = node?.kind() === 'call' ? dottedName(node.field('function') as SgNode) : null;
  return !!callee && callee[callee.length - 1] === 'Table';
}

/** `name` is the first parameter of `fn`, a method decorated `@classmethod` directly in a class body. */
function isClassmethodClass(fn: SgNode, name: string): boolean {
  if (fn.kind() !== 'function_definition' || parametersOf(fn)[0]?.name !== name || classOfMethod(fn) === null) return false;
  return decoratorsOf(fn).some((d) => /^@\s*classmethod\s*$/.test(d.text()));
}
