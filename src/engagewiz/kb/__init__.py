"""The knowledge base: its shape, how it is built from YAML, cached and loaded."""
