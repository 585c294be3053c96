from fastapi import Depends
from sqlalchemy.orm import Session

from app.db import get_db


class Service:
    def __init__(self, db: Session = Depends(get_db)):
        self.db = db


class Audited(Service):
    def touch(self):
        self.db.commit()
