"""The readable report of one Analysis, for a terminal."""

from __future__ import annotations

from collections import Counter

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Analysis, Event, Quote

MAX_QUOTE_CHARS = 160


def shorten(text: str, limit: int = MAX_QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_analysis(analysis: Analysis, console: Console) -> None:
    console.print(header(analysis))
    console.print(layout_summary(analysis))
    if analysis.quotes:
        console.print(quotes_table(analysis.quotes))
    if analysis.actors:
        console.print(actors_table(analysis))
    if analysis.events:
        console.print(events_table(analysis.events))
    for note in analysis.notes:
        console.print(Text(f"note: {note}", style="yellow"))
    console.print()


def header(analysis: Analysis) -> Panel:
    article = analysis.article
    facts = [f"id {analysis.id}"] + [value for value in (article.date, article.source, article.path, article.url)
                                     if value]
    if article.language != "en":
        facts.append(f"language {article.language}")
    body = Group(Text(article.title or "(untitled)", style="bold"), Text(" · ".join(facts), style="dim"))
    return Panel(body, expand=True)


def layout_summary(analysis: Analysis) -> Text:
    counts = Counter(block.kind for block in analysis.layout.blocks)
    text = Text("Layout: ", style="bold")
    text.append(", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in counts.items()) or "empty")
    for block in analysis.layout.blocks:
        if block.kind in ("standfirst", "subheading", "pullquote"):
            credit = f"  — {block.credit}" if block.credit else ""
            text.append(f"\n  {block.kind:<11} {shorten(block.text, 100)}{credit}", style="dim")
    return text


def quotes_table(quotes: list[Quote]) -> Table:
    table = Table(title="Quotations", title_justify="left", expand=True)
    table.add_column("¶", justify="right", width=3)
    table.add_column("speaker", ratio=1)
    table.add_column("kind", width=8)
    table.add_column("quotation", ratio=3)
    for quote in quotes:
        speaker = quote.speaker.name if quote.speaker else "—"
        kind = quote.kind + (" (pull)" if quote.pullquote else "")
        table.add_row(str(quote.paragraph if quote.paragraph is not None else ""), speaker, kind,
                      shorten(quote.text))
    return table


def actors_table(analysis: Analysis) -> Table:
    mentions = Counter(m.actor_id for m in analysis.mentions)
    table = Table(title="Actors", title_justify="left", expand=True)
    for column in ("name", "type", "country", "sector", "role", "mentions"):
        table.add_column(column, justify="right" if column == "mentions" else "left")
    for actor in sorted(analysis.actors, key=lambda a: -mentions[a.id]):
        table.add_row(actor.name, actor.type, actor.country or "", actor.sector or "", actor.role or "",
                      str(mentions[actor.id]))
    return table


def event_line(event: Event) -> tuple[str, str, str, str]:
    actor = ", ".join(a.name for a in event.actor) or "?"
    recipient = ", ".join(a.name for a in event.recipient) or "—"
    flags = [flag for flag in ("negated", "hypothetical", "future") if getattr(event, flag)]
    kind = event.type + (f" {event.mode}" if event.mode else "") + (f" [{', '.join(flags)}]" if flags else "")
    score = f"{event.score:+.1f}" if event.score is not None else ""
    return f"{actor} → {recipient}", kind, score, f"“{trigger_words(event.trigger.text)}”"


def trigger_words(text: str) -> str:
    """The trigger's first and last words, with what lies between elided: ``mends ... ties``."""
    words = text.split()
    return " ".join(words) if len(words) <= 2 else f"{words[0]} ... {words[-1]}"


def events_table(events: list[Event]) -> Table:
    table = Table(title="Events", title_justify="left", expand=True)
    for column in ("who → whom", "event", "score", "trigger", "date", "place", "claimed by"):
        table.add_column(column, justify="right" if column == "score" else "left")
    for event in events:
        claimed = event.claimed_by_speaker.name if event.claimed_by_speaker else ""
        table.add_row(*event_line(event), event.date or "", event.place.name if event.place else "", claimed)
    return table
