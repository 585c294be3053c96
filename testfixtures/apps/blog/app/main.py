from fastapi import Depends, FastAPI
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.api.deps import get_db
from app.api.main import api_router
from app.core.config import settings

app = FastAPI(title=settings.PROJECT_NAME, openapi_url=f"{settings.API_V1_STR}/openapi.json")
app.include_router(api_router, prefix=settings.API_V1_STR)


@app.get("/health")
def health(db: Session = Depends(get_db)) -> dict:
    # Probes must fail when the database is unreachable, not just when the process is down.
    db.execute(text("SELECT 1"))
    return {"status": "ok"}
