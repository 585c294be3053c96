"""Differential check for query-to-select.

usage: python compare.py ORIGINAL.py SELECT_STAGE.py ASYNC_STAGE.py

Runs every public function of the original module against freshly seeded SQLite data with a sync
Session, then the select-stage conversion with a sync Session and the async-stage conversion with an
AsyncSession on aiosqlite, and compares normalised results (exceptions compare by class name).
Exit status 1 on any difference. Works on SQLAlchemy 1.4 and 2.x.
"""
import ast
import asyncio
import importlib.util
import os
import sys
import tempfile
import types
import warnings

# Keep the fixture directory free of __pycache__.
sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
warnings.simplefilter("ignore")

import sqlalchemy  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from models import Base, seed  # noqa: E402


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_async(path, name):
    """The async stage emits `await` in plain defs (later transforms add `async`); do that here."""
    tree = ast.parse(open(path, encoding="utf-8").read(), path)
    for i, node in enumerate(tree.body):
        if isinstance(node, ast.FunctionDef) and any(isinstance(n, ast.Await) for n in ast.walk(node)):
            tree.body[i] = ast.copy_location(ast.AsyncFunctionDef(**{f: getattr(node, f) for f in node._fields}), node)
    ast.fix_missing_locations(tree)
    module = types.ModuleType(name)
    module.__file__ = path
    exec(compile(tree, path, "exec"), module.__dict__)
    return module


def normalise(value):
    if isinstance(value, Base):
        return (type(value).__name__, value.id)
    if isinstance(value, (list, tuple)) or type(value).__name__ in ("Row", "LegacyRow"):
        return tuple(normalise(v) for v in value)
    return value


def fresh_database():
    handle, path = tempfile.mkstemp(suffix=".sqlite")
    os.close(handle)
    engine = create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        seed(session)
    engine.dispose()
    return path


def run_sync(fn):
    path = fresh_database()
    engine = create_engine(f"sqlite:///{path}")
    try:
        with Session(engine) as session:
            try:
                return normalise(fn(session))
            except Exception as error:  # the exception class is part of the behaviour
                return ("raises", type(error).__name__)
    finally:
        engine.dispose()
        os.unlink(path)


def run_async(fn):
    from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

    path = fresh_database()

    async def go():
        engine = create_async_engine(f"sqlite+aiosqlite:///{path}")
        try:
            async with AsyncSession(engine) as session:
                try:
                    result = fn(session)
                    if asyncio.iscoroutine(result):
                        result = await result
                    return normalise(result)
                except Exception as error:
                    return ("raises", type(error).__name__)
        finally:
            await engine.dispose()

    try:
        return asyncio.run(go())
    finally:
        os.unlink(path)


def main(original_path, select_path, async_path):
    original = load(original_path, "original_queries")
    select_stage = load(select_path, "select_queries")
    async_stage = load_async(async_path, "async_queries")
    names = [n for n, v in vars(original).items() if isinstance(v, types.FunctionType) and v.__module__ == "original_queries" and not n.startswith("_")]
    failures = 0
    for name in names:
        expected = run_sync(getattr(original, name))
        got_select = run_sync(getattr(select_stage, name))
        got_async = run_async(getattr(async_stage, name))
        for stage, got in (("select", got_select), ("async", got_async)):
            if got != expected:
                failures += 1
                print(f"DIFF {name} [{stage}] original={expected!r} converted={got!r}")
    print(f"SQLAlchemy {sqlalchemy.__version__}: {len(names)} functions, {failures} differences")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
