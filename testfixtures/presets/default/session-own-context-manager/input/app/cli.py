import click
from sqlmodel import Session

from app.database import engine


# A command stays sync: its own session, opened here, keeps its plain `with`.
@click.command()
def prune() -> None:
    db = Session(engine)
    with db as s:
        s.commit()
