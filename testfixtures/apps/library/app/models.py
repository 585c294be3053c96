from sqlmodel import Field, Relationship, SQLModel

# ---- authors ----


class AuthorBase(SQLModel):
    name: str = Field(index=True, unique=True, min_length=1, max_length=120)
    country: str | None = Field(default=None, max_length=60)


class Author(AuthorBase, table=True):
    id: int | None = Field(default=None, primary_key=True)

    # Removing an author removes their shelf: the ORM deletes the books it has loaded.
    books: list["Book"] = Relationship(
        back_populates="author",
        cascade_delete=True,
        sa_relationship_kwargs={"order_by": "Book.id"},
    )


class AuthorCreate(AuthorBase):
    pass


class AuthorUpdate(SQLModel):
    name: str | None = Field(default=None, min_length=1, max_length=120)
    country: str | None = None


class AuthorRead(AuthorBase):
    id: int


# ---- books ----


class BookBase(SQLModel):
    title: str = Field(min_length=1, max_length=200)
    year: int | None = Field(default=None, ge=1450, le=2100)
    pages: int = Field(default=0, ge=0)


class Book(BookBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    author_id: int = Field(foreign_key="author.id", index=True, ondelete="CASCADE")
    borrower: str | None = Field(default=None, max_length=80)

    author: Author = Relationship(back_populates="books")


class BookCreate(BookBase):
    pass


class BookRead(BookBase):
    id: int
    author_id: int
    borrower: str | None


class BookReadWithAuthor(BookRead):
    author: AuthorRead


class AuthorReadWithBooks(AuthorRead):
    books: list[BookRead] = []


class AuthorSummary(SQLModel):
    id: int
    name: str
    book_count: int
    total_pages: int
    on_loan: list[str]


class Loan(SQLModel):
    borrower: str = Field(min_length=1, max_length=80)
