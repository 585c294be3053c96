import subprocess

import requests


def notify(text):
    return requests.post("https://hooks.example.com/items", json={"text": text}, timeout=5)


def archive(name):
    return run_script("archive.sh", name)


def run_script(*args):
    return subprocess.run(["sh", *args], check=True)


def label(name):
    return name.upper()


def quiet_ping():
    requests.get("https://example.com/ping", timeout=1)  # awaitify: ignore
