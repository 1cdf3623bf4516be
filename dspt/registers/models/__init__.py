"""The registers' models: one module per register, on the shared Entry base; and imports waiting to be confirmed."""

from dspt.registers.models.assets import InformationAsset
from dspt.registers.models.base import Entry
from dspt.registers.models.imports import PendingImport
from dspt.registers.models.processing import ProcessingActivity
from dspt.registers.models.spot_checks import SpotCheck, SpotCheckResult
from dspt.registers.models.suppliers import Certification, Supplier
from dspt.registers.models.unsupported import UnsupportedItem

__all__ = [
    "Certification",
    "Entry",
    "InformationAsset",
    "PendingImport",
    "ProcessingActivity",
    "SpotCheck",
    "SpotCheckResult",
    "Supplier",
    "UnsupportedItem",
]
