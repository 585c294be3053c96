from app import engine


def get_db():
    # `engine.async_session` would not exist: no get_async_db is written (flagged).
    db = engine.session()
    try:
        yield db
    finally:
        db.close()
