from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import crud
from app.models import Note, Notebook
from app.schemas import NotebookUpdate, NoteUpdate
from app.seed import seed

NotebookFactory = Callable[..., Notebook]
NoteFactory = Callable[..., Note]


def test_create_and_get_notebook(db: Session, notebook_factory: NotebookFactory) -> None:
    nb = notebook_factory("Work", description="Meetings")
    assert nb.id is not None
    assert nb.created_at is not None
    assert crud.get_notebook(db, nb.id) is nb
    assert crud.get_notebook_by_title(db, "Work").id == nb.id
    assert crud.get_notebook_by_title(db, "work") is None


def test_list_and_count_notebooks_skip_archived(db: Session, notebook_factory: NotebookFactory) -> None:
    books = [notebook_factory(f"Book {i}") for i in range(5)]
    crud.update_notebook(db, books[1], NotebookUpdate(archived=True))
    page = crud.list_notebooks(db, skip=1, limit=2)
    assert [b.title for b in page] == ["Book 2", "Book 3"]
    assert crud.count_notebooks(db) == 4
    assert crud.count_notebooks(db, include_archived=True) == 5
    everything = crud.list_notebooks(db, limit=10, include_archived=True)
    assert [b.id for b in everything] == [b.id for b in books]


def test_create_note_counts_words(db: Session, notebook_factory: NotebookFactory, note_factory: NoteFactory) -> None:
    nb = notebook_factory()
    note = note_factory(nb, "Groceries", "eggs  milk\nbread")
    assert note.word_count == 3
    assert note.notebook_id == nb.id
    assert crud.get_note(db, note.id) is note
    assert crud.get_note(db, note.id + 1000) is None


def test_update_note_recounts_only_when_body_changes(
    db: Session, notebook_factory: NotebookFactory, note_factory: NoteFactory
) -> None:
    note = note_factory(notebook_factory(), "Draft", "one two")
    crud.update_note(db, note, NoteUpdate(title="Final"))
    assert (note.title, note.word_count) == ("Final", 2)
    crud.update_note(db, note, NoteUpdate(body="one two three four"))
    assert note.word_count == 4


def test_list_notes_filters_and_paginates(
    db: Session, notebook_factory: NotebookFactory, note_factory: NoteFactory
) -> None:
    nb = notebook_factory()
    other = notebook_factory("Other")
    a = note_factory(nb, "alpha", "apple pie")
    b = note_factory(nb, "beta", "banana", pinned=True)
    c = note_factory(nb, "gamma", "apple crumble")
    note_factory(other, "apple elsewhere")

    total, notes = crud.list_notes(db, nb.id)
    assert total == 3
    assert [n.id for n in notes] == [b.id, a.id, c.id]  # pinned first

    total, notes = crud.list_notes(db, nb.id, search="APPLE", skip=1, limit=1)
    assert (total, [n.id for n in notes]) == (2, [c.id])

    total, notes = crud.list_notes(db, nb.id, pinned=False)
    assert (total, [n.id for n in notes]) == (2, [a.id, c.id])


def test_search_notes_matches_notebook_title_and_skips_archived(
    db: Session, notebook_factory: NotebookFactory, note_factory: NoteFactory
) -> None:
    recipes = notebook_factory("Recipes")
    travel = notebook_factory("Travel")
    old = notebook_factory("Old recipes")
    r1 = note_factory(recipes, "Soup")
    r2 = note_factory(recipes, "Bread")
    t1 = note_factory(travel, "Recipes from Lisbon")
    note_factory(old, "Stew")
    crud.update_notebook(db, old, NotebookUpdate(archived=True))
    found = crud.search_notes(db, "recipe")
    assert [n.id for n in found] == [r1.id, r2.id, t1.id]
    assert [n.id for n in crud.search_notes(db, "recipe", limit=1)] == [r1.id]


def test_notebook_stats_include_empty_notebooks(
    db: Session, notebook_factory: NotebookFactory, note_factory: NoteFactory
) -> None:
    full = notebook_factory("Full")
    empty = notebook_factory("Empty")
    for i in range(3):
        note_factory(full, f"n{i}")
    stats = crud.notebook_stats(db)
    assert [(row.id, row.title, row.note_count) for row in stats] == [(full.id, "Full", 3), (empty.id, "Empty", 0)]


# `db` unannotated, as tests often request fixtures: the session fixture's name makes it the session.
def test_pin_notes_is_scoped_to_the_notebook(
    db, notebook_factory: NotebookFactory, note_factory: NoteFactory
) -> None:
    nb = notebook_factory()
    other = notebook_factory("Other")
    a = note_factory(nb, "a")
    b = note_factory(nb, "b", pinned=True)
    foreign = note_factory(other, "c")
    assert crud.pin_notes(db, nb.id, [a.id, b.id, foreign.id]) == 1
    pinned = db.scalars(select(Note.id).where(Note.pinned.is_(True)).order_by(Note.id)).all()
    assert pinned == [a.id, b.id]


def test_unpin_all_clears_every_pin(
    db: Session, notebook_factory: NotebookFactory, note_factory: NoteFactory
) -> None:
    nb = notebook_factory()
    notes = [note_factory(nb, f"n{i}", pinned=True) for i in range(3)]
    assert crud.unpin_all(db, nb.id) == 3
    assert [n.pinned for n in notes] == [False, False, False]
    assert crud.unpin_all(db, nb.id) == 0


def test_delete_empty_notes(db: Session, notebook_factory: NotebookFactory, note_factory: NoteFactory) -> None:
    nb = notebook_factory()
    keep = note_factory(nb, "keep", "content")
    note_factory(nb, "blank")
    note_factory(nb, "whitespace", "   ")
    assert crud.delete_empty_notes(db, nb.id) == 2
    assert [n.id for n in crud.list_notes(db, nb.id)[1]] == [keep.id]


def test_delete_notebook_cascades_to_notes(
    db: Session, notebook_factory: NotebookFactory, note_factory: NoteFactory
) -> None:
    nb = notebook_factory()
    note = note_factory(nb, "doomed")
    note_id = note.id
    crud.delete_notebook(db, nb)
    assert crud.get_note(db, note_id) is None
    assert db.scalar(select(Note).where(Note.id == note_id)) is None


def test_move_note(db: Session, notebook_factory: NotebookFactory, note_factory: NoteFactory) -> None:
    src = notebook_factory("Source")
    dst = notebook_factory("Target")
    note = note_factory(src, "wandering")
    crud.move_note(db, note, dst)
    assert note.notebook_id == dst.id
    assert crud.list_notes(db, src.id)[0] == 0


def test_export_markdown_puts_pinned_first(
    db: Session, notebook_factory: NotebookFactory, note_factory: NoteFactory
) -> None:
    nb = notebook_factory("Journal")
    note_factory(nb, "Monday", "rain")
    note_factory(nb, "Tuesday", "sun", pinned=True)
    assert crud.export_markdown(db, nb) == "# Journal\n\n## Tuesday (pinned)\n\nsun\n\n## Monday\n\nrain\n"


@pytest.mark.parametrize("runs", [1, 2])
def test_seed_is_idempotent(db: Session, runs: int) -> None:
    results = [seed(db) for _ in range(runs)]
    assert results == [True] + [False] * (runs - 1)
    nb = crud.get_notebook_by_title(db, "Getting started")
    assert [n.title for n in crud.get_notebook_with_notes(db, nb.id).notes] == ["Welcome", "Search"]
