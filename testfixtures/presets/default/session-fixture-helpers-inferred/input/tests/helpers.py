from app.models import Element


# Unannotated: only the tests hand it a session, the fixture `db`.
def count(session):
    return session.query(Element).count()


# The application hands this one a session too, an AsyncSession after the migration.
def names(session):
    return [e.name for e in session.query(Element).all()]
