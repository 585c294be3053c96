from boto3 import Session as AwsSession


class Session:
    """A user's login session, not a database session."""

    def __init__(self, token: str) -> None:
        self.token = token


def refresh(session: Session, aws: AwsSession) -> Session:
    return Session(session.token)
