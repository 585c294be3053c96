from sqlalchemy import select

from app.models import Todo, User


def test_create_todo(session, user: User):
    todo = Todo(user_id=user.id)
    session.add(todo)
    session.commit()
    user = session.scalar(select(User).where(User.id == user.id))
    assert todo in user.todos


def test_create_todo_unannotated(session, user):
    todo = Todo(user_id=user.id)
    session.add(todo)
    session.commit()
    user = session.scalar(select(User).where(User.id == user.id))
    assert todo in user.todos
