from fastapi import Depends

from app.config import Container

container = Container()


def read(db=Depends(container.get_db)):
    return db
