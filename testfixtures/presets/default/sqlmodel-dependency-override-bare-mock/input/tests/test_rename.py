from unittest import mock
from unittest.mock import MagicMock

from fastapi.testclient import TestClient

from app import service as service_module
from app.main import app
from app.models import Hero
from app.service import HeroService, get_hero_service

client = TestClient(app)
shared = MagicMock()


def test_rename_bare_mock():
    fake = MagicMock()
    fake.rename.return_value = Hero(id=1, name="Bob")
    fake.label.return_value = "#1 Bob"
    app.dependency_overrides[get_hero_service] = lambda: fake
    assert client.post("/heroes/1/rename/Bob").json() == {"label": "#1 Bob"}
    app.dependency_overrides.clear()


def test_rename_class_key():
    app.dependency_overrides[HeroService] = lambda: mock.Mock()
    client.post("/v2/heroes/1/rename/Bob")
    app.dependency_overrides.clear()


def test_rename_module_mock_through_module():
    app.dependency_overrides[service_module.get_hero_service] = lambda: shared
    client.post("/heroes/1/rename/Bob")
    app.dependency_overrides.clear()


def test_rename_spec_mock():
    fake = MagicMock(spec=HeroService)
    fake.rename.return_value = Hero(id=1, name="Bob")
    fake.label.return_value = "#1 Bob"
    app.dependency_overrides[get_hero_service] = lambda: fake
    assert client.post("/heroes/1/rename/Bob").json() == {"label": "#1 Bob"}
    app.dependency_overrides.clear()


def test_fixture_value_shadows_module_mock(shared):
    app.dependency_overrides[get_hero_service] = lambda: shared
    client.post("/heroes/1/rename/Bob")
    app.dependency_overrides.clear()


def override_with_shared():
    """Module-level override handing out the module's mock."""
    return shared


def test_rename_def_override():
    app.dependency_overrides[get_hero_service] = override_with_shared
    client.post("/heroes/1/rename/Bob")
    app.dependency_overrides.clear()


def test_rename_nested_def_override():
    fake = MagicMock(spec=HeroService)

    def override():
        return fake

    app.dependency_overrides[get_hero_service] = override
    client.post("/heroes/1/rename/Bob")
    app.dependency_overrides.clear()


def test_rename_nested_def_bare():
    fake = mock.MagicMock()

    def override():
        return fake

    app.dependency_overrides[get_hero_service] = override
    client.post("/heroes/1/rename/Bob")
    app.dependency_overrides.clear()
