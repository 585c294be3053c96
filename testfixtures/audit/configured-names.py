# Names the tool cannot resolve in this file: routers imported from elsewhere under unconventional names,
# and a session alias defined in another module. The configuration names them.
from app.api.deps import DbSession
from app.routers import users, v1
from app.other import OtherSession, widgets


@users.get("/users")
def list_users(db: DbSession):
    return db.execute("SELECT 1")


@v1.post("/orders")
async def place(db: DbSession):
    return None


@widgets.get("/widgets")
def not_a_router(db: DbSession):
    # `widgets` is not configured: not known to be a router, so not counted as a handler.
    return None


def helper(db: OtherSession):
    return db.execute("SELECT 1")
