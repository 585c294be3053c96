from functools import lru_cache


class Settings:
    database_url = "sqlite:///./app.db"


@lru_cache
def get_settings():
    return Settings()
