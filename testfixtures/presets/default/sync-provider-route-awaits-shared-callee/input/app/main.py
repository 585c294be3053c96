from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from app.crud import count_products
from app.database import get_db
from app.deps import provide_session

app = FastAPI()


@app.get("/count")
def count(db: Session = Depends(get_db)) -> int:
    return count_products(db)


@app.get("/legacy-count")
def legacy_count(db: Session = Depends(provide_session)) -> int:
    # count_products is async for /count; this route must await it, on the sync Session provide_session yields:
    # flagged, and its annotation stays the `Session` it is filled with.
    return count_products(db)
