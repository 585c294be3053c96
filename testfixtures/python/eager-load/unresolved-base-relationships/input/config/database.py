STORE_URL = "memory://"
