from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

DATABASE_URL = "sqlite:///./app.db"


def get_db_session():
    engine = create_engine(DATABASE_URL)
    factory = sessionmaker(bind=engine)
    with factory() as session:
        yield session
