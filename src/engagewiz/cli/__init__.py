"""The command line: thin commands over the core (engagewiz.engine, engagewiz.kb)."""
