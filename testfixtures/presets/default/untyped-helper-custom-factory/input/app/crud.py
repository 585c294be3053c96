from app import models


def wipe(db):
    db.query(models.User).delete()
    db.commit()
