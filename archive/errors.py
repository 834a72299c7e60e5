"""One exception root, so the command line can turn any user-facing failure
into a single line on stderr (the way requests has RequestException)."""


class GongshiError(Exception):
    """A failure a user can act on; its message is one clear sentence."""


class BadInput(GongshiError):
    """A document that cannot be read: empty, truncated, corrupt, encrypted,
    too large, or of an unknown type."""


class NotFound(GongshiError):
    """An id that names nothing in the archive."""
