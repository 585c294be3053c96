from .crud_user import audited, user
