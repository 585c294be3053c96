// A `str` value bound against an integer column. psycopg2 interpolates parameters into the SQL text, untyped,
// and PostgreSQL casts `'1'` to the column's type; asyncpg sends typed parameters, so after the switch
// `User.id == user_id` with `user_id: str` fails with `operator does not exist: integer = character varying`, and
// `await db.get(User, user_id)` with a DataError (probed on PostgreSQL 15, asyncpg 0.27/0.32, SQLAlchemy
// 1.4.46/2.0.58; aiosqlite accepts it). Only what is visible in one function is reported: a parameter annotated
// `str` (or a route's unannotated parameter, which FastAPI hands over as a string) compared with an integer column
// of a project model. Nothing is rewritten: whether to cast, validate or change the annotation is the author's call.
import type { SgNode } from '@ast-grep/napi';
import { callArgs, dottedName, enclosingFunction, namedChildren } from '../query/syntax';
import type { ModelIndex, ModelInfo } from './model-index';
import { isRoute } from './routes';
import { parseTypeText } from './summary';

export interface StringIntegerSite {
  site: SgNode;
  message: string;
  key: string;
}

type Kind = 'str' | 'str-list';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** The comparisons of `fn`'s own body binding one of its `str` parameters against an integer column. */
export function stringIntegerSites(fn: SgNode, path: string, index: ModelIndex): StringIntegerSite[] {
  const params = stringParameters(fn);
  const schemaParams = schemaParameters(fn, path, index);
  if (params.size === 0 && schemaParams.size === 0) return [];
  const own = (node: SgNode): boolean => enclosingFunction(node)?.id() === fn.id();
  const out: StringIntegerSite[] = [];
  const report = (site: SgNode, param: string, kind: Kind, model: ModelInfo, column: string, how: string): void => {
    const what = kind === 'str' ? `\`${param}\` (a str)` : `\`${param}\` (a list of str)`;
    out.push({
      site,
      key: `${model.name}.${column}:${param}`,
      message: `${how} binds ${what} against the integer column \`${model.name}.${column}\`: psycopg2 let PostgreSQL cast the string, asyncpg sends it typed and the query fails (\`operator does not exist: integer = character varying\`, or a DataError); nothing was changed`,
    });
  };
  const paramOf = (node: SgNode | undefined, want: Kind): string | null => {
    if (node?.kind() === 'identifier') return params.get(node.text()) === want ? node.text() : null;
    // `token.id` of a parameter `token: TokenData` whose field is `id: Optional[str]`.
    if (node?.kind() !== 'attribute' || want !== 'str') return null;
    const object = node.field('object');
    const fields = object?.kind() === 'identifier' ? schemaParams.get(object.text()) : undefined;
    return fields?.has(node.field('attribute')?.text() ?? '') ? node.text() : null;
  };
  const columnOf = (node: SgNode | null | undefined): { model: ModelInfo; column: string; pk: boolean } | null => {
    if (node?.kind() !== 'attribute') return null;
    const column = node.field('attribute')?.text() ?? '';
    const owner = dottedName(node.field('object') as SgNode);
    const model = owner ? index.resolveModel(path, owner) : null;
    const info = model?.intColumns.get(column);
    return model && info ? { model, column, pk: info.pk } : null;
  };

  for (const cmp of fn.findAll({ rule: { kind: 'comparison_operator' } })) {
    if (!own(cmp)) continue;
    const operands = namedChildren(cmp).filter((c) => c.kind() !== 'comment');
    const operator = cmp.children().find((c) => !c.isNamed())?.text() ?? '';
    if (operands.length !== 2 || !COMPARISONS.has(operator)) continue;
    const [a, b] = operands as [SgNode, SgNode];
    for (const [col, value] of [[a, b], [b, a]] as const) {
      const column = columnOf(col);
      const param = column ? paramOf(value, 'str') : null;
      if (column && param) report(cmp, param, 'str', column.model, column.column, `\`${cmp.text()}\``);
    }
  }
  for (const call of fn.findAll({ rule: { kind: 'call' } })) {
    if (!own(call)) continue;
    const callee = call.field('function');
    if (callee?.kind() !== 'attribute') continue;
    const method = callee.field('attribute')?.text();
    const args = callArgs(call);
    if (method === 'in_' && args.positional.length === 1) {
      const column = columnOf(callee.field('object'));
      if (!column) continue;
      const arg = args.positional[0] as SgNode;
      const direct = paramOf(arg, 'str-list');
      const listed = arg.kind() === 'list' || arg.kind() === 'tuple' ? namedChildren(arg).map((e) => paramOf(e, 'str')).find((p) => p !== null) : null;
      const param = direct ?? listed ?? null;
      if (param) report(call, param, direct ? 'str-list' : 'str', column.model, column.column, `\`${call.text()}\``);
    } else if (method === 'get' && args.positional.length === 2) {
      // `await db.get(User, user_id)`: the primary key is bound as the column's type.
      const named = dottedName(args.positional[0] as SgNode);
      const model = named ? index.resolveModel(path, named) : null;
      const pk = model ? [...model.intColumns].filter(([, info]) => info.pk) : [];
      const param = paramOf(args.positional[1], 'str');
      if (model && pk.length === 1 && param) report(call, param, 'str', model, (pk[0] as [string, { pk: boolean }])[0], `\`${call.text()}\``);
    } else if (method === 'filter_by') {
      const model = queriedModel(callee.field('object'), path, index);
      if (!model) continue;
      for (const [name, value] of args.keywords) {
        const param = model.intColumns.has(name) ? paramOf(value, 'str') : null;
        if (param) report(call, param, 'str', model, name, `\`filter_by(${name}=${param})\``);
      }
    }
  }
  return out;
}

