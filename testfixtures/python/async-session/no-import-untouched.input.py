def handler(db: "Session", other: Session = None) -> Session:
    return db
