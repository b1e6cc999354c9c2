"""newsframes: Vietnamese wire stories into pandas tables."""

__version__ = "0.1.0"
