"""Nightly export: reads the reporting database directly."""
import csv

from sqlalchemy import create_engine, text

reporting = create_engine("postgresql://report:secret@reporting/warehouse")


def export(path):
    with reporting.connect() as conn, open(path, "w") as out:
        writer = csv.writer(out)
        for row in conn.execute(text("select id, total from orders")):
            writer.writerow(row)


if __name__ == "__main__":
    export("orders.csv")
