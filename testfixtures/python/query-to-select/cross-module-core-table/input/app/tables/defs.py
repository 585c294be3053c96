import sqlalchemy as sa

from app.models import metadata

AuditLog = sa.Table("audit_log", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("event", sa.String))
