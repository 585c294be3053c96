async def get_async_db():
    yield None
