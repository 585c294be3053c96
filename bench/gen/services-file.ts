// services.py: business logic over the session: transactions, loops over query results, calls into
// the CRUD layer and into each other (call chains an async migration must propagate through), and a
// few helpers that never touch the database.

import { claim, fill, importBlock, Maker, maybeComment, targetLines } from './common';
import { crudCall, Domain, Entity, field, labelField } from './domain';
import { FieldSpec } from './names';
import { Rng } from './random';
import { PyWriter } from './writer';

export function servicesFile(rng: Rng, d: Domain): string {
  const w = new PyWriter();
  const db = d.dbName;
  const main = d.entities[0] as Entity;
  w.docstring(`Business rules for ${d.name.replace(/_/g, ' ')}.`);
  w.blank();
  w.many(
    importBlock([
      ['import csv', 'import logging', 'from datetime import datetime, timedelta', 'from decimal import Decimal', 'from typing import IO, Any, Dict, Iterable, List, Optional'],
      ['from sqlalchemy import func', 'from sqlalchemy.exc import IntegrityError, SQLAlchemyError', 'from sqlalchemy.orm import Session'],
      ['from app.db.session import SessionLocal', 'from app.models.user import User', `from ${d.pkg} import crud, models, schemas`],
    ]),
  );
  w.blank();
  w.line('logger = logging.getLogger(__name__)');
  w.blank(2);
  const used = new Set<string>();
  createService(rng, w, d, main, db, used);
  w.blank(2);
  archiveService(w, d, main, db, used);
  const makers: Maker[] = [];
  for (const e of d.entities) makers.push(...extraServices(d, e, db));
  fill(rng, w, targetLines(rng, 60, 350), makers, 2, used);
  return w.toString();
}

function createService(rng: Rng, w: PyWriter, d: Domain, e: Entity, db: string, used: Set<string>): void {
  claim(used, `create_${e.snake}`);
  const unique = e.fields.find((f) => f.name === 'code' || f.name === 'email');
  w.block(`def create_${e.snake}(${db}: Session, payload: schemas.${e.cls}Create, actor: Optional[User] = None) -> models.${e.cls}`, () => {
    if (unique) {
      w.line(`existing = ${db}.query(models.${e.cls}).filter(models.${e.cls}.${unique.name} == payload.${unique.name}).first()`);
      w.block('if existing is not None', () => w.line(`raise ValueError(f"${unique.name} {payload.${unique.name}!r} is already used")`));
    }
    maybeComment(rng, w, 0.2);
    w.line(`obj = ${crudCall(d, e, 'create', db, ['payload'])}`);
    if (e.owned) {
      w.block('if actor is not None', () => {
        w.line('obj.owner_id = actor.id');
        w.line(`${db}.commit()`);
      });
    }
    w.line(`logger.info("created ${e.snake} %s", obj.id)`);
    w.line('return obj');
  });
}

function archiveService(w: PyWriter, d: Domain, e: Entity, db: string, used: Set<string>): void {
  claim(used, `archive_${e.snake}`);
  const status = field(e, 'status');
  w.block(`def archive_${e.snake}(${db}: Session, ${e.snake}_id: int, actor: Optional[User] = None) -> models.${e.cls}`, () => {
    w.line(`obj = ${crudCall(d, e, 'get', db, [`${e.snake}_id`])}`);
    w.block('if obj is None', () => w.line(`raise LookupError(f"${e.cls} {${e.snake}_id} does not exist")`));
    if (status) w.line('obj.status = "archived"');
    else w.line(`${db}.delete(obj)`);
    w.block('try', () => w.line(`${db}.commit()`));
    w.block('except SQLAlchemyError', () => {
      w.line(`${db}.rollback()`);
      w.line(`logger.exception("could not archive ${e.snake} %s", ${e.snake}_id)`);
      w.line('raise');
    });
    w.line(`logger.info("archived ${e.snake} %s by %s", ${e.snake}_id, actor.email if actor else "system")`);
    w.line('return obj');
  });
}

function numericField(e: Entity): FieldSpec | undefined {
  return e.fields.find((f) => f.kind === 'decimal' || f.kind === 'int' || f.kind === 'float');
}

