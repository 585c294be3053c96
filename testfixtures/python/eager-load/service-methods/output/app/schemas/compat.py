import pydantic
from pydantic import BaseModel

if pydantic.VERSION.startswith("2."):
    from pydantic import ConfigDict

    class ORMModel(BaseModel):
        model_config = ConfigDict(from_attributes=True)

else:

    class ORMModel(BaseModel):  # type: ignore[no-redef]
        class Config:
            orm_mode = True
