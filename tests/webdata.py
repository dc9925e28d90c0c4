"""Annotated records for the web tests (written for these tests; spans computed from the text), plus a
hostile page that tries every way to get script into the UI."""

from __future__ import annotations

from warta.model import Article, Entity, Event, Image, Party, Quote, Record, Span

COUNTRIES = {"Joko Widodo": "IDN", "Anwar Ibrahim": "MYS", "Jakarta": "IDN", "Kuala Lumpur": "MYS",
             "Vladimir Putin": "RUS", "Volodymyr Zelensky": "UKR", "Russia": "RUS", "Ukraine": "UKR",
             "ASEAN": None, "Prabowo Subianto": "IDN", "TNI": "IDN", "Bank Indonesia": "IDN"}
TYPES = {"Joko Widodo": "PER", "Anwar Ibrahim": "PER", "Vladimir Putin": "PER", "Volodymyr Zelensky": "PER",
         "Prabowo Subianto": "PER", "Jakarta": "LOC", "Kuala Lumpur": "LOC", "Russia": "LOC", "Ukraine": "LOC",
         "ASEAN": "ORG", "TNI": "ORG", "Bank Indonesia": "ORG"}


def annotated(rid: str, title: str, paragraphs: list[str], *, site: str, published: str, language: str,
              names: list[str] = (), quotes: list[tuple[str, str]] = (),
              events: list[tuple[str, str, str | None, str]] = (), url: str | None = None,
              boilerplate: list[str] = ()) -> Record:
    """Entities from every occurrence of ``names``; quotes as (quoted text, speaker); events as
    (type, actor, recipient, evidence phrase)."""
    article = Article(paragraphs=list(paragraphs), title=title, site=site, published=published,
                      language=language, url=url, boilerplate=list(boilerplate))
    text = article.text
    record = Record(id=rid, article=article, source={"kind": "text", "path": f"{rid}.txt"},
                    steps=["extract.flat.v1", "test.annotations"])
    ids = {}
    for n, name in enumerate(names):
        spans = [Span(i, i + len(name), name) for i in _all(text, name)]
        ids[name] = f"e{n}"
        record.entities.append(Entity(f"e{n}", name, TYPES.get(name, "MISC"), spans, country=COUNTRIES.get(name)))
    for quoted, speaker in quotes:
        start = text.index(quoted)
        record.quotes.append(Quote(quoted, "direct", start, start + len(quoted), speaker=ids.get(speaker),
                                   speaker_name=speaker, cue="kata"))
    for event_type, actor, recipient, phrase in events:
        start = text.index(phrase)
        record.events.append(Event(
            event_type, Party(actor, ids.get(actor), COUNTRIES.get(actor)),
            Span(start, start + len(phrase), phrase),
            recipient=Party(recipient, ids.get(recipient), COUNTRIES.get(recipient)) if recipient else None,
            date=published[:10]))
    return record


def _all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + len(needle))
    return out


