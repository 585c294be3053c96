from app.db import SessionLocal


class Transaction:
    def __enter__(self):
        self.session = SessionLocal()
        return self

    def __exit__(self, exc_type, exc, tb):
        # Python calls this without await: whatever it calls on the session runs synchronously.
        self.session.rollback()
        self.session.close()

    def commit(self):
        self.session.commit()
