from sqlalchemy.orm import Session

from app.models import User


# Unannotated: nothing tells insert-await that `self.db` is a session, so its methods stay sync.
class LegacyUserRepository:
    def __init__(self, db):
        self.db = db

    def get(self, user_id: int):
        return self.db.get(User, user_id)


class UserRepository:
    def __init__(self, db: Session):
        self.db = db

    def get(self, user_id: int):
        return self.db.get(User, user_id)


# Hands its session on to the legacy repository.
class UserService:
    def __init__(self, db: Session):
        self.repo = LegacyUserRepository(db)

    def find(self, user_id: int):
        return self.repo.get(user_id)


def save_user(db: Session, user: User) -> User:
    db.add(user)
    db.commit()
    return user


# Sync uses of `self.db`, but `save` hands it to a function made async, so `save` is a coroutine method: the
# object needs an AsyncSession there, a sync Session here; broken either way, it keeps the async session.
class MixedUserRepository:
    def __init__(self, db):
        self.db = db

    def get(self, user_id: int):
        return self.db.get(User, user_id)

    def save(self, user: User):
        return save_user(self.db, user)
