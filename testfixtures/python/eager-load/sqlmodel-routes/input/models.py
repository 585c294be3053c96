from typing import List, Optional

from sqlmodel import Field, Relationship, SQLModel


class TeamBase(SQLModel):
    name: str


class Team(TeamBase, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    heroes: List["Hero"] = Relationship(back_populates="team")
    sponsors: List["Sponsor"] = Relationship(sa_relationship_kwargs={"lazy": "selectin"})


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    team_id: Optional[int] = Field(default=None, foreign_key="team.id")
    team: Optional[Team] = Relationship(back_populates="heroes")


class Sponsor(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: Optional[int] = Field(default=None, foreign_key="team.id")


class HeroRead(SQLModel):
    id: int
    name: str


class TeamRead(TeamBase):
    id: int


class TeamReadWithHeroes(TeamRead):
    heroes: List[HeroRead] = []
    sponsors: list = []


class HeroReadWithTeam(HeroRead):
    team: Optional[TeamRead] = None
