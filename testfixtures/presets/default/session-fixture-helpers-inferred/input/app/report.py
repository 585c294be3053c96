from sqlalchemy.orm import Session

from tests.helpers import names


def report(db: Session):
    db.commit()
    return names(db)
