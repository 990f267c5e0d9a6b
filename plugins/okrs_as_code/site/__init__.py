"""The published OKR site as data: page specs, navigation and page contexts, free of MkDocs."""

from __future__ import annotations

from ..urls import GLOSSARY, REVIEW
from .builder import Site
from .pages import NavEntry, PageSpec

__all__ = ["GLOSSARY", "REVIEW", "NavEntry", "PageSpec", "Site"]
