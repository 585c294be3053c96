from sqlalchemy import create_engine, text

engine = create_engine("postgresql://app@db/app", pool_pre_ping=True)


def count_rows(table: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
