# Importing every model here registers them all on Base.metadata before create_all() or Alembic reads it.
from app.db.base_class import Base  # noqa: F401
from app.models.item import Item  # noqa: F401
from app.models.user import User  # noqa: F401
