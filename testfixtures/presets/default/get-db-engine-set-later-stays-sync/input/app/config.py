class Settings:
    DATABASE_URL = "sqlite:///./app.db"


settings = Settings()
