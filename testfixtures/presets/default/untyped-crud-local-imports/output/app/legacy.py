import json


def get_user(store, id):
    # Another `get_user`, for a JSON export: not a session. main.py imports it at module level, but the route's own
    # import hides it there.
    return json.loads(store.read()).get(str(id))
