import logging

from external_audit import AuditMixin  # not a project class: it may define any method

logger = logging.getLogger(__name__)


class LoggingMixin:
    def log(self, message):
        logger.info(message)


class SoftDeleteMixin:
    # `get` comes from the class this is mixed into (CRUDBase).
    def deactivate(self, db, id):
        obj = self.get(db, id)
        obj.active = False
        db.commit()
        return obj
