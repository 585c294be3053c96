"""Legacy Query functions. The differential test converts this module with query-to-select (both
stages) and checks that every function returns the same result as the original."""
from sqlalchemy import and_, func
from sqlalchemy.orm import Session, aliased, joinedload, selectinload

from models import Address, User, addresses_table

ADDRESS_LOADERS = [selectinload(User.addresses)]


def first_by_id(db: Session):
    return db.query(User).filter(User.id == 2).first()


def first_none(db: Session):
    return db.query(User).filter(User.id == 99).first()


def first_after_limit(db: Session):
    return db.query(User).order_by(User.id.desc()).limit(3).first()


def first_row(db: Session):
    return db.query(User.id, User.name).order_by(User.name, User.id).first()


def get_pk(db: Session):
    return db.query(User).get(3)


def all_entities(db: Session):
    return db.query(User).order_by(User.id).all()


def all_single_column(db: Session):
    return db.query(User.id).order_by(User.id).all()


def join_dedup(db: Session):
    return db.query(User).join(User.addresses).order_by(User.id).all()


def criteria_table_dedup(db: Session):
    # No join: the table's columns in the criteria add it to FROM, and users repeat once per address.
    return db.query(User).filter(addresses_table.c.user_id == User.id).order_by(User.id).all()


def criteria_alias_dedup(db: Session):
    a = aliased(Address)
    return db.query(User).filter(a.user_id == User.id).order_by(User.id).all()


def implicit_join_dedup(db: Session):
    return db.query(User).filter(User.id == Address.user_id).order_by(User.id).all()


def join_rows(db: Session):
    return db.query(User.name, Address.email).join(Address, Address.user_id == User.id).order_by(Address.id).all()


def join_table_on_clause(db: Session):
    # User 1 has two addresses: legacy Query returned it once.
    return db.query(User).join(addresses_table, User.id == addresses_table.c.user_id).order_by(User.id).all()


def outerjoin_table_and(db: Session):
    return db.query(User.name, addresses_table.c.email).outerjoin(addresses_table, and_(addresses_table.c.user_id == User.id, addresses_table.c.kind == "work")).order_by(User.id).all()


def join_table_ampersand_first(db: Session):
    return db.query(User).join(addresses_table, (addresses_table.c.user_id == User.id) & (addresses_table.c.kind == "home")).order_by(User.id.desc()).first()


def multi_entity(db: Session):
    return db.query(User, Address).outerjoin(Address, User.id == Address.user_id).order_by(User.id, Address.id).all()


def joinedload_all(db: Session):
    return [(u.id, [a.id for a in u.addresses]) for u in db.query(User).options(joinedload(User.addresses)).order_by(User.id).all()]


def joinedload_one(db: Session):
    u = db.query(User).options(joinedload(User.addresses)).filter(User.id == 1).one()
    return u.id, [a.id for a in u.addresses]


def joinedload_first(db: Session):
    u = db.query(User).options(joinedload(User.addresses)).order_by(User.id).first()
    return u.id, [a.id for a in u.addresses]


def filter_by_plain(db: Session):
    return db.query(User).filter_by(name="ann").order_by(User.id).all()


def filter_by_after_join(db: Session):
    return db.query(User).join(Address).filter_by(kind="home").order_by(User.id).all()


def one_entity(db: Session):
    return db.query(User).filter(User.email == "cy@x.org").one()


def one_missing(db: Session):
    return db.query(User).filter(User.email == "nobody").one()


def one_or_none_missing(db: Session):
    return db.query(User).filter(User.email == "nobody").one_or_none()


def one_many(db: Session):
    return db.query(User).filter(User.name == "ann").one()


def one_joined_same_user(db: Session):
    return db.query(User).join(User.addresses).filter(User.id == 1).one()


def one_row(db: Session):
    return db.query(User.id, User.name).filter(User.id == 1).one()


def scalar_entity(db: Session):
    return db.query(User).filter(User.id == 4).scalar()


