from .crud_item import item
from .crud_user import user
