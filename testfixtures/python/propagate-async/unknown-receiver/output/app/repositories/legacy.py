from .missing import LegacyBase


class LegacyRepository(LegacyBase):
    """Its base cannot be resolved: a `find` may come from it."""

    def label(self) -> str:
        return "legacy"
