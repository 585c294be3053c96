from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Board(Base):
    __tablename__ = "boards"
    id = Column(Integer, primary_key=True)
    name = Column(String)
    cards = relationship("Card", back_populates="board")

    @property
    def card_ids(self):
        return [c.id for c in self.cards]


class Card(Base):
    __tablename__ = "cards"
    id = Column(Integer, primary_key=True)
    board_id = Column(Integer, ForeignKey("boards.id"))
    board = relationship("Board", back_populates="cards")
