import os
import shutil
import tempfile
from typing import Callable, Generator, Sequence

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.database import Base, get_db
from app.main import app
from app.models import Product
from app.repositories import OrderRepository, ProductRepository, ReportRepository, TagRepository
from app.services import CatalogService, OrderService, ReportService

# A file rather than ":memory:": TestClient serves requests from another thread, and every connection
# to an in-memory SQLite database would see its own empty database.
_tmpdir = tempfile.mkdtemp(prefix="shop-tests-")
SQLALCHEMY_DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{_tmpdir}/test.db"

connect_args = {"check_same_thread": False} if SQLALCHEMY_DATABASE_URL.startswith("sqlite") else {}
engine = create_engine(SQLALCHEMY_DATABASE_URL, connect_args=connect_args)
TestingSessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)


@pytest.fixture(scope="session", autouse=True)
def database() -> Generator[None, None, None]:
    # drop_all first: a Postgres database may hold tables from an interrupted earlier run.
    Base.metadata.drop_all(bind=engine)
    Base.metadata.create_all(bind=engine)
    yield
    Base.metadata.drop_all(bind=engine)
    engine.dispose()
    shutil.rmtree(_tmpdir, ignore_errors=True)


@pytest.fixture(autouse=True)
def clean_tables() -> Generator[None, None, None]:
    yield
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture()
def db() -> Generator[Session, None, None]:
    session = TestingSessionLocal()
    try:
        yield session
    finally:
        session.close()


def override_get_db() -> Generator[Session, None, None]:
    session = TestingSessionLocal()
    try:
        yield session
    finally:
        session.close()


@pytest.fixture()
def client() -> Generator[TestClient, None, None]:
    app.dependency_overrides[get_db] = override_get_db
    with TestClient(app) as c:
        yield c
    app.dependency_overrides.clear()


@pytest.fixture()
def catalog(db: Session) -> CatalogService:
    return CatalogService(db, ProductRepository(db), TagRepository(db), OrderRepository(db))


@pytest.fixture()
def order_service(db: Session) -> OrderService:
    return OrderService(db, OrderRepository(db), ProductRepository(db))


@pytest.fixture()
def report_service(db: Session) -> ReportService:
    return ReportService(ReportRepository(db))


@pytest.fixture()
def make_product(catalog: CatalogService) -> Callable[..., Product]:
    counter = iter(range(1, 10_000))

    def make(
        name: str = "Widget",
        *,
        price_cents: int = 1000,
        stock: int = 10,
        tags: Sequence[str] = (),
        sku: str = "",
    ) -> Product:
        return catalog.create_product(
            sku=sku or f"SKU-{next(counter):04d}", name=name, price_cents=price_cents, stock=stock, tags=tags
        )

    return make


def stock_of(product_id: int) -> int:
    """Reads stock through a fresh session, so nothing cached in the session under test can answer."""
    with TestingSessionLocal() as session:
        return session.get(Product, product_id).stock
