import logging

logger = logging.getLogger(__name__)


class SoftDeleteMixin:
    # `get` and `save` are not defined here nor on a base: they come from the class the mixin is mixed into.
    async def deactivate(self, id: int):
        user = await self.get(id)
        user.active = False
        await self.save(user)
        return user

    async def touch(self, id: int):
        # Both results dropped: left un-awaited, the update would silently never run.
        await self.save(await self.get(id))


class CountingMixin:
    reads = 0

    async def get(self, id: int):
        self.reads += 1
        # The next `get` on the MRO of the class it is mixed into, not on CountingMixin's own.
        return await super().get(id)


class ReadOnlyMixin:
    # No database code, but on a ReadOnlyRepo it is what `self.save(...)` in BaseRepo runs.
    async def save(self, obj):
        logger.warning("read-only repository: %r not saved", obj)


class DescribeMixin:
    def describe(self, user):
        return f"{user.email} ({'active' if user.active else 'inactive'})"
