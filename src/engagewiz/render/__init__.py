"""Renderers turn an Assessment into text; none of them decides anything."""
