from app.base import CRUDBase
from app.models import Post


class CRUDPost(CRUDBase[Post]):
    pass


post = CRUDPost(Post)
