"""The app is deployed on both pydantic 1 (older hosts) and pydantic 2, whose ORM-mode switch and dump
method differ: pydantic 2 ignores `orm_mode` (it only warns), so reading ORM objects needs this shim."""
from typing import Any, Dict

import pydantic
from pydantic import BaseModel

PYDANTIC_V2 = pydantic.VERSION.startswith("2.")

if PYDANTIC_V2:
    from pydantic import ConfigDict

    class ORMModel(BaseModel):
        model_config = ConfigDict(from_attributes=True)

    def model_to_dict(model: BaseModel, **kwargs: Any) -> Dict[str, Any]:
        return model.model_dump(**kwargs)

    def model_from_orm(schema: Any, obj: Any) -> Any:
        return schema.model_validate(obj)

else:

    class ORMModel(BaseModel):  # type: ignore[no-redef]
        class Config:
            orm_mode = True

    def model_to_dict(model: BaseModel, **kwargs: Any) -> Dict[str, Any]:
        return model.dict(**kwargs)

    def model_from_orm(schema: Any, obj: Any) -> Any:
        return schema.from_orm(obj)
