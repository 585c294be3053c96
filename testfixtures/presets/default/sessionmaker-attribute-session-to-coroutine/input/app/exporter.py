from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.fixes import fix_blank_names


class Exporter:
    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)
        self.session_maker = sessionmaker(bind=self.engine)

    def dump(self) -> None:
        with self.session_maker() as session:
            try:
                fix_blank_names(session)
            except Exception:
                print("fixing failed; exporting anyway")
