"""Chairmanship: the CICA chair register judged against its rule, plans, and hosts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.core.errors import PlanError
from planner.core.model import ChairTerm, Status
from planner.engine.chairmanship.plan import (
    assign_hosts,
    chairs_report,
    plan_terms,
    resolve_candidates,
)
from planner.engine.chairmanship.terms import Severity, timeline
from planner.engine.planning.placement.hosts import calendar_for
from planner.engine.planning.projection import Projection, project
from planner.inputs.register import load_chairs, load_meetings
from planner.inputs.rulebook import embedded_path, load_rulebook

TODAY = date(2026, 11, 26)
PLAN = "Azerbaijan, Kyrgyzstan, Thailand"
EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"
ROTATING = ["--rules", str(EXAMPLES / "rotating-chair.toml"), "--meetings", str(EXAMPLES / "rotating-chair-meetings.csv"), "--chairs", str(EXAMPLES / "rotating-chair-chairs.csv")]


@pytest.fixture(scope="module")
def cica() -> tuple:
    book = load_rulebook(embedded_path("cica.toml"))
    meetings = load_meetings(embedded_path("cica-meetings.csv"), book)
    chairs = load_chairs(embedded_path("cica-chairs.csv"))
    return book, chairs, project(book, meetings, TODAY)


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


def test_cica_register_has_six_terms(cica: tuple) -> None:
    """The real register holds six terms, Kazakhstan twice, Azerbaijan still chairing."""
    book, chairs, projection = cica
    terms = timeline(book, chairs, projection.meetings(), TODAY)
    assert [t.member.name for t in terms] == ["Kazakhstan", "Türkiye", "China", "Tajikistan", "Kazakhstan", "Azerbaijan"]
    assert [t.running for t in terms] == [False] * 5 + [True]


def test_terms_longer_than_two_years_are_violations(cica: tuple) -> None:
    """Turkey 2010-2014, China 2014-2018 and Kazakhstan 2020-2024 exceed the two-year term."""
    book, chairs, projection = cica
    report = chairs_report(book, chairs, projection)
    long = [(f.country, f.term_start) for f in report.findings if f.kind == "long_term"]
    assert long == [("Türkiye", "2010-06-08"), ("China", "2014-05-21"), ("Kazakhstan", "2020-09-24")]
    assert all(f.severity is Severity.VIOLATION for f in report.findings if f.kind == "long_term")


def test_founding_chair_predates_the_rule(cica: tuple) -> None:
    """Kazakhstan's 2002-2010 founding term began before the 2009 rule: a note, not a violation."""
    book, chairs, projection = cica
    report = chairs_report(book, chairs, projection)
    first = [f for f in report.findings if f.term_start == "2002-06-04"]
    assert [(f.kind, f.severity) for f in first] == [("before_rule", Severity.NOTE)]


def test_extension_notes_are_quoted(cica: tuple) -> None:
    """Where the register notes an extension or continuation, the finding says so; China's does not."""
    book, chairs, projection = cica
    report = chairs_report(book, chairs, projection)
    text = {f.country: f.message for f in report.findings if f.kind == "long_term"}
    assert "extended in 2012" in text["Türkiye"]
    assert "continued for 2022-2024" in text["Kazakhstan"]
    assert "extension" not in text["China"]
    assert "4th Ministerial Council (2012-09-12" in text["Türkiye"]


def test_special_ministerial_handover_counts_with_a_note(cica: tuple) -> None:
    """China -> Tajikistan at the 2018 special Ministerial counts as a handover, noted as special."""
    book, chairs, projection = cica
    report = chairs_report(book, chairs, projection)
    special = [f for f in report.findings if f.kind == "special_handover"]
    assert [f.term_start for f in special] == ["2018-09-24", "2020-09-24"]
    assert "China → Tajikistan" in special[0].message and special[0].severity is Severity.NOTE
    assert not [f for f in report.findings if f.kind in ("handover", "gap", "overlap", "not_member", "consecutive")]


def test_running_term_ends_at_the_planned_summit(cica: tuple) -> None:
    """Azerbaijan's running term is expected to end at the 7th Summit (Baku, 2026-10)."""
    book, chairs, projection = cica
    azerbaijan = timeline(book, chairs, projection.meetings(), TODAY)[-1]
    assert str(azerbaijan.end) == "2026-10" and azerbaijan.closed_by.ordinal == 7 and azerbaijan.closed_by.body == "summit"


