from sqlalchemy.orm import Session

from app.models import Tag


def init_db(session: Session):
    session.add(Tag(name="first"))
    session.commit()
