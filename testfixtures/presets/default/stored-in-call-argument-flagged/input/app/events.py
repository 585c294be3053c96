from app import hooks
from app.bus import bus


# The bus calls the functions in these displays synchronously: load_context becomes async (it awaits
# crud.get_item), so each of them is flagged.
bus.subscribe("item", middleware=[hooks.load_context, hooks.check_name])
bus.subscribe("other", (hooks.load_context,))


@bus.on("created", middleware=[hooks.load_context])
def on_created(context: dict):
    return context


def configure():
    bus.subscribe("later", handlers={"load": hooks.load_context})
