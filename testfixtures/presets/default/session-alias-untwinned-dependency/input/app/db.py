from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, sessionmaker

engine = create_engine("sqlite:///./p2.db")
SessionLocal = sessionmaker(bind=engine)


class Base(DeclarativeBase):
    pass


def audit(db):
    print(len(db.new))


def get_db():
    db = SessionLocal()
    try:
        yield db
        audit(db)
    finally:
        db.close()
