// crud.py: data access for a domain's entities, in one of three styles teams actually use: a class
// per entity, a subclass of a generic CRUDBase, or plain module-level functions.

import { claim, fill, importBlock, Maker, maybeComment, targetLines } from './common';
import { Domain, Entity } from './domain';
import { QUERY_MAKERS, queryName } from './queries';
import { Rng } from './random';
import { PyWriter } from './writer';

export function crudFile(rng: Rng, d: Domain): string {
  const w = new PyWriter();
  const db = d.dbName;
  w.docstring(`Data access for ${d.name.replace(/_/g, ' ')}.`);
  w.blank();
  const classes = d.entities.map((e) => e.cls).join(', ');
  w.many(
    importBlock([
      ['from datetime import datetime', 'from typing import Any, Dict, List, Optional'],
      [
        'from sqlalchemy import func, text',
        'from sqlalchemy.exc import NoResultFound',
        'from sqlalchemy.orm import Session, joinedload, selectinload',
      ],
      [
        d.crudStyle === 'generic' ? 'from app.crud.base import CRUDBase' : '',
        `from ${d.pkg} import schemas`,
        `from ${d.pkg}.models import ${classes}`,
      ].filter((l) => l !== ''),
    ]),
  );
  const target = targetLines(rng, 80, 400);
  const perEntity = Math.max(30, Math.floor((target - w.lineCount) / d.entities.length));
  for (const e of d.entities) {
    const start = w.lineCount;
    w.blank(2);
    if (d.crudStyle === 'functions') {
      coreFunctions(w, e, db);
      fill(rng, w, start + perEntity, queryMakers(rng, e, db, e.cls, false), 2);
    } else {
      const generic = d.crudStyle === 'generic';
      const header = generic
        ? `class CRUD${e.cls}(CRUDBase[${e.cls}, schemas.${e.cls}Create, schemas.${e.cls}Update])`
        : `class CRUD${e.cls}`;
      w.block(header, () => {
        if (!generic) coreMethods(w, e, db);
        const model = generic && rng.chance(0.5) ? 'self.model' : e.cls;

        fill(rng, w, start + perEntity, queryMakers(rng, e, db, model, true), 1);
      });
      w.blank(2);
      w.line(generic ? `${e.plural} = CRUD${e.cls}(${e.cls})` : `${e.plural} = CRUD${e.cls}()`);
    }
  }
  return w.toString();
}

function queryMakers(rng: Rng, e: Entity, db: string, model: string, asMethod: boolean): Maker[] {
  return QUERY_MAKERS.map((make) => (w: PyWriter, used: Set<string>) => {
    const q = make(rng, e, db, model);
    if (!q) return false;
    const name = queryName(q, e, asMethod);
    if (!claim(used, name)) return false;
    const params = [...(asMethod ? ['self'] : []), `${db}: Session`, ...q.params].join(', ');
    w.block(`def ${name}(${params}) -> ${q.returns}`, () => {
      if (q.docstring) w.docstring(q.docstring);
      maybeComment(rng, w, 0.1);
      w.many(q.body);
    });
    return true;
  });
}

function coreMethods(w: PyWriter, e: Entity, db: string): void {
  w.block(`def get(self, ${db}: Session, id: int) -> Optional[${e.cls}]`, () => w.line(`return ${db}.query(${e.cls}).filter(${e.cls}.id == id).first()`));
  w.blank();
  w.block(`def get_multi(self, ${db}: Session, skip: int = 0, limit: int = 100) -> List[${e.cls}]`, () =>
    w.line(`return ${db}.query(${e.cls}).order_by(${e.cls}.id).offset(skip).limit(limit).all()`),
  );
  w.blank();
  w.block(`def create(self, ${db}: Session, obj_in: schemas.${e.cls}Create) -> ${e.cls}`, () => {
    w.line(`db_obj = ${e.cls}(**obj_in.dict())`);
    w.line(`${db}.add(db_obj)`);
    w.line(`${db}.commit()`);
    w.line(`${db}.refresh(db_obj)`);
    w.line('return db_obj');
  });
  w.blank();
  w.block(`def update(self, ${db}: Session, db_obj: ${e.cls}, obj_in: schemas.${e.cls}Update) -> ${e.cls}`, () => {
    w.block('for field, value in obj_in.dict(exclude_unset=True).items()', () => w.line('setattr(db_obj, field, value)'));
    w.line(`${db}.add(db_obj)`);
    w.line(`${db}.commit()`);
    w.line(`${db}.refresh(db_obj)`);
    w.line('return db_obj');
  });
  w.blank();
  w.block(`def remove(self, ${db}: Session, id: int) -> Optional[${e.cls}]`, () => {
    w.line(`obj = ${db}.query(${e.cls}).get(id)`);
    w.block('if obj is None', () => w.line('return None'));
    w.line(`${db}.delete(obj)`);
    w.line(`${db}.commit()`);
    w.line('return obj');
  });
}

function coreFunctions(w: PyWriter, e: Entity, db: string): void {
  const id = `${e.snake}_id`;
  w.block(`def get_${e.snake}(${db}: Session, ${id}: int) -> Optional[${e.cls}]`, () => w.line(`return ${db}.query(${e.cls}).get(${id})`));
  w.blank(2);
  w.block(`def list_${e.plural}(${db}: Session, skip: int = 0, limit: int = 100) -> List[${e.cls}]`, () =>
    w.line(`return ${db}.query(${e.cls}).offset(skip).limit(limit).all()`),
  );
  w.blank(2);
  w.block(`def create_${e.snake}(${db}: Session, payload: schemas.${e.cls}Create) -> ${e.cls}`, () => {
    w.line(`obj = ${e.cls}(**payload.dict())`);
    w.line(`${db}.add(obj)`);
    w.line(`${db}.commit()`);
    w.line(`${db}.refresh(obj)`);
    w.line('return obj');
  });
  w.blank(2);
  w.block(`def update_${e.snake}(${db}: Session, obj: ${e.cls}, payload: schemas.${e.cls}Update) -> ${e.cls}`, () => {
    w.line('changes = payload.dict(exclude_unset=True)');
    w.block('for key, value in changes.items()', () => w.line('setattr(obj, key, value)'));
    w.line(`${db}.commit()`);
    w.line(`${db}.refresh(obj)`);
    w.line('return obj');
  });
  w.blank(2);
  w.block(`def delete_${e.snake}(${db}: Session, ${id}: int) -> bool`, () => {
    w.line(`obj = ${db}.query(${e.cls}).filter(${e.cls}.id == ${id}).first()`);
    w.block('if obj is None', () => w.line('return False'));
    w.line(`${db}.delete(obj)`);
    w.line(`${db}.commit()`);
    w.line('return True');
  });
}
