from sqlalchemy.orm import Session


class Repository:
    # class bodies read globals when the class namespace lacks the name: this is the module's Session
    session_class = Session

    def __init__(self, db: Session) -> None:
        self.db = db


class Legacy:
    Session = Session

    def run(self, db: Session) -> None:
        pass
