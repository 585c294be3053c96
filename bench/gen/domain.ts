// The shape of one synthetic business domain (a package with models, CRUD, services, routes, schemas
// and tests). Decided once from the layout seed so every file of the domain refers to the same
// classes, columns and URLs.

import { FIELD_POOL, FieldSpec, kebab, pascal, plural } from './names';
import { Rng } from './random';

export interface Entity {
  snake: string;
  cls: string;
  plural: string;
  table: string;
  fields: FieldSpec[];
  /** The domain's main entity, when this one belongs to it through `<parent>_id`. */
  parent: Entity | null;
  children: Entity[];
  /** Has an `owner_id` foreign key to the shared `users` table. */
  owned: boolean;
  /** `lazy=` of the parent's collection relationship to this entity, or null for the default. */
  lazy: string | null;
}

export type CrudStyle = 'class' | 'generic' | 'functions';

export interface Domain {
  area: string;
  name: string;
  /** Dotted module path of the domain package. */
  pkg: string;
  dir: string;
  urlPrefix: string;
  entities: Entity[];
  crudStyle: CrudStyle;
  /** SQLAlchemy 2.0 `Mapped[...]` annotations instead of bare `Column(...)`. */
  typedModels: boolean;
  /** Name of the session parameter in this domain's code (`db` mostly, `session` in some teams). */
  dbName: string;
}

export function planDomain(rng: Rng, area: string, noun: string, name: string): Domain {
  const others = rng.sample(
    ['item', 'line', 'note', 'event', 'entry', 'history', 'rule', 'step', 'label', 'log'].map((s) => `${noun}_${s}`),
    rng.weighted([
      [0, 3],
      [1, 4],
      [2, 2],
    ] as const),
  );
  const main = makeEntity(rng, name, noun, null);
  const entities = [main];
  for (const other of others) {
    const child = makeEntity(rng, name, other, rng.chance(0.85) ? main : null);
    if (child.parent) main.children.push(child);
    entities.push(child);
  }
  return {
    area,
    name,
    pkg: `app.domains.${name}`,
    dir: `app/domains/${name}`,
    urlPrefix: `/${kebab(area)}/${kebab(name.startsWith(`${area}_`) ? name.slice(area.length + 1) : name)}`,
    entities,
    crudStyle: rng.weighted([
      ['class', 4],
      ['generic', 3],
      ['functions', 4],
    ] as const),
    typedModels: rng.chance(0.2),
    dbName: rng.chance(0.15) ? 'session' : 'db',
  };
}

function makeEntity(rng: Rng, domainName: string, snake: string, parent: Entity | null): Entity {
  const label = rng.chance(0.6) ? 'name' : 'title';
  const rest = FIELD_POOL.filter((f) => f.name !== 'name' && f.name !== 'title');
  const picked = rng.sample(rest, rng.int(2, 7));
  if (!picked.some((f) => f.name === 'status') && rng.chance(0.6)) picked.push(FIELD_POOL.find((f) => f.name === 'status') as FieldSpec);
  const fields = [FIELD_POOL.find((f) => f.name === label) as FieldSpec, ...picked];
  return {
    snake,
    cls: pascal(snake),
    plural: plural(snake),
    table: `${domainName}_${plural(snake)}`,
    fields,
    parent,
    children: [],
    owned: parent === null && rng.chance(0.5),
    lazy: parent === null ? null : rng.weighted([
      [null, 4],
      ['selectin', 2],
      ['joined', 1],
      ['dynamic', 1],
    ] as const),
  };
}

export function labelField(e: Entity): FieldSpec {
  return e.fields[0] as FieldSpec;
}

export function field(e: Entity, name: string): FieldSpec | undefined {
  return e.fields.find((f) => f.name === name);
}

/** The string columns worth looking an entity up by. */
export function lookupFields(e: Entity): FieldSpec[] {
  return e.fields.filter((f) => f.kind === 'str');
}

/** How other modules call the domain's five core CRUD operations, whichever style it uses. */
export function crudCall(d: Domain, e: Entity, op: 'get' | 'list' | 'create' | 'update' | 'remove', db: string, args: string[]): string {
  if (d.crudStyle === 'functions') {
    const name = { get: `get_${e.snake}`, list: `list_${e.plural}`, create: `create_${e.snake}`, update: `update_${e.snake}`, remove: `delete_${e.snake}` }[op];
    return `crud.${name}(${[db, ...args].join(', ')})`;
  }
  const name = { get: 'get', list: 'get_multi', create: 'create', update: 'update', remove: 'remove' }[op];
  return `crud.${e.plural}.${name}(${[db, ...args].join(', ')})`;
}
