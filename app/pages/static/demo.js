"use strict";
// The demo page: sends the article to POST v1/extract, as any client would, and shows the answer.
// Text from the article or from the response only ever enters the page through text nodes
// (textContent, createTextNode), never as markup: an article containing <script> shows as text.

const ROLES = ["organizer", "participant", "excluded", "absent"];
// How a party stands to its event, in the note a highlighted party shows.
const ROLE_LINK = {
  organizer: "organizer of", participant: "participant in", excluded: "excluded from", absent: "absent from",
};
// When spans of equal length overlap, the more specific one is drawn.
const KIND_PRIORITY = { party: 3, place: 2, date: 1, trigger: 0 };

const $ = (id) => document.getElementById(id);

/** An element with classes and text; the text becomes a text node. */
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/**
 * The response's offsets count code points (Python string indices); JavaScript strings count UTF-16
 * code units, and a character outside the Basic Multilingual Plane (an emoji, say) takes two.
 * Returns units such that units[i] is the code-unit index of code point i (units[n] = text.length).
 */
function codeUnitIndex(text) {
  const units = [0];
  let unit = 0;
  for (const character of text) { // iterates by code point
    unit += character.length;
    units.push(unit);
  }
  return units;
}

/** Every stretch of text to highlight: one per (start, end, kind, role), with the events it belongs to. */
function collectSpans(result) {
  const spans = new Map();
  function add(mention, kind, role, label, event, note) {
    const key = [mention.start, mention.end, kind, role].join(":");
    if (!spans.has(key)) {
      spans.set(key, { start: mention.start, end: mention.end, kind, role, label, notes: [], events: new Set() });
    }
    const span = spans.get(key);
    if (!span.notes.includes(note)) span.notes.push(note);
    if (event) span.events.add(event.id);
  }
  const quoted = (mention, name) => (name && name !== mention.text ? `"${mention.text}" (${name})` : `"${mention.text}"`);
  for (const event of result.events) {
    const about = `${event.id} (${describeEvent(event)})`;
    for (const mention of [event.trigger, ...event.mentions]) {
      add(mention, "trigger", null, event.type, event, `${quoted(mention)}: mention of ${about}`);
    }
    if (event.date) {
      const value = event.date.value ?? "unresolved";
      add(event.date, "date", null, "date", event, `${quoted(event.date)} = ${value}: date of ${about}`);
    }
    if (event.location) {
      add(event.location, "place", null, "place", event, `${quoted(event.location, event.location.name)}: place of ${about}`);
    }
    for (const party of event.participants) {
      for (const mention of party.mentions) {
        const link = ROLE_LINK[party.role] ?? party.role;
        add(mention, "party", party.role, party.role, event, `${quoted(mention, party.name)}: ${link} ${about}`);
      }
    }
  }
  for (const date of result.dates) {
    const key = [date.start, date.end, "date", null].join(":");
    const value = date.end_value ? `${date.value} to ${date.end_value}` : (date.value ?? "unresolved");
    if (!spans.has(key)) add(date, "date", null, "date", null, `${quoted(date)} = ${value}: a date in no event`);
  }
  return [...spans.values()];
}

function describeEvent(event) {
  const parts = [event.type, event.status];
  if (event.date) parts.push(event.date.value ?? event.date.text);
  if (event.location) parts.push(event.location.name);
  return parts.join(", ");
}

function spanClasses(span) {
  const classes = ["span", span.kind];
  if (span.role) classes.push(span.role);
  if (span.events.size === 0) classes.push("unlinked");
  return classes.join(" ");
}

/** Outer before inner: by start, then longer first, then the less specific kind first. */
function outerFirst(a, b) {
  return a.start - b.start || (b.end - b.start) - (a.end - a.start) || KIND_PRIORITY[a.kind] - KIND_PRIORITY[b.kind];
}

