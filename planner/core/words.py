"""Small helpers for writing counts in words and showing text on a terminal, shared by every layer."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 body``, ``2 bodies`` (give ``many`` when the plural is not ``word + "s"``)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


# Words whose first vowel letter is read as a consonant ("a European Council", "a Union
# Congress", "a One Planet Summit"): they take "a".
_VOWEL_READ_AS_CONSONANT = ("eu", "uni", "use", "usu", "uti", "ura", "one", "once")


def a_or_an(name: str) -> str:
    """``name`` with its indefinite article: "an Annual Meeting", "a Summit", "a European
    Council". A name opening with a capital abbreviation is read letter by letter ("an EU
    Summit", "a UN Conference", "a SOC" as before: a consonant letter is left to "a", since
    "NATO" is read as a word)."""
    first = name.split(" ", 1)[0]
    folded = first.casefold()
    if len(first) > 1 and first.isupper():
        vowel = folded[0] in "aeio"
    else:
        vowel = folded[:1] in ("a", "e", "i", "o", "u") and not folded.startswith(_VOWEL_READ_AS_CONSONANT)
    return f"{'an' if vowel else 'a'} {name}"


# Control characters and invisible direction marks a message may carry from its input (a file
# name, a value quoted back): shown escaped, so an error line can neither clear the terminal nor
# read backwards. A file name's bytes that are no UTF-8 (Python holds them as lone surrogates,
# U+DC80 to U+DCFF, which no UTF-8 output can hold) are shown as the bytes they are, ``\xff``.
_UNSEEN = (
    {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}
    | {c: f"\\u{c:04x}" for c in (*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF, *range(0xD800, 0xE000))}
    | {c: f"\\x{c - 0xDC00:02x}" for c in range(0xDC80, 0xDD00)}
)


def name_key(text: str) -> str:
    """The form in which two names are the same name: case folded, spaces collapsed and, for
    text beyond ASCII, compatibility forms made one (NFKC: 'Ｃａｆé', 'Cafe' + a combining
    accent and 'café' are one name). Rule books are checked and registers matched in this form,
    so two names that read alike cannot mean two bodies or two members."""
    if not text.isascii():
        import unicodedata

        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.casefold().split())


def shown(message: str) -> str:
    """``message`` as one visible line (see ``_UNSEEN``)."""
    return message.translate(_UNSEEN)


LONG_WORD = 1000  # characters of a word a message shows whole


def cut_long_words(message: str) -> str:
    """``message`` with each run of more than ``LONG_WORD`` characters without a space (a 100 KB
    file name or option value quoted back), and each quoted value of more, cut to its start and
    end and its length: one line to read, and the end of a path still shows which file it was."""
    if len(message) <= LONG_WORD:
        return message
    import re

    def cut(match: re.Match[str]) -> str:
        word = match[0]
        body = word.rstrip(":;,.)'\"")  # the message's own punctuation stays after the note
        return f"{body[:120]}...{body[-40:]} ({len(body):,} characters){word[len(body):]}"

    message = re.sub(rf"\S{{{LONG_WORD + 1},}}", cut, message)
    if len(message) <= LONG_WORD:
        return message

    def cut_quoted(match: re.Match[str]) -> str:  # a value with spaces: 'Kazakhstan, China, ...' of 600 KB
        quote, body = match[0][0], match[0][1:-1]
        return f"{quote}{body[:120]}...{body[-40:]}{quote} ({len(body):,} characters)"

    return re.sub(rf"'[^'\n]{{{LONG_WORD + 1},}}'|\"[^\"\n]{{{LONG_WORD + 1},}}\"", cut_quoted, message)
