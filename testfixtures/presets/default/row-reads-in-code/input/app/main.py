from fastapi import Depends, FastAPI
from sqlalchemy import func, select
from sqlalchemy.orm import aliased
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Post, Vote

app = FastAPI()


@app.get("/posts")
def list_posts(db: Session = Depends(get_db)):
    rows = db.execute(select(Post, func.count(Vote.post_id).label("votes")).join(Vote, isouter=True).group_by(Post.id)).all()
    out = []
    for row in rows:
        out.append({"title": row.Post.title, "owner": row.Post.owner.name, "votes": row.votes})
    return out


@app.get("/posts2")
def list_posts2(db: Session = Depends(get_db)):
    rows = db.execute(select(Post, func.count(Vote.post_id)).join(Vote, isouter=True).group_by(Post.id)).all()
    return [{"owner": post.owner.name, "votes": n} for post, n in rows]


@app.get("/posts3")
def first_post(db: Session = Depends(get_db)):
    row = db.execute(select(Post, func.count(Vote.post_id).label("votes")).join(Vote, isouter=True).group_by(Post.id)).first()
    return {"owner": row.Post.owner.name}


@app.get("/posts4")
def aliased_rows(db: Session = Depends(get_db)):
    # An aliased entity's name in the Row cannot be told: the read is flagged, nothing is added.
    author = aliased(Post)
    rows = db.execute(select(Post, author).join(author, author.id == Post.id)).all()
    return [row.Post.owner.name for row in rows]


@app.get("/posts5")
def unpacked_wrong_length(db: Session = Depends(get_db)):
    rows = db.execute(select(Post, func.count(Vote.post_id)).join(Vote, isouter=True).group_by(Post.id)).all()
    # Not a flat unpacking of the row: left alone.
    return [{"owner": post.owner.name} for (post, _), extra in zip(rows, rows)]


@app.get("/posts6")
def one_entity_rows(db: Session = Depends(get_db)):
    # One entity run by execute: still Rows, each holding it under its class name.
    rows = db.execute(select(Post)).all()
    return [row.Post.owner.name for row in rows]
