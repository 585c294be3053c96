from sqlalchemy import create_engine

# No async driver is known for this scheme: no twin, and its importers are told.
engine = create_engine("oracle://scott:tiger@legacy/db")
