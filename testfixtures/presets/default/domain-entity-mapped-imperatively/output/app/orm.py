from sqlalchemy import Column, Integer, Table
from sqlalchemy.orm import registry

from app.domain.entities import Team

mapper_registry = registry()
team_entities = Table("team_entities", mapper_registry.metadata, Column("id", Integer, primary_key=True))


def start_mappers() -> None:
    mapper_registry.map_imperatively(Team, team_entities)
