from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("postgresql://app@localhost/reports")
ReportSession = sessionmaker(bind=engine, autoflush=False)

# No async driver is known for this one: its factory gets no twin.
legacy_engine = create_engine("oracle://app@legacy/archive")
ArchiveSession = sessionmaker(bind=legacy_engine)
