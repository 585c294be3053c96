from app.crud.crud_item import CRUDItem


class CRUDOther(CRUDItem):
    def use(self, model):
        self.model = model
