import os.path

import app.svc as svc
from sqlalchemy.ext.asyncio import AsyncSession


async def show(db: AsyncSession, item_id: int):
    # `import app.svc as svc` binds svc to the module app.svc (and `import os.path` binds os, not path).
    return await svc.get_item(db, item_id), os.path.sep
