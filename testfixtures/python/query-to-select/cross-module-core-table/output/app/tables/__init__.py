from app.tables.defs import AuditLog
