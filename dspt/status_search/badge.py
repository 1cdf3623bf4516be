"""The embeddable status badge: a small SVG naming the organisation, its status, DSPT year and date, and saying the
status is self-assessed on this service (named, since the badge is shown on other websites), not the national
toolkit's record.

Built with ElementTree so every name is escaped and the result is always well-formed XML. Only presentation
attributes are used (no <style>, no script), so the badge also works under a strict Content-Security-Policy.
"""

import datetime
import xml.etree.ElementTree as ET

from dspt.assessments import presenters
from dspt.ui.presenters import long_date

WIDTH, HEIGHT = 340, 94
NAME_LIMIT = 38
FONT = "Frutiger W01, Arial, Helvetica, sans-serif"
TEXT, SECONDARY, BORDER = "#212b32", "#4c6272", "#d8dde0"
GREY = "#768692"
# The colour bar is the NHS.UK colour its tag is named after (assessments.presenters.STATUS_TAG_CLASSES), so the
# badge always matches the tag shown on every page.
TAG_COLOURS = {
    "nhsuk-tag--red": "#d5281b",
    "nhsuk-tag--yellow": "#ffeb3b",
    "nhsuk-tag--green": "#007f3b",
    "nhsuk-tag--aqua-green": "#00a499",
    "nhsuk-tag--blue": "#005eb8",
    "nhsuk-tag--orange": "#ed8b00",
    "nhsuk-tag--purple": "#330072",
    "nhsuk-tag--pink": "#ae2573",
    "nhsuk-tag--grey": GREY,
}


def clean(text: str) -> str:
    """Text XML 1.0 can carry: control characters become spaces, runs of spaces one."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def lines(name: str, view, today: datetime.date, service_name: str) -> tuple[str, str, str, str]:
    """The badge's four lines of text: organisation, status, DSPT year and date, then where the status comes from."""
    if not view.status:
        return (
            name,
            view.display,
            f"As of {long_date(today)} · {service_name}",
            "Check the national toolkit for its official status",
        )
    return (
        name,
        view.display,
        f"DSPT {view.year} · published {long_date(view.published_on)}",
        f"Self-assessed on {service_name}, not the national toolkit",
    )


def colour_of(view) -> str:
    if not view.status or not view.current:
        return GREY
    return TAG_COLOURS.get(presenters.STATUS_TAG_CLASSES.get(view.status, ""), GREY)


def build(name: str, view, today: datetime.date, service_name: str) -> str:
    """The SVG document for one organisation's public view (publication.public.PublicView)."""
    first, second, third, fourth = (clean(line) for line in lines(name, view, today, service_name))
    label = f"{first}: {second}. {third}. {fourth}"
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "width": str(WIDTH),
            "height": str(HEIGHT),
            "viewBox": f"0 0 {WIDTH} {HEIGHT}",
            "role": "img",
            "aria-label": label,
        },
    )
    ET.SubElement(svg, "title").text = label
    ET.SubElement(
        svg,
        "rect",
        {
            "x": "0.5",
            "y": "0.5",
            "width": str(WIDTH - 1),
            "height": str(HEIGHT - 1),
            "rx": "4",
            "fill": "#ffffff",
            "stroke": BORDER,
        },
    )
    ET.SubElement(svg, "rect", {"x": "1", "y": "1", "width": "8", "height": str(HEIGHT - 2), "fill": colour_of(view)})
    for y, text, size, weight, fill in (
        (24, _shorten(first, NAME_LIMIT), 14, "bold", TEXT),
        (46, _shorten(second, 60), 13, "bold", TEXT),
        (66, _shorten(third, 60), 11, "normal", SECONDARY),
        (84, _shorten(fourth, 60), 11, "normal", SECONDARY),
    ):
        element = ET.SubElement(
            svg,
            "text",
            {"x": "20", "y": str(y), "font-family": FONT, "font-size": str(size), "font-weight": weight, "fill": fill},
        )
        element.text = text
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(svg, encoding="unicode")
