"""Renderers: one module per output format. They take checked plans, never re-run checks."""
