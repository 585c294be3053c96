class Settings:
    DATABASE_URL = "sqlite:///./app.db"
    JOBS_DATABASE_URL = "sqlite:///./jobs.db"


settings = Settings()
