from sqlalchemy.orm import Session


def get_user(db: Session, user_id: int):
    return db.get(User, user_id)


def http_helper():
    from requests import Session

    def fetch(session: Session) -> bytes:
        return session.get("https://example.com").content

    return fetch
