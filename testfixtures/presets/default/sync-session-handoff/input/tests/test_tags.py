from app.models import Tag
from app.tags import tag_count


def test_count_from_factory_fixture(tags_session):
    tags_session.add(Tag(label="a"))
    tags_session.commit()
    assert tag_count(tags_session) == 1


def test_count_from_helper(db):
    db.add(Tag(label="b"))
    db.commit()
    assert tag_count(db) == 1
