from sqlalchemy import text

from app.jobs import engine


def ping() -> int:
    with engine.connect() as connection:
        return connection.execute(text("SELECT 1")).scalar_one()
