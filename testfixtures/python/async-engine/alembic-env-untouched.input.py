from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
SessionLocal = sessionmaker(bind=engine)
