from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.db import get_db
from app.fixes import fix_blank_names

app = FastAPI()


@app.post("/fix")
def fix(db: Session = Depends(get_db)):
    fix_blank_names(db)
    return {"ok": True}
