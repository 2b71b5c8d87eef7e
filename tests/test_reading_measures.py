"""End to end: a guide in a language other than English or Spanish is measured by its own
language's formula (extra.content_rules.reading_measure), through the build command. The pure
functions are tested in test_page_check.py."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from guidewright.cli import main
from guidewright.languages.ui_words import default_words

# One long sentence of long words: hard by any German measure.
GERMAN_HARD = ("\nDie pharmakologische Substitutionsbehandlung mit partiellen Opioidrezeptoragonisten erfordert eine "
               "sorgfältige Berücksichtigung potenzieller Entzugserscheinungen bei körperlich abhängigen Menschen.\n")


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def german_guide(tmp_path: Path, capsys) -> Path:
    """The starter guide, its pages declared German (the starter's English placeholder text is
    measured with the German formula), with the engine's English words as its own (it ships no German)."""
    guide = tmp_path / "leitfaden"
    assert run(capsys, "new", str(guide), "--region", "DE", "--emergency", "112")[0] == 0
    config = guide / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  language: en\n", "  language: de\n").replace("    lang: en\n", "    lang: de\n")
    text = text.replace("\nextra:\n", f"\nextra:\n  ui: {json.dumps(default_words('en'), ensure_ascii=False)}\n", 1)
    config.write_text(text, encoding="utf-8")
    return config


def with_rules(config: Path, rules: str) -> Path:
    """The config with `rules` (content_rules lines) in place of its grade limit."""
    text = config.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.strip().startswith("max_grade:"))
    config.write_text(text.replace(line + "\n", rules), encoding="utf-8")
    return config


def build(config: Path, capsys) -> tuple[int, str]:
    site = config.parent.parent / "site"
    return run(capsys, "build", "--config", str(config), "--site-dir", str(site), "--dist-dir", str(site.parent / "dist"))


@pytest.mark.build
def test_a_german_guide_is_measured_by_the_wiener_sachtextformel(tmp_path, capsys):
    config = german_guide(tmp_path, capsys)
    original = config.read_text(encoding="utf-8")

    # The default for German, with a limit the starter's short sentences meet.
    code, out = build(with_rules(config, "    max_grade: 15\n"), capsys)
    assert code == 0, out
    assert "Reading grade (Wiener Sachtextformel, limit 15):" in out and "Flesch-Kincaid" not in out

    # A hard page over a strict limit fails, naming the page and the measure.
    index = config.parent / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + GERMAN_HARD, encoding="utf-8")
    config.write_text(original, encoding="utf-8")
    code, out = build(with_rules(config, "    reading_measure: wiener_sachtextformel\n    max_grade: 1\n"), capsys)
    assert code == 1, out
    assert "(docs/index.md)\n    - reading grade (Wiener Sachtextformel) " in out
    failed = [line for line in out.splitlines() if "reading grade (Wiener Sachtextformel)" in line]
    assert all(line.endswith(" is above 1: use shorter sentences and common words, and explain terms") for line in failed)

    # A measure made for another language stops the build before it starts, naming the file.
    config.write_text(original, encoding="utf-8")
    code, out = build(with_rules(config, "    reading_measure: fernandez_huerta\n    min_reading_ease: 60\n"), capsys)
    assert code == 2
    assert (f"{config}\n    - extra.content_rules.reading_measure: Fernández Huerta is made for text in es, not 'de': "
            "use one of wiener_sachtextformel, flesch_reading_ease, lix") in out
