from sqlalchemy.orm import Session

from app.models import Board


def all_boards(db: Session):
    return db.query(Board).order_by(Board.id).all()


def one_board(db: Session, board_id: int):
    return db.query(Board).filter(Board.id == board_id).first()
