import os.path

import app.svc as svc
from sqlalchemy.orm import Session


def show(db: Session, item_id: int):
    # `import app.svc as svc` binds svc to the module app.svc (and `import os.path` binds os, not path).
    return svc.get_item(db, item_id), os.path.sep
