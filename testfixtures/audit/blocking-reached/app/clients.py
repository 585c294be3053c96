import httpx
import requests

client = httpx.Client(timeout=5)
session = requests.Session()


def ping(url: str):
    return requests.head(url, timeout=1).ok


class Notifier:
    def __init__(self, url: str):
        self.url = url
        requests.post(url, json={"hello": True}, timeout=5)


class Webhook:
    def __init__(self, url: str):
        # Making a client does not block; its requests do.
        self.http = requests.Session()
        self.url = url

    def send(self, text: str):
        return self.http.post(self.url, json={"text": text}, timeout=5)


class Plain:
    def __init__(self, name: str):
        self.name = name.upper()
