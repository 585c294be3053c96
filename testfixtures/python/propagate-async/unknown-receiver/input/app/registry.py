REGISTRY = {}


def build(name):
    return REGISTRY[name]
