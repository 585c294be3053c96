from functools import wraps

from sqlalchemy import select
from sqlalchemy.orm import Session


def load_labels(session: Session, cls, names):
    return session.execute(select(cls).where(cls.name.in_(names))).scalars().all()


def with_labels():
    def decorator(init):
        @wraps(init)
        def wrapper(self, *args, **kwargs):
            # Stands in for __init__: Python calls it synchronously, so it must stay a plain def.
            self.labels = load_labels(kwargs["session"], Label, kwargs.pop("label_names", []))
            return init(self, *args, **kwargs)

        return wrapper

    return decorator


from app.models import Label  # noqa: E402
