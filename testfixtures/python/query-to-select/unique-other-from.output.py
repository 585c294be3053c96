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
    return (await db.scalars(select(Recipe).where(recipe_tags.c.recipe_id == Recipe.id, recipe_tags.c.tag_id.in_(tag_ids)))).unique().all()


def with_children(db: Session):
    p = aliased(Node)
    return (await db.scalars(select(Node).where(p.parent_id == Node.id))).unique().all()


def in_subquery_rows(db: Session):
    sq = select(Node.parent_id.label("pid")).subquery()
    return (await db.scalars(select(Node).where(Node.id == sq.c.pid))).unique().all()


def own_columns_only(db: Session, owner, limit: int):
    # Only the entity's own columns and values: no other FROM entry, nothing to de-duplicate.
    return (await db.scalars(select(Recipe).where(Recipe.owner_id == owner.id).limit(limit))).all()
