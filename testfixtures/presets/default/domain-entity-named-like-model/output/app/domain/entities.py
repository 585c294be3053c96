from dataclasses import dataclass, field


@dataclass
class Team:
    id: int
    members: list[int] = field(default_factory=list)
