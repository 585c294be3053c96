from app import crud, models


def test_create_item(db):
    user = models.User(email="a@example.com")
    db.add(user)
    db.commit()
    item = crud.create_item(db, "first", user.id)
    assert item.owner_id == user.id
    assert crud.get_user(db, user.id).email == "a@example.com"