def scalar_many(db: Session):
    return db.query(User.id).filter(User.name == "ann").scalar()


def scalar_aggregate(db: Session):
    return db.query(func.max(User.id)).scalar()


def count_all(db: Session):
    return db.query(User).count()


def count_filtered(db: Session):
    return db.query(User).filter(User.active).count()


def count_joined(db: Session):
    return db.query(User).join(User.addresses).count()


def count_distinct_column(db: Session):
    return db.query(User.name).distinct().count()


def exists_true(db: Session):
    return db.query(db.query(User).filter(User.email == "bob@x.org").exists()).scalar()


def exists_false(db: Session):
    q = db.query(User).filter(User.email == "nobody")
    return db.query(q.exists()).scalar()


def with_entities_count(db: Session):
    return db.query(User).filter(User.active).with_entities(func.count(User.id)).scalar()


def with_entities_columns(db: Session):
    return db.query(User).with_entities(User.name).order_by(User.id).all()


def distinct_names(db: Session):
    return db.query(User.name).distinct().order_by(User.name).all()


def iterate_entities(db: Session):
    return [u.id for u in db.query(User).filter(User.active).order_by(User.id)]


def iterate_rows(db: Session):
    out = []
    for user_id, email in db.query(User.id, Address.email).join(User.addresses).order_by(Address.id):
        out.append((user_id, email))
    return out


def iterate_joinedload(db: Session):
    out = []
    for u in db.query(User).options(joinedload(User.addresses)).order_by(User.id):
        out.append((u.id, len(u.addresses)))
    return out


def slice_window(db: Session):
    return db.query(User).order_by(User.id)[1:3]


def slice_head(db: Session):
    return db.query(User.name).order_by(User.id)[:2]


def built_across_statements(db: Session):
    q = db.query(User)
    if True:
        q = q.filter(User.active)
    q = q.order_by(User.id.desc())
    total = q.count()
    first = q.first()
    return total, first, q.all()


def bulk_delete(db: Session):
    n = db.query(Address).filter(Address.kind == "work").delete()
    return n, db.query(Address).order_by(Address.id).all()


def bulk_update(db: Session):
    n = db.query(User).filter(User.name == "ann").update({User.active: False}, synchronize_session="fetch")
    return n, [u.active for u in db.query(User).order_by(User.id).all()]


def bulk_update_in_session_objects(db: Session):
    users = db.query(User).order_by(User.id).all()
    db.query(User).filter(User.id == 3).update({"name": "cyrus"})
    return [u.name for u in users]


def bulk_delete_variable(db: Session):
    q = db.query(Address).filter(Address.kind == "work")
    found = q.first()
    n = q.delete(synchronize_session=False)
    return n, found, db.query(Address).order_by(Address.id).all()


def bulk_delete_variable_refined(db: Session):
    q = db.query(Address).filter(Address.user_id == 1)
    if True:
        q = q.filter(Address.kind == "home")
    loaded = q.all()
    n = q.delete()
    return n, [a in db for a in loaded], db.query(Address).order_by(Address.id).all()


def bulk_update_variable(db: Session):
    q = db.query(User).filter_by(name="ann")
    users = q.all()
    q.filter(User.active).update({User.email: "x@x.org"}, synchronize_session="fetch")
    return [u.email for u in users], q.count()


# Unpacked arguments (`*conds`, `**fields`): what the lists hold is only known at run time.
def star_filter(db: Session):
    conds = [User.active]
    conds.append(User.name == "ann")
    return db.query(User).filter(*conds).order_by(User.id).all()


def star_filter_empty(db: Session):
    conds = []
    return db.query(User).filter(*conds).order_by(User.id).all()


def star_filter_other_entity(db: Session):
    # Address in the criteria without a join: users repeat once per address, which legacy Query de-duplicated.
    conds = [Address.user_id == User.id]
    return db.query(User).filter(*conds).order_by(User.id).all()


