class Mailer:
    async def send(self, to: str) -> str:
        return to

    def render(self, to: str) -> str:
        return to


async def notify(message: str) -> str:
    return message


async def current_user() -> str:
    return "me"


def format_line(message: str) -> str:
    return message
