from sqlalchemy.orm import sessionmaker

from app.engine import engine

# Bound to an engine made by a function in another module: no async twin here either.
JobSession = sessionmaker(bind=engine)
