from sqlalchemy.ext.asyncio import AsyncSession

from app.services import scoring as svc


def ranked(db: AsyncSession, items):
    return sorted(items, key=lambda i: svc.score(db, i))


def best(db: AsyncSession, items):
    return max(svc.score(db, i) for i in items)


def all_scores(db: AsyncSession, items):
    return [svc.score(db, i) for i in items]


def by_reference(items):
    return list(map(svc.score, items))


def ranked_then_scored(db: AsyncSession, items):
    order = sorted(items, key=lambda i: svc.score(db, i))
    return order, svc.score(db, order[0])



# Only the first iterable of a generator expression runs in the function itself: it can be awaited there.
def any_voted(db: AsyncSession, items):
    return any(i in items for i in svc.voted_ids(db))
