from pydantic import BaseModel


class UserOut(BaseModel):
    id: int
    email: str

    class Config:
        orm_mode = True


class PostBase(BaseModel):
    id: int
    title: str
    owner: UserOut

    class Config:
        orm_mode = True


class PostOut(BaseModel):
    Post: PostBase
    votes: int

    class Config:
        orm_mode = True
