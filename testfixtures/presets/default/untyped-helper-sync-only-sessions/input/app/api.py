import os

from fastapi import FastAPI
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from app import services

get_session = sessionmaker(bind=create_engine(os.environ["DB_URL"]))
app = FastAPI()


@app.post("/batches")
def add_batch_endpoint(sku: str) -> str:
    session: Session = get_session()
    services.add_batch(sku, session)
    return "OK"
