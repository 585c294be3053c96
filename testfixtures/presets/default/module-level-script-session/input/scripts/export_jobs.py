from app.catalog import list_products
from app.jobs_db import JobSession

if __name__ == "__main__":
    session = JobSession()
    list_products(session)
    session.close()
