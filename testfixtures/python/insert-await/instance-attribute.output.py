from sqlalchemy.ext.asyncio import AsyncSession


class Auditer:
    def __init__(self, auditdb: AsyncSession):
        self.session = auditdb


class Cache:
    def __init__(self, client):
        self.session = client


async def get_auditer(auditdb: AsyncSession):
    auditer = Auditer(auditdb)
    try:
        yield auditer
        await auditer.session.commit()
    finally:
        await auditer.session.close()


async def rebound(auditdb: AsyncSession, other):
    auditer = Auditer(auditdb)
    auditer = other
    auditer.session.commit()


async def not_a_session(client):
    cache = Cache(client)
    cache.session.close()
