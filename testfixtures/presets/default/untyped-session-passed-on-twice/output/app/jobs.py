from app import crud


async def ensure(session_like, name):
    # Handed something that is no session awaitify knows: create_item and get_or_create_item are not inferred.
    return await crud.get_or_create_item(session_like, name)
