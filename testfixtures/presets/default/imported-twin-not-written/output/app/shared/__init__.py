# A re-export: the factory's twin written in session.py is re-exported here too, so importers of
# `app.shared` get it (jobs.py's get_db gets its twin).
from .session import AsyncJobSessionLocal, JobSessionLocal, async_job_engine, job_engine
