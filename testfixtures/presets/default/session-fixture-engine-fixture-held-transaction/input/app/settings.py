import os

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg2://app:app@localhost:5432/app")
