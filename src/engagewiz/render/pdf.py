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


TIGHTER = (  # the brief's type, a step smaller each time (a user stylesheet: !important)
    ".brief body { font-size: 8.8pt !important; line-height: 1.3 !important }"
    " .brief .sources { font-size: 6.5pt !important }"
    " .brief h2 { margin: 3mm 0 1mm !important }",
    ".brief body { font-size: 8pt !important; line-height: 1.25 !important }"
    " .brief .sources { font-size: 6pt !important } .brief h1 { font-size: 16pt !important }"
    " .brief h2 { font-size: 11pt !important; margin: 2.5mm 0 1mm !important }",
)


def _missing(what: str) -> NoReturn:
    raise InputError.one(f"a PDF needs {what}; {ELSEWHERE}", key="--output")


def to_pdf(html: str, one_page: bool = False) -> bytes:
    """`one_page`: a brief, laid out again in smaller type (down to 8 pt) while it runs
    over a page; how long it is depends on the knowledge base's wording and citations."""
    try:
        with warnings.catch_warnings():  # "HarfBuzz-Subset will be required": not yet
            warnings.simplefilter("ignore", DeprecationWarning)
            from weasyprint import CSS, HTML
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
    page = HTML(string=html, url_fetcher=Offline())
    document = page.render()
    for tighter in TIGHTER if one_page else ():
        if len(document.pages) <= 1:
            break
        document = page.render(stylesheets=[CSS(string=tighter)])
    data: bytes = document.write_pdf()
    return data
