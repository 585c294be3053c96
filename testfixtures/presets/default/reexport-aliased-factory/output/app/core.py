# A plain re-export of the alias.
from app.db import AsyncDBSession, DBSession
