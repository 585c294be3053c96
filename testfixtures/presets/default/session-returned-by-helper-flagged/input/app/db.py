from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine("sqlite:///./app.db")
SessionLocal = sessionmaker(bind=engine)


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


def new_session() -> Session:
    return SessionLocal()


def tenant_session(slug: str) -> Session:
    tenant_engine = engine.execution_options(schema_translate_map={None: slug})
    session = sessionmaker(bind=tenant_engine)()
    return session
