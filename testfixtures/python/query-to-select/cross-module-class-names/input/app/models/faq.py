from sqlalchemy import Column, Integer, MetaData, String, Table
from sqlalchemy.orm import declarative_base

Base = declarative_base()

FAQ_TABLE = Table("faq_archive", MetaData(), Column("id", Integer))


class FAQ(Base):
    __tablename__ = "faqs"
    id = Column(Integer, primary_key=True)
    category = Column(String)


class URL(Base):
    __tablename__ = "urls"
    id = Column(Integer, primary_key=True)
    faq_id = Column(Integer)
