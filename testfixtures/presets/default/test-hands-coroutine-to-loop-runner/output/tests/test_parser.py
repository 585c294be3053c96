import asyncio

from app.repos import ItemRepository, Parser


def test_parse_one(db):
    loop = asyncio.new_event_loop()
    parser = Parser(db)
    assert loop.run_until_complete(parser.parse_one("  Flour ")) == "flour"
    loop.close()


def test_parse_with_asyncio_run(db):
    assert asyncio.run(Parser(db).parse_one(" Salt")) == "salt"


def test_create_then_parse(db):
    item = ItemRepository(db).create("Sugar")
    loop = asyncio.new_event_loop()
    assert loop.run_until_complete(Parser(db).parse_one(item.name)) == "sugar"
    loop.close()
