import os


class Settings:
    PROJECT_NAME: str = "Shop API"
    DATABASE_URL: str = os.getenv("DATABASE_URL", "sqlite:///./shop.db")
    # Listing endpoints cap their page size so one request cannot pull the whole catalogue.
    MAX_PAGE_SIZE: int = int(os.getenv("MAX_PAGE_SIZE", "100"))


settings = Settings()
