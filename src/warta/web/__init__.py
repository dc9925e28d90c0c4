"""Web UI and JSON API over a store (``warta serve``). Needs the ``web`` extra: fastapi, jinja2, uvicorn."""


def create_app(*args, **kwargs):
    from warta.web.app import create_app as create

    return create(*args, **kwargs)


__all__ = ["create_app"]
