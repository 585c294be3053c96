# An explicit re-export (`X as X`, for type checkers that want it): a plain one.
from app.db.session import get_db as get_db
