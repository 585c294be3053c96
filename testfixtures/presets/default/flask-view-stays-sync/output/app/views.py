from flask import Blueprint, jsonify

from app.db import SessionLocal
from app.store import ShelfStore

shelves = Blueprint("shelves", __name__)


@shelves.route("/shelves/<int:ident>")
def show(ident):
    with SessionLocal() as session:
        shelf = ShelfStore(session).find(ident)
        return jsonify(label=shelf.label)


@shelves.get("/labels/<int:ident>")
def label(ident):
    session = SessionLocal()
    try:
        return ShelfStore(session).find(ident).label
    finally:
        session.close()
