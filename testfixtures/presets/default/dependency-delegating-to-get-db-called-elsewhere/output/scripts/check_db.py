from sqlalchemy import text

from app.deps import provide_session


def ping() -> int:
    db = next(provide_session())
    return db.execute(text("select 1")).scalar_one()


if __name__ == "__main__":
    print(ping())
