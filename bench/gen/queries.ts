// The legacy `Session.query(...)` call shapes CRUD modules and services use, with the variety a
// real codebase has: filter / filter_by / join / options / order_by, and every kind of terminal
// (first, one, all, count, get, delete, update, scalar, exists, slicing, iteration), plus queries
// built across statements.

import { Entity, field, lookupFields } from './domain';
import { FieldSpec, sampleValue } from './names';
import { Rng } from './random';

export interface QueryFunction {
  /** e.g. verb `get`, rest `by_code`: a method `get_by_code`, a function `get_invoice_by_code`. */
  verb: string;
  rest: string;
  /** Use the plural entity name in function-style names (`list_invoices_by_status`). */
  pluralName: boolean;
  /** Parameters after the session, as written. */
  params: string[];
  returns: string;
  body: string[];
  docstring?: string;
}

/** `model` is how the code names the model class: `Invoice`, or `self.model` in generic CRUD classes. */
export type QueryMaker = (rng: Rng, e: Entity, db: string, model: string) => QueryFunction | null;

function num(e: Entity): FieldSpec | undefined {
  return e.fields.find((f) => f.kind === 'int' || f.kind === 'decimal' || f.kind === 'float');
}

function when(e: Entity): FieldSpec | undefined {
  return e.fields.find((f) => f.kind === 'datetime' || f.kind === 'date');
}