/**
 * The model `select(M)...` / `db.query(M)...` selects, for a `filter_by` on that chain; null when the chain joins
 * (filter_by then names the last joined entity's columns) or starts elsewhere.
 */
function queriedModel(receiver: SgNode | null, path: string, index: ModelIndex): ModelInfo | null {
  for (let node = receiver; node; ) {
    if (node.kind() !== 'call') return null;
    const callee = node.field('function') as SgNode;
    if (callee.kind() === 'identifier' && callee.text() === 'select') return firstModel(node, path, index);
    if (callee.kind() !== 'attribute') return null;
    const method = callee.field('attribute')?.text() ?? '';
    if (/join$/.test(method) || method === 'select_from') return null;
    if (method === 'query') return firstModel(node, path, index);
    node = callee.field('object');
  }
  return null;
}

function firstModel(call: SgNode, path: string, index: ModelIndex): ModelInfo | null {
  const args = callArgs(call);
  const named = args.positional.length === 1 ? dottedName(args.positional[0] as SgNode) : null;
  return named ? index.resolveModel(path, named) : null;
}

/**
 * `fn`'s parameters whose value is a string: annotated `str` (`Optional[str]`, `Annotated[str, Path()]`), or a
 * list of them; in a route, unannotated ones too (FastAPI hands path and query parameters over as `str`), unless
 * their default is not a plain value (`Depends(...)`). A parameter the function assigns is left out: it may have
 * been converted (`user_id = int(user_id)`).
 */
