import unittest


async def make_user(name):
    return {"name": name}


class TestUsers(unittest.TestCase):
    def test_make(self):
        self.assertEqual(make_user("a")["name"], "a")


class TestPlain:
    def test_make(self):
        assert make_user("b")["name"] == "b"