function extraServices(d: Domain, e: Entity, db: string): Maker[] {
  const m = `models.${e.cls}`;
  const label = labelField(e);
  const status = field(e, 'status');
  const amount = numericField(e);
  return [
    (w, used) => {
      if (!claim(used, `summarize_${e.plural}`)) return false;
      w.block(`def summarize_${e.plural}(${db}: Session) -> Dict[str, Any]`, () => {
        w.line(`rows = ${db}.query(${m}).all()`);
        w.line('summary: Dict[str, Any] = {"count": len(rows)}');
        if (amount) {
          w.line(`total = sum((row.${amount.name} or 0) for row in rows)`);
          w.line('summary["total"] = total');
          w.line('summary["average"] = total / len(rows) if rows else 0');
        }
        if (status) {
          w.line('by_status: Dict[str, int] = {}');
          w.block('for row in rows', () => w.line('by_status[row.status] = by_status.get(row.status, 0) + 1'));
          w.line('summary["by_status"] = by_status');
        }
        w.line('return summary');
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `export_${e.plural}_csv`)) return false;
      const cols = ['id', ...e.fields.slice(0, 4).map((f) => f.name)];
      w.block(`def export_${e.plural}_csv(${db}: Session, stream: IO[str]) -> int`, () => {
        w.line('writer = csv.writer(stream)');
        w.line(`writer.writerow([${cols.map((c) => `"${c}"`).join(', ')}])`);
        w.line('written = 0');
        w.block(`for obj in ${db}.query(${m}).order_by(${m}.id)`, () => {
          w.line(`writer.writerow([${cols.map((c) => `obj.${c}`).join(', ')}])`);
          w.line('written += 1');
        });
        w.line('return written');
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `sync_${e.plural}_from_feed`)) return false;
      const key = e.fields.find((f) => f.name === 'external_id' || f.name === 'code' || f.name === 'reference') ?? label;
      w.block(`def sync_${e.plural}_from_feed(${db}: Session, records: Iterable[dict]) -> Dict[str, int]`, () => {
        w.docstring('Upserts records from the partner feed; one bad record does not stop the batch.');
        w.line('stats = {"created": 0, "updated": 0, "failed": 0}');
        w.block('for record in records', () => {
          w.line(`obj = ${db}.query(${m}).filter_by(${key.name}=record.get("${key.name}")).one_or_none()`);
          w.block('if obj is None', () => {
            w.line(`obj = ${m}(**{k: v for k, v in record.items() if hasattr(${m}, k)})`);
            w.line(`${db}.add(obj)`);
            w.line('stats["created"] += 1');
          });
          w.block('else', () => {
            w.block('for key, value in record.items()', () => w.line('setattr(obj, key, value)'));
            w.line('stats["updated"] += 1');
          });
          w.block('try', () => w.line(`${db}.flush()`));
          w.block('except IntegrityError', () => {
            w.line(`${db}.rollback()`);
            w.line('stats["failed"] += 1');
          });
        });
        w.line(`${db}.commit()`);
        w.line('return stats');
      });
      return true;
    },
    (w, used) => {
      if (!e.owned || !claim(used, `notify_${e.snake}_owner`)) return false;
      w.block(`def notify_${e.snake}_owner(${db}: Session, ${e.snake}_id: int) -> Optional[str]`, () => {
        w.line(`obj = ${db}.query(${m}).get(${e.snake}_id)`);
        w.block('if obj is None or obj.owner is None', () => w.line('return None'));
        w.line(`message = f"Your ${e.snake.replace(/_/g, ' ')} {obj.${label.name}} was updated."`);
        w.line('logger.info("notify %s: %s", obj.owner.email, message)');
        w.line('return obj.owner.email');
      });
      return true;
    },
    (w, used) => {
      const child = e.children.find((c) => numericField(c));
      if (!child || !claim(used, `recalculate_${e.snake}`)) return false;
      const n = numericField(child) as FieldSpec;
      w.block(`def recalculate_${e.snake}(${db}: Session, ${e.snake}_id: int) -> Decimal`, () => {
        w.line(`obj = ${crudCall(d, e, 'get', db, [`${e.snake}_id`])}`);
        w.block('if obj is None', () => w.line(`raise LookupError(f"${e.cls} {${e.snake}_id} does not exist")`));
        w.line('total = Decimal("0")');
        w.block(`for item in obj.${child.plural}`, () => w.line(`total += Decimal(str(item.${n.name} or 0))`));
        if (amount && amount.kind === 'decimal') w.line(`obj.${amount.name} = total`);
        w.line(`${db}.commit()`);
        w.line('return total');
      });
      return true;
    },
    (w, used) => {
      if (!status || !claim(used, `archive_stale_${e.plural}`)) return false;
      w.block(`def archive_stale_${e.plural}(${db}: Session, older_than_days: int = 90) -> int`, () => {
        w.line('cutoff = datetime.utcnow() - timedelta(days=older_than_days)');
        w.line(`stale = ${db}.query(${m}).filter(${m}.created_at < cutoff, ${m}.status != "archived").all()`);
        w.block('with ' + db + '.begin_nested()', () => {
          w.block('for obj in stale', () => w.line('obj.status = "archived"'));
        });
        w.line(`${db}.commit()`);
        w.line('return len(stale)');
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `close_${e.snake}_period`)) return false;
      // Calls other services: the call chain an async migration must propagate awaits through.
      w.block(`def close_${e.snake}_period(${db}: Session) -> Dict[str, Any]`, () => {
        w.line(`summary = summarize_${e.plural}(${db})`);
        if (status) w.line(`summary["archived"] = archive_stale_${e.plural}(${db})`);
        w.line('summary["closed_at"] = datetime.utcnow().isoformat()');
        w.line('return summary');
      });
      // The helpers it calls may not have been written yet in this module.
      ensureSummarize(w, used, db, e, m, amount, status);
      return true;
    },
    (w, used) => {
      if (!claim(used, `bulk_import_${e.plural}`)) return false;
      w.block(`def bulk_import_${e.plural}(${db}: Session, rows: List[Dict[str, Any]]) -> int`, () => {
        w.line(`objects = [${m}(**row) for row in rows]`);
        w.line(`${db}.bulk_save_objects(objects)`);
        w.line(`${db}.commit()`);
        w.line('return len(objects)');
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `nightly_${e.snake}_cleanup`)) return false;
      w.block(`def nightly_${e.snake}_cleanup() -> None`, () => {
        w.docstring('Entry point for the scheduler: opens its own session.');
        w.block('with SessionLocal() as session', () => {
          w.line(`removed = session.query(${m}).filter(${m}.created_at < datetime.utcnow() - timedelta(days=365)).delete()`);
          w.line('session.commit()');
          w.line(`logger.info("nightly cleanup removed %d ${e.plural}", removed)`);
        });
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `${e.snake}_discount`)) return false;
      w.block(`def ${e.snake}_discount(amount: Decimal, loyalty_years: int) -> Decimal`, () => {
        w.docstring('Pure pricing rule; no database access.');
        w.line('rate = Decimal("0.00")');
        w.block('if loyalty_years >= 5', () => w.line('rate = Decimal("0.10")'));
        w.block('elif loyalty_years >= 2', () => w.line('rate = Decimal("0.05")'));
        w.line('return (amount * (1 - rate)).quantize(Decimal("0.01"))');
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `rename_${e.snake}`)) return false;
      w.block(`def rename_${e.snake}(${db}: Session, ${e.snake}_id: int, new_${label.name}: str) -> models.${e.cls}`, () => {
        w.block(`with ${db}.no_autoflush`, () => {
          w.line(`obj = ${crudCall(d, e, 'get', db, [`${e.snake}_id`])}`);
          w.block('if obj is None', () => w.line(`raise LookupError(f"${e.cls} {${e.snake}_id} does not exist")`));
          w.line(`clash = ${db}.query(${m}).filter(${m}.${label.name} == new_${label.name}, ${m}.id != obj.id).count()`);
          w.block('if clash', () => w.line(`raise ValueError(f"{new_${label.name}!r} is taken")`));
          w.line(`obj.${label.name} = new_${label.name}`);
        });
        w.line(`${db}.commit()`);
        w.line(`${db}.refresh(obj)`);
        w.line('return obj');
      });
      return true;
    },
  ];
}

function ensureSummarize(w: PyWriter, used: Set<string>, db: string, e: Entity, m: string, amount: FieldSpec | undefined, status: FieldSpec | undefined): void {
  if (claim(used, `summarize_${e.plural}`)) {
    w.blank(2);
    w.block(`def summarize_${e.plural}(${db}: Session) -> Dict[str, Any]`, () => {
      w.line(`count = ${db}.query(func.count(${m}.id)).scalar()`);
      if (amount) w.line(`total = ${db}.query(func.coalesce(func.sum(${m}.${amount.name}), 0)).scalar()`);
      w.line(amount ? 'return {"count": count, "total": total}' : 'return {"count": count}');
    });
  }
  if (status && claim(used, `archive_stale_${e.plural}`)) {
    w.blank(2);
    w.block(`def archive_stale_${e.plural}(${db}: Session, older_than_days: int = 90) -> int`, () => {
      w.line('cutoff = datetime.utcnow() - timedelta(days=older_than_days)');
      w.line(`count = ${db}.query(${m}).filter(${m}.created_at < cutoff).update({${m}.status: "archived"}, synchronize_session=False)`);
      w.line(`${db}.commit()`);
      w.line('return count');
    });
  }
}
