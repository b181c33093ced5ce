"""Input files are refused for a control character wherever it stands, and only for one."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.core.errors import RegisterError
from planner.inputs.inputfile import _may_hold_control, open_checked, read_text
from planner.inputs.limits import CONTROL


def read(path: Path) -> str:
    return read_text(path, RegisterError, what="CSV", utf16=True)


def test_the_quick_check_of_bytes_misses_no_control_character() -> None:
    """Every character below U+0800 and a few beyond (one to four bytes of UTF-8, C0 and C1
    controls among them): the check of the bytes finds it exactly when the expression over
    the text does."""
    for code in [*range(0x800), 0xA0, 0x2028, 0xFEFF, 0x1F600]:
        text = f"summit,2{chr(code)}\n"
        assert _may_hold_control(text.encode()) == bool(CONTROL.search(text)), hex(code)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
@pytest.mark.parametrize("char", ["\x01", "\x0b", "\x1b", "\x7f", "\x85", "\x9f", "\xa0", "\u00c2", "\u2028"])
def test_control_characters_and_no_other_are_refused(tmp_path: Path, encoding: str, char: str) -> None:
    path = tmp_path / "m.csv"
    path.write_text(f"body,start\nsummit,2002\nsummit,2{char}\n", encoding=encoding, newline="")
    if CONTROL.match(char):
        with pytest.raises(RegisterError, match=f"U\\+{ord(char):04X}") as caught:
            read(path)
        assert caught.value.location == "3:9"
    else:
        assert read(path).endswith(f"2{char}\n")


@pytest.mark.parametrize("char", ["\x01", "\x1b", "\x7f", "\x85", "\x9f"])
def test_control_character_far_into_a_file_is_found(tmp_path: Path, char: str) -> None:
    """A register is checked a piece at a time: the last piece counts too."""
    path = tmp_path / "m.csv"
    path.write_text("body,start\n" + "summit,2002\n" * 40_000 + f"summit,{char}\n", encoding="utf-8")
    with pytest.raises(RegisterError, match="holds a control character") as caught:
        read(path)
    assert caught.value.location == "40002:8"


def _files() -> list[Path]:
    tests = Path(__file__).resolve().parent.parent
    return sorted(p for p in [*tests.glob("registers/**/*"), *tests.glob("corpus/meetings/*"), *tests.glob("corpus/chairs/*")] if p.is_file())


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_a_file_is_streamed_only_when_read_text_takes_it_as_it_is(path: Path) -> None:
    """Every register of the tests, good and bad: streamed, it reads as read_text reads it;
    anything read_text refuses is left to read_text, which words the error."""
    handle = open_checked(path)
    try:
        text = read(path)
    except RegisterError:
        assert handle is None
        return
    if handle is not None:
        with handle:
            assert handle.read() == text


def test_a_multibyte_character_across_pieces_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    head = "body,start,city\n"
    filler = "summit,2002,x\n" * ((1 << 20) // 14 - 2)
    pad = (1 << 20) - len(head) - len(filler) - len("summit,2002,T") - 1  # "ü" from the last byte of the first megabyte
    path.write_text(head + filler + "summit,2002," + "y" * pad + "Türkiye\u2028\n", encoding="utf-8")
    assert path.read_bytes()[(1 << 20) - 1 : (1 << 20) + 1] == "ü".encode()  # straddles the first megabyte
    with open_checked(path) as handle:
        assert handle.read() == read(path)
    path.write_bytes(path.read_bytes()[: (1 << 20)])  # cut inside the character
    assert open_checked(path) is None
    with pytest.raises(RegisterError, match="is not UTF-8 text"):
        read(path)
