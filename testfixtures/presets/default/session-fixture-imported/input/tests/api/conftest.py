from app.models import Base
from tests.database import engine, test_db

Base.metadata.create_all(bind=engine)
