"""The shop runs on pydantic 1 (older hosts) and pydantic 2. pydantic 2 ignores `orm_mode` (it only
warns), so reading ORM objects needs a base class per major version."""
from typing import Any, Dict

import pydantic
from pydantic import BaseModel

PYDANTIC_V2 = pydantic.VERSION.startswith("2.")

if PYDANTIC_V2:
    from pydantic import ConfigDict

    class ORMModel(BaseModel):
        model_config = ConfigDict(from_attributes=True)

    def dump(model: BaseModel, **kwargs: Any) -> Dict[str, Any]:
        return model.model_dump(**kwargs)

else:

    class ORMModel(BaseModel):  # type: ignore[no-redef]
        class Config:
            orm_mode = True

    def dump(model: BaseModel, **kwargs: Any) -> Dict[str, Any]:
        return model.dict(**kwargs)
