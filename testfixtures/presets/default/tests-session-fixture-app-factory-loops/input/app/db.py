from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("postgresql://shop:shop@localhost:5432/shop")
SessionLocal = sessionmaker(bind=engine, autoflush=False)
