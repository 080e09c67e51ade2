"""Hand-built Analysis records for store and corpus tests: realistic values, offsets that index the text."""

from __future__ import annotations

from pathlib import Path

from newsgraph.corpus import link_corpus, stored_rows
from newsgraph.model import Actor, ActorRef, Analysis, Article, Block, Event, Layout, Mention, Place, Quote, Span
from newsgraph.store import Store, merge_rows

NATO = Actor("a1", "NATO", "organisation", sector="IGO", aliases=["North Atlantic Treaty Organization"])
RUSSIA = Actor("a2", "Russia", "country", country="RUS", sector="GOV")
STOLTENBERG = Actor("a3", "Jens Stoltenberg", "person", organisation="NATO", role="secretary general",
                    aliases=["Stoltenberg"])
LAVROV = Actor("a4", "Sergei Lavrov", "person", country="RUS", sector="GOV", organisation="Russian foreign ministry",
               role="foreign minister", aliases=["Lavrov"])


def span_of(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part), part)


def layout_of(text: str) -> Layout:
    blocks, start = [], 0
    for index, line in enumerate(text.split("\n")):
        blocks.append(Block(index, "headline" if index == 0 else "paragraph", start, start + len(line), line))
        start += len(line) + 1
    return Layout(blocks)


def mentions_of(text: str, actors: list[Actor], layout: Layout) -> list[Mention]:
    found = []
    for actor in actors:
        for name in sorted({actor.name, *actor.aliases}, key=len, reverse=True):
            position = text.find(name)
            while position >= 0:
                if not any(m.start <= position < m.end for m in found):
                    block = layout.block_at(position)
                    found.append(Mention(position, position + len(name), name, actor.id,
                                         paragraph=block.index if block else None))
                position = text.find(name, position + 1)
    return sorted(found, key=lambda m: m.start)


def quote_in(text: str, quote_id: str, words: str, speaker: Actor | None, kind: str = "direct") -> Quote:
    where = span_of(text, words)
    return Quote(quote_id, words, where.start, where.end, kind, ActorRef.of(speaker) if speaker else None,
                 paragraph=text.count("\n", 0, where.start))


def event_in(text: str, event_id: str, kind: str, trigger: str, actor: Actor, recipient: Actor | None,
             quad_class: int, score: float, cameo: str, **facts) -> Event:
    where = span_of(text, trigger)
    line_start = text.rfind("\n", 0, where.start) + 1
    line_end = text.find("\n", where.end) % (len(text) + 1)
    return Event(event_id, kind, where, Span(line_start, line_end, text[line_start:line_end]),
                 actor=[ActorRef.of(actor)], recipient=[ActorRef.of(recipient)] if recipient else [],
                 quad_class=quad_class, score=score, goldstein=score, cameo=cameo,
                 paragraph=text.count("\n", 0, where.start), **facts)


def record(article_id: str, date: str, source: str, text: str, actors: list[Actor],
           quotes: list[Quote] = (), events: list[Event] = ()) -> Analysis:
    layout = layout_of(text)
    article = Article(article_id, text, title=text.split("\n")[0], date=date, source=source,
                      url=f"https://example.org/{source.lower().replace(' ', '-')}/{article_id}")
    return Analysis(article_id, article, layout, actors=list(actors), mentions=mentions_of(text, actors, layout),
                    quotes=list(quotes), events=list(events), model="en_test-1.0")


ACCUSE = ("NATO accuses Russia of jamming signals\n"
          "NATO on Thursday accused Russia of jamming satellite navigation over the Baltic Sea.\n"
          "\"This is reckless behaviour that puts civilian lives at risk,\" NATO Secretary General Jens Stoltenberg "
          "told reporters in Brussels.")
SYNDICATED = ACCUSE + " (Harbour Post)"
AGAIN = ("NATO says jamming continues\n"
         "NATO accused Russia again on Wednesday of jamming navigation signals used by airliners.\n"
         "\"The jamming has not stopped,\" Stoltenberg said.")
REPLY = ("Moscow rejects NATO claims\n"
         "Russia on Saturday rejected the accusation and threatened NATO with a response.\n"
         "Foreign Minister Sergei Lavrov said the claims were \"baseless provocation\", adding that Stoltenberg had "
         "called it \"reckless behaviour that puts civilian lives at risk\" without evidence.")
TALKS = ("NATO and Russia agree to talks\n"
         "NATO and Russia agreed on Monday to hold talks on air safety over the Baltic.\n"
         "\"We will talk, because talking is better than guessing,\" Stoltenberg said.")


def accuse(article_id: str, date: str, source: str, text: str = ACCUSE) -> Analysis:
    actors = [NATO, RUSSIA, STOLTENBERG]
    quote = quote_in(text, "q1", "This is reckless behaviour that puts civilian lives at risk", STOLTENBERG)
    event = event_in(text, "e1", "ACCUSE", "accused", NATO, RUSSIA, 3, -4.0, "112", date=date,
                     date_source="article",
                     place=Place("Baltic Sea", None, 58.0, 20.0, span_of(text, "Baltic Sea")))
    return record(article_id, date, source, text, actors, [quote], [event])


def sample_corpus() -> list[Analysis]:
    """Five articles over three months: an accusation (and a syndicated copy), a reply, and talks."""
    short_stoltenberg = Actor("a3", "Stoltenberg", "person", organisation="NATO")
    reply_actors = [RUSSIA, NATO, LAVROV, short_stoltenberg]
    reply = record("reply", "2025-01-11", "Baltic Times", REPLY, reply_actors, [
        quote_in(REPLY, "q1", "baseless provocation", LAVROV, "partial"),
        quote_in(REPLY, "q2", "reckless behaviour that puts civilian lives at risk", short_stoltenberg, "partial"),
    ], [event_in(REPLY, "e1", "REJECT", "rejected", RUSSIA, NATO, 3, -4.0, "12"),
        event_in(REPLY, "e2", "THREATEN", "threatened", RUSSIA, NATO, 4, -7.0, "13")])
    again = record("again", "2025-01-29", "Meridian Wire", AGAIN, [NATO, RUSSIA, short_stoltenberg], [
        quote_in(AGAIN, "q1", "The jamming has not stopped", short_stoltenberg),
    ], [event_in(AGAIN, "e1", "ACCUSE", "accused", NATO, RUSSIA, 3, -4.0, "112")])
    talks_actors = [NATO, RUSSIA, Actor("a3", "Stoltenberg", "person", role="secretary general")]
    talks = record("talks", "2025-03-03", "Meridian Wire", TALKS, talks_actors, [
        quote_in(TALKS, "q1", "We will talk, because talking is better than guessing", talks_actors[2]),
    ], [event_in(TALKS, "e1", "AGREE", "agreed", NATO, RUSSIA, 1, 5.0, "057"),
        event_in(TALKS, "e2", "AGREE", "agreed", RUSSIA, NATO, 1, 5.0, "057")])
    return [accuse("accuse", "2025-01-09", "Meridian Wire"),
            accuse("accuse-copy", "2025-01-09", "Harbour Post", SYNDICATED),
            again, reply, talks]


def linked_store(path: Path) -> Path:
    """A store at ``path`` holding the sample corpus, linked."""
    with Store(path) as store:
        store.add_articles(merge_rows(stored_rows(r) for r in sample_corpus()))
        link_corpus(store)
    return path
