"""One documented exception tree. Per-page problems become ``Failure`` records with a ``reason``; these
exceptions carry that reason so the pipeline can record them without guessing."""


class WartaError(Exception):
    """Base of every error warta raises on purpose."""

    reason = "error"


class UsageError(WartaError):
    """The user asked for something impossible (bad option, missing path). Exits non-zero."""

    reason = "usage"


class PageError(WartaError):
    """One page cannot be processed; the batch goes on and a Failure is recorded."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class PageTimeout(PageError):
    def __init__(self, seconds: float):
        super().__init__("timeout", f"page took longer than {seconds:g} s")
