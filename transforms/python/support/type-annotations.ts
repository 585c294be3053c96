// Where a name sits inside a type annotation: which annotation it belongs to (parameter, return, variable,
// alias) and whether it is the annotated type itself or only part of it (`Optional[X]` and `X | None` still
// describe an X; `list[X]` and `Callable[[X], Y]` do not).
import type { SgNode } from '@ast-grep/napi';
import { parsePython } from './language';

const kindOf = (node: SgNode): string => String(node.kind());
const same = (a: SgNode | null | undefined, b: SgNode | null | undefined): boolean => !!a && !!b && a.id() === b.id();

/** Wrappers that keep the wrapped type the value's type. */
const TRANSPARENT_GENERICS = new Set(['Optional', 'Union']);

export interface TypePosition {
  /** The outermost node of the type expression reached from the start node. */
  top: SgNode;
  /** Every wrapper between the start node and `top` is `Optional`/`Union`/`|`/`Annotated`'s first argument. */
  direct: boolean;
  /** An `Annotated[...]` was crossed through its first argument. */
  throughAnnotated: boolean;
  /** The start node is in `Annotated[...]` metadata (a value, not a type). */
  inMetadata: boolean;
  /** At least one subscript or `|` was crossed. */
  wrapped: boolean;
  /** Inside `Literal[...]`: values, so a string there is not a forward reference. */
  inLiteral: boolean;
}

/** Climbs from a name through the type expression that contains it. */
export function climbTypeExpression(start: SgNode): TypePosition {
  let current = start;
  let direct = true;
  let throughAnnotated = false;
  let inMetadata = false;
  let wrapped = false;
  let inLiteral = false;
  for (;;) {
    const parent = current.parent();
    if (!parent) break;
    const kind = kindOf(parent);
    if (kind === 'type') {
      current = parent;
      continue;
    }
    if (kind === 'binary_operator' && parent.children().some((c) => kindOf(c) === '|')) {
      current = parent;
      wrapped = true;
      continue;
    }
    const generic = kind === 'type_parameter' ? parent.parent() : kind === 'subscript' ? parent : null;
    if (generic && (kindOf(generic) === 'generic_type' || kindOf(generic) === 'subscript')) {
      if (kind === 'subscript' && same(parent.field('value'), current)) break;
      const args =
        kind === 'type_parameter' ? parent.children().filter((c) => kindOf(c) === 'type') : parent.fieldChildren('subscript');
      const index = args.findIndex((a) => same(a, current));
      const head = genericHead(generic);
      if (head === 'Annotated') {
        if (index === 0) throughAnnotated = true;
        else {
          direct = false;
          inMetadata = true;
        }
      } else if (!TRANSPARENT_GENERICS.has(head ?? '')) {
        direct = false;
        if (head === 'Literal') inLiteral = true;
      }
      wrapped = true;
      current = generic;
      continue;
    }
    if ((kind === 'list' || kind === 'tuple') && isTypeArgument(parent)) {
      // `Callable[[X], Y]`, `Tuple[(X, Y)]`
      direct = false;
      current = parent;
      continue;
    }
    break;
  }
  return { top: current, direct, throughAnnotated, inMetadata, wrapped, inLiteral };
}

export type AnnotationRole =
  | { kind: 'parameter'; function: SgNode }
  | { kind: 'return'; function: SgNode }
  /** `x: T` / `x: T = v` (in a function, a class body or at module level). */
  | { kind: 'variable'; statement: SgNode }
  /** `X = <expr>` where the expression is the whole right-hand side. */
  | { kind: 'assigned'; statement: SgNode }
  /** `type X = T` */
  | { kind: 'type-alias'; statement: SgNode }
  | { kind: 'none' };

