from app.catalog import session_label
from app.database import SessionLocal

# session_label stays sync: a module-level session handed to it is fine.
db = SessionLocal()
print(session_label(db))

if __name__ == "__main__":
    with SessionLocal() as session:
        session_label(session)
