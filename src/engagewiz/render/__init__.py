"""Renderers turn an Assessment into text; none of them decides anything."""

DEFAULT_TOP = 5  # recommended routes shown on a screen or in a plan; JSON lists them all
ALL = 10_000     # `--top all`: more routes than any knowledge base holds
