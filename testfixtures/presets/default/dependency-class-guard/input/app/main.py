from fastapi import Depends, FastAPI

from app.guards import OwnerChecker, RoleChecker

app = FastAPI()
admin_only = RoleChecker("admin")


@app.get("/admin", dependencies=[Depends(RoleChecker("admin"))])
def admin_page():
    return {"ok": True}


@app.get("/me")
def me(user=Depends(admin_only), owner=Depends(OwnerChecker())):
    return {"role": user.role, "owner": owner.id}
