"""Corridor's PySide6 desktop app. Importing the package does not import Qt."""

__version__ = "0.1.0"
__all__ = ["__version__"]
