"""The published OKR site as data: page specs, navigation and page contexts, free of MkDocs."""

from __future__ import annotations

from .pages import GLOSSARY, REVIEW, NavEntry, PageSpec, Site

__all__ = ["GLOSSARY", "REVIEW", "NavEntry", "PageSpec", "Site"]
