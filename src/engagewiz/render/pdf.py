"""PDF from the plan's own HTML, with WeasyPrint, offline.

WeasyPrint lays out the same HTML and print CSS a browser prints (A4, page numbers in the
margins, deadlines highlighted), so the PDF cannot drift from the HTML plan. It is an
optional part (`pip install 'engagewiz[pdf]'`): it needs Pango from the system, which most
Linux distributions ship and the others install in one step; without it every other
format still works. Its URL fetcher is replaced by one that refuses every address, so
nothing is ever fetched, whatever a knowledge-base text contains. Fonts come from the
system and are embedded in the PDF.
"""

from __future__ import annotations

import logging
import warnings
from typing import Any, NoReturn

from engagewiz.errors import InputError

INSTALL = "pip install 'engagewiz[pdf]'"
ELSEWHERE = "or write .html and print it to PDF from a browser"


def _missing(what: str) -> NoReturn:
    raise InputError.one(f"a PDF needs {what}; {ELSEWHERE}", key="--output")


def to_pdf(html: str) -> bytes:
    try:
        with warnings.catch_warnings():  # "HarfBuzz-Subset will be required": not yet
            warnings.simplefilter("ignore", DeprecationWarning)
            from weasyprint import HTML
            from weasyprint.urls import URLFetcher
    except ImportError:
        _missing(f"WeasyPrint (68 or later), an optional part: install it with {INSTALL}")
    except OSError:  # WeasyPrint is there, Pango is not
        _missing("the Pango library, which WeasyPrint uses: install your system's Pango "
                 "package (see WeasyPrint's installation guide)")

    class Offline(URLFetcher):  # type: ignore[misc]
        """Fetches nothing: a plan is self-contained, and engagewiz never uses the network.
        A resource it refused is left out of the page, as a browser does under the plan's
        Content Security Policy."""

        def fetch(self, url: str, headers: Any = None) -> NoReturn:
            raise ValueError(f"engagewiz loads nothing from outside the file: {url}")

    for name in ("weasyprint", "fontTools"):  # CSS it does not use is not the user's concern
        logging.getLogger(name).setLevel(logging.ERROR)
    data: bytes = HTML(string=html, url_fetcher=Offline()).write_pdf()
    return data
