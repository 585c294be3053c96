from app import crud


# Hands its parameter on, and only its callers say what it is.
def register(db, name):
    if crud.get_user(db, 1) is None:
        return crud.create_user(db, name)
    return None
