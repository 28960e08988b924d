"""Text for the search index: normalised words, plain text of Markdown, highlighted excerpts.

Normalising (casefold, NFKD without marks, Turkish ı, ß → ss, Arabic tashkeel and letter
variants) happens in Python, the same way for what is stored and for what is queried, so
that both databases see the same words. Highlights are built from the original text.
"""

import html
import re
import unicodedata
from collections.abc import Iterator

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .text import render_markdown

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
SNIPPET_BEFORE = 70
SNIPPET_LENGTH = 240


# Text normalisation ------------------------------------------------------------------------

# After casefolding and removing marks: letters that readers treat as the same letter.
_SAME_LETTER = str.maketrans(
    {
        "ı": "i",  # Turkish dotless i (İ already folds to i + a mark)
        "ـ": "",  # Arabic tatweel, a stretching stroke inside words
        "ى": "ي",  # alef maksura
        "ی": "ي",  # Persian yeh
        "ک": "ك",  # Persian kaf
        "ة": "ه",  # taa marbuta
    }
)


def _number_sign(char: str) -> str:
    """Decimal digits of every script search like 0–9; other number signs (fractions,
    historic numerals) separate words, as PostgreSQL's parser treats them."""
    if char.isdecimal():
        return str(unicodedata.decimal(char))
    return " " if unicodedata.category(char) == "No" else char


def _fold_char(char: str) -> str:
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", char).casefold())
    text = "".join(c for c in text if unicodedata.category(c) not in ("Mn", "Me"))
    return "".join(map(_number_sign, text.translate(_SAME_LETTER)))


class _FoldTable(dict):
    """A str.translate table that works out each character once, on first use.

    Only the Basic Multilingual Plane is remembered, so that queries full of rare
    characters cannot grow the table without bound.
    """

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if code <= 0xFFFF:
            self[code] = folded
        return folded


_FOLD = _FoldTable()
# A word is a run of letters and digits, as FTS5's unicode61 tokenizer sees it.
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Case, diacritics and letter variants removed, character by character."""
    return text.translate(_FOLD)


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def search_text(text: str) -> str:
    """What the index stores: the normalised words, separated by single spaces."""
    return " ".join(words(text))


def query_terms(query: str) -> list[str]:
    """The distinct words of what the user typed (each one matches as a prefix)."""
    terms = []
    for word in words((query or "")[:MAX_QUERY_LENGTH]):
        if word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]


_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|pre|tr|td|th)>|<br\s*/?>", re.IGNORECASE)


def markdown_to_text(value: str) -> str:
    """Plain text of Markdown (for the body of a document), markup and scripts removed."""
    rendered = _BLOCK_END.sub("\n", render_markdown(value or ""))
    text = html.unescape(nh3.clean(rendered, tags=set()))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


# Highlighting ------------------------------------------------------------------------------


def _folded_with_origin(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the original character."""
    pieces, origin = [], []
    for index, char in enumerate(text):
        piece = _FOLD[ord(char)]
        pieces.append(piece)
        origin.extend([index] * len(piece))
    return "".join(pieces), origin


def _spans_in(piece: str, prefixes: tuple[str, ...]) -> list[tuple[int, int]]:
    folded, origin = _folded_with_origin(piece)
    spans = []
    for word in _WORD.finditer(folded):
        if word.group().startswith(prefixes):
            start, end = origin[word.start()], origin[word.end() - 1] + 1
            while end < len(piece) and not _FOLD[ord(piece[end])]:
                end += 1  # marks after the last letter belong to the word
            spans.append((start, end))
    return spans


_CHUNK = re.compile(r"\S+")


def _spans(text: str, terms: list[str]) -> Iterator[tuple[int, int]]:
    """Spans of the original words whose normalised form starts with one of the terms."""
    if not terms:
        return
    starts = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, terms)) + ")")
    for chunk in _CHUNK.finditer(text):
        # Most chunks are only folded (in C); just the matching ones are mapped char by char.
        if starts.search(chunk.group().translate(_FOLD)):
            for start, end in _spans_in(chunk.group(), tuple(terms)):
                yield chunk.start() + start, chunk.start() + end


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    """HTML: the text escaped, with <mark> around the spans, whitespace collapsed."""
    parts, position = [], 0
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return re.sub(r"\s+", " ", "".join(parts))


def highlight(text: str, terms: list[str]) -> SafeString:
    return mark_safe(_marked(text, list(_spans(text, terms))))


def _snap(text: str, position: int, *, forward: bool) -> int:
    """Move a cut to the nearest space within a few characters, so words stay whole."""
    step = 1 if forward else -1
    for distance in range(20):
        index = position + step * distance
        if index <= 0 or index >= len(text):
            return max(0, min(index, len(text)))
        if text[index].isspace():
            return index
    return position


def snippet(text: str, terms: list[str]) -> SafeString:
    """An excerpt of `text` around the first match, the matching words in <mark>."""
    text = text or ""
    if not text.strip():
        return mark_safe("")
    first, _end = next(_spans(text, terms), (0, 0))
    start = _snap(text, max(0, first - SNIPPET_BEFORE), forward=True) if first else 0
    start = min(start, first)
    end = _snap(text, min(len(text), start + SNIPPET_LENGTH), forward=False)
    end = max(end, min(len(text), first + 1))
    window = text[start:end].strip()
    html_text = _marked(window, list(_spans(window, terms)))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text.rstrip()) else ""
    return mark_safe(prefix + html_text.strip() + suffix)
