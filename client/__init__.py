"""Corridor's headless client core: device, store, sync engine. No Qt here."""

__version__ = "0.1.0"
__all__ = ["__version__"]
