# Handed on again from app.db: what app.db binds conditionally stays sync here too.
from app.db import SessionLocal, get_db
