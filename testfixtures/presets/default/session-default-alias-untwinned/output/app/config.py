DB_URL = "sqlite:///./app.db"
DB_ARGS = {"check_same_thread": False}
