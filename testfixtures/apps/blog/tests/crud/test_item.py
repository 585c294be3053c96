from sqlalchemy.orm import Session

from app import crud
from app.schemas.item import ItemCreate, ItemUpdate
from tests.utils.item import create_random_item
from tests.utils.user import create_random_user


def test_create_item_with_owner(db: Session) -> None:
    user = create_random_user(db)
    item = crud.item.create_with_owner(
        db, obj_in=ItemCreate(title="First post", description="Hello"), owner_id=user.id
    )
    assert item.id is not None
    assert item.title == "First post"
    assert item.description == "Hello"
    assert item.owner_id == user.id
    assert item.is_published is False
    assert item.created_at is not None
    assert item.owner.email == user.email


def test_get_multi_by_owner_and_count(db: Session) -> None:
    owner = create_random_user(db)
    other = create_random_user(db)
    mine = [create_random_item(db, owner_id=owner.id) for _ in range(3)]
    create_random_item(db, owner_id=other.id)
    page = crud.item.get_multi_by_owner(db, owner_id=owner.id, skip=1, limit=10)
    assert [i.id for i in page] == [i.id for i in mine[1:]]
    assert crud.item.count_by_owner(db, owner_id=owner.id) == 3
    assert crud.item.count_by_owner(db, owner_id=other.id) == 1


def test_search_filters_by_title_and_owner(db: Session) -> None:
    owner = create_random_user(db)
    other = create_random_user(db)
    a = create_random_item(db, owner_id=owner.id, title="Async SQLAlchemy tips")
    create_random_item(db, owner_id=owner.id, title="Gardening")
    b = create_random_item(db, owner_id=other.id, title="sqlalchemy internals")
    items, total = crud.item.search(db, text="SQLALCHEMY")
    assert total == 2
    assert [i.id for i in items] == [a.id, b.id]
    items, total = crud.item.search(db, text="sqlalchemy", owner_id=owner.id)
    assert (total, [i.id for i in items]) == (1, [a.id])
    items, total = crud.item.search(db, text="sqlalchemy", skip=1, limit=1)
    assert (total, [i.id for i in items]) == (2, [b.id])


def test_update_item_partially(db: Session) -> None:
    owner = create_random_user(db)
    item = create_random_item(db, owner_id=owner.id, title="Draft")
    description = item.description
    updated = crud.item.update(db, db_obj=item, obj_in=ItemUpdate(title="Final"))
    assert updated.title == "Final"
    assert updated.description == description
    assert updated.updated_at is not None


def test_remove_item(db: Session) -> None:
    owner = create_random_user(db)
    item = create_random_item(db, owner_id=owner.id, title="Doomed")
    removed = crud.item.remove(db, id=item.id)
    assert removed is not None
    assert removed.title == "Doomed"
    assert crud.item.get(db, id=item.id) is None
    assert crud.item.remove(db, id=item.id) is None


def test_publish_all_for_owner_counts_only_unpublished(db: Session) -> None:
    owner = create_random_user(db)
    other = create_random_user(db)
    create_random_item(db, owner_id=owner.id, is_published=True)
    create_random_item(db, owner_id=owner.id)
    create_random_item(db, owner_id=owner.id)
    untouched = create_random_item(db, owner_id=other.id)
    assert crud.item.publish_all_for_owner(db, owner_id=owner.id) == 2
    assert all(i.is_published for i in crud.item.get_multi_by_owner(db, owner_id=owner.id))
    assert crud.item.get(db, id=untouched.id).is_published is False
    assert crud.item.publish_all_for_owner(db, owner_id=owner.id) == 0


def test_remove_by_owner(db: Session) -> None:
    owner = create_random_user(db)
    other = create_random_user(db)
    create_random_item(db, owner_id=owner.id)
    create_random_item(db, owner_id=owner.id)
    create_random_item(db, owner_id=other.id)
    assert crud.item.remove_by_owner(db, owner_id=owner.id) == 2
    assert crud.item.count_by_owner(db, owner_id=owner.id) == 0
    assert crud.item.count(db) == 1


def test_owner_stats_includes_authors_without_items(db: Session) -> None:
    prolific = create_random_user(db)
    silent = create_random_user(db)
    for _ in range(3):
        create_random_item(db, owner_id=prolific.id)
    stats = {email: count for email, count in crud.item.owner_stats(db)}
    assert stats == {prolific.email: 3, silent.email: 0}
