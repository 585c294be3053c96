// The modules every FastAPI + SQLAlchemy backend has once: settings, engine and session factory, the
// declarative base, dependencies, the user model, a generic CRUD base, the app and its routers, the
// test conftest, Alembic's env.py and a maintenance script.

import { Domain } from './domain';
import { PyWriter } from './writer';

export function configFile(): string {
  return `"""Application settings, read from the environment."""

from functools import lru_cache

from pydantic import BaseSettings


class Settings(BaseSettings):
    project_name: str = "Synthetic Platform"
    database_url: str = "postgresql+psycopg2://app:app@localhost:5432/app"
    secret_key: str = "change-me"
    access_token_expire_minutes: int = 60 * 24
    debug: bool = False

    class Config:
        env_file = ".env"


@lru_cache()
def get_settings() -> Settings:
    return Settings()


settings = get_settings()
`;
}

export function sessionFile(): string {
  return `"""Engine, session factory and the request-scoped session dependency."""

from typing import Generator

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.core.config import settings

engine = create_engine(settings.database_url, pool_pre_ping=True, pool_size=10, max_overflow=20)
SessionLocal = sessionmaker(bind=engine, autocommit=False, autoflush=False)


def get_db() -> Generator[Session, None, None]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
`;
}

export function baseClassFile(): string {
  return `"""Declarative base shared by every model."""

from sqlalchemy.orm import declarative_base

Base = declarative_base()
`;
}

export function depsFile(): string {
  return `"""FastAPI dependencies shared by the routers."""

from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session

from app.db.session import get_db
from app.models.user import User

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")

__all__ = ["get_db", "get_current_user"]


def get_current_user(token: str = Depends(oauth2_scheme), db: Session = Depends(get_db)) -> User:
    user = db.query(User).filter(User.api_token == token, User.is_active.is_(True)).first()
    if user is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Not authenticated")
    return user


def get_current_admin(user: User = Depends(get_current_user)) -> User:
    if not user.is_admin:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Admins only")
    return user
`;
}

export function userModelFile(): string {
  return `"""The user account every domain refers to."""

from sqlalchemy import Boolean, Column, DateTime, Integer, String, func

from app.db.base_class import Base


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True, index=True)
    email = Column(String(255), unique=True, index=True, nullable=False)
    full_name = Column(String(200))
    api_token = Column(String(64), unique=True, index=True)
    is_active = Column(Boolean, default=True, nullable=False)
    is_admin = Column(Boolean, default=False, nullable=False)
    created_at = Column(DateTime, server_default=func.now(), nullable=False)

    def __repr__(self) -> str:
        return f"<User {self.email}>"
`;
}

export function crudBaseFile(): string {
  return `"""Generic CRUD operations, specialised per model with CRUDBase[Model, Create, Update]."""

from typing import Any, Dict, Generic, List, Optional, Type, TypeVar, Union

from pydantic import BaseModel
from sqlalchemy.orm import Session

from app.db.base_class import Base

ModelType = TypeVar("ModelType", bound=Base)
CreateSchemaType = TypeVar("CreateSchemaType", bound=BaseModel)
UpdateSchemaType = TypeVar("UpdateSchemaType", bound=BaseModel)


class CRUDBase(Generic[ModelType, CreateSchemaType, UpdateSchemaType]):
    def __init__(self, model: Type[ModelType]):
        self.model = model

    def get(self, db: Session, id: Any) -> Optional[ModelType]:
        return db.query(self.model).filter(self.model.id == id).first()

    def get_multi(self, db: Session, skip: int = 0, limit: int = 100) -> List[ModelType]:
        return db.query(self.model).offset(skip).limit(limit).all()

    def create(self, db: Session, obj_in: CreateSchemaType) -> ModelType:
        db_obj = self.model(**obj_in.dict())
        db.add(db_obj)
        db.commit()
        db.refresh(db_obj)
        return db_obj

    def update(self, db: Session, db_obj: ModelType, obj_in: Union[UpdateSchemaType, Dict[str, Any]]) -> ModelType:
        update_data = obj_in if isinstance(obj_in, dict) else obj_in.dict(exclude_unset=True)
        for field, value in update_data.items():
            setattr(db_obj, field, value)
        db.add(db_obj)
        db.commit()
        db.refresh(db_obj)
        return db_obj

    def remove(self, db: Session, id: int) -> Optional[ModelType]:
        obj = db.query(self.model).get(id)
        if obj is None:
            return None
        db.delete(obj)
        db.commit()
        return obj
`;
}

