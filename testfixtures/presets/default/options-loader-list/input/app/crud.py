from sqlalchemy.orm import Session, joinedload, selectinload

from app.models import Item, Owner

OWNER_LOADERS = [selectinload(Owner.items)]


def owners_with_items(db: Session):
    # Query.options flattened the list; converted, it is unpacked, and eager-load reads its loaders.
    return db.query(Owner).options(OWNER_LOADERS).order_by(Owner.id).all()


def items_with_owner(db: Session):
    loaders = (joinedload(Item.owner),)
    return db.query(Item).options(*loaders).order_by(Item.id).all()


def owners_loaded_by(db: Session, opts):
    # A list or one option: only the callers know; left as it is and flagged.
    return db.query(Owner).options(opts).order_by(Owner.id).all()


def newest_first_cancelled(db: Session):
    return db.query(Item).order_by(Item.id.desc()).order_by(False).all()
