from app.crud import NoteFacade, NoteWriter
from app.db import registry


def seed():
    NoteWriter(registry).write("first")
    NoteFacade(registry).add("second")


if __name__ == "__main__":
    seed()
