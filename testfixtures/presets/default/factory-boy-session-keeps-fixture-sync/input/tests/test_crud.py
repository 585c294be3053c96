from app import crud
from tests.factories import UserFactory


def test_get_user(db):
    user = UserFactory.create()
    assert crud.get_user(db, user.id).name == user.name


def test_list_users(db, admin_factory):
    UserFactory.create_batch(2)
    admin_factory.create()
    assert len(crud.list_users(db)) == 3
