from app.store import add_product, find_product


def test_add_product(db_session):
    product = add_product(db_session, "lamp")
    assert product.id is not None


def test_find_product(db_session):
    add_product(db_session, "desk")
    assert find_product(db_session, "desk").title == "desk"
