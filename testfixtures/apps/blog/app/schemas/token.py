from app.schemas.compat import ORMModel


class Token(ORMModel):
    access_token: str
    token_type: str = "bearer"


class LoginRequest(ORMModel):
    email: str
    password: str


class Message(ORMModel):
    message: str
