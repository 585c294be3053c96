from sqlalchemy.orm import Session

from app.models import User


class UserRepo:
    def __init__(self, db: Session):
        self.db = db

    def get(self, id: int):
        return self.db.query(User).filter(User.id == id).first()

    def add(self, email: str):
        user = User(email=email)
        self.db.add(user)
        self.db.flush()
        return user


class UnitOfWork:
    def __init__(self, db: Session):
        self.db = db
        self.users = UserRepo(db)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def commit(self):
        self.db.commit()


class Reader:
    def __init__(self, db: Session):
        self.db = db

    def __enter__(self):
        # Hands out the repository, not itself.
        return UserRepo(self.db)

    def __exit__(self, *exc):
        return False
