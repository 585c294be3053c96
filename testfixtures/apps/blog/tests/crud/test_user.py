import pytest
from sqlalchemy.orm import Session

from app import crud
from app.core.security import verify_password
from app.schemas.user import UserCreate, UserUpdate
from tests.utils.item import create_random_item
from tests.utils.user import create_random_user
from tests.utils.utils import random_email, random_lower_string


def test_create_user_hashes_password(db: Session) -> None:
    email = random_email()
    password = random_lower_string()
    user = crud.user.create(db, obj_in=UserCreate(email=email, password=password))
    assert user.id is not None
    assert user.email == email
    assert user.hashed_password != password
    assert verify_password(password, user.hashed_password)
    assert user.is_active is True
    assert user.is_superuser is False
    assert user.created_at is not None


def test_get_by_email(db: Session) -> None:
    user = create_random_user(db)
    found = crud.user.get_by_email(db, email=user.email)
    assert found is not None
    assert found.id == user.id
    assert crud.user.get_by_email(db, email=random_email()) is None


def test_authenticate(db: Session) -> None:
    password = random_lower_string()
    user = create_random_user(db, password=password)
    authenticated = crud.user.authenticate(db, email=user.email, password=password)
    assert authenticated is not None
    assert authenticated.id == user.id
    assert crud.user.authenticate(db, email=user.email, password=password + "x") is None
    assert crud.user.authenticate(db, email=random_email(), password=password) is None


def test_update_user_with_schema_rehashes_password(db: Session) -> None:
    user = create_random_user(db, full_name="Before")
    new_password = random_lower_string()
    updated = crud.user.update(db, db_obj=user, obj_in=UserUpdate(password=new_password))
    assert verify_password(new_password, updated.hashed_password)
    # Fields that were not sent keep their values.
    assert updated.full_name == "Before"
    assert updated.email == user.email


# After the async switch: reads updated.id after db.expire_all() (EAGER-EXPIRED-ATTRIBUTE-READ).
@pytest.mark.manual_migration
def test_update_user_with_dict(db: Session) -> None:
    user = create_random_user(db)
    updated = crud.user.update(db, db_obj=user, obj_in={"full_name": "After", "is_active": False})
    db.expire_all()
    reloaded = crud.user.get(db, id=updated.id)
    assert reloaded is not None
    assert reloaded.full_name == "After"
    assert reloaded.is_active is False


def test_get_multi_paginates_in_id_order(db: Session) -> None:
    users = [create_random_user(db) for _ in range(5)]
    ids = [u.id for u in users]
    first_page = crud.user.get_multi(db, skip=0, limit=2)
    second_page = crud.user.get_multi(db, skip=2, limit=2)
    last_page = crud.user.get_multi(db, skip=4, limit=2)
    assert [u.id for u in first_page + second_page + last_page] == sorted(ids)
    assert crud.user.count(db) == 5


def test_get_multi_active_skips_inactive(db: Session) -> None:
    active = create_random_user(db)
    create_random_user(db, is_active=False)
    assert [u.id for u in crud.user.get_multi_active(db)] == [active.id]


def test_email_taken(db: Session) -> None:
    user = create_random_user(db)
    other = create_random_user(db)
    assert crud.user.email_taken(db, email=user.email) is True
    assert crud.user.email_taken(db, email=user.email, exclude_id=user.id) is False
    assert crud.user.email_taken(db, email=user.email, exclude_id=other.id) is True
    assert crud.user.email_taken(db, email=random_email()) is False


def test_remove_user_deletes_their_items(db: Session) -> None:
    user = create_random_user(db)
    keeper = create_random_user(db)
    create_random_item(db, owner_id=user.id)
    create_random_item(db, owner_id=user.id)
    kept_item = create_random_item(db, owner_id=keeper.id)
    removed = crud.user.remove(db, id=user.id)
    assert removed is not None
    assert crud.user.get(db, id=user.id) is None
    assert crud.item.count(db) == 1
    assert crud.item.get(db, id=kept_item.id) is not None
    assert crud.user.remove(db, id=user.id) is None
