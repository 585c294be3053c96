// routes.py: a FastAPI APIRouter whose sync endpoints take `db: Session = Depends(get_db)`, call the
// CRUD layer and services, and sometimes query the session directly.

import { claim, fill, importBlock, Maker, maybeComment, targetLines } from './common';
import { crudCall, Domain, Entity, field } from './domain';
import { kebab } from './names';
import { Rng } from './random';
import { PyWriter } from './writer';

export function routesFile(rng: Rng, d: Domain): string {
  const w = new PyWriter();
  const db = d.dbName;
  const dep = `${db}: Session = Depends(get_db)`;
  const annotatedDep = rng.chance(0.25);
  const dbParam = annotatedDep ? `${db}: DbSession` : dep;
  w.docstring(`HTTP endpoints for ${d.urlPrefix}.`);
  w.blank();
  w.many(
    importBlock([
      ['from typing import List, Optional', ...(annotatedDep ? ['from typing_extensions import Annotated'] : [])],
      ['from fastapi import APIRouter, Depends, HTTPException, Query, Response, status', 'from sqlalchemy import func', 'from sqlalchemy.orm import Session'],
      ['from app.api.deps import get_current_user, get_db', 'from app.models.user import User', `from ${d.pkg} import crud, models, schemas, services`],
    ]),
  );
  w.blank();
  if (annotatedDep) {
    w.line('DbSession = Annotated[Session, Depends(get_db)]');
    w.blank();
  }
  w.line(`router = APIRouter(prefix="${d.urlPrefix}", tags=["${d.area}"])`);
  const target = targetLines(rng, 80, 380);
  const makers: Maker[] = [];
  for (const e of d.entities) makers.push(...endpointMakers(rng, d, e, db, dbParam));
  makers.push((ww, used) => {
    if (!claim(used, 'health')) return false;
    ww.line('@router.get("/health", include_in_schema=False)');
    ww.block('async def health() -> dict', () => ww.line(`return {"status": "ok", "domain": "${d.name}"}`));
    return true;
  });
  // List, read and create come first for every entity, like a hand-written module; the rest are
  // picked at random until the module is long enough.
  const used = new Set<string>();
  for (const make of d.entities.flatMap((e) => endpointMakers(rng, d, e, db, dbParam).slice(0, 3))) {
    if (w.lineCount >= target) break;
    w.blank(2);
    make(w, used);
  }
  fill(rng, w, target, makers, 2, used);
  return w.toString();
}

