from .library import Author, Book, Shelf
from .people import Guest, Reader

__all__ = ["Author", "Book", "Guest", "Reader", "Shelf"]
