import io


async def rewrite(path, extra):
    with open(path, "r+b") as f:  # keep this comment
        header = f.readline()
        rest = f.readlines()
        f.seek(0)
        size = f.tell()
        f.truncate()
        f.write(header)
        f.writelines(rest)
        f.flush()
        tail = f.read().splitlines()
        if not f.closed:
            print(f.name, f.mode, size)
    with io.open(path, mode="a", newline="") as out, open(extra) as src:
        out.write(src.read())
    return header, tail


async def count(path):
    with open(path, "rb") as f:
        return -len(f.read(10)) + f.tell() ** 2