/**
 * The spans as a tree: a span inside another is its child (a party inside a meeting's words, say).
 * A span that crosses the end of the one it starts in is cut there, and its rest placed after it;
 * only the last piece carries the label.
 */
function nestSpans(spans) {
  const pending = spans.map((span) => ({ ...span, labelled: true, children: [] })).sort(outerFirst);
  const root = { start: 0, end: Infinity, children: [] };
  const open = [root];
  while (pending.length > 0) {
    const span = pending.shift();
    while (span.start >= open[open.length - 1].end) open.pop();
    const parent = open[open.length - 1];
    if (span.end > parent.end) {
      const rest = { ...span, start: parent.end, children: [] };
      const next = pending.findIndex((other) => outerFirst(rest, other) < 0);
      pending.splice(next === -1 ? pending.length : next, 0, rest);
      Object.assign(span, { end: parent.end, labelled: false });
    }
    parent.children.push(span);
    open.push(span);
  }
  return root;
}

/** The article with its spans as (possibly nested) <mark> elements; text only ever as text nodes. */
function renderText(text, spans) {
  const units = codeUnitIndex(text);
  const length = units.length - 1; // in code points
  const slice = (from, to) => document.createTextNode(text.slice(units[from], units[to]));
  const inRange = spans.filter((s) => s.start >= 0 && s.end <= length && s.start < s.end);

  function fill(container, node, from, to) {
    let at = from;
    for (const child of node.children) {
      if (child.start > at) container.append(slice(at, child.start));
      const mark = element("mark", spanClasses(child));
      mark.dataset.events = [...child.events].join(" ");
      mark.dataset.role = child.role ?? child.kind;
      mark.title = child.notes.join("\n");
      if (child.labelled) mark.dataset.label = child.label; // drawn by CSS, not part of the text
      fill(mark, child, child.start, child.end);
      container.append(mark);
      at = child.end;
    }
    if (at < to) container.append(slice(at, to));
  }

  const container = $("highlighted");
  container.replaceChildren();
  fill(container, nestSpans(inRange), 0, length);
}

/** Pointing at a mark (the innermost one under the pointer) focuses the events it belongs to. */
function followPointer(container) {
  container.addEventListener("mouseover", (event) => {
    const mark = event.target.closest("mark[data-events]");
    if (!mark) return focusEvents(new Set(), []);
    const events = new Set(mark.dataset.events.split(" ").filter(Boolean));
    return focusEvents(events, mark.title.split("\n"));
  });
  container.addEventListener("mouseleave", () => focusEvents(new Set(), []));
}

/** Marks the events a pointed-at span belongs to: their rows in the table and all their spans. */
function focusEvents(events, notes) {
  for (const node of document.querySelectorAll(".focused")) node.classList.remove("focused");
  for (const node of document.querySelectorAll("[data-events]")) {
    if (node.dataset.events.split(" ").some((id) => events.has(id))) node.classList.add("focused");
  }
  for (const row of $("events").tBodies[0].rows) {
    if (events.has(row.dataset.event)) row.classList.add("focused");
  }
  $("hover-info").textContent = notes.length
    ? notes.join("; ")
    : "Point at a highlighted word to see the event it belongs to.";
}

function spanCell(span, detail) {
  const cell = element("td");
  if (!span) {
    cell.append(element("span", "none", "none"));
    return cell;
  }
  cell.append(element("span", null, span.text));
  if (detail && detail !== span.text) cell.append(element("div", "detail", detail));
  return cell;
}

function partiesCell(event) {
  const cell = element("td", "parties");
  for (const role of ROLES) {
    const names = event.participants.filter((p) => p.role === role).map((p) => p.name);
    if (names.length === 0) continue;
    const line = element("div", "party-line");
    line.append(element("span", `chip ${role}`, role), document.createTextNode(" " + names.join(", ")));
    cell.append(line);
  }
  if (!cell.hasChildNodes()) cell.append(element("span", "none", "none named"));
  return cell;
}

