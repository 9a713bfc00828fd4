"""engagewiz: choose the UN or regional human-rights route that fits your organisation."""

__version__ = "0.1.0"
