from storage import open


async def fetch(key):
    with open(key) as f:
        return f.read()
