"""warta: news pages in, clean articles with actors, quotes and coded events out."""

__version__ = "0.1.0"
