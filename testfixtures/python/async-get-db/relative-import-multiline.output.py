from fastapi import Depends

from .deps import (  # shared dependencies
    get_current_user,  # auth
    get_async_db,  # database
    get_settings,
)


def me(user=Depends(get_current_user), db=Depends(get_async_db), settings=Depends(get_settings)):
    return user
