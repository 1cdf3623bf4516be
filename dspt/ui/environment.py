"""The one Jinja2 environment: NHS.UK macros, Django helpers and our filters."""

from django.conf import settings
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader, select_autoescape

from dspt.lib import national_toolkit
from dspt.ui import field_rendering, presenters


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options) -> Environment:
    """Build the environment Django's Jinja2 backend uses (settings.TEMPLATES names this function)."""
    loaders = [
        PackageLoader("nhsuk_frontend_jinja"),
        PackageLoader("nhsuk_frontend_jinja", package_path="templates/nhsuk"),
    ]
    app_loader = options.pop("loader", None)
    if app_loader is not None:
        loaders.insert(0, app_loader)
    options.pop("undefined", None)
    # Escape HTML everywhere except plain-text email templates (.txt).
    options["autoescape"] = select_autoescape(disabled_extensions=("txt",), default_for_string=True, default=True)
    env = Environment(  # noqa: S701 (autoescape is set in options above)
        loader=ChoiceLoader(loaders),
        undefined=ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        **options,
    )
    env.globals.update(
        url=url,
        static=static,
        asset_path=settings.STATIC_URL.rstrip("/") + "/nhsuk/assets",
        service_name=settings.SERVICE_NAME,
        national_toolkit_home=national_toolkit.HOME_URL,
        national_toolkit_search=national_toolkit.SEARCH_URL,
        get_messages=get_messages,
        field_params=field_rendering.field_params,
        error_summary=field_rendering.error_summary,
    )
    env.filters.update(presenters.FILTERS)
    return env
