from .db import LegacySession
