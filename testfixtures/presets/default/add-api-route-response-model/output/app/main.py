from fastapi import FastAPI

from app.routes import author_list_router, author_router, router

app = FastAPI()
app.include_router(router)
app.include_router(author_router)
app.include_router(author_list_router)
