from fastapi import APIRouter

from app.checks import member_role
from app.database import SessionDep

router = APIRouter()


@router.get("/projects/{project_id}/members/{member_id}/role")
async def read_role(project_id: int, member_id: int, session: SessionDep) -> str:
    return await member_role(session=session, project_id=project_id, member_id=member_id)
