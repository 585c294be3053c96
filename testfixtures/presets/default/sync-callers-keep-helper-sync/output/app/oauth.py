from authlib.oauth2.rfc6749 import AuthorizationServer as _AuthorizationServer
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import SessionLocal
from app.models import AuthorizationCode, Client
from sqlalchemy.orm import Session


def _find_code(session: Session, nonce: str, client_id: str) -> AuthorizationCode | None:
    statement = select(AuthorizationCode).where(
        AuthorizationCode.client_id == client_id,
        AuthorizationCode.nonce == nonce,
    )
    return session.execute(statement).scalar_one_or_none()


def _exists_nonce(session: AsyncSession, nonce: str, client_id: str) -> bool:
    # Called only from a hook authlib calls synchronously: it stays a plain def on the sync session,
    # and so does _find_code, called only from here.
    return _find_code(session, nonce, client_id) is not None


class AuthorizationServer(_AuthorizationServer):
    """authlib calls exists_nonce and query_client itself, synchronously."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def query_client(self, client_id: str) -> Client | None:
        return self.session.get(Client, client_id)

    def exists_nonce(self, nonce: str, request) -> bool:
        return _exists_nonce(self.session, nonce, request.client_id)


def build_server() -> AuthorizationServer:
    return AuthorizationServer(SessionLocal())
