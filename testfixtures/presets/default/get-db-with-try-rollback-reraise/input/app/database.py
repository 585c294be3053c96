from sqlalchemy import create_engine
from sqlalchemy.orm import Session

engine = create_engine("sqlite:///./app.db")


# Rolls back and re-raises inside the `with`: what closing the AsyncSession does anyway.
def get_db():
    with Session(engine) as session:
        try:
            yield session
        except Exception:
            session.rollback()
            raise
