# Star re-export: session.py's __all__ decides what `from app.db import ...` finds.
from .session import *  # noqa: F401,F403
