"""The registers' models: one module per register, on the shared Entry base; and imports waiting to be confirmed."""

from dspt.registers.models.assets import InformationAsset
from dspt.registers.models.base import Entry
from dspt.registers.models.imports import PendingImport
from dspt.registers.models.processing import ProcessingActivity

__all__ = ["Entry", "InformationAsset", "PendingImport", "ProcessingActivity"]
