from app import models
from sqlalchemy import delete


async def wipe(db):
    await db.execute(delete(models.User).execution_options(synchronize_session='evaluate'))
    await db.commit()
