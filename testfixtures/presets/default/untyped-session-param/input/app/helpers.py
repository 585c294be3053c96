from app.models import Member


def fetch_member(db, member_id):
    # `db` has no annotation: the route below hands it an AsyncSession after the migration.
    return db.query(Member).filter_by(id=member_id).first()


def touch(db, stats):
    stats.add(Member(name="touched"))
    stats.commit()


def count_names(items):
    # Not a session: nobody hands one over, so nothing is said about it.
    return items.get("names")
