from typing import Any, List

from fastapi import APIRouter, Depends, HTTPException, Query, status
from sqlalchemy.orm import Session

from app import crud, models, schemas
from app.api import deps
from app.schemas.compat import model_to_dict

router = APIRouter()


@router.get("/", response_model=List[schemas.User])
def read_users(
    db: Session = Depends(deps.get_db),
    skip: int = 0,
    limit: int = Query(100, ge=1, le=100),
    active_only: bool = False,
    current_user: models.User = Depends(deps.get_current_active_superuser),
) -> Any:
    if active_only:
        return crud.user.get_multi_active(db, skip=skip, limit=limit)
    return crud.user.get_multi(db, skip=skip, limit=limit)


@router.post("/", response_model=schemas.User, status_code=status.HTTP_201_CREATED)
def create_user(
    *,
    db: Session = Depends(deps.get_db),
    user_in: schemas.UserCreate,
    current_user: models.User = Depends(deps.get_current_active_superuser),
) -> Any:
    if crud.user.get_by_email(db, email=user_in.email):
        raise HTTPException(status_code=400, detail="The user with this email already exists in the system.")
    return crud.user.create(db, obj_in=user_in)


@router.post("/signup", response_model=schemas.User, status_code=status.HTTP_201_CREATED)
def register_user(*, db: Session = Depends(deps.get_db), user_in: schemas.UserRegister) -> Any:
    if crud.user.get_by_email(db, email=user_in.email):
        raise HTTPException(status_code=400, detail="The user with this email already exists in the system.")
    user_create = schemas.UserCreate(email=user_in.email, password=user_in.password, full_name=user_in.full_name)
    return crud.user.create(db, obj_in=user_create)


@router.get("/me", response_model=schemas.User)
def read_user_me(current_user: models.User = Depends(deps.get_current_active_user)) -> Any:
    return current_user


@router.patch("/me", response_model=schemas.User)
def update_user_me(
    *,
    db: Session = Depends(deps.get_db),
    user_in: schemas.UserUpdateMe,
    current_user: models.User = Depends(deps.get_current_active_user),
) -> Any:
    if user_in.email is not None and crud.user.email_taken(db, email=user_in.email, exclude_id=current_user.id):
        raise HTTPException(status_code=409, detail="User with this email already exists")
    # An explicit null means "unchanged" here: email and password cannot be cleared.
    update_data = {k: v for k, v in model_to_dict(user_in, exclude_unset=True).items() if v is not None}
    return crud.user.update(db, db_obj=current_user, obj_in=update_data)


@router.get("/{user_id}", response_model=schemas.UserWithItems)
def read_user_by_id(
    user_id: int,
    db: Session = Depends(deps.get_db),
    current_user: models.User = Depends(deps.get_current_active_user),
) -> Any:
    if user_id != current_user.id and not crud.user.is_superuser(current_user):
        raise HTTPException(status_code=403, detail="The user doesn't have enough privileges")
    user = crud.user.get(db, id=user_id)
    if user is None:
        raise HTTPException(status_code=404, detail="User not found")
    return user


@router.delete("/{user_id}", response_model=schemas.Message)
def delete_user(
    user_id: int,
    db: Session = Depends(deps.get_db),
    current_user: models.User = Depends(deps.get_current_active_superuser),
) -> Any:
    if user_id == current_user.id:
        raise HTTPException(status_code=400, detail="Super users are not allowed to delete themselves")
    if crud.user.remove(db, id=user_id) is None:
        raise HTTPException(status_code=404, detail="User not found")
    return {"message": "User deleted successfully"}
