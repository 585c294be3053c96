import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=lambda: os.getenv("DATABASE_URL", "sqlite:///./notes.db"))
    default_page_size: int = 20
    max_page_size: int = 100


settings = Settings()
