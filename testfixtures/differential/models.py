"""Models and seed data shared by the original and converted query modules."""
from sqlalchemy import Boolean, Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String, nullable=False)
    email = Column(String, nullable=False)
    active = Column(Boolean, nullable=False, default=True)
    addresses = relationship("Address", back_populates="user", order_by="Address.id")


class Address(Base):
    __tablename__ = "addresses"
    id = Column(Integer, primary_key=True)
    email = Column(String, nullable=False)
    kind = Column(String, nullable=False)
    user_id = Column(ForeignKey("users.id"), nullable=False)
    user = relationship("User", back_populates="addresses")


# The table itself, as code joining to a Table (not a mapped class) reads it.
addresses_table = Address.__table__


def seed(session):
    session.add_all(
        [
            User(id=1, name="ann", email="ann@x.org", active=True, addresses=[
                Address(id=1, email="ann@home.org", kind="home"),
                Address(id=2, email="ann@work.org", kind="work"),
            ]),
            User(id=2, name="bob", email="bob@x.org", active=False, addresses=[
                Address(id=3, email="bob@home.org", kind="home"),
            ]),
            User(id=3, name="cy", email="cy@x.org", active=True),
            User(id=4, name="ann", email="ann2@x.org", active=True),
        ]
    )
    session.commit()