def test_plan_follows_the_handover_meetings(cica: tuple) -> None:
    """Azerbaijan (current) to the 7th Summit, Kyrgyzstan to the 8th Ministerial 2028, Thailand to the 8th Summit 2030.
    The incoming chair hosts a projected handover meeting (handover_host = "incoming"): Thailand
    the 8th Ministerial; the 7th Summit is the register's, planned in Baku: Azerbaijan's."""
    book, chairs, projection = cica
    plan = chairs_report(book, chairs, projection, [c.strip() for c in PLAN.split(",")]).plan
    assert [(t.country, t.current, t.years()) for t in plan] == [("Azerbaijan", True, "2024–2026"), ("Kyrgyzstan", False, "2026–2028"), ("Thailand", False, "2028–2030")]
    assert [(t.closed_by.body, t.closed_by.ordinal) for t in plan] == [("summit", 7), ("ministerial_council", 8), ("summit", 8)]
    assert [(t.country, t.opened_by in t.hosted, t.closed_by in t.hosted) for t in plan] == [("Azerbaijan", True, True), ("Kyrgyzstan", False, False), ("Thailand", True, False)]


def test_consecutive_plan_is_rejected(cica: tuple) -> None:
    """The same country twice in a row breaks consecutive_terms = false."""
    book, chairs, projection = cica
    terms = timeline(book, chairs, projection.meetings(), TODAY)
    with pytest.raises(PlanError, match="consecutive_terms"):
        plan_terms(book, terms, projection, resolve_candidates(book, ["Azerbaijan", "Kyrgyzstan", "Kyrgyzstan"]))


def test_assign_hosts_returns_a_new_projection(cica: tuple) -> None:
    """assign_hosts leaves the projection it was given untouched."""
    book, chairs, projection = cica
    report = chairs_report(book, chairs, projection, ["Kyrgyzstan"])
    hosted = assign_hosts(book, projection, list(report.plan))
    assert isinstance(hosted, Projection) and hosted is not projection
    assert all(not m.country for m in projection.projected if m.body == "ministerial_council")


