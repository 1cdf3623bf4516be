"""Every register, in the order the index lists them.

The registers app's own registers are added below; an app above it (DPIAs, staff training, incidents) adds its
registers with `add(spec)` from its AppConfig.ready(), which runs before the URLs are built, so every register gets
the same generic pages, its literal URLs and a place in the walks (see docs/adr/0008-registers.md).
"""

from dspt.registers.spec import RegisterSpec
from dspt.registers.specs.assets import INFORMATION_ASSETS
from dspt.registers.specs.processing import PROCESSING_ACTIVITIES
from dspt.registers.specs.spot_checks import SPOT_CHECKS
from dspt.registers.specs.suppliers import SUPPLIERS
from dspt.registers.specs.unsupported import UNSUPPORTED_SOFTWARE

ALL: tuple[RegisterSpec, ...] = ()
BY_SLUG: dict[str, RegisterSpec] = {}
BY_MODEL: dict[type, RegisterSpec] = {}


def add(spec: RegisterSpec) -> None:
    """Make `spec` a register: listed on the index in its `order`, with its pages under its slug."""
    global ALL
    if spec.slug in BY_SLUG or spec.model in BY_MODEL:
        raise ValueError(f"register {spec.slug} is added twice, or its model is another register's")
    ALL = tuple(sorted((*ALL, spec), key=lambda s: (s.order, s.slug)))
    BY_SLUG[spec.slug] = spec
    BY_MODEL[spec.model] = spec


def get(slug: str) -> RegisterSpec | None:
    return BY_SLUG.get(slug)


add(INFORMATION_ASSETS)
add(PROCESSING_ACTIVITIES)

add(UNSUPPORTED_SOFTWARE)
add(SUPPLIERS)
add(SPOT_CHECKS)
