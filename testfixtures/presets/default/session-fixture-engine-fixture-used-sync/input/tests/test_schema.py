from sqlalchemy import inspect


def test_users_table_exists(engine, session):
    assert "users" in inspect(engine).get_table_names()
