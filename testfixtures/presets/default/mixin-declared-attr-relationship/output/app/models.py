from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, declared_attr, relationship

Base = declarative_base()


class ProjectMixin(object):
    """Every model of a project points at it."""

    @declared_attr
    def project_id(cls):  # noqa
        return Column(Integer, ForeignKey("project.id"))

    @declared_attr
    def project(cls):
        return relationship("Project")


class Project(Base):
    __tablename__ = "project"
    id = Column(Integer, primary_key=True)
    name = Column(String)


class Tag(Base, ProjectMixin):
    __tablename__ = "tag"
    id = Column(Integer, primary_key=True)
    name = Column(String)
