from typing import List, Optional, Sequence, Tuple

from fastapi import Depends
from sqlalchemy import func
from sqlalchemy.orm import Session

from app.database import get_db
from app.models import Product, Tag


class TagRepository:
    def __init__(self, db: Session = Depends(get_db)) -> None:
        self.db = db

    def get_by_name(self, name: str) -> Optional[Tag]:
        return self.db.query(Tag).filter(Tag.name == name).first()

    def add(self, tag: Tag) -> Tag:
        self.db.add(tag)
        self.db.flush()
        return tag

    def get_or_create_many(self, names: Sequence[str]) -> List[Tag]:
        wanted = sorted(set(names))
        if not wanted:
            return []
        existing = {tag.name: tag for tag in self.db.query(Tag).filter(Tag.name.in_(wanted)).all()}
        for name in wanted:
            if name not in existing:
                existing[name] = Tag(name=name)
                self.db.add(existing[name])
        self.db.flush()
        return [existing[name] for name in wanted]

    def counts(self) -> List[Tuple[str, int]]:
        # Outer join: a tag on no product still appears, with 0. Discontinued products do not count.
        return (
            self.db.query(Tag.name, func.count(Product.id))
            .outerjoin(Tag.products.and_(Product.discontinued.is_(False)))
            .group_by(Tag.id, Tag.name)
            .order_by(Tag.name)
            .all()
        )

    def delete_unused(self) -> int:
        return self.db.query(Tag).filter(~Tag.products.any()).delete(synchronize_session=False)
