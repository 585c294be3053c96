# A re-export: the twins written in session.py are not added here, so importers of
# `app.shared` cannot get them (flagged at their get_db).
from .session import JobSessionLocal, job_engine
