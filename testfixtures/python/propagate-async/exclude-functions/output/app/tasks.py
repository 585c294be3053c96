from app.crud import get_user


def cleanup(db):
    # Excluded by the configuration: stays a plain def, its call is not awaited but flagged.
    return get_user(db, 1)


async def report(db):
    return await get_user(db, 2)


class Orders:
    @staticmethod
    def place(db):
        return get_user(db, 3)

    async def cancel(self, db):
        return await get_user(db, 4)


def uses_cleanup(db):
    # cleanup stays sync, so nothing here changes.
    return cleanup(db)
