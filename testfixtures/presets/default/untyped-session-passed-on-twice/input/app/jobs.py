from app import crud


def ensure(session_like, name):
    # Handed something that is no session awaitify knows: create_item and get_or_create_item are not inferred.
    return crud.get_or_create_item(session_like, name)
