class Product:
    def __init__(self, id: int, name: str) -> None:
        self.id = id
        self.name = name


async def create_product(db: dict, name: str) -> Product:
    product = Product(len(db) + 1, name)
    db[product.id] = product
    return product


async def count_products(db: dict) -> int:
    return len(db)
