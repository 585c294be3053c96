from typing import Optional

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Column, String

from app.db import Base, get_db, read_only_db


class User(Base):
    __tablename__ = "user"
    id = Column(String, primary_key=True)
    name = Column(String)


class UserModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    name: str


class UsersTable:
    def insert_new_user(self, id: str, name: str) -> UserModel:
        with get_db() as db:
            user = User(id=id, name=name)
            db.add(user)
            db.commit()
            db.refresh(user)
            return UserModel.model_validate(user)

    def get_user_by_id(self, id: str) -> Optional[UserModel]:
        try:
            with read_only_db() as db:
                user = db.query(User).filter_by(id=id).first()
                return UserModel.model_validate(user)
        except Exception:
            return None


Users = UsersTable()
