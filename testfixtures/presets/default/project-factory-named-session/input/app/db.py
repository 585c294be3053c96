from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite:///./shop.db", connect_args={"check_same_thread": False})
# The factory is named like SQLAlchemy's class: other modules import it under that name.
Session = sessionmaker(bind=engine)