def sample_records() -> list[Record]:
    return [
        annotated(
            "rec-jokowi-anwar", "Jokowi dan Anwar Ibrahim sepakat perkuat kerja sama perbatasan",
            ["Presiden Joko Widodo bertemu Perdana Menteri Anwar Ibrahim di Jakarta pada Senin untuk membahas "
             "perbatasan dan perdagangan.",
             "Joko Widodo menyambut Anwar Ibrahim di Istana Merdeka. Kedua pemimpin sepakat memperkuat kerja "
             "sama perbatasan di Kalimantan.",
             "\u201cKami sepakat mempercepat perundingan batas laut,\u201d kata Joko Widodo kepada wartawan."],
            site="kompas.com", published="2024-03-04", language="id", url="https://kompas.com/read/2024/03/04/1",
            names=["Joko Widodo", "Anwar Ibrahim", "Jakarta"],
            quotes=[("Kami sepakat mempercepat perundingan batas laut,", "Joko Widodo")],
            events=[("CONSULT", "Joko Widodo", "Anwar Ibrahim", "bertemu Perdana Menteri Anwar Ibrahim"),
                    ("AGREE", "Anwar Ibrahim", "Joko Widodo", "sepakat memperkuat kerja sama perbatasan")],
            boilerplate=["Baca Juga: Harga beras naik", "Iklan"]),
        annotated(
            "rec-anwar-kl", "Anwar Ibrahim receives Indonesian delegation in Kuala Lumpur",
            ["Prime Minister Anwar Ibrahim received an Indonesian delegation in Kuala Lumpur on Tuesday.",
             "Anwar Ibrahim said Malaysia would support Joko Widodo on ASEAN border talks.",
             "\u201cWe stand with our neighbours,\u201d Anwar Ibrahim said."],
            site="bernama.com", published="2024-03-12", language="en", url="https://bernama.com/en/news/2",
            names=["Anwar Ibrahim", "Kuala Lumpur", "Joko Widodo", "ASEAN"],
            quotes=[("We stand with our neighbours,", "Anwar Ibrahim")],
            events=[("SUPPORT", "Anwar Ibrahim", "Joko Widodo", "would support Joko Widodo")]),
        annotated(
            "rec-putin-ukraine", "Russia accuses Ukraine of shelling border villages",
            ["Vladimir Putin accused Ukraine of shelling villages near the border on Friday.",
             "Volodymyr Zelensky rejected the claim and said Russia had attacked Kharkiv overnight.",
             "\u201cThese accusations are lies,\u201d Volodymyr Zelensky said."],
            site="reuters.com", published="2024-05-17T09:15:00+00:00", language="en",
            url="https://www.reuters.com/world/3",
            names=["Vladimir Putin", "Ukraine", "Volodymyr Zelensky", "Russia"],
            quotes=[("These accusations are lies,", "Volodymyr Zelensky")],
            events=[("ACCUSE", "Vladimir Putin", "Volodymyr Zelensky", "accused Ukraine of shelling villages"),
                    ("REJECT", "Volodymyr Zelensky", "Vladimir Putin", "rejected the claim"),
                    ("ASSAULT", "Vladimir Putin", "Volodymyr Zelensky", "had attacked Kharkiv overnight")]),
        annotated(
            "rec-putin-threat", "Putin threatens Kyiv with new sanctions on grain",
            ["Vladimir Putin threatened Volodymyr Zelensky with sanctions on grain exports.",
             "Volodymyr Zelensky asked ASEAN for help with food shipments."],
            site="reuters.com", published="2024-06-02", language="en", url="https://www.reuters.com/world/4",
            names=["Vladimir Putin", "Volodymyr Zelensky", "ASEAN"],
            events=[("THREATEN", "Vladimir Putin", "Volodymyr Zelensky", "threatened Volodymyr Zelensky"),
                    ("REQUEST", "Volodymyr Zelensky", "ASEAN", "asked ASEAN for help")]),
        annotated(
            "rec-prabowo-tni", "Prabowo Subianto minta TNI siaga di perbatasan",
            ["Menteri Pertahanan Prabowo Subianto meminta TNI siaga di perbatasan Kalimantan.",
             "TNI mengerahkan dua batalion ke wilayah perbatasan, kata juru bicara."],
            site="cnnindonesia.com", published="2024-06-20", language="id",
            url="https://www.cnnindonesia.com/nasional/5", names=["Prabowo Subianto", "TNI"],
            events=[("REQUEST", "Prabowo Subianto", "TNI", "meminta TNI siaga"),
                    ("MOBILIZE", "TNI", None, "mengerahkan dua batalion")]),
        annotated(
            "rec-bi-banjir", "Bank Indonesia salurkan bantuan korban banjir Jakarta",
            ["Bank Indonesia menyalurkan bantuan untuk korban banjir di Jakarta Timur.",
             "Banjir merendam ratusan rumah setelah hujan deras sejak Sabtu malam."],
            site="kompas.com", published="2024-02-10", language="id", url="https://kompas.com/read/2024/02/10/6",
            names=["Bank Indonesia", "Jakarta"]),
    ]


