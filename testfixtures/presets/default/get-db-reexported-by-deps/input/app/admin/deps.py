# Re-exports get_db; the admin routes only use it as `admin_deps.get_db`, never importing the name itself.
from app.db.session import get_db  # noqa: F401
