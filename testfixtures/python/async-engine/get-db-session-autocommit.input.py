from sqlalchemy import create_engine
from sqlalchemy.orm import Session

engine = create_engine("postgresql://app@localhost/app")


def get_db():
    # autocommit mode has no AsyncSession equivalent: not converted, reported.
    with Session(bind=engine, autocommit=True) as session:
        yield session
