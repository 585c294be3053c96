from fastapi import Depends

from ..repositories.user_repo import UserRepo


class UserService:
    def __init__(self, repo: UserRepo):
        self.repo = repo

    def find(self, user_id: int):
        return self.repo.get(user_id)

    def label(self) -> str:
        return self.repo.table_name()


def get_user_service(repo: UserRepo = Depends(UserRepo)) -> UserService:
    return UserService(repo)
