from app.factory import AllRepositories


class ItemService:
    def __init__(self, repos: AllRepositories) -> None:
        self.repos = repos

    async def add_two(self, name: str) -> None:
        await self.repos.items.add(name)
        await self.repos.items.add(name + "2")


async def add_one(repos: AllRepositories, name: str):
    return await repos.items.add(name)
