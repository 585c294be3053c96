from app.users import UserRepo


class AdminRepo(UserRepo):
    async def promote(self, id: int):
        user = await self.get(id)
        user.admin = True
        await self.session.commit()
        return user
