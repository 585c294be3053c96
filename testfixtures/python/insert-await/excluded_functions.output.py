from sqlalchemy.ext.asyncio import AsyncSession


def cleanup(db: AsyncSession):
    # Excluded by the configuration: left exactly as it is, nested code included.
    db.commit()

    def inner():
        db.flush()

    return inner


class Repo:
    @staticmethod
    def save(db: AsyncSession):
        db.commit()

    def load(self, db: AsyncSession):
        await db.commit()


def other(db: AsyncSession):
    await db.commit()
