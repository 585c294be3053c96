from unittest import mock
from unittest.mock import MagicMock, patch

from app.notify import Mailer, current_user, notify


def test_patch_async_with_async() -> None:
    # The patched function is async, so is its replacement: callers await it as before.
    async def fake_notify(message: str) -> str:
        return "fake"

    with patch("app.notify.notify", fake_notify):
        pass
    with mock.patch("app.notify.Mailer.send", new=fake_notify):
        pass


def test_patch_object_async_with_async() -> None:
    async def fake_send(to: str) -> str:
        return to

    with patch.object(Mailer, "send", fake_send):
        pass


def test_patch_sync_with_async() -> None:
    async def fake_format(message: str) -> str:
        return message

    with patch("app.notify.format_line", fake_format):
        pass


def test_mock_records_the_function() -> None:
    m = MagicMock()
    m(notify, "hi")
    m.assert_called_with(notify, "hi")
    m.assert_any_call(notify, "hi")


def test_dict_lookup() -> None:
    overrides = {current_user: lambda: None}
    assert overrides.get(current_user) is not None
    assert overrides.get("x", current_user) is not None


def test_function_called_by_receiver() -> None:
    assert sorted(["b", "a"], key=notify)
