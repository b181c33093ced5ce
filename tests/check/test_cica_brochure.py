"""Known answers from the CICA brochure (shared/seed), checked against the shipped data, and the
``planner cbms`` command that shows the catalogue."""

from __future__ import annotations

import json

import pytest

from planner.cli import main
from planner.core.model import Kind

# Coordinators / co-coordinators as the brochure's CBM table gives them.
BROCHURE_FACTS = {
    "Energy security": (["Republic of Korea"], ["India"]),
    "Information technology": (["Republic of Korea"], ["Bangladesh"]),
    "Agriculture": (["China"], []),
    "Finance": (["China"], []),
    "Combating illicit drugs": (["Iran"], ["Afghanistan"]),
    "Epidemiological safety, public health and pharmaceuticals": (["Kazakhstan"], ["China", "Jordan"]),
    "Development of small and medium enterprises": (["Russia"], ["Kazakhstan", "Thailand", "Türkiye"]),
    "Development of secure and effective systems of transportation corridors": (["Azerbaijan"], ["China", "India"]),
    "Human dimension": (["Uzbekistan"], ["China", "India", "Kazakhstan", "Kyrgyzstan"]),
}

BROCHURE_CADENCE = {
    "summit": "Every four years",
    "ministerial_council": "Every four years (two years after the Summit)",
    "soc": "Not less than twice a year",
    "swg": "Not less than twice a year",
    "expert_meetings": "Ad hoc",
    "specialized_meetings": "Ad hoc",
    "project_review_committee": "Ad hoc",
    "business_council": "In practice once a year",
    "youth_council": "Not less than once a year",
    "think_tank_forum": "Not less than once a year",
    "council_of_eminent_persons": "Ad hoc",
    "universities_network": "Not less than once a year",
    "finance_summit": "Not less than once a year",
    "women_council": "Not less than once a year",
}


