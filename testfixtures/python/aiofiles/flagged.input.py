import csv
import json
import os
import shutil


async def load_json(path):
    with open(path) as f:
        return json.load(f)


async def load_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return rows


async def copy(src, dst):
    with open(src, "rb") as a, open(dst, "wb") as b:
        shutil.copyfileobj(a, b)


async def whole_function_or_nothing(path, other):
    with open(path) as f:
        data = f.read()
    with open(other) as g:
        return data, g


async def not_in_with(path):
    data = open(path).read()
    return data


async def fdopen(fd):
    with os.fdopen(fd) as f:
        return f.read()


async def unknown_mode(path, mode):
    with open(path, mode) as f:
        return f.read()


async def raw(path):
    with open(path, "rb", buffering=0) as f:
        return f.read()


async def mixed(path, lock):
    with lock, open(path) as f:
        return f.read()


async def comprehension(path):
    with open(path) as f:
        return [line for line in f]


async def nested_use(path):
    with open(path) as f:
        def inner():
            return f.read()
        return inner()