def star_filter_other_entity_one(db: Session):
    conds = [Address.user_id == User.id, User.id == 1]
    return db.query(User).filter(*conds).one()


def star_filter_mixed_first(db: Session):
    return db.query(User).filter(User.name == "ann", *[User.active]).order_by(User.id.desc()).first()


def star_filter_by(db: Session):
    fields = {"name": "ann", "active": True}
    return db.query(User).filter_by(**fields).order_by(User.id).all()


def star_filter_by_empty(db: Session):
    return db.query(User).filter_by(**{}).order_by(User.id).all()


def star_options_joinedload(db: Session):
    loaders = [joinedload(User.addresses)]
    return [(u.id, [a.id for a in u.addresses]) for u in db.query(User).options(*loaders).order_by(User.id).all()]


def star_options_empty(db: Session):
    loaders = []
    return db.query(User).options(*loaders).order_by(User.id).all()


def star_group_having_order(db: Session):
    grouping = [User.name]
    having = [func.count(User.id) >= 1]
    ordering = [func.count(User.id).desc(), User.name]
    return db.query(User.name, func.count(User.id)).group_by(*grouping).having(*having).order_by(*ordering).all()


def star_order_reset(db: Session):
    return db.query(User).order_by(User.id.desc()).order_by(*[None]).order_by(*[User.name, User.id]).all()


def star_order_empty(db: Session):
    return db.query(User.id).order_by(User.id.desc()).order_by(*[]).all()


def star_count(db: Session):
    conds = [User.active]
    return db.query(User).filter(*conds).count()


def star_iterate(db: Session):
    conds = [Address.user_id == User.id]
    return [u.id for u in db.query(User).filter(*conds).order_by(User.id)]


def star_built_across_statements(db: Session):
    conds = []
    q = db.query(User)
    if True:
        conds.append(User.active)
    q = q.filter(*conds)
    q = q.order_by(*[User.id.desc()])
    return q.first(), q.all()


def star_bulk_delete(db: Session):
    conds = [Address.kind == "work"]
    n = db.query(Address).filter(*conds).delete()
    return n, db.query(Address).order_by(Address.id).all()


def star_bulk_delete_empty(db: Session):
    n = db.query(Address).filter(*[]).delete(synchronize_session=False)
    return n, db.query(Address).order_by(Address.id).all()


# A list handed to options() whole: Query flattened it, Select.options needs it unpacked.
def options_module_list(db: Session):
    return [(u.id, [a.id for a in u.addresses]) for u in db.query(User).options(ADDRESS_LOADERS).order_by(User.id).all()]


def options_local_list(db: Session):
    opts = [joinedload(User.addresses)]
    opts += []
    return [(u.id, [a.id for a in u.addresses]) for u in db.query(User).options(opts).order_by(User.id).all()]


def options_written_list(db: Session):
    return [(u.id, len(u.addresses)) for u in db.query(User).options([selectinload(User.addresses)]).filter(User.id < 3).order_by(User.id)]


# A lone False/None cancels the ordering or grouping built so far; Select cancels on None only.
def order_by_false_cancels(db: Session):
    return [u.id for u in db.query(User).order_by(User.id.desc()).order_by(False).all()]


def order_by_none_cancels(db: Session):
    return [u.id for u in db.query(User).order_by(User.id.desc()).order_by(None).order_by(User.name, User.id).all()]


def group_by_false_cancels(db: Session):
    return db.query(Address.kind, func.count(Address.id)).group_by(Address.kind).group_by(False).all()


def group_by_none_cancels(db: Session):
    return db.query(func.count(Address.id)).group_by(Address.user_id).group_by(None).all()


# Options that are provably one option object (not a list): converted as written.
def address_loader():
    return selectinload(User.addresses)


def options_helper_single(db: Session):
    return [(u.id, [a.id for a in u.addresses]) for u in db.query(User).options(address_loader()).order_by(User.id).all()]
