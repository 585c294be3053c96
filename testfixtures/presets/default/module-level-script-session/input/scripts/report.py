from app.catalog import list_products
from app.database import SessionLocal

if __name__ == "__main__":
    session = SessionLocal()
    products = list_products(session)
    print(len(products))
    session.close()
