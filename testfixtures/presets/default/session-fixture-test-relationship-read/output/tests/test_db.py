from sqlalchemy import select

from app.models import Todo, User
import pytest
from sqlalchemy.orm import selectinload


@pytest.mark.asyncio
async def test_create_todo(session, user: User):
    todo = Todo(user_id=user.id)
    session.add(todo)
    await session.commit()
    user = await session.scalar(select(User).options(selectinload(User.todos)).where(User.id == user.id))
    assert todo in user.todos


@pytest.mark.asyncio
async def test_create_todo_unannotated(session, user):
    todo = Todo(user_id=user.id)
    session.add(todo)
    await session.commit()
    user = await session.scalar(select(User).options(selectinload(User.todos)).where(User.id == user.id))
    assert todo in user.todos
