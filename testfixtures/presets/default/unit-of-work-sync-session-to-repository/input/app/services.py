from app.models import Item
from app.uow import UnitOfWork


def add_item(name: str, uow: UnitOfWork) -> bool:
    with uow:
        if uow.items.get(name) is not None:
            return False
        uow.items.add(Item(name=name))
        uow.commit()
    return True