function endpointMakers(rng: Rng, d: Domain, e: Entity, db: string, dbParam: string): Maker[] {
  const base = d.entities[0] === e ? '' : `/${kebab(e.plural)}`;
  const id = `${e.snake}_id`;
  const notFound = (ww: PyWriter, v: string): void => {
    ww.block(`if ${v} is None`, () => ww.line(`raise HTTPException(status_code=404, detail="${e.cls} not found")`));
  };
  return [
    (w, used) => {
      if (!claim(used, `list_${e.plural}`)) return false;
      w.line(`@router.get("${base}/", response_model=List[schemas.${e.cls}Out])`);
      w.block(`def list_${e.plural}(${dbParam}, skip: int = 0, limit: int = Query(100, le=500))`, () => {
        w.line(`return ${crudCall(d, e, 'list', db, ['skip', 'limit'])}`);
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `read_${e.snake}`)) return false;
      w.line(`@router.get("${base}/{${id}}", response_model=schemas.${e.cls}Out)`);
      w.block(`def read_${e.snake}(${id}: int, ${dbParam})`, () => {
        w.line(`${e.snake} = ${crudCall(d, e, 'get', db, [id])}`);
        notFound(w, e.snake);
        w.line(`return ${e.snake}`);
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `create_${e.snake}`)) return false;
      w.line(`@router.post("${base}/", response_model=schemas.${e.cls}Out, status_code=status.HTTP_201_CREATED)`);
      const signature = [
        `def create_${e.snake}(`,
        `    payload: schemas.${e.cls}Create,`,
        `    ${dbParam},`,
        '    current_user: User = Depends(get_current_user),',
        ')',
      ];
      w.block(signature, () => {
        maybeComment(rng, w, 0.2);
        if (d.entities[0] === e) w.line(`return services.create_${e.snake}(${db}, payload, actor=current_user)`);
        else w.line(`return ${crudCall(d, e, 'create', db, ['payload'])}`);
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `update_${e.snake}`)) return false;
      w.line(`@router.patch("${base}/{${id}}", response_model=schemas.${e.cls}Out)`);
      w.block(`def update_${e.snake}(${id}: int, payload: schemas.${e.cls}Update, ${dbParam})`, () => {
        w.line(`${e.snake} = ${crudCall(d, e, 'get', db, [id])}`);
        notFound(w, e.snake);
        w.line(`return ${crudCall(d, e, 'update', db, [e.snake, 'payload'])}`);
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `delete_${e.snake}`)) return false;
      w.line(`@router.delete("${base}/{${id}}", status_code=status.HTTP_204_NO_CONTENT)`);
      w.block(`def delete_${e.snake}(${id}: int, ${dbParam}) -> Response`, () => {
        w.line(`removed = ${crudCall(d, e, 'remove', db, [id])}`);
        w.block('if not removed', () => w.line(`raise HTTPException(status_code=404, detail="${e.cls} not found")`));
        w.line('return Response(status_code=status.HTTP_204_NO_CONTENT)');
      });
      return true;
    },
    (w, used) => {
      const status = field(e, 'status');
      if (!status || !claim(used, `${e.snake}_stats`)) return false;
      w.line(`@router.get("${base}/stats")`);
      w.block(`def ${e.snake}_stats(${dbParam}) -> dict`, () => {
        w.line(`rows = ${db}.query(models.${e.cls}.status, func.count(models.${e.cls}.id)).group_by(models.${e.cls}.status).all()`);
        w.line('return {"total": sum(n for _, n in rows), "by_status": dict(rows)}');
      });
      return true;
    },
    (w, used) => {
      if (!e.owned || !claim(used, `my_${e.plural}`)) return false;
      w.line(`@router.get("${base}/mine", response_model=List[schemas.${e.cls}Out])`);
      w.block(`def my_${e.plural}(${dbParam}, current_user: User = Depends(get_current_user))`, () => {
        w.line(`return (`);
        w.line(`    ${db}.query(models.${e.cls})`);
        w.line(`    .filter(models.${e.cls}.owner_id == current_user.id)`);
        w.line(`    .order_by(models.${e.cls}.created_at.desc())`);
        w.line(`    .all()`);
        w.line(`)`);
      });
      return true;
    },
    (w, used) => {
      const child = e.children[0];
      if (!child || !claim(used, `list_${e.snake}_${child.plural}`)) return false;
      w.line(`@router.get("${base}/{${id}}/${kebab(child.plural)}", response_model=List[schemas.${child.cls}Out])`);
      w.block(`def list_${e.snake}_${child.plural}(${id}: int, ${dbParam})`, () => {
        w.line(`${e.snake} = ${crudCall(d, e, 'get', db, [id])}`);
        notFound(w, e.snake);
        // Reading the relationship lazily: fine with a sync Session, a MissingGreenlet under asyncio.
        w.line(`return ${e.snake}.${child.plural}`);
      });
      return true;
    },
    (w, used) => {
      if (d.entities[0] !== e || !claim(used, `archive_${e.snake}`)) return false;
      w.line(`@router.post("${base}/{${id}}/archive", response_model=schemas.${e.cls}Out)`);
      w.block(`def archive_${e.snake}(${id}: int, ${dbParam}, current_user: User = Depends(get_current_user))`, () => {
        w.block('try', () => w.line(`return services.archive_${e.snake}(${db}, ${id}, actor=current_user)`));
        w.block('except LookupError as exc', () => w.line('raise HTTPException(status_code=404, detail=str(exc)) from exc'));
      });
      return true;
    },
  ];
}
