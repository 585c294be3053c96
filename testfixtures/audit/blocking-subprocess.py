import asyncio
import os
import subprocess
from subprocess import check_output as capture


async def run_tools():
    subprocess.run(["ls"], check=True)
    subprocess.call("true", shell=True)
    subprocess.check_call(["true"])
    capture(["git", "rev-parse", "HEAD"])
    process = subprocess.Popen(["sleep", "1"])
    os.system("true")
    return process


async def the_async_way():
    process = await asyncio.create_subprocess_exec("ls")
    await process.wait()
    await asyncio.to_thread(subprocess.run, ["ls"])


def sync_def_is_fine():
    subprocess.run(["ls"])
    os.system("true")
