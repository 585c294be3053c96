from sqlalchemy import select

import app.named as named
from app.models import User


class UserRepo(named.NamedRepo):
    model = User

    def by_name(self, name: str):
        return self.session.execute(select(User).where(User.name == name)).scalars().first()

    def rename(self, id: int, name: str):
        user = self.get(id)
        user.name = name
        self.session.commit()
        return user
