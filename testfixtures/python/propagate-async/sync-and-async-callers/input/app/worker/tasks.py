from celery import shared_task

from app.db.session import SessionLocal
from app.services.mail import welcome_text


@shared_task
def send_welcome(user_id: int) -> None:
    with SessionLocal() as db:
        send(welcome_text(db, user_id))


def send(text: str) -> None:
    print(text)
