"""A hosting clinic's own block (extra.clinic): name, optional logo, intake line, address,
hours, note. Its line is in the help row on every page, the rest on the Get help page; both
are checked like the national lines."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

from guidewright.checks.review_log import signoff_problems
from guidewright.lines.contacts import Contact, dial_problems
from guidewright.lines.phone import with_extension
from guidewright.problems import Problem, config_problem

KEY = "extra.clinic"
FIELDS = {"name", "logo", "intake", "address", "hours", "note", "medical_reviewer"}
INTAKE_FIELDS = {"label", "number", "href", "extension"}  # extension: see guidewright.lines.contacts
LOGO_FOLDER = "assets/clinic"  # where the build puts the logo in the site
LOGO_TYPES = (".png", ".svg")
# The logo loads on every page, on phones with bad data, and goes into the offline zip
# (target 1 MiB for the whole guide): a small mark, not a photo.
LOGO_MAX_BYTES = 100 * 1024


@dataclass(frozen=True)
class Clinic:
    name: str
    intake: Contact
    texts: tuple[str, ...]      # name, address, hours, note: each must be visible on the Get help page
    logo: Path | None = None


def parse_clinic(extra: dict, locate, root: Path, denied: dict[str, str],
                 region: str) -> tuple[Clinic | None, list[Problem]]:
    """No clinic block is fine (the national guide). A clinic block must be complete.
    region: how its number is read (guidewright.lines.contacts.parse_region)."""
    raw = extra.get("clinic")
    if raw is None:
        return None, []
    if not isinstance(raw, dict):
        return None, [config_problem(locate, f"{KEY}: must be a mapping with {', '.join(sorted(FIELDS))}")]
    messages = [f"{KEY}.{name}: unknown option (allowed: {', '.join(sorted(FIELDS))})" for name in raw if name not in FIELDS]
    for name in ("name", "address", "hours", "note"):
        value = raw.get(name)
        if (name == "name" or value is not None) and not (isinstance(value, str) and value.strip()):
            messages.append(f"{KEY}.{name}: must be text" + (" (the clinic's name is required)" if name == "name" else ""))
    intake = raw.get("intake")
    if not isinstance(intake, dict):
        messages.append(f"{KEY}.intake: needs label, number and href (tel:), the clinic's phone line")
    else:
        messages += [f"{KEY}.intake.{name}: unknown option" for name in intake if name not in INTAKE_FIELDS]
        messages += [f"{KEY}.intake.{name}: missing or empty" for name in ("label", "number", "href")
                     if not str(intake.get(name) or "").strip()]
        if not messages:
            messages += dial_problems(f"{KEY}.intake", str(intake["number"]), str(intake["href"]), denied, region,
                                      intake.get("extension"))
    if "medical_reviewer" in raw:  # the clinic's own sign-off for its copy, shown on every page
        today = dt.date.today()
        messages += [f"{KEY}.medical_reviewer: {message}" for message in signoff_problems(raw["medical_reviewer"], today)]
    logo = root / raw["logo"] if isinstance(raw.get("logo"), str) and raw["logo"].strip() else None
    if "logo" in raw:
        messages += logo_problems(raw["logo"], logo, root)
    if messages:
        return None, [config_problem(locate, message) for message in messages]
    name = raw["name"].strip()
    extension = str(intake.get("extension") or "")
    contact = Contact(id="clinic", order=0, label=f"{name}: {intake['label']}", number=str(intake["number"]),
                      href=with_extension(str(intake["href"]), extension), action="Call", summary=str(intake["label"]),
                      when="", hours=raw.get("hours") or "", cost="", privacy="", languages="", extension=extension)
    texts = tuple(raw[k].strip() for k in ("name", "address", "hours", "note") if raw.get(k))
    return Clinic(name=name, intake=contact, texts=texts, logo=logo), []


def logo_problems(given: object, logo: Path | None, root: Path) -> list[str]:
    if logo is None:
        return [f"{KEY}.logo: must be the path of a .png or .svg file, relative to {root} (got {given!r})"]
    if not logo.is_file():
        return [f"{KEY}.logo: file not found: {logo} (paths are relative to the overlay's folder, {root})"]
    if logo.suffix.lower() not in LOGO_TYPES:
        return [f"{KEY}.logo: {logo.name} is not a .png or .svg file; save the logo as one of those"]
    size = logo.stat().st_size
    if size > LOGO_MAX_BYTES:
        return [f"{KEY}.logo: {logo.name} is {size / 1024:,.0f} KiB; the limit is {LOGO_MAX_BYTES // 1024} KiB because "
                "it loads on every page, on phones with bad data, and goes into the offline zip. "
                "Export a smaller version (a simple mark, about 200 pixels wide, or an SVG)"]
    if logo_size(logo) is None:
        return [f"{KEY}.logo: can't read the width and height of {logo.name} (a PNG header, or an SVG with "
                "width/height or a viewBox, is needed so the page doesn't jump as it loads)"]
    return []


def logo_size(path: Path) -> tuple[int, int] | None:
    """Width and height in pixels (PNG header, or SVG width/height/viewBox), for <img> sizes."""
    data = path.read_bytes()
    if path.suffix.lower() == ".png" and data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if path.suffix.lower() == ".svg":
        try:
            svg = etree.fromstring(data)
        except etree.ParseError:
            return None
        box = (svg.get("viewBox") or "").replace(",", " ").split()
        try:
            width = float(str(svg.get("width") or (box[2] if len(box) == 4 else "")).removesuffix("px"))
            height = float(str(svg.get("height") or (box[3] if len(box) == 4 else "")).removesuffix("px"))
        except ValueError:
            return None
        return round(width), round(height)
    return None
