"""What support organisations' pages share: their navigation (areas above this app add their section, e.g. events
and advice, with add_navigation_item from their AppConfig.ready())."""

from django.urls import reverse

_navigation_items: dict[str, tuple[int, str, str]] = {}


def add_navigation_item(key: str, order: int, text: str, url_name: str) -> None:
    """Show a link to `url_name` (reversed with the support organisation's slug) in every support page's navigation,
    in `order` (the cohort is 0); `key` is what a page passes as `current` to mark it."""
    _navigation_items[key] = (order, text, url_name)


def navigation(support_organisation, membership, current: str) -> list[dict]:
    items = sorted(_navigation_items.items(), key=lambda item: item[1][0])
    return [
        {"text": text, "href": reverse(url_name, args=[support_organisation.slug]), "current": key == current}
        for key, (_order, text, url_name) in items
    ]
