"""The brand's editorial charter: schema, loading (extends, presets) and model."""
from .loader import DEFAULT_NAME, load_charter, load_charter_text, preset_names
from .model import Charter

__all__ = ["Charter", "DEFAULT_NAME", "load_charter", "load_charter_text", "preset_names"]
