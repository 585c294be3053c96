import click
from sqlalchemy.orm import Session

from app.svc import get_item


@click.group()
def cli():
    pass


@cli.command()
@click.argument("item_id", type=int)
def show(item_id: int, db: Session = None):
    # Click calls its commands synchronously: an async command would only make a coroutine nobody runs.
    click.echo(get_item(db, item_id))


if __name__ == "__main__":
    cli()
