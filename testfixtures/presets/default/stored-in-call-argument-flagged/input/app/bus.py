class Bus:
    def __init__(self):
        self.handlers = {}

    def subscribe(self, name, middleware=(), handlers=None):
        self.handlers[name] = list(middleware)

    def on(self, name, middleware=()):
        def register(fn):
            self.handlers[name] = list(middleware) + [fn]
            return fn
        return register


bus = Bus()
