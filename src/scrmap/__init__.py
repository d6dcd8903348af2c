"""scrmap: map safeguarding review recommendations onto a thematic learning framework."""

__version__ = "0.1.0"
