from sqlalchemy import select

import app.named as named
from app.models import User


class UserRepo(named.NamedRepo):
    model = User

    async def by_name(self, name: str):
        return (await self.session.execute(select(User).where(User.name == name))).scalars().first()

    async def rename(self, id: int, name: str):
        user = await self.get(id)
        user.name = name
        await self.session.commit()
        return user
