from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.api import orders, products, reports, tags
from app.config import settings
from app.database import get_db
from app.errors import DomainError

app = FastAPI(title=settings.PROJECT_NAME)
app.include_router(products.router)
app.include_router(tags.router)
app.include_router(orders.router)
app.include_router(reports.router)


@app.exception_handler(DomainError)
def domain_error(request: Request, exc: DomainError) -> JSONResponse:
    return JSONResponse(status_code=exc.status_code, content={"detail": str(exc)})


@app.get("/health")
def health(db: Session = Depends(get_db)) -> dict:
    # Probes must fail when the database is unreachable, not just when the process is down.
    db.execute(text("SELECT 1"))
    return {"status": "ok"}
