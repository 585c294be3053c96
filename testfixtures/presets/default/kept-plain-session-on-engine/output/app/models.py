from sqlmodel import Field, SQLModel


class LogLine(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    message: str
