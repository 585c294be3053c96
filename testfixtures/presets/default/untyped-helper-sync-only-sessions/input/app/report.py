from sqlalchemy.orm import Session

from app import services


def report(engine):
    with Session(engine) as session:
        print(services.count_batches(session))
