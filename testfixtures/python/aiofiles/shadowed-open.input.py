async def fetch(key, open):
    with open(key) as f:
        return f.read()


async def other(path):
    def open(p):
        return p

    with open(path) as f:
        return f.read()
