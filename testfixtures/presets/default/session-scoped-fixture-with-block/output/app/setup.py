from sqlalchemy.ext.asyncio import AsyncSession

from app import crud


async def seed_admin(db: AsyncSession) -> None:
    if await crud.get_customer_by_email(db, "admin@example.com") is None:
        await crud.create_customer(db, "admin@example.com", "Admin")
