"""Domain errors raised by the service layer. Routes do not catch them: one exception handler in
app.main turns them into HTTP responses, so services stay usable from scripts and tests."""


class DomainError(Exception):
    status_code = 400


class NotFound(DomainError):
    status_code = 404


class Conflict(DomainError):
    status_code = 409


class ProductNotFound(NotFound):
    def __init__(self, product_id: int) -> None:
        super().__init__(f"product {product_id} not found")
        self.product_id = product_id


class OrderNotFound(NotFound):
    def __init__(self, order_id: int) -> None:
        super().__init__(f"order {order_id} not found")


class DuplicateSku(Conflict):
    def __init__(self, sku: str) -> None:
        super().__init__(f"sku {sku!r} already exists")


class DuplicateTag(Conflict):
    def __init__(self, name: str) -> None:
        super().__init__(f"tag {name!r} already exists")


class OutOfStock(Conflict):
    def __init__(self, sku: str, requested: int) -> None:
        super().__init__(f"not enough stock for {sku!r} (requested {requested})")
        self.sku = sku


class OrderNotCancellable(Conflict):
    def __init__(self, order_id: int, status: str) -> None:
        super().__init__(f"order {order_id} is {status} and cannot be cancelled")


class ProductInUse(Conflict):
    def __init__(self, sku: str) -> None:
        super().__init__(f"product {sku!r} appears in orders; discontinue it instead")


class EmptyOrder(DomainError):
    status_code = 422

    def __init__(self) -> None:
        super().__init__("an order needs at least one item")
