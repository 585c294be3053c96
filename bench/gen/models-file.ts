// models.py: declarative SQLAlchemy models with columns, foreign keys and relationships, in either
// the 1.x `Column(...)` style or the 2.0 `Mapped[...]` style.

import { claim, fill, importBlock, Maker, targetLines } from './common';
import { Domain, Entity, labelField } from './domain';
import { FieldSpec, pyType } from './names';
import { Rng } from './random';
import { PyWriter } from './writer';

export function modelsFile(rng: Rng, d: Domain): string {
  const w = new PyWriter();
  w.docstring(`Database models for the ${d.name.replace(/_/g, ' ')} domain.`);
  w.blank();
  const orm = d.typedModels ? ['Mapped', 'mapped_column', 'relationship', 'validates'] : ['relationship', 'validates'];
  w.many(
    importBlock([
      ['from datetime import date, datetime', 'from decimal import Decimal', d.typedModels ? 'from typing import List, Optional' : 'from typing import Any, Dict'],
      [
        'from sqlalchemy import Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint, func',
        'from sqlalchemy.ext.hybrid import hybrid_property',
        `from sqlalchemy.orm import ${orm.join(', ')}`,
      ],
      ['from app.db.base_class import Base'],
    ]),
  );
  for (const e of d.entities) {
    w.blank(2);
    entityClass(rng, w, d, e, targetLines(rng, 20, 90));
  }
  return w.toString();
}

function entityClass(rng: Rng, w: PyWriter, d: Domain, e: Entity, extraLines: number): void {
  w.block(`class ${e.cls}(Base)`, () => {
    if (rng.chance(0.5)) w.docstring(`A ${e.snake.replace(/_/g, ' ')} record.`);
    w.line(`__tablename__ = "${e.table}"`);
    const code = e.fields.find((f) => f.name === 'code');
    if (code && rng.chance(0.6)) {
      w.line(`__table_args__ = (UniqueConstraint("code", name="uq_${e.table}_code"),)`);
    } else if (e.fields.some((f) => f.name === 'status') && rng.chance(0.3)) {
      w.line(`__table_args__ = (Index("ix_${e.table}_status_created", "status", "created_at"),)`);
    }
    w.blank();
    column(w, d, 'id', 'Integer', 'int', 'primary_key=True, index=True', false, true);
    for (const f of e.fields) column(w, d, f.name, f.column, pyType(f.kind), f.extra, f.nullable);
    if (e.parent) column(w, d, `${e.parent.snake}_id`, `Integer, ForeignKey("${e.parent.table}.id", ondelete="CASCADE")`, 'int', 'index=True', false);
    if (e.owned) column(w, d, 'owner_id', 'Integer, ForeignKey("users.id")', 'int', '', true);
    column(w, d, 'created_at', 'DateTime', 'datetime', 'server_default=func.now()', false);
    if (rng.chance(0.6)) column(w, d, 'updated_at', 'DateTime', 'datetime', 'server_default=func.now(), onupdate=func.now()', true);
    w.blank();
    if (e.parent) relationshipLine(w, d, e.parent.snake, e.parent.cls, false, `back_populates="${e.plural}"`);
    if (e.owned) relationshipLine(w, d, 'owner', 'User', false, '');
    for (const child of e.children) {
      const lazy = child.lazy ? `, lazy="${child.lazy}"` : '';
      relationshipLine(w, d, child.plural, child.cls, true, `back_populates="${e.snake}", cascade="all, delete-orphan"${lazy}`);
    }
    const start = w.lineCount;
    fill(rng, w, start + extraLines, methodMakers(rng, e), 1);
  });
}

function column(w: PyWriter, d: Domain, name: string, type: string, py: string, extra: string, nullable: boolean, pk = false): void {
  if (d.typedModels) {
    const ann = nullable ? `Optional[${py}]` : py;
    const args = [pk ? '' : type.replace(/^Integer, /, '').replace(/^Integer$/, ''), extra, nullable && !pk ? 'nullable=True' : '']
      .filter((a) => a !== '')
      .join(', ');
    w.line(`${name}: Mapped[${ann}] = mapped_column(${args})`);
  } else {
    const args = [type, extra, nullable || pk ? '' : 'nullable=False'].filter((a) => a !== '').join(', ');
    w.line(`${name} = Column(${args})`);
  }
}

function relationshipLine(w: PyWriter, d: Domain, attr: string, target: string, many: boolean, args: string): void {
  const rest = args === '' ? '' : `, ${args}`;
  if (d.typedModels) {
    const ann = many ? `List["${target}"]` : `"${target}"`;
    w.line(`${attr}: Mapped[${ann}] = relationship("${target}"${rest})`);
  } else {
    w.line(`${attr} = relationship("${target}"${rest})`);
  }
}

function methodMakers(rng: Rng, e: Entity): Maker[] {
  const label = labelField(e).name;
  const makers: Maker[] = [
    (w, used) => {
      if (!claim(used, '__repr__')) return false;
      w.block('def __repr__(self) -> str', () => w.line(`return f"<${e.cls} id={self.id} ${label}={self.${label}!r}>"`));
      return true;
    },
    (w, used) => {
      if (!claim(used, 'to_dict')) return false;
      w.block('def to_dict(self) -> dict', () => {
        w.line('return {');
        w.line('    "id": self.id,');
        for (const f of e.fields) w.line(`    "${f.name}": self.${f.name},`);
        w.line('}');
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, 'display_name')) return false;
      w.line('@hybrid_property');
      w.block('def display_name(self) -> str', () => w.line(`return f"{self.${label}} (#{self.id})"`));
      return true;
    },
    (w, used) => {
      if (!claim(used, 'default_ordering')) return false;
      w.line('@classmethod');
      w.block('def default_ordering(cls)', () => w.line('return (cls.created_at.desc(), cls.id)'));
      return true;
    },
    (w, used) => {
      if (!claim(used, 'age_in_days')) return false;
      w.line('@property');
      w.block('def age_in_days(self) -> int', () => {
        w.block('if self.created_at is None', () => w.line('return 0'));
        w.line('return (datetime.utcnow() - self.created_at).days');
      });
      return true;
    },
  ];
  for (const f of e.fields) makers.push(validator(rng, f));
  if (e.fields.some((f) => f.name === 'status')) {
    makers.push((w, used) => {
      if (!claim(used, 'is_closed')) return false;
      w.line('@property');
      w.block('def is_closed(self) -> bool', () => w.line('return self.status in ("closed", "archived", "cancelled")'));
      return true;
    });
  }
  return makers;
}

function validator(rng: Rng, f: FieldSpec): Maker {
  return (w, used) => {
    if (!claim(used, `validate_${f.name}`)) return false;
    w.line(`@validates("${f.name}")`);
    w.block(`def validate_${f.name}(self, key, value)`, () => {
      switch (f.kind) {
        case 'str':
        case 'text':
          w.block('if value is not None', () => {
            w.line('value = value.strip()');
            if (f.name === 'email') w.block('if "@" not in value', () => w.line('raise ValueError("invalid email address")'));
            else if (rng.chance(0.5)) w.block('if not value and key != "notes"', () => w.line(`raise ValueError("${f.name} must not be blank")`));
          });
          break;
        case 'int':
        case 'decimal':
        case 'float':
          w.block('if value is not None and value < 0', () => w.line(`raise ValueError(f"{key} must be positive, got {value}")`));
          break;
        default:
          w.line('# Stored as given; the API layer already validated it.');
      }
      w.line('return value');
    });
    return true;
  };
}
