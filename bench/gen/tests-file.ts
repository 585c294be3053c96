// Pytest modules: API tests that only talk HTTP through TestClient, and tests that call the CRUD
// layer and services directly with a session fixture (some with Session mocks).

import { claim, fill, importBlock, Maker, targetLines } from './common';
import { crudCall, Domain, Entity, field, labelField } from './domain';
import { kebab, sampleValue } from './names';
import { Rng } from './random';
import { PyWriter } from './writer';

function jsonPayload(e: Entity, n: number, parentId: string | null): string {
  const parts = e.fields.filter((f) => !f.nullable).map((f) => `"${f.name}": ${sampleValue(f, n, true)}`);
  if (e.parent && parentId) parts.push(`"${e.parent.snake}_id": ${parentId}`);
  return `{${parts.join(', ')}}`;
}

function kwargs(e: Entity, n: number, parentId: string | null): string {
  const parts = e.fields.filter((f) => !f.nullable).map((f) => `${f.name}=${sampleValue(f, n, false)}`);
  if (e.parent && parentId) parts.push(`${e.parent.snake}_id=${parentId}`);
  return parts.join(', ');
}

function url(d: Domain, e: Entity): string {
  return d.entities[0] === e ? d.urlPrefix : `${d.urlPrefix}/${kebab(e.plural)}`;
}

export function apiTestsFile(rng: Rng, d: Domain): string {
  const w = new PyWriter();
  w.docstring(`API tests for ${d.urlPrefix}.`);
  w.blank();
  w.many(importBlock([['import pytest', 'from fastapi.testclient import TestClient'], [`from ${d.pkg} import models`]]));
  const main = d.entities[0] as Entity;
  w.blank(2);
  w.line('@pytest.fixture');
  w.block(`def ${main.snake}(db)`, () => {
    w.line(`obj = models.${main.cls}(${kwargs(main, 1, null)})`);
    w.line('db.add(obj)');
    w.line('db.commit()');
    w.line('db.refresh(obj)');
    w.line('return obj');
  });
  const makers: Maker[] = d.entities.flatMap((e) => apiTests(d, e, main));
  fill(rng, w, targetLines(rng, 50, 300), makers);
  return w.toString();
}

function apiTests(d: Domain, e: Entity, main: Entity): Maker[] {
  const base = url(d, e);
  const parent = e.parent ? `${main.snake}.id` : null;
  const fixtureArg = e.parent ? `, ${main.snake}` : '';
  const label = labelField(e);
  return [
    (w, used) => {
      if (!claim(used, `test_create_${e.snake}`)) return false;
      w.block(`def test_create_${e.snake}(client: TestClient${fixtureArg}) -> None`, () => {
        w.line(`response = client.post("${base}/", json=${jsonPayload(e, 2, parent)})`);
        w.line('assert response.status_code == 201, response.text');
        w.line('body = response.json()');
        w.line(`assert body["${label.name}"] == ${sampleValue(label, 2, true)}`);
        w.line('assert "id" in body');
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `test_read_missing_${e.snake}_returns_404`)) return false;
      w.block(`def test_read_missing_${e.snake}_returns_404(client: TestClient) -> None`, () => {
        w.line(`response = client.get("${base}/999999")`);
        w.line('assert response.status_code == 404');
        w.line(`assert response.json()["detail"] == "${e.cls} not found"`);
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `test_list_${e.plural}_paginates`)) return false;
      w.line('@pytest.mark.parametrize("skip,limit", [(0, 10), (5, 5), (0, 1)])');
      w.block(`def test_list_${e.plural}_paginates(client: TestClient, skip: int, limit: int${fixtureArg}) -> None`, () => {
        w.line(`response = client.get("${base}/", params={"skip": skip, "limit": limit})`);
        w.line('assert response.status_code == 200');
        w.line('assert len(response.json()) <= limit');
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `test_delete_${e.snake}`)) return false;
      w.block(`def test_delete_${e.snake}(client: TestClient, db${fixtureArg}) -> None`, () => {
        w.line(`obj = models.${e.cls}(${kwargs(e, 3, parent)})`);
        w.line('db.add(obj)');
        w.line('db.commit()');
        w.line(`response = client.delete(f"${base}/{obj.id}")`);
        w.line('assert response.status_code == 204');
        w.line('db.expire_all()');
        w.line(`assert db.query(models.${e.cls}).get(obj.id) is None`);
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `test_update_${e.snake}_${label.name}`)) return false;
      w.block(`def test_update_${e.snake}_${label.name}(client: TestClient, db${fixtureArg}) -> None`, () => {
        w.line(`obj = models.${e.cls}(${kwargs(e, 4, parent)})`);
        w.line('db.add(obj)');
        w.line('db.commit()');
        w.line(`response = client.patch(f"${base}/{obj.id}", json={"${label.name}": "renamed ✓"})`);
        w.line('assert response.status_code == 200');
        w.line(`assert response.json()["${label.name}"] == "renamed ✓"`);
      });
      return true;
    },
    (w, used) => {
      if (!field(e, 'status') || !claim(used, `test_${e.snake}_stats_counts_by_status`)) return false;
      w.block(`def test_${e.snake}_stats_counts_by_status(client: TestClient) -> None`, () => {
        w.line(`response = client.get("${base}/stats")`);
        w.line('assert response.status_code == 200');
        w.line('data = response.json()');
        w.line('assert data["total"] == sum(data["by_status"].values())');
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, 'test_health')) return false;
      w.block('def test_health(client: TestClient) -> None', () => {
        w.line(`assert client.get("${d.urlPrefix}/health").json() == {"status": "ok", "domain": "${d.name}"}`);
      });
      return true;
    },
  ];
}

