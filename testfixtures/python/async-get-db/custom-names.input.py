from fastapi import Depends

from app.database import get_db, get_session


def read(session=Depends(get_session), legacy=Depends(get_db)):
    return session, legacy
