from sqlmodel import Session, select

from app.models import Plant


def thirsty(session: Session) -> list[Plant]:
    return list(session.exec(select(Plant).where(Plant.watered == False)).all())  # noqa: E712


def water(session: Session, plant: Plant) -> Plant:
    plant.watered = True
    session.add(plant)
    session.commit()
    session.refresh(plant)
    return plant
