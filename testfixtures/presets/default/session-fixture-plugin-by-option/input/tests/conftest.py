from app.db import engine
from app.models import Base

Base.metadata.create_all(engine)

# The session fixture lives in a plain module, handed to the tests as a plugin: pytest collects no fixtures from it by itself.
