from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite:///./app.db")
# The project's factory, named like SQLAlchemy's class.
Session = sessionmaker(bind=engine)
