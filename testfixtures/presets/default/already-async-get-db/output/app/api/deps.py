from fastapi import Depends

from .. import db as database
from ..db import get_db


async def first_name(session=Depends(get_db)):
    return session


async def second_name(session=Depends(database.get_db)):
    return session
