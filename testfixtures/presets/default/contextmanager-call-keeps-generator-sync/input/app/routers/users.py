from fastapi import APIRouter, HTTPException

from app.models.users import Users

router = APIRouter()


@router.post("/users/{id}")
def create_user(id: str, name: str):
    return Users.insert_new_user(id, name)


@router.get("/users/{id}")
async def get_user(id: str):
    user = Users.get_user_by_id(id)
    if user is None:
        raise HTTPException(404)
    return user
