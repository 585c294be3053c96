from fastapi import Depends

from app.deps import *


def read(db=Depends(get_db)):
    return db
