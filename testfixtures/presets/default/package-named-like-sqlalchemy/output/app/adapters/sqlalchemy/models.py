import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column


class Base(sa.orm.DeclarativeBase):
    pass


class Shelf(Base):
    __tablename__ = "shelves"
    id: Mapped[int] = mapped_column(primary_key=True)
    books: Mapped[list["Book"]] = sa.orm.relationship(back_populates="shelf")


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(primary_key=True)
    shelf_id: Mapped[int] = mapped_column(sa.ForeignKey("shelves.id"))
    shelf: Mapped[Shelf] = sa.orm.relationship(back_populates="books")
