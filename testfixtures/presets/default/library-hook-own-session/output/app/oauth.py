# Methods of a class deriving from a third-party class stay sync (the library calls them without await).
# insert-await, which runs first and sees one file, turns their own sessions async; propagate-async gives
# them back their sync code: no await, `with` for `async with`, the sync factory for its async twin (and
# its import), so the module compiles and the hooks run on a sync Session as before.
from authlib.oauth2.rfc6749 import AuthorizationServer as _AuthorizationServer
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import SessionLocal
from app.models import AuthorizationCode, Client


def _exists_nonce(session: Session, nonce: str) -> bool:
    result = session.execute(select(AuthorizationCode).where(AuthorizationCode.nonce == nonce))
    return result.scalar_one_or_none() is not None


class AuthorizationServer(_AuthorizationServer):
    def exists_nonce(self, nonce: str, request) -> bool:
        with SessionLocal() as session:
            return _exists_nonce(session, nonce)

    def query_client(self, client_id: str):
        db = SessionLocal()
        try:
            return db.scalars(select(Client).where(Client.client_id == client_id)).first()
        finally:
            db.close()
