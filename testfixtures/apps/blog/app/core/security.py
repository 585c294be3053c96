import base64
import hashlib
import hmac
import secrets
import time
from datetime import timedelta
from typing import Optional, Union

from app.core.config import settings

_ALGORITHM = "pbkdf2_sha256"


def get_password_hash(password: str) -> str:
    salt = secrets.token_hex(16)
    iterations = settings.PASSWORD_HASH_ITERATIONS
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), iterations)
    return f"{_ALGORITHM}${iterations}${salt}${digest.hex()}"


def verify_password(plain_password: str, hashed_password: str) -> bool:
    try:
        algorithm, iterations, salt, expected = hashed_password.split("$")
    except ValueError:
        return False
    if algorithm != _ALGORITHM:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", plain_password.encode(), salt.encode(), int(iterations))
    return hmac.compare_digest(digest.hex(), expected)


def _sign(payload: bytes) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), payload, hashlib.sha256).hexdigest()


def create_access_token(subject: Union[str, int], expires_delta: Optional[timedelta] = None) -> str:
    if expires_delta is None:
        expires_delta = timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES)
    expires_at = int(time.time() + expires_delta.total_seconds())
    payload = f"{subject}:{expires_at}".encode()
    return base64.urlsafe_b64encode(payload).decode() + "." + _sign(payload)


def decode_access_token(token: str) -> Optional[str]:
    """Returns the token's subject, or None when the token is forged, malformed or expired."""
    try:
        encoded, signature = token.rsplit(".", 1)
        payload = base64.urlsafe_b64decode(encoded.encode())
        subject, expires_at = payload.decode().rsplit(":", 1)
    except (ValueError, UnicodeDecodeError):
        return None
    if not hmac.compare_digest(_sign(payload), signature):
        return None
    if int(expires_at) < time.time():
        return None
    return subject
