"""Articles from web pages (crawled, archived or fetched): their URL, outlet, date and language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from tld import get_fld

from ..language import detect_language
from ..model import Article
from .articles import make_article
from .decode import UnreadableInput, decode_bytes
from .readers import InputError, html_fields

# The analysis is for English; other pages are counted as skipped at read time, never parsed.
LANGUAGES = frozenset({"en"})


def registered_domain(url: str | None) -> str | None:
    """The domain a site registered (``bbc.co.uk`` for ``https://news.bbc.co.uk/x``); the host for addresses."""
    if not url:
        return None
    return get_fld(url, fail_silently=True) or urlsplit(url).hostname


def page_article(body: bytes, url: str | None, origin: str, *, date: str | None = None,
                 **metadata: Any) -> Article | InputError:
    """The article in one page: ``url`` is where it was found, ``date`` the crawl date used when the page has none.

    The outlet is the site's own name when the page gives one, else its registered domain.
    """
    try:
        decoded = decode_bytes(body)
    except UnreadableInput as error:
        return InputError(origin, str(error))
    fields = html_fields(decoded.text, url=url, guess_dates=False)
    if isinstance(fields, str):
        return InputError(origin, fields)
    language = detect_language(fields["text"] or "")
    if language not in LANGUAGES:
        return InputError(origin, f"not English (language {language}); skipped unparsed")
    domain = registered_domain(url or fields["url"])
    site_name = fields["source"]
    if site_name and urlsplit(url or "").hostname in (site_name, f"www.{site_name}"):
        site_name = None  # trafilatura falls back to the host name: the page gave no name of its own
    return make_article(fields["text"] or "", warnings=decoded.warnings, title=fields["title"],
                        date=fields["date"] or date, author=fields["author"], url=url or fields["url"],
                        source=site_name or domain, **metadata)


@dataclass
class Page:
    """A crawled page found but not read yet: its article is extracted where that is cheapest (a worker process,
    a Spark task), not where the page was found."""

    body: bytes
    url: str | None
    origin: str
    date: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def article(self) -> Article | InputError:
        return page_article(self.body, self.url, self.origin, date=self.date, **self.metadata)
