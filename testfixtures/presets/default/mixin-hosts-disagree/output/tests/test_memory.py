from app.models import User
from app.repo import MemoryRepo


def test_memory_deactivate():
    repo = MemoryRepo()
    repo.save(User(id=1, email="a@example.com", active=True))
    assert repo.deactivate(1).active is False
