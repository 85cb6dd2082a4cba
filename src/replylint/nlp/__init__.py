"""The Russian NLP pipeline (spaCy + natasha/slovnet + pymorphy3)."""

from .pipeline import get_nlp

__all__ = ["get_nlp"]