export function crudTestsFile(rng: Rng, d: Domain): string {
  const w = new PyWriter();
  w.docstring(`Tests for the ${d.name.replace(/_/g, ' ')} data layer and services.`);
  w.blank();
  w.many(
    importBlock([
      ['from datetime import datetime, timedelta', 'from decimal import Decimal', 'from unittest.mock import MagicMock'],
      ['import pytest', 'from sqlalchemy.orm import Session'],
      [`from ${d.pkg} import crud, models, schemas, services`],
    ]),
  );
  const makers: Maker[] = d.entities.flatMap((e) => crudTests(d, e));
  fill(rng, w, targetLines(rng, 50, 260), makers);
  return w.toString();
}

function crudTests(d: Domain, e: Entity): Maker[] {
  const db = 'db';
  const main = d.entities[0] as Entity;
  const needsParent = e.parent !== null;
  const makeParent = (w: PyWriter): void => {
    if (!needsParent) return;
    w.line(`parent = models.${main.cls}(${kwargs(main, 5, null)})`);
    w.line('db.add(parent)');
    w.line('db.commit()');
  };
  const parentId = needsParent ? 'parent.id' : null;
  const label = labelField(e);
  return [
    (w, used) => {
      if (!claim(used, `test_create_and_get_${e.snake}`)) return false;
      w.block(`def test_create_and_get_${e.snake}(db: Session) -> None`, () => {
        makeParent(w);
        w.line(`payload = schemas.${e.cls}Create(${kwargs(e, 6, parentId)})`);
        w.line(`created = ${crudCall(d, e, 'create', db, ['payload'])}`);
        w.line(`fetched = ${crudCall(d, e, 'get', db, ['created.id'])}`);
        w.line('assert fetched is not None');
        w.line(`assert fetched.${label.name} == payload.${label.name}`);
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `test_list_${e.plural}_respects_limit`)) return false;
      w.block(`def test_list_${e.plural}_respects_limit(db: Session) -> None`, () => {
        makeParent(w);
        w.block('for n in range(5)', () => {
          w.line(`db.add(models.${e.cls}(${kwargs(e, 7, parentId).replace(/"([a-z_]+)-7"/g, 'f"$1-{n}"')}))`);
        });
        w.line('db.commit()');
        w.line(`page = ${crudCall(d, e, 'list', db, ['0', '3'])}`);
        w.line('assert len(page) == 3');
        w.line(`assert db.query(models.${e.cls}).count() >= 5`);
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `test_remove_${e.snake}`)) return false;
      w.block(`def test_remove_${e.snake}(db: Session) -> None`, () => {
        makeParent(w);
        w.line(`obj = models.${e.cls}(${kwargs(e, 8, parentId)})`);
        w.line('db.add(obj)');
        w.line('db.commit()');
        w.line(`assert ${crudCall(d, e, 'remove', db, ['obj.id'])}`);
        w.line(`assert db.query(models.${e.cls}).filter(models.${e.cls}.id == obj.id).first() is None`);
      });
      return true;
    },
    (w, used) => {
      if (d.entities[0] !== e || !claim(used, `test_archive_${e.snake}_unknown_id`)) return false;
      w.block(`def test_archive_${e.snake}_unknown_id(db: Session) -> None`, () => {
        w.block('with pytest.raises(LookupError)', () => w.line(`services.archive_${e.snake}(db, 123456)`));
      });
      return true;
    },
    (w, used) => {
      if (d.entities[0] !== e || !claim(used, `test_create_${e.snake}_with_mocked_session`)) return false;
      w.block(`def test_create_${e.snake}_with_mocked_session() -> None`, () => {
        w.line('session = MagicMock(spec=Session)');
        w.line('session.query.return_value.filter.return_value.first.return_value = None');
        w.line(`payload = schemas.${e.cls}Create(${kwargs(e, 9, null)})`);
        w.line(`services.create_${e.snake}(session, payload)`);
        w.line('assert session.commit.called');
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `${e.snake}_factory`)) return false;
      w.line('@pytest.fixture');
      w.block(`def ${e.snake}_factory(db: Session)`, () => {
        w.line('created = []');
        w.blank();
        w.block(`def make(**overrides)`, () => {
          w.line(`values = dict(${kwargs(e, 10, null)})`);
          w.line('values.update(overrides)');
          w.line(`obj = models.${e.cls}(**values)`);
          w.line('db.add(obj)');
          w.line('db.flush()');
          w.line('created.append(obj)');
          w.line('return obj');
        });
        w.blank();
        w.line('yield make');
        w.block('for obj in created', () => w.line('db.delete(obj)'));
        w.line('db.commit()');
      });
      return true;
    },
    (w, used) => {
      if (!claim(used, `test_${e.plural}_are_ordered_by_creation`)) return false;
      w.block(`def test_${e.plural}_are_ordered_by_creation(db: Session) -> None`, () => {
        w.line(`rows = db.query(models.${e.cls}).order_by(models.${e.cls}.created_at.desc()).limit(10).all()`);
        w.line('stamps = [row.created_at for row in rows]');
        w.line('assert stamps == sorted(stamps, reverse=True)');
      });
      return true;
    },
  ];
}
