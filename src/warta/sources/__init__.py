"""Where pages come from. Every source yields ``Page`` or ``Failure`` items, never raises for one bad page."""

from warta.sources.files import iter_pages

__all__ = ["iter_pages"]
