from app.repo import LabelRepository


class ArchiveLabelRepository(LabelRepository):
    pass
