from typing import Any, List, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, status
from sqlalchemy.orm import Session

from app import crud, models, schemas
from app.api import deps

router = APIRouter()


def _get_owned_item(db: Session, item_id: int, current_user: models.User) -> models.Item:
    item = crud.item.get(db, id=item_id)
    if not item:
        raise HTTPException(status_code=404, detail="Item not found")
    if not crud.user.is_superuser(current_user) and item.owner_id != current_user.id:
        raise HTTPException(status_code=403, detail="Not enough permissions")
    return item


@router.get("/", response_model=schemas.ItemsPage)
def read_items(
    db: Session = Depends(deps.get_db),
    skip: int = Query(0, ge=0),
    limit: int = Query(100, ge=1, le=100),
    q: Optional[str] = None,
    current_user: models.User = Depends(deps.get_current_active_user),
) -> Any:
    # Superusers see every author's items; everyone else only their own.
    owner_id = None if crud.user.is_superuser(current_user) else current_user.id
    if q:
        items, count = crud.item.search(db, text=q, owner_id=owner_id, skip=skip, limit=limit)
    elif owner_id is None:
        items = crud.item.get_multi(db, skip=skip, limit=limit)
        count = crud.item.count(db)
    else:
        items = crud.item.get_multi_by_owner(db, owner_id=owner_id, skip=skip, limit=limit)
        count = crud.item.count_by_owner(db, owner_id=owner_id)
    return {"data": items, "count": count}


@router.post("/", response_model=schemas.Item, status_code=status.HTTP_201_CREATED)
def create_item(
    *,
    db: Session = Depends(deps.get_db),
    item_in: schemas.ItemCreate,
    current_user: models.User = Depends(deps.get_current_active_user),
) -> Any:
    return crud.item.create_with_owner(db=db, obj_in=item_in, owner_id=current_user.id)


@router.get("/stats", response_model=List[schemas.OwnerStats])
def read_item_stats(
    db: Session = Depends(deps.get_db),
    current_user: models.User = Depends(deps.get_current_active_superuser),
) -> Any:
    return [{"email": email, "item_count": count} for email, count in crud.item.owner_stats(db)]


@router.post("/publish", response_model=schemas.PublishResult)
def publish_my_items(
    db: Session = Depends(deps.get_db),
    current_user: models.User = Depends(deps.get_current_active_user),
) -> Any:
    return {"published": crud.item.publish_all_for_owner(db, owner_id=current_user.id)}


@router.get("/{item_id}", response_model=schemas.Item)
def read_item(
    item_id: int,
    db: Session = Depends(deps.get_db),
    current_user: models.User = Depends(deps.get_current_active_user),
) -> Any:
    return _get_owned_item(db, item_id, current_user)


@router.put("/{item_id}", response_model=schemas.Item)
def update_item(
    *,
    db: Session = Depends(deps.get_db),
    item_id: int,
    item_in: schemas.ItemUpdate,
    current_user: models.User = Depends(deps.get_current_active_user),
) -> Any:
    item = _get_owned_item(db, item_id, current_user)
    return crud.item.update(db=db, db_obj=item, obj_in=item_in)


@router.delete("/{item_id}", response_model=schemas.Item)
def delete_item(
    *,
    db: Session = Depends(deps.get_db),
    item_id: int,
    current_user: models.User = Depends(deps.get_current_active_user),
) -> Any:
    _get_owned_item(db, item_id, current_user)
    return crud.item.remove(db=db, id=item_id)
