from fastapi import Depends, FastAPI

from app.customers import CustomerService
from app.deps import customer_service

app = FastAPI()


@app.post("/customers/{name}")
def register(name: str, service: CustomerService = Depends(customer_service)):
    customer = service.register(name)
    return {"id": customer.id}
