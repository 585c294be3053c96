class SoftDeleteMixin:
    # `get` and `save` come from the class the mixin is mixed into: BaseRepo's (database) or MemoryRepo's (a dict).
    def deactivate(self, id: int):
        user = self.get(id)
        user.active = False
        self.save(user)
        return user
