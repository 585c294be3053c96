from sqlalchemy.orm import Session

from app.models import Setting


def get_setting(db: Session, key: str) -> Setting | None:
    return db.get(Setting, key)


def add_defaults(db: Session) -> None:
    db.add(Setting(key="theme", value="dark"))
