from sqlalchemy.ext.asyncio import AsyncSession

from app.utils.audit import record as log_action


class Reconciler:
    def __init__(self, db: AsyncSession):
        self.db = db

    def run(self) -> None:
        for action in ("a", "b"):
            log_action(self.db, action)
