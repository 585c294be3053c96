from app import crud
import pytest


@pytest.mark.asyncio
async def test_savepoint(savepoint_db):
    await crud.add_note(savepoint_db, "a")
    assert await crud.count_notes(savepoint_db) == 1


@pytest.mark.asyncio
async def test_memory(memory_db):
    await crud.add_note(memory_db, "a")
    assert await crud.count_notes(memory_db) == 1


@pytest.mark.asyncio
async def test_audited(audited_db):
    await crud.add_note(audited_db, "a")
    assert await crud.count_notes(audited_db) == 1


@pytest.mark.asyncio(loop_scope="session")
async def test_shared(shared_db):
    await crud.add_note(shared_db, "a")
    assert await crud.count_notes(shared_db) >= 1
