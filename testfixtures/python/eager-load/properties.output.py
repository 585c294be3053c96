from typing import List, Optional

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict
from sqlalchemy import Column, ForeignKey, Integer, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import declarative_base, relationship, selectinload

from app.deps import get_async_db
from app.services import find_project

Base = declarative_base()


class Person(Base):
    __tablename__ = "people"
    id = Column(Integer, primary_key=True)
    name = Column(String)


class TitledMixin:
    @property
    def display(self):
        return self.title.upper()


class Project(TitledMixin, Base):
    __tablename__ = "projects"
    id = Column(Integer, primary_key=True)
    title = Column(String)
    lead_id = Column(Integer, ForeignKey("people.id"))
    lead = relationship("Person")
    tasks = relationship("Task", back_populates="project")

    @property
    def task_ids(self):
        return [t.id for t in self.tasks]

    @property
    def assignees(self):
        names = []
        for task in self.tasks:
            names.append(task.label)
        return names

    @property
    def lead_name(self):
        lead = self.lead
        return lead.name if lead else None

    @property
    def by_assignee(self):
        return sorted(self.tasks, key=lambda t: t.assignee.name)

    @property
    def summary(self):
        return self.render()

    @property
    def leader(self):
        return self.lead

    @property
    def kind(self):
        return type(self).__name__

    @property
    def headline(self):
        return super().display

    def render(self):
        return f"{self.title}: {len(self.tasks)}"


class Task(Base):
    __tablename__ = "tasks"
    id = Column(Integer, primary_key=True)
    project_id = Column(Integer, ForeignKey("projects.id"))
    assignee_id = Column(Integer, ForeignKey("people.id"))
    project = relationship("Project", back_populates="tasks")
    assignee = relationship("Person")

    @property
    def label(self):
        return self.assignee.name


class PersonOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    name: str


class ProjectIds(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    display: str
    kind: str
    task_ids: List[int]


class ProjectPeople(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    assignees: List[str]
    lead_name: Optional[str]
    leader: Optional[PersonOut]


class ProjectSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    summary: str
    headline: str


class ProjectSorted(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    by_assignee: List[int]


router = APIRouter()


@router.get("/projects", response_model=List[ProjectIds])
async def list_projects(db: AsyncSession = Depends(get_async_db)):
    return (await db.scalars(select(Project).options(selectinload(Project.tasks)))).all()


@router.get("/projects/{pid}/people", response_model=ProjectPeople)
async def project_people(pid: int, db: AsyncSession = Depends(get_async_db)):
    return await db.get(Project, pid, options=[selectinload(Project.tasks).selectinload(Task.assignee), selectinload(Project.lead)])


@router.get("/projects/{pid}/summary", response_model=ProjectSummary)
async def project_summary(pid: int, db: AsyncSession = Depends(get_async_db)):
    return await db.scalar(select(Project).where(Project.id == pid))


@router.get("/projects/{pid}/sorted", response_model=ProjectSorted)
async def project_sorted(pid: int, db: AsyncSession = Depends(get_async_db)):
    return await db.scalar(select(Project).options(selectinload(Project.tasks)).where(Project.id == pid))


@router.get("/projects/{pid}/ids")
async def project_ids(pid: int, db: AsyncSession = Depends(get_async_db)):
    project = await db.scalar(select(Project).options(selectinload(Project.tasks)).where(Project.id == pid))
    return {"ids": project.task_ids, "display": project.display}


@router.get("/found/{pid}")
async def found_ids(pid: int, db: AsyncSession = Depends(get_async_db)):
    project = await find_project(db, pid)
    return {"ids": project.task_ids}
