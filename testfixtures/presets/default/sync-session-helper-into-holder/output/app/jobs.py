from app.db import SessionLocal, SessionProvider, open_session
from app.services import ItemService, count_items


async def rename_typed(item_id: int) -> None:
    # SessionProvider.typed() is annotated `-> Session`: the service keeps a sync Session and awaits calls on it.
    session = SessionProvider().typed()
    service = ItemService(session)
    await service.rename(item_id, "typed")
    session.close()


async def rename_untyped(item_id: int) -> None:
    session = SessionProvider().untyped()
    service = ItemService(session)
    await service.rename(item_id, "untyped")
    session.close()


async def rename_inline(item_id: int) -> None:
    await ItemService(open_session()).rename(item_id, "inline")


async def count_untyped(item_id: int):
    # open_session() returns SessionLocal(): count_items, async now, awaits calls on a sync Session.
    db = open_session()
    return await count_items(db, item_id)


async def rename_through_container(item_id: int) -> None:
    from app.container import ServiceContainer

    # The container keeps the sync Session and builds ItemService, which awaits calls on it, on first use.
    session = SessionProvider().typed()
    container = ServiceContainer(session)
    await container.items.rename(item_id, "container")
    session.close()


async def rename_new_session(item_id: int) -> None:
    # A sync Session made in the constructor's argument: nothing in this function switches it.
    await ItemService(SessionLocal()).rename(item_id, "new")
