from app import crud
from app.models import Plant


def test_water(session):
    fern = Plant(name="fern")
    session.add(fern)
    session.commit()
    assert [p.name for p in crud.thirsty(session)] == ["fern"]
    crud.water(session, fern)
    assert crud.thirsty(session) == []


def test_api(client, session):
    session.add(Plant(name="cactus"))
    session.commit()
    assert [p["name"] for p in client.get("/thirsty").json()] == ["cactus"]
