import unittest
import pytest


async def make_user(name):
    return {"name": name}


class TestUsers(unittest.TestCase):
    def test_make(self):
        self.assertEqual(make_user("a")["name"], "a")


class TestPlain:
    @pytest.mark.asyncio
    async def test_make(self):
        assert (await make_user("b"))["name"] == "b"
