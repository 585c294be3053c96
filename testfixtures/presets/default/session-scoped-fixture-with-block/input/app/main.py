from fastapi import Depends, FastAPI, HTTPException
from sqlalchemy.orm import Session

from app import crud
from app.database import get_db

app = FastAPI()


@app.get("/customers/{email}")
def read_customer(email: str, db: Session = Depends(get_db)):
    customer = crud.get_customer_by_email(db, email)
    if customer is None:
        raise HTTPException(status_code=404)
    return {"id": customer.id, "name": customer.name}
