# `from os import *` binds `open` (os.open): it is not known to be the builtin here, so it is not reported.
from os import *


async def raw_fd(path):
    return open(path, O_RDONLY)
