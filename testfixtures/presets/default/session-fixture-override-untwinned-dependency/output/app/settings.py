def engine_options() -> dict:
    return {"check_same_thread": False}