def test_cli_chairs_plan_json(cica: tuple) -> None:
    """planner chairs --plan gives dated future terms in JSON with a schema_version; exit 1 for the register's violations."""
    result = run("chairs", "--today", "2026-11-26", "--plan", PLAN, "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1 and data["schema_version"] == 1 and data["summary"]["violations"] == 3
    assert [(t["country"], t["from"], t["to"]) for t in data["plan"]] == [("Azerbaijan", "2024-12-17", "2026-10"), ("Kyrgyzstan", "2026-10", "2028-09-12"), ("Thailand", "2028-09-12", data["plan"][2]["to"])]
    assert data["plan"][2]["to"].startswith("2030-10")  # 2028-09-21/22: Rosh Hashanah in Israel, a member state


def test_cli_project_plan_hosts_the_8th_ministerial_in_thailand() -> None:
    """planner project --plan puts the 8th Ministerial Council 2028, where Kyrgyzstan hands the
    chair to Thailand, in Thailand (the incoming chair), on a Thai working day; the 8th Summit
    2030 opens the term of a chair the plan does not name: its host is to be decided."""
    result = run("project", "--today", "2026-11-26", "--to", "2030", "--plan", PLAN, "--format", "json")
    assert result.exit_code == 0, result.stderr
    meetings = json.loads(result.stdout)["meetings"]
    mc8 = next(m for m in meetings if m["body"] == "ministerial_council" and m["ordinal"] == 8)
    summit8 = next(m for m in meetings if m["body"] == "summit" and m["ordinal"] == 8)
    assert (mc8["country"], mc8["host"], mc8["start"][:4]) == ("Thailand", "Thailand", "2028")
    assert (summit8.get("country"), summit8["host"]) == (None, "chair to be decided")
    book = load_rulebook(embedded_path("cica.toml"))
    assert calendar_for(book.body("ministerial_council"), book, "Thailand").is_working(date.fromisoformat(mc8["start"]))


def test_project_without_plan_uses_the_current_chair() -> None:
    """Without a plan, chair-hosted meetings inside Azerbaijan's running term are hosted by Azerbaijan."""
    result = run("project", "--today", "2026-01-10", "--to", "2026", "--format", "json")
    hosts = {m["body"]: m["country"] for m in json.loads(result.stdout)["meetings"] if m["status"] == "projected"}
    assert hosts["finance_summit"] == "Azerbaijan"


def test_unknown_candidate_exits_2_with_close_names() -> None:
    """An unknown candidate is one error line naming the closest member names."""
    result = run("chairs", "--today", "2026-11-26", "--plan", "Azerbaijan, Kyrgyzstn")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "'Kyrgyzstn'" in result.stderr and "Kyrgyzstan" in result.stderr
    assert run("chairs", "--plan", "Atlantis").exit_code == 2


def test_consecutive_candidates_exit_2_naming_the_rule() -> None:
    """'Azerbaijan, Kyrgyzstan, Kyrgyzstan' exits 2 and names the consecutive-terms rule."""
    result = run("chairs", "--today", "2026-11-26", "--plan", "Azerbaijan, Kyrgyzstan, Kyrgyzstan")
    assert result.exit_code == 2 and "consecutive_terms" in result.stderr and "Kyrgyzstan" in result.stderr


def test_plan_file_with_comments(tmp_path: Path) -> None:
    """--plan-file reads one country per line and skips '#' comments."""
    plan = tmp_path / "plan.txt"
    plan.write_text("# agreed 2026\nAzerbaijan\nKyrgyz Republic  # alias\n\nThailand\n", encoding="utf-8")
    data = json.loads(run("chairs", "--today", "2026-11-26", "--plan-file", str(plan), "--format", "json").stdout)
    assert [t["member"] for t in data["plan"]] == ["Azerbaijan", "Kyrgyzstan", "Thailand"]


def test_country_lists_its_terms_and_planned_ones() -> None:
    """--country Kazakhstan shows 2002-2010 and 2020-2024; --country Thailand its planned term and hosting (the 8th Ministerial, which opens it)."""
    kz = json.loads(run("chairs", "--today", "2026-11-26", "--country", "Kazakhstan", "--format", "json").stdout)
    assert [t["years"] for t in kz["terms"]] == ["2002–2010", "2020–2024"]
    th = run("chairs", "--today", "2026-11-26", "--plan", PLAN, "--country", "Thailand")
    assert "Chaired: 2028–2030 (planned)" in th.stdout and "hosts the 8th Ministerial Council" in th.stdout and "hosts the 8th Summit" not in th.stdout


def test_csv_and_markdown_render() -> None:
    """CSV has one row per term and plan term; markdown has the plan table."""
    csv_out = run("chairs", "--today", "2026-11-26", "--plan", PLAN, "--format", "csv").stdout
    assert csv_out.splitlines()[0].startswith("section,ordinal,country") and len(csv_out.strip().splitlines()) == 1 + 6 + 3
    assert "## Plan" in run("chairs", "--today", "2026-11-26", "--plan", PLAN, "--format", "markdown").stdout


def test_rotating_chair_passes_alphabetically_and_wraps() -> None:
    """The example organization rotates yearly: after Estonia comes Austria, then Belgium; a clean register exits 0."""
    result = run("chairs", *ROTATING, "--today", "2026-11-26", "--to", "2029", "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["findings"] == []
    assert [(t["country"], t["from"], t["to"]) for t in data["plan"]] == [("Austria", "2027-01-01", "2028-01-01"), ("Belgium", "2028-01-01", "2029-01-01"), ("Czechia", "2029-01-01", "2030-01-01")]
    assert data["plan"][0]["hosted"][0]["body"] == "council"


def test_rotating_chair_hosts_the_projected_councils() -> None:
    """planner project on the example gives each year's Council to that year's chair."""
    data = json.loads(run("project", *ROTATING, "--today", "2026-11-26", "--to", "2028", "--format", "json").stdout)
    assert [(m["start"][:4], m["country"]) for m in data["meetings"]] == [("2027", "Austria"), ("2028", "Belgium")]


def test_gap_overlap_and_non_member_are_found(tmp_path: Path) -> None:
    """A gap, an overlap and a chair that is not a member state are violations."""
    chairs = tmp_path / "chairs.csv"
    chairs.write_text(
        "country,start,end\nAustria,2022-01-01,2023-01-01\nBelgium,2023-03-01,2024-01-01\nAtlantis,2023-12-01,2024-12-01\n",
        encoding="utf-8",
    )
    args = [a if a != ROTATING[5] else str(chairs) for a in ROTATING]
    data = json.loads(run("chairs", *args, "--today", "2026-11-26", "--format", "json").stdout)
    kinds = sorted(f["kind"] for f in data["findings"] if f["violation"])
    assert kinds == ["gap", "not_member", "overlap"]


def test_consecutive_register_terms_are_a_violation() -> None:
    """The same member chairing twice in a row in the register breaks the rule."""
    book = load_rulebook(EXAMPLES / "rotating-chair.toml")
    chairs = [ChairTerm(country="Austria", start="2022-01-01", end="2023-01-01"), ChairTerm(country="AT", start="2023-01-01", end="2024-01-01")]
    projection = project(book, [], TODAY, end=date(2027, 12, 31))
    report = chairs_report(book, chairs, projection)
    assert [f.kind for f in report.violations] == ["consecutive"]
    assert all(m.status is Status.PROJECTED for m in report.projection.projected)


def test_a_rehosted_projection_is_ordered_as_a_full_sort_orders_it() -> None:
    """The chair-hosted projection's meetings are ordered from the first projection's sorted list
    (the moved meetings put in by bisection): the same list a sort of everything gives, and
    where a moved meeting's key ties with another's, that sort itself decides."""
    import dataclasses

    from planner.core.model import Meeting

    book = load_rulebook(EXAMPLES / "rotating-chair.toml")
    projection = project(book, load_meetings(EXAMPLES / "rotating-chair-meetings.csv", book), TODAY)
    hosted = chairs_report(book, load_chairs(EXAMPLES / "rotating-chair-chairs.csv"), projection).projection
    before = {id(m) for m in projection.projected}
    assert any(id(m) not in before for m in hosted.projected)  # re-hosted: new meetings
    assert "_meetings" in hosted.__dict__  # ordered from the first projection's list, not sorted
    assert hosted.meetings() == sorted([*hosted.register, *hosted.projected], key=Meeting.sort_key)
    # a tie: a "moved" meeting equal in every key to a register meeting goes after it
    twin = projection.register[0]
    old = projection.projected[0]
    tied = dataclasses.replace(projection, projected=(twin, *projection.projected[1:])).ordered_as(projection, [(old, twin)])
    assert "_meetings" not in tied.__dict__
    assert tied.meetings() == sorted([*tied.register, *tied.projected], key=Meeting.sort_key)


def test_a_chair_out_of_the_rotations_order_is_a_note_naming_who_was_next(tmp_path: Path) -> None:
    """The Visegrad Group's Annex order (`order = "listed"`: Czech Republic, Poland, Hungary,
    Slovakia). Its real register keeps it: no `out_of_turn`. With Hungary and Slovakia swapped
    (Slovakia 2017-18, Hungary 2018-19), by hand: after Poland the order gives Hungary
    (Slovakia is out of turn); after Slovakia, Czechia (Hungary is out of turn); after
    Hungary, Slovakia (Czechia, 2019, is out of turn); after Czechia, Poland (in turn). Three
    notes, never a violation (a rotation is changed by decisions the register does not
    record), and the exit code is the summary's."""
    audit = Path(__file__).parent.parent / "audit"
    chairs = (audit / "visegrad-group-chairs.csv").read_text(encoding="utf-8")
    args = ["--rules", str(audit / "visegrad-group.toml"), "--meetings", str(audit / "visegrad-group-meetings.csv"), "--today", "2026-12-01"]
    real = json.loads(CliRunner().invoke(main, [*args, "--chairs", str(audit / "visegrad-group-chairs.csv"), "chairs", "--format", "json"]).stdout)
    assert [f for f in real["findings"] if f["kind"] == "out_of_turn"] == []
    lines = chairs.splitlines()
    hungary, slovakia = (next(i for i, line in enumerate(lines) if line.startswith(f"{c},2017") or line.startswith(f"{c},2018")) for c in ("Hungary", "Slovakia"))
    h, s = lines[hungary].split(",", 1), lines[slovakia].split(",", 1)
    lines[hungary], lines[slovakia] = f"{s[0]},{h[1]}", f"{h[0]},{s[1]}"
    swapped = tmp_path / "chairs.csv"
    swapped.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, [*args, "--chairs", str(swapped), "chairs", "--format", "json"])
    out = json.loads(result.stdout)
    turns = [(f["country"], f["severity"], f["message"].split(" is out of turn: ")[1]) for f in out["findings"] if f["kind"] == "out_of_turn"]
    assert turns == [
        ("Slovakia", "note", "after Poland the rotation (order organization.members lists them) gives Hungary."),
        ("Hungary", "note", "after Slovakia the rotation (order organization.members lists them) gives Czechia."),
        ("Czechia", "note", "after Hungary the rotation (order organization.members lists them) gives Slovakia."),
    ]
    assert out["summary"]["exit_code"] == result.exit_code
