from sqlalchemy import Column, Integer, String

from app.db import Base


class Client(Base):
    __tablename__ = "clients"
    id = Column(Integer, primary_key=True)
    client_id = Column(String)


class AuthorizationCode(Base):
    __tablename__ = "authorization_codes"
    id = Column(Integer, primary_key=True)
    client_id = Column(String)
    nonce = Column(String)
