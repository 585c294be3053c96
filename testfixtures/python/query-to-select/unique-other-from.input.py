from sqlalchemy import Column, ForeignKey, Integer, Table, select
from sqlalchemy.orm import Session, aliased

from app.models import Base, Node, Recipe

recipe_tags = Table(
    "recipe_tags",
    Base.metadata,
    Column("recipe_id", ForeignKey("recipes.id")),
    Column("tag_id", Integer),
)


def by_tags(db: Session, tag_ids):
    # The association table's columns add it to FROM: a recipe repeats once per matching tag.
    return db.query(Recipe).filter(recipe_tags.c.recipe_id == Recipe.id, recipe_tags.c.tag_id.in_(tag_ids)).all()


def with_children(db: Session):
    p = aliased(Node)
    return db.query(Node).filter(p.parent_id == Node.id).all()


def in_subquery_rows(db: Session):
    sq = select(Node.parent_id.label("pid")).subquery()
    return db.query(Node).filter(Node.id == sq.c.pid).all()


def own_columns_only(db: Session, owner, limit: int):
    # Only the entity's own columns and values: no other FROM entry, nothing to de-duplicate.
    return db.query(Recipe).filter(Recipe.owner_id == owner.id).limit(limit).all()
