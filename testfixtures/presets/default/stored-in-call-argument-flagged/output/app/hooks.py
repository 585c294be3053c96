from sqlalchemy.ext.asyncio import AsyncSession

from app import crud


async def load_context(db: AsyncSession, context: dict):
    context["item"] = await crud.get_item(db, 1)


def check_name(db: AsyncSession, context: dict):
    context["ok"] = context["item"] is not None
