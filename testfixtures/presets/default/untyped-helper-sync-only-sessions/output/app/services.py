from app.models import Batch


def add_batch(sku, session):
    session.add(Batch(sku=sku))
    session.commit()


def count_batches(session):
    return session.query(Batch).count()
