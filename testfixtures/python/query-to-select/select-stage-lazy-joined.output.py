from sqlalchemy import Column, ForeignKey, Integer, String, select
from sqlalchemy.orm import Session, backref, declarative_base, relationship

Base = declarative_base()


class Author(Base):
    __tablename__ = "authors"
    id = Column(Integer, primary_key=True)
    name = Column(String)
    # Every query of Author joins the books in: legacy Query de-duplicated the authors, 2.x needs unique().
    books = relationship("Book", back_populates="author", lazy="joined")


class Guest(Author):
    pass


class Book(Base):
    __tablename__ = "books"
    id = Column(Integer, primary_key=True)
    author_id = Column(Integer, ForeignKey("authors.id"))
    author = relationship("Author", back_populates="books")


class Shelf(Base):
    __tablename__ = "shelves"
    id = Column(Integer, primary_key=True)


class Slot(Base):
    __tablename__ = "slots"
    id = Column(Integer, primary_key=True)
    shelf_id = Column(Integer, ForeignKey("shelves.id"))
    shelf = relationship(Shelf, backref=backref("slots", lazy="joined"))


def all_authors(db: Session):
    return db.scalars(select(Author)).unique().all()


def one_author(db: Session, author_id: int):
    return db.execute(select(Author).where(Author.id == author_id)).unique().scalar_one()


def author_names(db: Session):
    return [a.name for a in db.scalars(select(Author).order_by(Author.name)).unique()]


def some_authors(db: Session):
    return db.scalars(select(Author).order_by(Author.id).limit(10)).unique().all()


def first_author(db: Session):
    return db.scalar(select(Author).order_by(Author.id).limit(1))


def guests(db: Session):
    return db.scalars(select(Guest)).unique().all()


def shelves(db: Session):
    return db.scalars(select(Shelf)).unique().all()


def books(db: Session):
    return db.scalars(select(Book)).all()


def slots(db: Session):
    return db.scalars(select(Slot)).all()
