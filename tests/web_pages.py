"""Articles wrapped in HTML pages and written to WARC files, for WARC tests and the WARC benchmark."""

from __future__ import annotations

import html
import io
import json
from importlib import resources
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

CRAWL_DATE = "2025-09-01T12:00:00Z"


def sample_records() -> list[dict]:
    """The bundled sample articles (invented text), as JSON records."""
    text = resources.files("newsgraph.samples").joinpath("articles.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def article_page(title: str, text: str, *, site_name: str | None = None, date: str | None = None) -> str:
    """A news page: the headline, the body's paragraphs, and the outlet and date in meta tags when given."""
    meta = []
    if site_name:
        meta.append(f'<meta property="og:site_name" content="{html.escape(site_name)}">')
    if date:
        meta.append(f'<meta property="article:published_time" content="{html.escape(date)}">')
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and lines[0].strip() == title.strip():
        lines = lines[1:]
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (f"<!DOCTYPE html>\n<html><head><title>{html.escape(title)}</title>{''.join(meta)}</head>\n"
            f"<body><nav><a href=\"/\">Home</a></nav><article><h1>{html.escape(title)}</h1>\n{paragraphs}\n"
            f"</article><footer>Contact us</footer></body></html>")


def response_record(writer: WARCWriter, url: str, body: bytes, content_type: str = "text/html; charset=utf-8",
                    date: str = CRAWL_DATE):
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                     warc_headers_dict={"WARC-Date": date})


def write_warc(path: Path, pages: list[tuple[str, str]], *, gzip: bool = True) -> Path:
    """A WARC with a request and a response record for each (url, html) page, and a non-HTML response."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        for url, page in pages:
            request = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            writer.write_record(response_record(writer, url, page.encode("utf-8")))
        writer.write_record(response_record(writer, "https://example.org/logo.png", b"\x89PNG\r\n", "image/png"))
    return path


def sample_pages(records: list[dict], *, with_dates: bool = True) -> list[tuple[str, str]]:
    return [(r["url"], article_page(r["title"], r["text"], site_name=r["source"],
                                    date=r["date"] if with_dates else None)) for r in records]
