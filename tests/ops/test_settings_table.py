"""Every setting is in the README's settings table, with its real default."""

from __future__ import annotations

import re

from pydantic import TypeAdapter

from app.settings import Settings
from tests.api.conftest import REPO_ROOT

ROW = re.compile(r"^\| `(EXTRACTOR_[A-Z_]+)` \| `([^`]*)` \| (.+) \|$")


def _documented() -> dict[str, str]:
    """Variable -> default, from the rows of the README's "## Settings" section."""
    readme = (REPO_ROOT / "README.md").read_text()
    section = readme.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    return {match[1]: match[2] for line in section.splitlines() if (match := ROW.match(line))}


def test_every_setting_has_a_row_with_its_default() -> None:
    documented = _documented()
    for name, field in Settings.model_fields.items():
        variable = f"EXTRACTOR_{name.upper()}"
        assert variable in documented, f"{variable} is missing from the README settings table"
        written = TypeAdapter(field.annotation).validate_python(documented[variable])
        assert written == field.default, f"{variable}: README says {documented[variable]!r}"


def test_the_table_documents_no_setting_that_does_not_exist() -> None:
    known = {f"EXTRACTOR_{name.upper()}" for name in Settings.model_fields}
    assert _documented().keys() <= known
