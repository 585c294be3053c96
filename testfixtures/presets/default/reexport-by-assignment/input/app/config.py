class Settings:
    debug = True


settings = Settings()
