from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from .settings import engine_options

engine = create_engine("postgresql://app@localhost/orders", connect_args=engine_options())
SessionLocal = sessionmaker(bind=engine)


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
