from sqlmodel import Session, select


class Repository:
    def get_all(self, session: Session, model):
        return session.exec(select(model)).all()

    def statement(self, model):
        return select(model)
