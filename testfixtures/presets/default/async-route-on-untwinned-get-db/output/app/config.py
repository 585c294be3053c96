DATABASE_URL = "postgresql://shop@localhost/shop"
POOL_ARGS = {"pool_size": 5}