function stringParameters(fn: SgNode): Map<string, Kind> {
  const out = new Map<string, Kind>();
  const params = fn.field('parameters');
  const route = isRoute(fn);
  for (const param of params ? namedChildren(params) : []) {
    const kind = param.kind();
    let name: string | null = null;
    let type: SgNode | null = null;
    let value: SgNode | null = null;
    if (kind === 'identifier') name = param.text();
    else if (kind === 'typed_parameter') {
      name = namedChildren(param).find((c) => c.kind() === 'identifier')?.text() ?? null;
      type = param.field('type');
    } else if (kind === 'default_parameter' || kind === 'typed_default_parameter') {
      name = param.field('name')?.text() ?? null;
      type = param.field('type');
      value = param.field('value');
    }
    if (!name || name === 'self' || name === 'cls') continue;
    if (type) {
      const parsed = parseTypeText(type.text());
      if (parsed && parsed.name.join('.') === 'str') out.set(name, parsed.list ? 'str-list' : 'str');
    } else if (route && (!value || value.kind() === 'none' || value.kind() === 'string')) out.set(name, 'str');
  }
  for (const name of [...out.keys()]) if (bindings(fn, name).length > 0) out.delete(name);
  // `user_id: str = payload.get("sub")`: a local annotated `str` and bound nowhere else, the shape of JWT helpers.
  const body = fn.field('body');
  for (const assignment of body ? body.findAll({ rule: { kind: 'assignment' } }) : []) {
    const left = assignment.field('left');
    const type = assignment.field('type');
    if (left?.kind() !== 'identifier' || !type || out.has(left.text()) || enclosingFunction(assignment)?.id() !== fn.id()) continue;
    const parsed = parseTypeText(type.text());
    if (parsed?.name.join('.') !== 'str' || parsed.list) continue;
    if (bindings(fn, left.text()).length === 1 && !(params ? namedChildren(params) : []).some((p) => parameterName(p) === left.text())) out.set(left.text(), 'str');
  }
  return out;
}

/**
 * `fn`'s parameters annotated with a pydantic schema of the project (`token: TokenData`), with the names of the
 * schema's fields annotated `str` (`Optional[str]`...); parameters the function binds again are left out.
 */
function schemaParameters(fn: SgNode, path: string, index: ModelIndex): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const params = fn.field('parameters');
  for (const param of params ? namedChildren(params) : []) {
    const name = parameterName(param);
    const type = param.field('type');
    if (!name || !type) continue;
    const found = index.schemaOfType(path, type.text());
    if (!found || found.list) continue;
    const fields = strFields(found.schema.fields);
    if (fields.size > 0 && bindings(fn, name).length === 0) out.set(name, fields);
  }
  // `token = verify_access_token(token, ...)`, bound once, where the project function returns such a schema.
  const body = fn.field('body');
  for (const assignment of body ? body.findAll({ rule: { kind: 'assignment' } }) : []) {
    const left = assignment.field('left');
    const right = assignment.field('right');
    if (left?.kind() !== 'identifier' || right?.kind() !== 'call' || out.has(left.text()) || enclosingFunction(assignment)?.id() !== fn.id()) continue;
    const callee = dottedName(right.field('function') as SgNode);
    const schema = callee ? index.functionSchema(path, callee) : null;
    if (!schema || bindings(fn, left.text()).length !== 1) continue;
    const fields = strFields(schema.fields);
    if (fields.size > 0) out.set(left.text(), fields);
  }
  return out;
}

function strFields(fields: ReadonlyMap<string, { annotation: string }>): Set<string> {
  const out = new Set<string>();
  for (const [field, info] of fields) {
    const parsed = parseTypeText(info.annotation);
    if (parsed?.name.join('.') === 'str' && !parsed.list) out.add(field);
  }
  return out;
}

function parameterName(param: SgNode): string | null {
  if (param.kind() === 'identifier') return param.text();
  if (param.kind() === 'typed_parameter') return namedChildren(param).find((c) => c.kind() === 'identifier')?.text() ?? null;
  if (param.kind() === 'default_parameter' || param.kind() === 'typed_default_parameter') return param.field('name')?.text() ?? null;
  return null;
}

/** The statements of `fn`'s body binding `name` (an assignment target, a walrus, a loop variable). */
function bindings(fn: SgNode, name: string): SgNode[] {
  const body = fn.field('body');
  if (!body) return [];
  return body.findAll({ rule: { any: [{ kind: 'assignment' }, { kind: 'augmented_assignment' }, { kind: 'named_expression' }, { kind: 'for_statement' }] } }).filter((node) => {
    const target = node.kind() === 'named_expression' ? node.field('name') : node.field('left');
    return !!target && (target.text() === name || target.findAll({ rule: { kind: 'identifier', regex: `^${name}$` } }).length > 0);
  });
}
