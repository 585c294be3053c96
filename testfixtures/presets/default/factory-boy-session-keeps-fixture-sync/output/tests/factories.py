import factory
from factory.alchemy import SQLAlchemyModelFactory

from app.models import User


class UserFactory(SQLAlchemyModelFactory):
    class Meta:
        model = User
        sqlalchemy_session_persistence = "commit"

    name = factory.Sequence(lambda n: f"user {n}")


class AdminFactory(UserFactory):
    name = factory.Sequence(lambda n: f"admin {n}")
