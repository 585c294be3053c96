# A Core Table bound to a capitalised name is not a mapped class: legacy Query returned rows of its
# columns, so the converted query must too (`.scalars()` would keep only the first column).
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, func, select
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()
metadata = MetaData()

UserTags = Table(
    "user_tags",
    metadata,
    Column("user_id", ForeignKey("users.id")),
    Column("tag", String),
)


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)


Settings = load_settings_class()


def tags_of(db: Session, user_id: int):
    return db.execute(select(UserTags).where(UserTags.c.user_id == user_id)).all()


def first_tag(db: Session):
    return db.execute(select(UserTags).limit(1)).first()


def count_tags(db: Session):
    return db.scalar(select(func.count()).select_from(select(UserTags).subquery()))


def tag_by_pk(db: Session, pk):
    return db.query(UserTags).get(pk)


def settings(db: Session):
    return db.query(Settings).all()


def users_with_tags(db: Session):
    return db.scalars(select(User).join(UserTags, UserTags.c.user_id == User.id)).unique().all()
