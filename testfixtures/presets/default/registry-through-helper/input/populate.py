from app.db import shared_session
from app.setup import labels, restock, restock_all, stock, stock_many


def populate():
    stock(shared_session, "kettle")
    stock_many(shared_session, ["mug", "teapot"])
    restock(shared_session, "kettle")
    restock_all(shared_session, ["mug"])
    print(labels(shared_session, ["spoon"]))


if __name__ == "__main__":
    populate()
