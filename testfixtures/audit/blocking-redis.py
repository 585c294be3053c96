import redis
from redis import Redis
from redis.asyncio import Redis as AsyncRedis

cache = redis.Redis(host="localhost", port=6379, decode_responses=True)
store = Redis.from_url("redis://localhost:6379/1")
async_cache = AsyncRedis(host="localhost")


async def remember(key, value):
    cache.set(key, value)
    cache.expire(key, 60)
    return store.get(key)


async def batched(keys):
    pipe = cache.pipeline()
    for key in keys:
        pipe.get(key)
    return pipe


async def the_async_way(key):
    return await async_cache.get(key)


def sync_def_is_fine(key):
    return cache.get(key)
