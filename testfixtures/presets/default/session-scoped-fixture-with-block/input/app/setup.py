from sqlalchemy.orm import Session

from app import crud


def seed_admin(db: Session) -> None:
    if crud.get_customer_by_email(db, "admin@example.com") is None:
        crud.create_customer(db, "admin@example.com", "Admin")
