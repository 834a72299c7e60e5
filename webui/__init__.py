"""The web UI and JSON API (Flask): `create_app(config)`.

Only the command line (`gongshi serve`, `gongshi demo`) imports this package.
"""

from webui.app import create_app

__all__ = ["create_app"]
