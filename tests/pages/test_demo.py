"""The demo page at / in a real browser: highlights, the events table, errors, escaping, offsets."""

from __future__ import annotations

import json
from typing import Any

import httpx
from playwright.sync_api import Dialog, Page, expect

from tests.api.test_extract import EXAMPLE
from tests.pages.conftest import Visit


def _extract(page: Page, text: str, published_at: str = "") -> None:
    page.fill("#article", text)
    page.fill("#published-at", published_at)
    page.click("#extract")
    expect(page.locator("#results")).to_be_visible()


def _shown_response(page: Page) -> dict[str, Any]:
    """The response the page received, from its raw JSON view (one click away)."""
    page.click("#raw summary")
    shown: dict[str, Any] = json.loads(page.locator("#raw-json").inner_text())
    return shown


def _marks(page: Page, css_class: str) -> list[str]:
    return page.locator(f"#highlighted mark.{css_class}").all_inner_texts()


def test_the_founding_example_shows_romania_and_the_czech_republic_excluded(visit: Visit) -> None:
    page = visit.page
    page.goto("/")
    page.click("#load-example")  # the request example the API documents
    expect(page.locator("#article")).to_have_value(EXAMPLE["text"])
    expect(page.locator("#published-at")).to_have_value(EXAMPLE["published_at"])
    page.click("#extract")

    expect(page.locator("#highlighted mark.excluded")).to_have_count(2)
    assert _marks(page, "excluded") == ["Romania", "Czech Republic"]
    assert _marks(page, "participant") == ["Germany", "Italy"]
    assert _marks(page, "place") == ["Paris"]
    assert _marks(page, "date") == ["Wednesday", "Monday"]
    assert _marks(page, "trigger") == ["meeting", "new talks", "emergency meeting"]
    # The table: one row per event, the excluded countries on the Paris meeting's row.
    rows = page.locator("#events tbody tr")
    expect(rows).to_have_count(2)
    paris = rows.filter(has_text="Paris")
    expect(paris.locator(".party-line", has=page.locator(".chip.excluded"))).to_have_text(
        "excluded Romania, Czech Republic"
    )
    expect(paris).to_contain_text("2025-02-17")
    expect(paris).to_contain_text("occurred")
    # Hovering a party names its event and marks that event's row.
    page.hover("#highlighted mark.excluded >> text=Romania")
    event_id = paris.get_attribute("data-event")
    expect(page.locator("#hover-info")).to_contain_text(f"excluded from {event_id}")
    expect(paris).to_have_class("focused")
    assert visit.traffic.foreign == [], "requests left the host"
    assert visit.traffic.errors == []


def test_an_article_containing_markup_is_shown_as_text_and_runs_no_script(visit: Visit) -> None:
    page = visit.page
    dialogs: list[str] = []

    def note_and_dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", note_and_dismiss)
    article = (
        "<script>window.scriptRan = true; alert('script ran')</script> The ministers of Chile and Peru met "
        'in Lima on Friday. <img src="/assets/none.png" onerror="window.scriptRan = true"> Bolivia was '
        "not invited. <b>Bold</b> &amp; done."
    )
    page.goto("/")
    _extract(page, article, "2025-03-05")

    assert _marks(page, "excluded") == ["Bolivia"]
    highlighted = page.locator("#highlighted")
    # Every character of the article is there as text (labels are drawn by CSS), and no element of it.
    assert highlighted.evaluate("node => node.textContent") == article
    expect(highlighted.locator("script, img, b")).to_have_count(0)
    assert page.evaluate("window.scriptRan") is None
    assert dialogs == []
    assert "<script>" in page.locator("#raw-json").evaluate("node => node.textContent")
    assert visit.traffic.foreign == [], "requests left the host"
    assert not [url for url in visit.traffic.requested if "none.png" in url], "the <img> was made"
    assert visit.traffic.errors == []


def test_spans_after_emoji_highlight_the_right_words(visit: Visit) -> None:
    # Python indexes code points, JavaScript UTF-16 units: each emoji here is 1 of the former, 2 of the
    # latter, and a flag is 2 and 4. Unconverted offsets would shift every span after them.
    article = "🙂🙂 The leaders of Spain and Portugal met in Lisbon on Tuesday 🎉. 🇬🇷 Greece was not invited."
    page = visit.page
    page.goto("/")
    _extract(page, article, "2025-03-05")

    response = _shown_response(page)
    (event,) = response["events"]
    assert _marks(page, "participant") == ["Spain", "Portugal"]
    assert _marks(page, "excluded") == ["Greece"]
    assert _marks(page, "place") == [event["location"]["text"]] == ["Lisbon"]
    assert _marks(page, "date") == [event["date"]["text"]] == ["Tuesday"]
    assert page.locator("#highlighted").evaluate("node => node.textContent") == article
    assert visit.traffic.foreign == [], "requests left the host"


def test_a_bad_request_shows_the_services_own_message(visit: Visit, server_url: str) -> None:
    page = visit.page
    page.goto("/")
    page.fill("#article", "")
    page.click("#extract")

    error = page.locator("#error")
    expect(error).to_be_visible()
    expected = httpx.post(f"{server_url}/v1/extract", json={"text": ""}).json()["error"]
    expect(error.locator("#error-message")).to_have_text(f"422 {expected['code']}: {expected['message']}")
    expect(error.locator("#error-fields li")).to_have_text(
        [f"{field['field']}: {field['message']}" for field in expected["fields"]]
    )
    expect(page.locator("#results")).to_be_hidden()
    assert visit.traffic.foreign == [], "requests left the host"


def test_a_dropped_text_file_becomes_the_article(visit: Visit) -> None:
    page = visit.page
    page.goto("/")
    dropped = page.evaluate_handle(
        """() => {
            const transfer = new DataTransfer();
            transfer.items.add(new File(["Envoys of Kenya and Uganda met in Nairobi."], "story.txt",
                                        {type: "text/plain"}));
            return transfer;
        }"""
    )
    page.dispatch_event("#article", "drop", {"dataTransfer": dropped})

    expect(page.locator("#article")).to_have_value("Envoys of Kenya and Uganda met in Nairobi.")


def test_every_span_of_a_busier_article_is_one_mark_with_its_words(visit: Visit) -> None:
    # Spans inside others (a party inside a meeting's words) are marks inside marks.
    article = (
        "Japan will host a summit of ASEAN leaders in Tokyo on March 12, the foreign ministry said on "
        "Sunday. Chinese President Xi Jinping met Brazil's president at the G20 summit in Rio de Janeiro "
        "last week. Myanmar declined to attend the Tokyo summit, and Cambodia boycotted it. Officials "
        "said Laos was not invited."
    )
    page = visit.page
    page.goto("/")
    _extract(page, article, "2025-03-02")

    response = _shown_response(page)
    expected: list[tuple[str, str]] = [("date", date["text"]) for date in response["dates"]]
    for event in response["events"]:
        expected += [("trigger", mention["text"]) for mention in [event["trigger"], *event["mentions"]]]
        expected += [("place", event["location"]["text"])] if event["location"] else []
        for party in event["participants"]:
            expected += [(party["role"], mention["text"]) for mention in party["mentions"]]
    assert {role for role, _ in expected} >= {"organizer", "participant", "absent", "excluded"}
    for css_class, words in expected:
        assert words in _marks(page, css_class), (css_class, words)
    assert page.locator("#highlighted").evaluate("node => node.textContent") == article
    assert visit.traffic.foreign == [], "requests left the host"
    assert visit.traffic.errors == []