/** What the outermost node of a type expression is the annotation of. */
export function annotationRole(top: SgNode): AnnotationRole {
  const parent = top.parent();
  if (!parent) return { kind: 'none' };
  switch (kindOf(parent)) {
    case 'typed_parameter':
    case 'typed_default_parameter': {
      if (!same(parent.field('type'), top)) return { kind: 'none' };
      const fn = parent.parent()?.parent();
      return fn && kindOf(fn) === 'function_definition' ? { kind: 'parameter', function: fn } : { kind: 'none' };
    }
    case 'function_definition':
      return same(parent.field('return_type'), top) ? { kind: 'return', function: parent } : { kind: 'none' };
    case 'assignment':
      if (same(parent.field('type'), top)) return { kind: 'variable', statement: parent };
      if (same(parent.field('right'), top)) return { kind: 'assigned', statement: parent };
      return { kind: 'none' };
    case 'type_alias_statement':
      return same(parent.field('right'), top) ? { kind: 'type-alias', statement: parent } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/** `Optional` for `Optional[...]`, `typing.Optional[...]` and `t.Optional[...]`. */
export function genericHead(generic: SgNode): string | null {
  const head = kindOf(generic) === 'generic_type' ? generic.children().find((c) => kindOf(c) === 'identifier') : generic.field('value');
  if (!head) return null;
  if (kindOf(head) === 'identifier') return head.text();
  if (kindOf(head) === 'attribute') return head.field('attribute')?.text() ?? null;
  return null;
}

function isTypeArgument(node: SgNode): boolean {
  const parent = node.parent();
  if (!parent) return false;
  const kind = kindOf(parent);
  return kind === 'type' || (kind === 'subscript' && !same(parent.field('value'), node));
}

export interface StringAnnotation {
  /** The parsed expression written inside the quotes. */
  expression: SgNode;
  /** Offset of the first character inside the quotes: add it to offsets in `expression`. */
  contentStart: number;
}

/**
 * Parses a forward-reference string (`"Session"`, `'Optional[Session]'`). Only plain literals without escapes,
 * interpolation or byte/format prefixes qualify: their text is exactly the expression that typing evaluates.
 */
export function parseStringAnnotation(node: SgNode): StringAnnotation | null {
  if (kindOf(node) !== 'string') return null;
  const children = node.children();
  const start = children[0];
  const content = children.length === 3 ? children[1] : null;
  if (!start || !content || kindOf(content) !== 'string_content') return null;
  if (!/^[rRuU]?("|'|"""|''')$/.test(start.text())) return null;
  if (content.children().length > 0) return null; // escape sequences
  const text = content.text();
  const tree = parsePython(text.trim() === text ? text : `(${text})`);
  const statements = tree.root().children().filter((c) => c.isNamed());
  const statement = statements[0];
  if (statements.length !== 1 || !statement || kindOf(statement) !== 'expression_statement') return null;
  if (tree.root().find({ rule: { kind: 'ERROR' } })) return null;
  const expression = statement.children().find((c) => c.isNamed());
  if (!expression || statement.children().length !== 1) return null;
  if (text.trim() !== text) {
    // Parenthesised to allow the surrounding whitespace typing tolerates; offsets shift by the `(`.
    const inner = expression.children().find((c) => c.isNamed());
    if (!inner) return null;
    return { expression: inner, contentStart: content.range().start.index - 1 };
  }
  return { expression, contentStart: content.range().start.index };
}

/** The type an optional annotation wraps (`Optional[T]`, `typing.Optional[T]`, `T | None`, `Union[T, None]`), else the annotation itself. */
export function optionalInner(annotation: SgNode): SgNode {
  if (annotation.kind() === 'binary_operator' && annotation.children().some((c) => c.text() === '|')) {
    const left = annotation.field('left');
    const right = annotation.field('right');
    if (right?.text() === 'None' && left) return left;
    if (left?.text() === 'None' && right) return right;
  }
  if (annotation.kind() === 'generic_type' || annotation.kind() === 'subscript') {
    const head = annotation.kind() === 'subscript' ? annotation.field('value') : annotation.child(0);
    const args = annotation.kind() === 'subscript' ? annotation.fieldChildren('subscript') : namedChildrenOf(annotation.child(1) ?? annotation).map((a) => a.child(0) ?? a);
    const name = head?.text().replace(/^typing\./, '');
    const types = args.filter((a) => a.text() !== 'None');
    if ((name === 'Optional' && args.length === 1) || (name === 'Union' && types.length === 1 && args.length === 2)) return types[0] as SgNode;
  }
  return annotation;
}

const namedChildrenOf = (node: SgNode): SgNode[] => node.children().filter((c) => c.isNamed() && kindOf(c) !== 'comment');
