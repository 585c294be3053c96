from app.repo import TagRepository


class TagService:
    def __init__(self, repo: TagRepository) -> None:
        self._repo = repo

    async def shouting(self) -> list[str]:
        return [label.upper() for label in await self._repo.labels()]
