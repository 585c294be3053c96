from sqlalchemy.ext.asyncio import AsyncSession

from app.services import scoring as svc


def ranked(db: AsyncSession, items):
    return sorted(items, key=lambda i: svc.score(db, i))


def best(db: AsyncSession, items):
    return max(svc.score(db, i) for i in items)


async def all_scores(db: AsyncSession, items):
    return [await svc.score(db, i) for i in items]


def by_reference(items):
    return list(map(svc.score, items))


async def ranked_then_scored(db: AsyncSession, items):
    order = sorted(items, key=lambda i: svc.score(db, i))
    return order, await svc.score(db, order[0])



# Only the first iterable of a generator expression runs in the function itself: it can be awaited there.
async def any_voted(db: AsyncSession, items):
    return any(i in items for i in await svc.voted_ids(db))
