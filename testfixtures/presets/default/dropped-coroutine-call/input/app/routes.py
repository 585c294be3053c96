from fastapi import APIRouter

from app.notify import send_email

router = APIRouter()


@router.post("/signup")
async def signup(email: str) -> dict:
    # An await forgotten by hand: the email is never sent. Flagged on every run.
    send_email(email)
    return {"ok": True}
