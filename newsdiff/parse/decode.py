"""Bytes → text: the charset a page declares, byte-order marks, UTF-8, legacy code pages,
UTF-16/32 without a mark; binary data and oversized input refused with a clear error."""

from __future__ import annotations

import codecs
import re

from newsdiff.errors import InputError

MAX_INPUT_CHARS = 12_000_000
"""Largest input accepted, in characters (bytes, for ``bytes`` input): a 10 MB article fits."""
BINARY_CONTROL_SHARE = 0.05
"""``bytes`` input whose decoded text has more than this share of control characters is
taken for binary data (a ``str`` is never refused for its characters)."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_XML_DECL = re.compile(rb"\A\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([\w.:-]+)[\"']", re.I)
_META_CHARSET = re.compile(
    rb"<meta\b[^>]{0,500}?\bcharset\s*=\s*[\"']?\s*([\w.:-]+)", re.I
)  # covers <meta charset=…> and http-equiv content="text/html; charset=…"
# Labels browsers read as windows-1252 (the WHATWG Encoding Standard), not as Latin-1.
_AS_CP1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}
_PRESCAN_BYTES = 8192


def charset_of(data: bytes) -> str | None:
    """The charset ``data`` declares, as a Python codec name, or ``None``.

    A byte-order mark wins, then an XML declaration, then the first ``<meta>`` charset
    in the first 8 KiB. Labels browsers treat as windows-1252 (``iso-8859-1``,
    ``us-ascii``) give ``"cp1252"``; a UTF-16 label on a page without a byte-order mark
    gives ``"utf-8"`` (the label cannot be true of bytes that could be read to find it).
    Unknown labels give ``None``.

    >>> charset_of(b'<html><head><meta charset="ISO-8859-1">')
    'cp1252'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    head = data[:_PRESCAN_BYTES]
    match = _XML_DECL.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii", errors="replace").strip().lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _AS_CP1252:
        return "cp1252"
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return name


def decode(data: bytes) -> str:
    """Decode bytes: a byte-order mark wins, then UTF-8 (with any stray legacy bytes read as
    Windows-1252), then Windows-1252/Latin-1."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                # FF FE 00 00 is also UTF-16's mark followed by a NUL: let UTF-16 try.
                if codec == "utf-32" and data.startswith(codecs.BOM_UTF16_LE):
                    continue
                raise InputError(
                    f"the input starts with a {codec} byte-order mark but is not valid {codec} "
                    f"(byte {exc.start}); re-encode it or pass a str"
                ) from None
    if 0 in data:
        wide = _bomless_wide(data)
        if wide is not None:
            return wide
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors=_LEGACY_FALLBACK)
    # Legacy pages: cp1252 where it maps, Latin-1 for the five bytes it leaves undefined.
    return data.decode("cp1252", errors=_LATIN1_FALLBACK)


STRAY_BYTES_SHARE = 0.1
"""UTF-8 with at most this many stray bytes per character read as UTF-8 is UTF-8."""


def _mostly_utf8(data: bytes) -> bool:
    """Is ``data`` UTF-8 with a few stray legacy bytes (a page pasted together from two
    sources), rather than legacy text throughout? In legacy text nearly every non-ASCII
    byte breaks UTF-8."""
    replaced = data.decode("utf-8", errors="replace")
    stray = replaced.count("\ufffd") - data.count("\ufffd".encode())
    wide = len(replaced) - len(replaced.encode("ascii", errors="ignore")) - stray
    return stray <= STRAY_BYTES_SHARE * wide


def _bomless_wide(data: bytes) -> str | None:
    """UTF-16 or UTF-32 text without a byte-order mark, recognised by its NUL bytes.

    Text in a Latin script has a zero high byte in almost every code unit, so one byte
    position in each unit is nearly always NUL and the others nearly never are.
    """
    for codec, width, zero_at in (
        ("utf-32-le", 4, (1, 2, 3)),
        ("utf-32-be", 4, (0, 1, 2)),
        ("utf-16-le", 2, (1,)),
        ("utf-16-be", 2, (0,)),
    ):
        units = len(data) // width
        if len(data) % width or not units:
            continue
        zeros = [data[i::width].count(0) for i in range(width)]
        if all(
            zeros[i] >= 0.9 * units if i in zero_at else zeros[i] <= 0.1 * units
            for i in range(width)
        ):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue
    return None


def _latin1(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


def _legacy(error: UnicodeError) -> tuple[str, int]:
    """A byte UTF-8 cannot read, read as Windows-1252 (Latin-1 where that has a gap)."""
    assert isinstance(error, UnicodeDecodeError)
    stray = error.object[error.start : error.start + 1]
    return stray.decode("cp1252", errors=_LATIN1_FALLBACK), error.start + 1


_LATIN1_FALLBACK = "newsdiff-latin1"
codecs.register_error(_LATIN1_FALLBACK, _latin1)
_LEGACY_FALLBACK = "newsdiff-legacy-bytes"
codecs.register_error(_LEGACY_FALLBACK, _legacy)
_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 control characters other than the white space a text file holds.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _refuse_binary(text: str) -> None:
    controls = _CONTROL.subn("", text)[1]
    if controls > BINARY_CONTROL_SHARE * len(text):
        raise InputError(
            f"the input looks like binary data, not text ({controls:,} of its {len(text):,} "
            f"characters are control characters); give newsdiff the article's text or its "
            f"HTML page (text in an encoding newsdiff cannot detect: decode it first)"
        )


def as_text(source: str | bytes) -> str:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > MAX_INPUT_CHARS:
            raise InputError(
                f"the input is {len(data):,} bytes; the limit is {MAX_INPUT_CHARS:,}: newsdiff "
                f"compares one article at a time; give it a single article, or split the text"
            )
        charset = charset_of(data)
        try:
            text = data.decode(charset) if charset else decode(data)
        except (UnicodeDecodeError, LookupError):  # the page's declaration was wrong
            text = decode(data)
        # Only bytes are checked: a str is text by its caller's word, control
        # characters and all.
        _refuse_binary(text)
    elif isinstance(source, str):
        text = source
    else:
        raise InputError(f"expected article text as str or bytes, got {type(source).__name__}")
    if len(text) > MAX_INPUT_CHARS:
        raise InputError(
            f"the input is {len(text):,} characters; the limit is {MAX_INPUT_CHARS:,}: newsdiff "
            f"compares one article at a time; give it a single article, or split the text"
        )
    return _without_surrogates(text)


def _without_surrogates(text: str) -> str:
    """Lone surrogates are not characters and cannot be written as JSON: U+FFFD instead."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")  # a C-speed check; the search below is several times slower
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text
