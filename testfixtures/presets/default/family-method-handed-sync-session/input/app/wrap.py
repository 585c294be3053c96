from sqlalchemy.orm import Session


class Wrap:
    def __init__(self, model_class):
        self.model_class = model_class

    def get_by_id(self, id: int, db: Session):
        return db.query(self.model_class).filter(self.model_class.id == id).one_or_none()

    def create(self, fields: dict, db):
        obj = self.model_class(**fields)
        db.add(obj)
        db.commit()
        db.refresh(obj)
        return obj