HOSTILE_TITLE = '<script>window.__pwned = 1; document.title = "PWNED"</script>Hostile <b>title</b>'


def hostile_record() -> Record:
    """Every field a page controls, carrying markup: title, site, captions, url, entity and speaker names."""
    evil = "<img src=x onerror=\"window.__pwned=1\">"
    paragraphs = [f"Warga {evil} berkumpul. <script>window.__pwned = 2</script> Aman.",
                  "Klik <a href=\"javascript:window.__pwned=3\">di sini</a> atau <svg onload=window.__pwned=4>.",
                  "\u201cIni <iframe src=javascript:window.__pwned=5>,\u201d kata Jahat<script>."]
    record = annotated("rec-hostile", HOSTILE_TITLE, paragraphs, site="<b onmouseover=window.__pwned=6>evil</b>",
                       published="2024-07-01", language="id", url="javascript:window.__pwned=7",
                       names=["Jahat<script>"],
                       quotes=[("Ini <iframe src=javascript:window.__pwned=5>,", "Jahat<script>")],
                       boilerplate=["<script>window.__pwned=8</script>", "<style>body{display:none}</style>"])
    record.article.images = [Image("javascript:window.__pwned=9",
                                   "<img src=x onerror=window.__pwned=10> caption <script>x</script>")]
    record.article.authors = ["<a href=javascript:alert(1)>Penulis</a>"]
    record.article.dateline = "\"><script>window.__pwned=11</script>"
    record.events.append(Event("ACCUSE", Party("Jahat<script>", "e0"), Span(0, 5, ""),
                               recipient=Party("\"><svg onload=window.__pwned=12>")))
    return record


HOSTILE_PAGE = """<!doctype html><html><head><title><script>window.__pwned=20</script>Judul berbahaya</title>
<meta property="og:title" content="&lt;script&gt;window.__pwned=21&lt;/script&gt;Judul <b>tebal</b>">
</head><body onload="window.__pwned=22">
<article>
<h1>Judul <script>window.__pwned=23</script><img src=x onerror="window.__pwned=24"></h1>
<p>JAKARTA, KOMPAS.com - Warga Jakarta memprotes rencana pembangunan jalan tol yang melintasi permukiman
padat di Jakarta Timur. Mereka berkumpul di depan kantor wali kota sejak pagi dan membawa spanduk.</p>
<p onclick="window.__pwned=25">Perwakilan warga mengatakan &lt;script&gt;window.__pwned=26&lt;/script&gt; mereka
belum pernah diajak berdiskusi oleh pemerintah kota tentang rencana tersebut dan menuntut pertemuan terbuka.</p>
<figure><img src="javascript:window.__pwned=27"><figcaption>&lt;img src=x onerror=window.__pwned=28&gt; Warga
berkumpul</figcaption></figure>
<p>Wali kota berjanji akan menemui warga pekan depan. <a href="javascript:window.__pwned=29">Baca juga</a>
"Kami akan mendengar semua keberatan warga," kata wali kota kepada wartawan di Jakarta.</p>
</article></body></html>
"""


def fill_store(db: str) -> list[str]:
    """The sample records, the hostile record and the hostile HTML page (through the real pipeline) in a
    store at ``db``; returns the id of the ingested hostile page."""
    from warta.model import Page
    from warta.pipeline import Pipeline
    from warta.store import open_store

    page = Page(kind="html", content=HOSTILE_PAGE.encode(), url="javascript:window.__pwned=30", path="evil.html")
    ingested = Pipeline().process(page)
    assert isinstance(ingested, Record), ingested
    with open_store(db) as store:
        store.write([*sample_records(), hostile_record(), ingested])
    return [ingested.id]
