from fastapi import Depends

from app.deps import get_db, get_session


def uses_configured(db=Depends(get_session)):
    pass


def uses_default_name(db=Depends(get_db)):
    pass
