from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Board
from sqlalchemy import select
from sqlalchemy.orm import selectinload


async def all_boards(db: AsyncSession):
    return (await db.scalars(select(Board).options(selectinload(Board.cards)).order_by(Board.id))).all()


async def one_board(db: AsyncSession, board_id: int):
    return await db.scalar(select(Board).options(selectinload(Board.cards)).where(Board.id == board_id).limit(1))