/** `app/api/<area>.py`: one router per business area, including each domain's router. */
export function areaRouterFile(area: string, domains: Domain[]): string {
  const w = new PyWriter();
  w.docstring(`Routers of the ${area} area.`);
  w.blank();
  w.line('from fastapi import APIRouter');
  w.blank();
  for (const d of domains) w.line(`from ${d.pkg}.routes import router as ${d.name}_router`);
  w.blank();
  w.line('router = APIRouter()');
  for (const d of domains) w.line(`router.include_router(${d.name}_router)`);
  return w.toString();
}

export function mainFile(areas: string[]): string {
  const w = new PyWriter();
  w.docstring('ASGI entry point.');
  w.blank();
  w.line('from fastapi import FastAPI');
  w.line('from fastapi.middleware.cors import CORSMiddleware');
  w.blank();
  for (const a of areas) w.line(`from app.api import ${a} as ${a}_api`);
  w.line('from app.core.config import settings');
  w.blank();
  w.line('app = FastAPI(title=settings.project_name, debug=settings.debug)');
  w.line('app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["*"], allow_headers=["*"])');
  w.blank();
  for (const a of areas) w.line(`app.include_router(${a}_api.router)`);
  w.blank(2);
  w.line('@app.get("/healthz")');
  w.block('def healthz() -> dict', () => w.line('return {"ok": True}'));
  return w.toString();
}

export function conftestFile(): string {
  return `"""Test fixtures: an SQLite database per session, a transaction per test, and a TestClient."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.db.base_class import Base
from app.db.session import get_db
from app.main import app

engine = create_engine("sqlite:///./test.db", connect_args={"check_same_thread": False})
TestingSessionLocal = sessionmaker(bind=engine, autocommit=False, autoflush=False)


@pytest.fixture(scope="session", autouse=True)
def create_schema():
    Base.metadata.create_all(bind=engine)
    yield
    Base.metadata.drop_all(bind=engine)


@pytest.fixture
def db():
    connection = engine.connect()
    transaction = connection.begin()
    session = TestingSessionLocal(bind=connection)
    try:
        yield session
    finally:
        session.close()
        transaction.rollback()
        connection.close()


@pytest.fixture
def client(db):
    def override_get_db():
        yield db

    app.dependency_overrides[get_db] = override_get_db
    with TestClient(app) as test_client:
        yield test_client
    app.dependency_overrides.clear()
`;
}

export function alembicEnvFile(): string {
  return `"""Alembic environment: migrations stay synchronous."""

from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

from app.db.base_class import Base

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connectable = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
`;
}

export function alembicVersionFile(n: number): string {
  return `"""add indexes ${n}

Revision ID: ${(0xa1b2c3 + n * 7919).toString(16)}
"""

import sqlalchemy as sa
from alembic import op

revision = "${(0xa1b2c3 + n * 7919).toString(16)}"
down_revision = ${n === 0 ? 'None' : `"${(0xa1b2c3 + (n - 1) * 7919).toString(16)}"`}


def upgrade() -> None:
    op.add_column("users", sa.Column("extra_${n}", sa.String(32), nullable=True))


def downgrade() -> None:
    op.drop_column("users", "extra_${n}")
`;
}

export function seedScriptFile(domains: Domain[]): string {
  const w = new PyWriter();
  w.docstring('Loads demo data: python -m scripts.seed_data');
  w.blank();
  w.line('from app.db.session import SessionLocal');
  const picked = domains.slice(0, 5);
  for (const d of picked) w.line(`from ${d.pkg} import models as ${d.name}_models`);
  w.blank(2);
  w.block('def main() -> None', () => {
    w.block('with SessionLocal() as db', () => {
      for (const d of picked) {
        const e = d.entities[0];
        if (!e) continue;
        w.block(`if db.query(${d.name}_models.${e.cls}).count() == 0`, () => {
          w.line(`db.add(${d.name}_models.${e.cls}(${e.fields[0]?.name ?? 'name'}="demo"))`);
        });
      }
      w.line('db.commit()');
    });
  });
  w.blank(2);
  w.block('if __name__ == "__main__"', () => w.line('main()'));
  return w.toString();
}

export function packageInit(doc: string): string {
  return `"""${doc}"""\n`;
}
