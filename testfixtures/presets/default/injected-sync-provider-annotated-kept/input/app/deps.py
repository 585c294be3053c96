from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from app.db import get_db, get_session

SessionDep = Annotated[Session, Depends(get_db)]
# Used only by plain defs that need no await: FastAPI fills them with a sync Session, so it keeps saying Session.
ReadDep = Annotated[Session, Depends(get_session)]
# Also used by an async def: left as async-session writes it (that handler is reported).
SharedDep = Annotated[Session, Depends(get_session)]
