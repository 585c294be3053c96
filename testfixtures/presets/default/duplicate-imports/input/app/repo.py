from sqlalchemy.orm import Session

from app import models
from app import models


def recent_posts(db: Session):
    return db.query(models.Post).order_by(models.Post.id.desc()).all()
