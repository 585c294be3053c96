from app.registry import build

orders = build("orders")
