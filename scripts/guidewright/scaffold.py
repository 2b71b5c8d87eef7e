"""`guidewright new DIR`: copy the starter guide (guidewright/scaffold) into a new folder. The
starter builds and passes every check as written, so an adopter starts from green and changes
one thing at a time. In its text files {{ name }} becomes the guide's title, {{ region }} and
{{ emergency }} the country and its emergency number, and {{ reviewed }} / {{ next_review }}
today and the first review date (a fixed date would fall overdue and fail the build)."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from phonenumbers import shortnumberinfo

from guidewright.build.result import BAD_CONFIG
from guidewright.lines.phone import known_region
from guidewright.package_files import SCAFFOLD

TEXT_SUFFIXES = {".md", ".yml", ".yaml", ".txt", ".py", ".html", ".css", ".js", ""}
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc")
FIRST_REVIEW_DAYS = 180  # within the starter's content_rules.review_interval_days (183)


def emergency_numbers(region: str) -> list[str]:
    """The short emergency numbers phonenumbers' metadata lists for the region (2 and 3 digits:
    "112", "999"), so no country's number is assumed here."""
    return [number for length in (2, 3) for number in (f"{n:0{length}d}" for n in range(10 ** length))
            if shortnumberinfo.is_emergency_number(number, region)]


def choose_emergency(region: str, emergency: str | None) -> tuple[str | None, str]:
    """(the number, "") or (None, why not): the number given if the region's metadata calls it an
    emergency number, else the region's only one; several, and the adopter chooses."""
    known = emergency_numbers(region)
    if emergency is not None:
        if shortnumberinfo.is_emergency_number(emergency, region):
            return emergency, ""
        return None, (f"--emergency {emergency}: not an emergency number in {region} (the phone number data "
                      f"lists {', '.join(known) or 'none'}); give the number people there call")
    if len(known) == 1:
        return known[0], ""
    listed = f"several emergency numbers ({', '.join(known)})" if known else "no emergency number"
    return None, f"{region} has {listed} in the phone number data: give the one to show with --emergency NUMBER"


def new_guide(target: Path, name: str | None = None, region: str | None = None, emergency: str | None = None,
              today: dt.date | None = None) -> int:
    if target.exists() and any(target.iterdir()):
        print(f"{target}: not empty; `new` writes a guide into a new or empty folder and changes nothing else")
        return BAD_CONFIG
    region = (region or "").upper()
    if not known_region(region):
        print(f"--region {region or '(missing)'}: give the ISO 3166 code of the country the guide serves "
              "(e.g. --region GB): every phone number is read as that country's")
        return BAD_CONFIG
    emergency, why = choose_emergency(region, emergency)
    if emergency is None:
        print(why)
        return BAD_CONFIG
    today = today or dt.date.today()
    values = {"{{ name }}": name or target.resolve().name.replace("-", " ").replace("_", " ").capitalize(),
              "{{ region }}": region, "{{ emergency }}": emergency, "{{ reviewed }}": str(today),
              "{{ next_review }}": str(today + dt.timedelta(days=FIRST_REVIEW_DAYS))}
    shutil.copytree(SCAFFOLD, target, ignore=SKIP, dirs_exist_ok=True)
    for path in target.rglob("*"):
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            text = path.read_text(encoding="utf-8")
            filled = text
            # The starter's YAML (config, logs, pages' front matter) quotes the name: a quote in it stays text.
            quoted = path.suffix == ".yml" or path.relative_to(target).parts[0] == "docs"
            for placeholder, value in values.items():
                filled = filled.replace(placeholder, value.replace("\\", "\\\\").replace('"', '\\"') if quoted else value)
            if filled != text:
                path.write_text(filled, encoding="utf-8")
    print(f"New guide {values['{{ name }}']!r} in {target}. Next: cd {target} && python scripts/build.py")
    return 0
