// schemas.py: pydantic request/response models. No database code at all, though it sits next to it.

import { claim, fill, importBlock, Maker, targetLines } from './common';
import { Domain, Entity } from './domain';
import { pyType } from './names';
import { Rng } from './random';
import { PyWriter } from './writer';

export function schemasFile(rng: Rng, d: Domain): string {
  const w = new PyWriter();
  const v2 = rng.chance(0.5);
  w.docstring(`Request and response schemas for ${d.urlPrefix}.`);
  w.blank();
  w.many(
    importBlock([
      ['from datetime import date, datetime', 'from decimal import Decimal', 'from typing import List, Optional'],
      [v2 ? 'from pydantic import BaseModel, ConfigDict, Field, field_validator' : 'from pydantic import BaseModel, Field, validator'],
    ]),
  );
  const target = targetLines(rng, 50, 160);
  for (const e of d.entities) entitySchemas(w, e, v2);
  const pages: Maker[] = d.entities.map((e) => (ww, used) => {
    if (!claim(used, `${e.cls}Page`)) return false;
    ww.block(`class ${e.cls}Page(BaseModel)`, () => {
      ww.line(`items: List[${e.cls}Out]`);
      ww.line('total: int');
      ww.line('page: int = 1');
      ww.line('size: int = 50');
    });
    return true;
  });
  const filters: Maker[] = d.entities.map((e) => (ww, used) => {
    if (!claim(used, `${e.cls}Filter`)) return false;
    ww.block(`class ${e.cls}Filter(BaseModel)`, () => {
      ww.docstring('Query-string filters accepted by the list endpoint.');
      ww.line('search: Optional[str] = None');
      for (const f of e.fields.slice(0, 3)) ww.line(`${f.name}: Optional[${pyType(f.kind)}] = None`);
      ww.line('skip: int = Field(0, ge=0)');
      ww.line('limit: int = Field(50, ge=1, le=500)');
    });
    return true;
  });
  fill(rng, w, target, [...pages, ...filters]);
  return w.toString();

  function entitySchemas(ww: PyWriter, e: Entity, pydantic2: boolean): void {
    ww.blank(2);
    ww.block(`class ${e.cls}Base(BaseModel)`, () => {
      for (const f of e.fields) {
        const t = pyType(f.kind);
        ww.line(f.nullable ? `${f.name}: Optional[${t}] = None` : `${f.name}: ${t}`);
      }
      const label = e.fields[0];
      if (label && rng.chance(0.5)) {
        ww.blank();
        ww.line(pydantic2 ? `@field_validator("${label.name}")` : `@validator("${label.name}")`);
        if (pydantic2) ww.line('@classmethod');
        ww.block(`def ${label.name}_not_blank(cls, value: str) -> str`, () => {
          ww.block('if not value.strip()', () => ww.line(`raise ValueError("${label.name} must not be blank")`));
          ww.line('return value.strip()');
        });
      }
    });
    ww.blank(2);
    ww.block(`class ${e.cls}Create(${e.cls}Base)`, () => {
      if (e.parent) ww.line(`${e.parent.snake}_id: int`);
      else ww.line('pass');
    });
    ww.blank(2);
    ww.block(`class ${e.cls}Update(BaseModel)`, () => {
      for (const f of e.fields) ww.line(`${f.name}: Optional[${pyType(f.kind)}] = None`);
    });
    ww.blank(2);
    ww.block(`class ${e.cls}Out(${e.cls}Base)`, () => {
      ww.line('id: int');
      if (e.parent) ww.line(`${e.parent.snake}_id: int`);
      ww.line('created_at: datetime');
      ww.blank();
      if (pydantic2) ww.line('model_config = ConfigDict(from_attributes=True)');
      else ww.block('class Config', () => ww.line('orm_mode = True'));
    });
  }
}
