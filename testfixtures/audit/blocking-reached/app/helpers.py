import subprocess
import time


def backoff(seconds: float):
    time.sleep(seconds)


def git_head():
    return subprocess.check_output(["git", "rev-parse", "HEAD"]).decode()


def read_config(path: str):
    # File I/O in helpers is not followed: common and mostly small.
    with open(path) as handle:
        return handle.read()
