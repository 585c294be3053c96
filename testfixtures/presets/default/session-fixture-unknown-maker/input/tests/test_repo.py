from app.repository import ItemRepository


def test_missing(repo: ItemRepository):
    assert repo.get(12345) is None
