from app.base import BaseRepo


class ModelRepo(BaseRepo):
    model = None

    def get(self, id: int):
        return self.session.get(self.model, id)


# A base of this module between ModelRepo and the subclasses of other modules.
class NamedModelRepo(ModelRepo):
    order_by = "name"