def cbms_json(runner, *args: str) -> dict:
    result = runner.invoke(main, ["cbms", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_catalogue_has_eighteen_measures_each_coordinated(runner):
    """The brochure's table: 18 measures in five dimensions, none without a coordinator."""
    measures = cbms_json(runner)["measures"]
    assert len(measures) == 18
    assert all(m["coordinators"] for m in measures)
    per_dimension = {d: sum(1 for m in measures if m["dimension"] == d) for d in {m["dimension"] for m in measures}}
    assert per_dimension == {"economic": 8, "new_challenges_and_threats": 5, "environmental": 3, "human": 1, "military_political": 1}


@pytest.mark.parametrize("measure", sorted(BROCHURE_FACTS))
def test_coordinators_as_the_brochure_lists_them(runner, measure):
    by_measure = {m["measure"]: m for m in cbms_json(runner)["measures"]}
    coordinators, co = BROCHURE_FACTS[measure]
    assert by_measure[measure]["coordinators"] == coordinators
    assert by_measure[measure]["co_coordinators"] == co


def test_ict_security_terms_are_kept(runner):
    """"Russia (2022-2023, 2024-2025)" and China with the same terms."""
    ict = next(m for m in cbms_json(runner)["measures"] if m["id"] == "ict_security")
    assert ict["terms"] == {"Russia": ["2022-2023", "2024-2025"], "China": ["2022-2023", "2024-2025"]}


def test_country_lists_what_it_coordinates(runner):
    result = runner.invoke(main, ["cbms", "--country", "Republic of Korea"])
    assert result.exit_code == 0
    assert "Energy security" in result.output and "Information technology" in result.output
    assert "coordinates 2 measures, co-coordinates 0 measures" in result.output
    kazakhstan = cbms_json(runner, "--country", "KZ")
    roles = {m["id"]: m["role"] for m in kazakhstan["measures"]}
    assert roles["public_health"] == "coordinator" and roles["military_political"] == "coordinator"
    assert roles["sme"] == "co-coordinator" and roles["human_dimension"] == "co-coordinator"


def test_dimension_filter_and_bad_values(runner):
    assert {m["dimension"] for m in cbms_json(runner, "--dimension", "environmental")["measures"]} == {"environmental"}
    for args, word in ((["--country", "Narnia"], "--country: 'Narnia' is not a member state"), (["--dimension", "econ"], "--dimension: 'econ' is not a dimension; expected one of economic")):
        result = runner.invoke(main, ["cbms", *args])
        assert result.exit_code == 2
        assert word in result.output and "Traceback" not in result.output


def test_activity_per_measure_and_year(runner):
    """Register meetings that name their measure: the 2011 SME experts meeting and the 2024
    environmental conference; a measure idle for years is flagged."""
    measures = {m["id"]: m for m in cbms_json(runner, "--today", "2026-12-01")["measures"]}
    assert measures["sme"]["meetings_per_year"] == {"2011": 1}
    assert measures["environment_protection"]["meetings_per_year"] == {"2024": 1}
    assert measures["finance"]["last_meeting_year"] is None
    text = runner.invoke(main, ["cbms", "--today", "2026-12-01", "--dimension", "economic"]).output
    assert "2011: 1 (none for 15 years)" in text


def test_fourteen_bodies_with_the_brochure_cadence(cica):
    assert {b.id: b.stated_cadence for b in cica.bodies} == BROCHURE_CADENCE
    assert {b.category.value for b in cica.bodies if b.id in ("summit", "ministerial_council", "soc")} == {"governing"}
    assert [b.id for b in cica.bodies if b.category.value == "advisory"] == ["business_council", "youth_council", "think_tank_forum", "council_of_eminent_persons", "universities_network", "finance_summit", "women_council"]


def test_twenty_eight_members_observers_and_partners(cica):
    org = cica.organization
    assert len(org.members) == 28
    observer_orgs = sorted(a.short_name for a in org.observers if a.kind == "organization")
    assert observer_orgs == ["IOM", "LAS", "OSCE", "TURKPA", "UN"]
    assert sorted(a.short_name for a in org.partners) == ["APK", "EAEU", "ECO", "SCO", "SCO RATS", "UNODC"]
    assert all(a.source for a in (*org.observers, *org.partners))


@pytest.mark.parametrize(
    ("body", "number", "document"),
    [
        ("ministerial_council", 1, "Declaration on the Principles Guiding Relations between the CICA Member States"),
        ("summit", 1, "Almaty Act"),
        ("ministerial_council", 2, "Rules of Procedure"),
        ("summit", 2, "Statute of the CICA Secretariat"),
        ("ministerial_council", 6, "Updated CICA Catalogue of Confidence Building Measures"),
        ("summit", 6, "Astana Statement on CICA Transformation"),
        ("ministerial_council", 7, "Memorandum on the establishment of the Partnership Network of Leading Universities"),
    ],
)
def test_documents_on_the_timeline(cica_meetings, body, number, document):
    meeting = next(m for m in cica_meetings if m.body == body and m.ordinal == number and m.kind is Kind.REGULAR)
    assert document in meeting.documents


def test_special_ministerials_numbered_as_the_brochure_does(cica_meetings):
    """The brochure: "First Special Ministerial Meeting" 2018, "Second Special" 2020."""
    specials = sorted((m.earliest.year, m.ordinal) for m in cica_meetings if m.body == "ministerial_council" and m.kind is Kind.SPECIAL)
    assert specials == [(2018, 1), (2020, 2)]


def test_documents_reach_feeds_and_json(runner, tmp_path):
    """The documents column goes into the feed's DESCRIPTION and back from an .ics register."""
    feed = runner.invoke(main, ["ics", "--today", "2026-12-01", "--out", "-", "--body", "summit", "--no-projected"]).stdout
    assert "Documents: Almaty Act" in feed
    path = tmp_path / "summit.ics"
    path.write_text(feed, encoding="utf-8")
    result = runner.invoke(main, ["project", "--today", "2026-12-01", "--meetings", str(path), "--format", "json", "--to", "2027"])
    assert result.exit_code == 0, result.output
    from planner.inputs.register import load_meetings
    from planner.inputs.rulebook import embedded_path, load_rulebook

    again = load_meetings(path, load_rulebook(embedded_path("cica.toml")))
    first = next(m for m in again if m.ordinal == 1)
    assert first.documents == ("Almaty Act",)


def test_unknown_cbm_in_register_is_one_clear_line(runner, tmp_path):
    register = tmp_path / "m.csv"
    register.write_text("body,start,cbm\nexpert_meetings,2025-03-01,energy securty\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", "--meetings", str(register)])
    assert result.exit_code == 2
    assert "m.csv:2: cbm: unknown confidence building measure" in result.output and "energy_security" in result.output


def test_coordinator_must_be_a_member(runner, tmp_path):
    from planner.inputs.rulebook import embedded_path

    text = embedded_path("cica.toml").read_text(encoding="utf-8").replace('coordinators = ["Republic of Korea"]\nco_coordinators = ["India"]', 'coordinators = ["Korea, Republic of"]\nco_coordinators = ["India"]')
    book = tmp_path / "book.toml"
    book.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["validate", "--rules", str(book), "--meetings", str(tmp_path / "none.csv")])
    assert result.exit_code == 2
    assert "cbms[1].coordinators[0]" in result.output and "is not a member state" in result.output
