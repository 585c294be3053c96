from app import crud


def seed(db):
    user = crud.create_user(db, "alice")
    crud.add_item(db, user, "first")
    user.items = []
    db.commit()
    return user


def test_seed(db):
    user = seed(db)
    assert user.name == "alice"