export const QUERY_MAKERS: readonly QueryMaker[] = [
  // filter(...).first() on a lookup column
  (rng, e, db, m) => {
    const f = rng.pick(lookupFields(e));
    return {
      verb: 'get', rest: `by_${f.name}`, pluralName: false, params: [`${f.name}: str`], returns: `Optional[${e.cls}]`,
      body: [`return ${db}.query(${m}).filter(${m}.${f.name} == ${f.name}).first()`],
    };
  },
  // filter_by(...).first() / one_or_none()
  (rng, e, db, m) => {
    const f = rng.pick(lookupFields(e));
    const terminal = rng.pick(['first()', 'one_or_none()']);
    return {
      verb: 'find', rest: `by_${f.name}`, pluralName: false, params: [`${f.name}: str`], returns: `Optional[${e.cls}]`,
      body: [`return ${db}.query(${m}).filter_by(${f.name}=${f.name}).${terminal}`],
    };
  },
  // query built across statements with optional filters
  (rng, e, db, m) => {
    const status = field(e, 'status');
    const label = e.fields[0] as FieldSpec;
    const body = [`q = ${db}.query(${m})`];
    const params: string[] = [];
    if (status) {
      params.push('status: Optional[str] = None');
      body.push('if status is not None:', `    q = q.filter(${m}.status == status)`);
    }
    params.push('search: Optional[str] = None');
    body.push('if search:', `    q = q.filter(${m}.${label.name}.ilike(f"%{search}%"))`);
    if (e.owned && rng.chance(0.6)) {
      params.push('owner_id: Optional[int] = None');
      body.push('if owner_id is not None:', `    q = q.filter(${m}.owner_id == owner_id)`);
    }
    params.push('skip: int = 0', 'limit: int = 50');
    body.push(`return q.order_by(${m}.created_at.desc()).offset(skip).limit(limit).all()`);
    return { verb: 'search', rest: '', pluralName: true, params, returns: `List[${e.cls}]`, body, docstring: 'Filtered, newest-first page for the list endpoint.' };
  },
  // join to the parent and filter on its columns
  (rng, e, db, m) => {
    if (!e.parent) return null;
    const p = e.parent;
    const pf = p.fields[0] as FieldSpec;
    const after = rng.chance(0.35)
      ? `.filter_by(${pf.name}=${pf.name})` // resolves against the join target: a trap for naive rewriting
      : `.filter(${p.cls}.${pf.name} == ${pf.name})`;
    return {
      verb: 'list', rest: `for_${p.snake}_${pf.name}`, pluralName: true, params: [`${pf.name}: str`], returns: `List[${e.cls}]`,
      body: [`return (`, `    ${db}.query(${m})`, `    .join(${e.cls}.${p.snake})`, `    ${after}`, `    .order_by(${e.cls}.id)`, `    .all()`, `)`],
    };
  },
  // children of a parent
  (rng, e, db, m) => {
    if (!e.parent) return null;
    const p = e.parent;
    const ordered = rng.chance(0.5) ? `.order_by(${m}.created_at)` : '';
    return {
      verb: 'list', rest: `by_${p.snake}`, pluralName: true, params: [`${p.snake}_id: int`], returns: `List[${e.cls}]`,
      body: [`return ${db}.query(${m}).filter(${m}.${p.snake}_id == ${p.snake}_id)${ordered}.all()`],
    };
  },
  // counts
  (rng, e, db, m) => {
    const status = field(e, 'status');
    if (status && rng.chance(0.6)) {
      return { verb: 'count', rest: 'by_status', pluralName: true, params: ['status: str'], returns: 'int', body: [`return ${db}.query(${m}).filter(${m}.status == status).count()`] };
    }
    return { verb: 'count', rest: 'all', pluralName: true, params: [], returns: 'int', body: [`return ${db}.query(func.count(${m}.id)).scalar()`] };
  },
  // bulk delete by filter
  (rng, e, db, m) => {
    const f = field(e, 'status') ?? lookupFields(e)[0];
    if (!f) return null;
    const sync = rng.pick(['False', '"fetch"', '"evaluate"', null]);
    const arg = sync === null ? '' : `synchronize_session=${sync}`;
    return {
      verb: 'purge', rest: `by_${f.name}`, pluralName: true, params: [`${f.name}: str`], returns: 'int',
      body: [`deleted = ${db}.query(${m}).filter(${m}.${f.name} == ${f.name}).delete(${arg})`, `${db}.commit()`, 'return deleted'],
    };
  },
  // bulk update
  (rng, e, db, m) => {
    const status = field(e, 'status');
    if (!status) return null;
    return {
      verb: 'mark', rest: 'archived', pluralName: true, params: ['ids: List[int]'], returns: 'int',
      body: [
        'if not ids:',
        '    return 0',
        `updated = ${db}.query(${m}).filter(${m}.id.in_(ids)).update(`,
        `    {${m}.status: "archived"}, synchronize_session=${rng.pick(['False', '"fetch"'])}`,
        ')',
        `${db}.commit()`,
        'return updated',
      ],
    };
  },
  // exists
  (rng, e, db, m) => {
    const f = rng.pick(lookupFields(e));
    return {
      verb: 'exists', rest: `with_${f.name}`, pluralName: false, params: [`${f.name}: str`], returns: 'bool',
      body: [`return ${db}.query(${db}.query(${m}).filter(${m}.${f.name} == ${f.name}).exists()).scalar()`],
    };
  },
  // eager-loaded parent with its collection
  (rng, e, db, m) => {
    const child = e.children[0];
    if (!child) return null;
    const loader = rng.pick(['joinedload', 'selectinload']);
    return {
      verb: 'get', rest: `with_${child.plural}`, pluralName: false, params: ['id: int'], returns: `Optional[${e.cls}]`,
      body: [`return (`, `    ${db}.query(${m})`, `    .options(${loader}(${e.cls}.${child.plural}))`, `    .filter(${m}.id == id)`, `    .first()`, `)`],
    };
  },
  // column tuples
  (_rng, e, db, m) => {
    const label = e.fields[0] as FieldSpec;
    return {
      verb: 'map', rest: `ids_to_${label.name}`, pluralName: true, params: [], returns: 'Dict[int, str]',
      body: [`rows = ${db}.query(${m}.id, ${m}.${label.name}).order_by(${m}.id).all()`, `return {row.id: row.${label.name} for row in rows}`],
    };
  },
  // distinct values
  (_rng, e, db, m) => {
    const f = field(e, 'status') ?? field(e, 'currency') ?? field(e, 'priority');
    if (!f) return null;
    return {
      verb: 'distinct', rest: `${f.name}_values`, pluralName: true, params: [], returns: 'List',
      body: [`return [value for (value,) in ${db}.query(${m}.${f.name}).distinct().order_by(${m}.${f.name}).all()]`],
    };
  },
  // iterate a query and mutate
  (_rng, e, db, m) => {
    const status = field(e, 'status');
    if (!status) return null;
    return {
      verb: 'expire', rest: 'pending', pluralName: true, params: ['before: datetime'], returns: 'int',
      body: [
        'count = 0',
        `for obj in ${db}.query(${m}).filter(${m}.status == "pending", ${m}.created_at < before):`,
        '    obj.status = "expired"',
        '    count += 1',
        `${db}.commit()`,
        'return count',
      ],
    };
  },
  // group by
  (rng, e, db, m) => {
    const status = field(e, 'status');
    const n = num(e);
    if (!status) return null;
    const agg = n && rng.chance(0.5) ? `func.sum(${m}.${n.name})` : `func.count(${m}.id)`;
    return {
      verb: 'totals', rest: 'by_status', pluralName: true, params: [], returns: 'Dict[str, Any]',
      body: [`rows = ${db}.query(${m}.status, ${agg}).group_by(${m}.status).all()`, 'return {status: total for status, total in rows}'],
    };
  },
  // latest for owner
  (_rng, e, db, m) => {
    if (!e.owned) return null;
    return {
      verb: 'latest', rest: 'for_owner', pluralName: false, params: ['owner_id: int'], returns: `Optional[${e.cls}]`,
      body: [`return ${db}.query(${m}).filter(${m}.owner_id == owner_id).order_by(${m}.created_at.desc()).first()`],
    };
  },
  // one() with an exception
  (_rng, e, db, m) => {
    const code = field(e, 'code') ?? field(e, 'external_id') ?? field(e, 'reference');
    if (!code) return null;
    return {
      verb: 'require', rest: `by_${code.name}`, pluralName: false, params: [`${code.name}: str`], returns: e.cls,
      body: [
        'try:',
        `    return ${db}.query(${m}).filter(${m}.${code.name} == ${code.name}).one()`,
        'except NoResultFound:',
        `    raise LookupError(f"no ${e.snake.replace(/_/g, ' ')} with ${code.name}={${code.name}!r}") from None`,
      ],
    };
  },
  // raw SQL
  (_rng, e, db) => {
    const status = field(e, 'status');
    const where = status ? ' WHERE status = :status' : '';
    const params = status ? ', {"status": status}' : '';
    return {
      verb: 'raw', rest: 'count', pluralName: true, params: status ? ['status: str = "active"'] : [], returns: 'int',
      body: [`result = ${db}.execute(text("SELECT count(*) FROM ${e.table}${where}")${params})`, 'return int(result.scalar() or 0)'],
    };
  },
  // slicing a query
  (_rng, e, db, m) => ({
    verb: 'window', rest: '', pluralName: true, params: ['start: int', 'stop: int'], returns: `List[${e.cls}]`,
    body: [`return ${db}.query(${m}).order_by(${m}.id)[start:stop]`],
  }),
  // subquery
  (_rng, e, db, m) => {
    const child = e.children[0];
    if (!child) return null;
    return {
      verb: 'list', rest: `with_recent_${child.plural}`, pluralName: true, params: ['since: datetime'], returns: `List[${e.cls}]`,
      body: [
        `recent = ${db}.query(${child.cls}.${e.snake}_id).filter(${child.cls}.created_at >= since).subquery()`,
        `return ${db}.query(${m}).filter(${m}.id.in_(recent)).all()`,
      ],
    };
  },
  // row lock
  (_rng, e, db, m) => ({
    verb: 'lock', rest: '', pluralName: false, params: ['id: int'], returns: e.cls,
    body: [`return ${db}.query(${m}).filter(${m}.id == id).with_for_update().one()`],
  }),
  // date window
  (_rng, e, db, m) => {
    const t = when(e);
    if (!t) return null;
    return {
      verb: 'list', rest: `${t.name}_between`, pluralName: true, params: ['start', 'end'], returns: `List[${e.cls}]`,
      body: [`return (`, `    ${db}.query(${m})`, `    .filter(${m}.${t.name} >= start, ${m}.${t.name} < end)`, `    .order_by(${m}.${t.name}.asc())`, `    .all()`, `)`],
    };
  },
  // get-or-create
  (rng, e, db, m) => {
    const f = rng.pick(lookupFields(e));
    const label = e.fields[0] as FieldSpec;
    const defaults = f.name === label.name ? '' : `, ${label.name}=${sampleValue(label, 0, false)}`;
    return {
      verb: 'get_or_create', rest: `by_${f.name}`, pluralName: false, params: [`${f.name}: str`], returns: e.cls,
      body: [
        `obj = ${db}.query(${m}).filter_by(${f.name}=${f.name}).first()`,
        'if obj is not None:',
        '    return obj',
        `obj = ${e.cls}(${f.name}=${f.name}${defaults})`,
        `${db}.add(obj)`,
        `${db}.flush()`,
        'return obj',
      ],
    };
  },
];

/** Name of a query function: a method keeps `verb_rest`, a module-level function names the entity. */
export function queryName(q: QueryFunction, e: Entity, asMethod: boolean): string {
  if (asMethod) return [q.verb, q.rest].filter((s) => s !== '').join('_');
  return [q.verb, q.pluralName ? e.plural : e.snake, q.rest].filter((s) => s !== '').join('_');
}
