def engine_options() -> dict:
    return {"application_name": "orders"}
