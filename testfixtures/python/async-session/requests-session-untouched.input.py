from requests import Session


def fetch(session: Session, url: str) -> bytes:
    return session.get(url).content


def new_client() -> Session:
    return Session()