function renderEvents(events) {
  const body = $("events").tBodies[0];
  body.replaceChildren();
  if (events.length === 0) {
    const row = element("tr");
    const cell = element("td", "none", "No meeting found in this text.");
    cell.colSpan = 5;
    row.append(cell);
    body.append(row);
    return;
  }
  for (const event of events) {
    const row = element("tr");
    row.dataset.event = event.id;
    row.id = `event-${event.id}`;
    const name = element("td");
    name.append(element("span", "event-id", event.id), document.createTextNode(` ${event.type}`));
    const mentions = element("div", "mentions");
    const said = [...new Set([event.trigger.text, ...event.mentions.map((m) => m.text)])];
    mentions.append(...said.map((text) => element("mark", "span trigger", text)));
    name.append(mentions);
    const date = event.date ? (event.date.value ?? "unresolved") : null;
    row.append(
      name,
      spanCell(event.date, date),
      spanCell(event.location, event.location?.name),
      element("td", `status ${event.status}`, event.status),
      partiesCell(event),
    );
    const ids = new Set([event.id]);
    row.addEventListener("mouseenter", () => focusEvents(ids, [`${event.id} (${describeEvent(event)})`]));
    row.addEventListener("mouseleave", () => focusEvents(new Set(), []));
    body.append(row);
  }
}

function showError(message, fields) {
  $("error-message").textContent = message;
  const list = $("error-fields");
  list.replaceChildren(...(fields ?? []).map((f) => element("li", null, `${f.field}: ${f.message}`)));
  $("error").hidden = false;
}

function showResult(text, result) {
  renderText(text, collectSpans(result));
  renderEvents(result.events);
  $("raw-json").textContent = JSON.stringify(result, null, 2);
  $("results").hidden = false;
}

async function extract(submitEvent) {
  submitEvent.preventDefault();
  const text = $("article").value;
  const body = { text };
  if ($("published-at").value) body.published_at = $("published-at").value;
  $("error").hidden = true;
  $("extract").disabled = true;
  $("progress").textContent = "Reading the article…";
  try {
    const response = await fetch("v1/extract", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
    const payload = await response.json().catch(() => null);
    if (!response.ok) {
      // The service's own words (README "Errors"): {"error": {"code", "message", "fields"}}.
      const error = payload?.error;
      showError(
        error ? `${response.status} ${error.code}: ${error.message}` : `${response.status} ${response.statusText}`,
        error?.fields,
      );
      return;
    }
    showResult(text, payload);
  } catch (failure) {
    showError(`The service did not answer: ${failure.message}`);
  } finally {
    $("extract").disabled = false;
    $("progress").textContent = "";
  }
}

/** The request example the API documents (the same one "Try it out" sends on /docs). */
async function loadExample() {
  try {
    const response = await fetch("openapi.json");
    const openapi = await response.json();
    const examples = openapi.paths["/v1/extract"].post.requestBody.content["application/json"].examples;
    const example = Object.values(examples)[0].value;
    $("article").value = example.text;
    $("published-at").value = example.published_at ?? "";
  } catch (failure) {
    showError(`Could not load the example from openapi.json: ${failure.message}`);
  }
}

/** A text file dropped on the article box replaces its contents; dropped text is left to the browser. */
function acceptDroppedFiles(textarea) {
  const hasFiles = (event) => [...event.dataTransfer.types].includes("Files");
  textarea.addEventListener("dragover", (event) => {
    if (hasFiles(event)) event.preventDefault();
  });
  textarea.addEventListener("drop", async (event) => {
    if (!hasFiles(event) || event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    textarea.value = await event.dataTransfer.files[0].text();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  $("extract-form").addEventListener("submit", extract);
  $("load-example").addEventListener("click", loadExample);
  $("article").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) $("extract-form").requestSubmit();
  });
  acceptDroppedFiles($("article"));
  followPointer($("highlighted"));
});
