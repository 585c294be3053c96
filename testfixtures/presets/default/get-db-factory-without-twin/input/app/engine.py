from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker


def make_engine(url: str):
    engine = create_engine(url)
    return engine, sessionmaker(bind=engine)


# A factory returned by a function: no async twin can be written for it.
engine, session = make_engine("sqlite:///./app.db")
