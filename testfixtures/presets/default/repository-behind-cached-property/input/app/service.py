from app.factory import AllRepositories


class ItemService:
    def __init__(self, repos: AllRepositories) -> None:
        self.repos = repos

    def add_two(self, name: str) -> None:
        self.repos.items.add(name)
        self.repos.items.add(name + "2")


def add_one(repos: AllRepositories, name: str):
    return repos.items.add(name)
