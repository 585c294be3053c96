from app.models import User


class CRUDUser:
    @staticmethod
    def get(db, id):
        return db.query(User).filter(User.id == id).first()

    @classmethod
    def get_or_create(cls, db, email):
        found = cls.by_email(db, email)
        if found is not None:
            return found
        return cls.create(db, email)

    @classmethod
    def by_email(cls, db, email):
        return db.query(User).filter(User.email == email).first()

    @staticmethod
    def create(db, email):
        user = User(email=email)
        db.add(user)
        db.commit()
        db.refresh(user)
        return user

    def deactivate(self, db, id):
        # A plain method: called through the class (`CRUDUser.deactivate(CRUDUser(), db, id)`) it takes `self`
        # first, which the inference does not follow.
        user = db.query(User).filter(User.id == id).one()
        user.active = False
        db.commit()
        return user
