from app.model_repo import NamedModelRepo


# Names no session at all: the attribute still comes down through it.
class NamedRepo(NamedModelRepo):
    label = "named"
