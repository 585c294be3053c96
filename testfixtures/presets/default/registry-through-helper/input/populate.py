from app.db import shared_session
from app.setup import labels, restock, stock, stock_many


def populate():
    stock(shared_session, "kettle")
    stock_many(shared_session, ["mug", "teapot"])
    restock(shared_session, "kettle")
    print(labels(shared_session, ["spoon"]))


if __name__ == "__main__":
    populate()
