# A second re-export, of the first one.
from app.db import AsyncJobSession, JobSession
