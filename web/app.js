// The search page. Every change of query, filter, sort or page goes into the URL (pushState)
// and the view is drawn from the URL, so reload, back/forward and shared links all agree.
import { $, el, setServerHtml, formatDate, formatMonth, plural, entityTypeLabel } from "./lib/dom.js";
import { getJson, ApiError } from "./lib/api.js";
import { readState, toParams, searchUrl, withChanges, toggled, hasFilters } from "./lib/state.js";
import { attachSuggest } from "./lib/suggest.js";
import { drawHistogram } from "./lib/histogram.js";
import { exportCsv, exportJson } from "./lib/export.js";

const PAGE_SIZE = 10;
const LOADING_DELAY_MS = 250;
const ENTITIES_SHOWN = 5;
const HIT_ENTITIES = 5;

let state = readState(location.search);
let controller = null;
let topicLabels = new Map();
const expandedTypes = new Set();
let lastResult = null;
let entityLookup = { prefix: "", values: [], controller: null, timer: 0 };
const ENTITY_LOOKUP_SIZE = 30;
const ENTITY_LOOKUP_DELAY_MS = 150;
/** Fields of Lucene's syntax that the simple syntax reads as words. */
const FIELD_PREFIX = /(?:^|[\s(])(title|text|entity|topic|source|date|entity_text):\S/;

function go(next, { focusResults = false } = {}) {
  const url = searchUrl(next);
  if (url !== location.pathname + location.search) history.pushState(null, "", url);
  render({ focusResults });
}

async function render({ focusResults = false } = {}) {
  state = readState(location.search);
  $("q").value = state.q;
  $("syntax-lucene").checked = state.syntax === "lucene";
  $("sort").value = state.sort || (state.q ? "relevance" : "date");
  document.title = state.q ? `${state.q} — news-search` : "news-search";

  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  // Old results stay while a new answer is on its way; the loading notice shows only when the
  // answer is slow, so fast searches never flicker.
  $("results").setAttribute("aria-busy", "true");
  const slow = setTimeout(() => {
    $("results").classList.add("loading");
    $("status").textContent = "Searching…";
  }, LOADING_DELAY_MS);
  try {
    const params = toParams({ ...state, size: state.size || PAGE_SIZE });
    const result = await getJson(`/api/search?${params}`, { signal });
    lastResult = result;
    showResult(result);
    if (focusResults) toResultsTop();
  } catch (e) {
    if (e.name === "AbortError") return;
    showError(e);
  } finally {
    if (!signal.aborted) {
      clearTimeout(slow);
      $("results").classList.remove("loading");
      $("results").removeAttribute("aria-busy");
      $("status").textContent = "";
    } else {
      clearTimeout(slow);
    }
  }
}

/**
 * Redrawing replaces the facet lists, chips and pager; a keyboard user whose control was among
 * them keeps focus on its new copy (or, when it is gone, on the results).
 */
function keepingFocus(redraw) {
  const active = document.activeElement;
  const redrawn = ["facets", "active-filters", "pager"].some((id) => $(id).contains(active));
  let selector = null;
  if (redrawn && active.matches("input[name][value]")) selector = `input[name="${CSS.escape(active.name)}"][value="${CSS.escape(active.value)}"]`;
  else if (redrawn && active.id) selector = `#${CSS.escape(active.id)}`;
  else if (redrawn && active.hasAttribute("aria-controls")) selector = `[aria-controls="${CSS.escape(active.getAttribute("aria-controls"))}"]`;
  else if (redrawn && active.matches("#pager a")) selector = `#pager a[aria-label="${CSS.escape(active.getAttribute("aria-label"))}"]`;
  else if (redrawn && active.matches(".bar[data-month]")) selector = `.bar[data-month="${CSS.escape(active.dataset.month)}"]`;
  redraw();
  if (!redrawn) return;
  const again = selector && document.querySelector(selector);
  // No scrolling: the page stays where the reader is looking.
  if (again && again.offsetParent !== null) again.focus({ preventScroll: true });
  else $("results").focus({ preventScroll: true });
}

/** After a page change: the reader starts at the top of the new page, with focus on the results. */
function toResultsTop() {
  $("results").focus({ preventScroll: true });
  $("results").scrollIntoView({ block: "start" });
}

function showResult(result) {
  keepingFocus(() => drawResult(result));
}

function drawResult(result) {
  $("error").hidden = true;
  $("facets").inert = false;
  $("facets").classList.remove("stale");
  topicLabels = new Map(result.facets.topic.map((t) => [t.value, t.label]));
  showSummary(result);
  showMatching(result);
  showFieldAdvice();
  $("hits").replaceChildren(...result.hits.map(renderHit));
  showEmpty(result);
  showActiveFilters();
  showPager(result);
  renderTopics(result.facets.topic);
  renderEntities(result.facets.entity);
  renderSources(result.facets.source || []);
  drawHistogram($("facet-date"), result.facets.date, { from: state.from, to: state.to },
    (from, to) => go(withChanges(state, { from, to })));
  // The feed of this search (whatever page is shown: a feed lists the newest arrivals).
  $("subscribe").href = `/api/search.atom?${toParams({ ...state, page: 1, sort: "" })}`;
  const none = result.total === 0;
  $("export-csv").disabled = none;
  $("export-json").disabled = none;
  $("filters-done").textContent = none ? "Show results (none)" : `Show ${plural(result.total, "result")}`;
}

/**
 * "title:nvidia" in the simple syntax searches the words "title" and "nvidia"; the reader meant
 * field search, so say so and offer it.
 */
function showFieldAdvice() {
  const old = $("field-advice");
  if (old) old.remove();
  const m = state.syntax !== "lucene" && state.q.match(FIELD_PREFIX);
  if (!m) return;
  const notice = el("div", { id: "field-advice", className: "notice" }, [
    el("p", {}, [
      el("code", { textContent: `${m[1]}:` }), " is field search, which needs ",
      el("strong", { textContent: "Field search" }), " (Lucene syntax); without it the field name is searched as a word. ",
      link(`Search ${state.q} with field search`, withChanges(state, { syntax: "lucene" }), { id: "field-advice-link" }), ".",
    ]),
  ]);
  $("hits").before(notice);
}

/**
 * Says when the search relaxed to articles with only some of the words (and whether those with
 * every word come first), and offers all of them.
 */
function showMatching(result) {
  const box = $("matching");
  const m = result.matching;
  if (!m || m.mode !== "relaxed" || result.total === 0) {
    box.hidden = true;
    return;
  }
  const some = m.required < m.words ? `at least ${m.required} of them` : "most of them";
  let text;
  if (m.all_words > 0 && m.all_first) {
    text = `${plural(m.all_words, "article")} ${m.all_words === 1 ? "has" : "have"} all ${m.words} words, shown first; then articles with ${some}. `;
  } else if (m.all_words > 0) {
    text = `Only ${plural(m.all_words, "article")} ${m.all_words === 1 ? "has" : "have"} all ${m.words} words: showing articles with ${some}. `;
  } else {
    text = `No article has all ${m.words} words: showing articles with ${some}. `;
  }
  box.replaceChildren(text, link("Require all words", withChanges(state, { match: "all" }), { className: "require-all" }));
  box.hidden = false;
}

function showSummary(result) {
  if (result.total === 0) {
    $("summary").textContent = `No articles · ${result.took_ms} ms`;
    return;
  }
  const first = (result.page - 1) * result.size + 1;
  const last = first + result.hits.length - 1;
  const total = `${result.total_exact === false ? "at least " : ""}${plural(result.total, "article")}`;
  const range = result.hits.length === 0 ? `no results on page ${result.page} of ${total}` : `${first}–${last} of ${total}`;
  $("summary").textContent = `${range} · ${result.took_ms} ms`;
}

function showError(e) {
  $("error").hidden = false;
  const unreachable = e instanceof ApiError && (e.code === "network" || e.status >= 500);
  $("error").replaceChildren(
    el("strong", { textContent: "The search could not be run. " }),
    el("span", { textContent: e.message }),
    unreachable ? el("button", { id: "retry", type: "button", className: "secondary retry", textContent: "Retry", onclick: () => render() }) : null,
  );
  // The filters belong to the last answer, which no longer matches the view: they are shown
  // greyed out and cannot be used until a search succeeds again.
  $("facets").inert = true;
  $("facets").classList.add("stale");
  $("export-csv").disabled = true;
  $("export-json").disabled = true;
  const advice = $("field-advice");
  if (advice) advice.remove();
  $("summary").textContent = "";
  $("hits").replaceChildren();
  $("empty").hidden = true;
  $("pager").replaceChildren();
  showActiveFilters();
}

function link(text, next, props = {}) {
  return el("a", { href: searchUrl(next), textContent: text, "data-nav": true, ...props });
}

function renderHit(hit) {
  const params = new URLSearchParams({ id: hit.id });
  if (state.q) params.set("q", state.q);
  const title = el("a", { href: `/article.html?${params}` });
  if (hit.title_html) setServerHtml(title, hit.title_html);
  else title.textContent = hit.title;

  const meta = el("p", { className: "meta" }, [
    el("time", { dateTime: hit.date || "", textContent: formatDate(hit.date, hit.date_precision), title: dateTitle(hit.date_precision) }),
    hit.source ? el("span", { className: "source", textContent: hit.source }) : null,
  ]);
  const topics = hit.topics.length ? el("ul", { className: "chips", "aria-label": "Topics" }, hit.topics.map((t) =>
    el("li", {}, [link(topicLabels.get(t) || t, toggled(state, "topics", t, true), {
      className: isFolderTopic(t) ? "chip chip-folder" : "chip",
      title: isFolderTopic(t) ? "Topic given by the corpus (its folder or record)" : "Topic from the taxonomy",
    })]))) : null;
  const entities = hit.entities.length ? el("p", { className: "hit-entities" }, [
    el("span", { className: "visually-hidden", textContent: "Main entities: " }),
    ...hit.entities.slice(0, HIT_ENTITIES).flatMap((e, i) => [
      i > 0 ? ", " : "",
      link(e.name, toggled(state, "entities", e.name, true), { title: entityTypeLabel(e.type) }),
    ]),
  ]) : null;
  const snippets = hit.snippets.map((s) => setServerHtml(el("p", { className: "snippet" }), s));
  return el("li", { className: "hit", "data-id": hit.id }, [el("h3", {}, [title]), meta, topics, entities, ...snippets]);
}

/** A date known only to the month or year says so on hover. */
function dateTitle(precision) {
  if (precision === "month") return "Only the month is known";
  if (precision === "year") return "Only the year is known";
  return null;
}

/**
 * A topic from a corpus folder (--folder-topics) has no taxonomy label: the API gives its id as
 * the label. Taxonomy topics carry a label of their own.
 */
function isFolderTopic(id) {
  const label = topicLabels.get(id);
  return label === undefined || label === id;
}

function showEmpty(result) {
  const box = $("empty");
  if (result.total > 0 && result.hits.length === 0) {
    // A page past the end (an old link, or results that shrank): offer the way back.
    const pages = Math.max(1, Math.ceil(result.total / result.size));
    box.replaceChildren(
      el("p", { className: "empty-title", textContent: `Page ${result.page} is past the end: there ${result.total === 1 ? "is" : "are"} ${plural(result.total, "result")} on ${plural(pages, "page")}.` }),
      el("p", {}, [link(`Go to page ${pages}, the last`, { ...state, page: pages }, { id: "last-page" }),
        pages > 1 ? " or " : "", pages > 1 ? link("back to the first page", { ...state, page: 1 }) : "", "."]),
    );
    box.hidden = false;
    return;
  }
  if (result.total > 0) {
    box.hidden = true;
    return;
  }
  const parts = [el("p", { className: "empty-title", textContent: state.q ? `No articles match “${state.q}”.` : "No articles match." })];
  if (result.suggestion) {
    parts.push(el("p", {}, ["Did you mean ", link(result.suggestion, withChanges(state, { q: result.suggestion }), { className: "suggestion-link" }), "?"]));
  }
  if (hasFilters(state)) {
    parts.push(el("p", {}, ["Some filters are on. ", link("Search without filters", { ...readState(""), q: state.q, syntax: state.syntax }), "."]));
  }
  const fieldAdvice = state.syntax !== "lucene" && FIELD_PREFIX.test(state.q);
  if (state.q && !fieldAdvice) parts.push(el("p", { className: "muted", textContent: "Check the spelling, use fewer words, or try a broader term." }));
  box.replaceChildren(...parts);
  box.hidden = false;
}

function activeFilters() {
  const chips = [];
  state.topics.forEach((t) => chips.push({ label: `Topic: ${topicLabels.get(t) || t}`, next: toggled(state, "topics", t, false) }));
  state.entities.forEach((e) => chips.push({ label: `Entity: ${e}`, next: toggled(state, "entities", e, false) }));
  state.sources.forEach((s) => chips.push({ label: `Source: ${s}`, next: toggled(state, "sources", s, false) }));
  if (state.from || state.to) chips.push({ label: `Date: ${dateRangeLabel(state.from, state.to)}`, next: withChanges(state, { from: "", to: "" }) });
  return chips;
}

function dateRangeLabel(from, to) {
  const show = (d) => (/^\d{4}-\d{2}$/.test(d) ? formatMonth(d) : d);
  if (from && to) return from === to ? show(from) : `${show(from)} – ${show(to)}`;
  return from ? `from ${show(from)}` : `until ${show(to)}`;
}

function showActiveFilters() {
  const chips = activeFilters();
  $("active-filters").hidden = chips.length === 0;
  $("filter-chips").replaceChildren(...chips.map((c) => el("li", {}, [
    el("button", { type: "button", className: "filter-chip", "aria-label": `Remove filter ${c.label}`, onclick: () => go(c.next) }, [
      el("span", { textContent: c.label }),
      el("span", { className: "remove", "aria-hidden": "true", textContent: "×" }),
    ]),
  ])));
  $("filters-toggle").textContent = chips.length ? `Filters (${chips.length})` : "Filters";
}

function showPager(result) {
  const pages = Math.ceil(result.total / result.size);
  if (pages <= 1) {
    $("pager").replaceChildren();
    return;
  }
  const page = result.page;
  const item = (n, text, label) => {
    if (n < 1 || n > pages) return el("li", {}, [el("span", { className: "disabled", textContent: text, "aria-hidden": "true" })]);
    const a = link(text, { ...state, page: n }, { "aria-label": label || `Page ${n}` });
    if (n === page) a.setAttribute("aria-current", "page");
    return el("li", {}, [a]);
  };
  const numbers = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) numbers.push(item(n, String(n)));
    else if (numbers.length && numbers[numbers.length - 1].className !== "gap") numbers.push(el("li", { className: "gap", textContent: "…" }));
  }
  $("pager").replaceChildren(el("ul", {}, [item(page - 1, "‹ Previous", "Previous page"), ...numbers, item(page + 1, "Next ›", "Next page")]));
}

function checkbox(name, value, label, count, checked, onChange, extra = null) {
  const box = el("input", { type: "checkbox", name, value, checked });
  box.addEventListener("change", () => onChange(box.checked));
  return el("li", {}, [el("label", { className: checked ? "checked" : "" }, [
    box,
    el("span", { className: "label", textContent: label }),
    extra,
    el("span", { className: "count" }, [count.toLocaleString("en"), el("span", { className: "visually-hidden", textContent: count === 1 ? " article" : " articles" })]),
  ])]);
}

function renderTopics(values) {
  const list = $("facet-topic");
  $("topic-hint").hidden = values.length < 2;
  $("topic-hint").classList.toggle("emphasis", state.topics.length >= 2);
  // Two or more ticked topics may also be asked for together (topic_match=all).
  const all = $("topic-all");
  $("topic-all-label").hidden = state.topics.length < 2;
  all.checked = state.topic_match === "all";
  all.onchange = () => go(withChanges(state, { topic_match: all.checked ? "all" : "" }));
  $("topic-hint").textContent = all.checked && state.topics.length >= 2
    ? "Ticked topics combine with AND: only articles with every one of them are shown."
    : "Ticked topics combine with OR: an article with any of them is shown.";
  if (values.length === 0) {
    list.replaceChildren(el("li", { className: "muted", textContent: "No topics." }));
    return;
  }
  list.replaceChildren(...values.map((v) => {
    const folder = !v.label || v.label === v.value;
    const item = checkbox("topic", v.value, v.label || v.value, v.count, state.topics.includes(v.value),
      (on) => go(toggled(state, "topics", v.value, on)),
      folder ? el("span", { className: "visually-hidden", textContent: " (a topic of the corpus, not the taxonomy)" }) : null);
    if (folder) item.classList.add("topic-folder");
    return item;
  }));
}

function renderSources(values) {
  const list = $("facet-source");
  const shown = [...values];
  state.sources.filter((s) => !shown.some((v) => v.value === s)).forEach((s) => shown.push({ value: s, count: 0 }));
  if (shown.length === 0) {
    list.replaceChildren(el("li", { className: "muted", textContent: "No sources." }));
    return;
  }
  list.replaceChildren(...shown.map((v) =>
    checkbox("source", v.value, v.value, v.count, state.sources.includes(v.value),
      (on) => go(toggled(state, "sources", v.value, on)))));
}

/**
 * The filter box searches every entity of the archive, not only those of the current answer:
 * the server looks the prefix up (/api/facets/entity), and its values join the list.
 */
function lookUpEntities() {
  clearTimeout(entityLookup.timer);
  const prefix = $("entity-filter").value.trim();
  if (prefix.length < 2) {
    $("facet-entity").removeAttribute("aria-busy");
    entityLookup = { ...entityLookup, prefix: "", values: [] };
    if (lastResult) renderEntities(lastResult.facets.entity);
    return;
  }
  if (lastResult) renderEntities(lastResult.facets.entity);
  // Busy until the archive's names have joined the list, so nothing moves under a pointer unannounced.
  $("facet-entity").setAttribute("aria-busy", "true");
  entityLookup.timer = setTimeout(async () => {
    if (entityLookup.controller) entityLookup.controller.abort();
    const controller = new AbortController();
    entityLookup.controller = controller;
    try {
      const body = await getJson(`/api/facets/entity?${new URLSearchParams({ prefix, size: String(ENTITY_LOOKUP_SIZE) })}`, { signal: controller.signal });
      if ($("entity-filter").value.trim() !== prefix) return;
      entityLookup = { ...entityLookup, prefix, values: body.values || [] };
      if (lastResult) renderEntities(lastResult.facets.entity);
    } catch {
      // The list of the current answer still filters; the archive-wide lookup is extra.
    } finally {
      if (entityLookup.controller === controller) $("facet-entity").removeAttribute("aria-busy");
    }
  }, ENTITY_LOOKUP_DELAY_MS);
}

function renderEntities(answerValues) {
  const filter = $("entity-filter").value.trim().toLowerCase();
  const values = [...answerValues];
  let fromArchive = 0;
  if (filter && entityLookup.prefix.toLowerCase() === filter) {
    for (const v of entityLookup.values) {
      if (values.some((w) => w.value === v.value)) continue;
      values.push({ ...v, archive: true });
      fromArchive++;
    }
  }
  const byType = new Map();
  for (const v of values) {
    if (filter && !v.archive && !v.value.toLowerCase().includes(filter) && !state.entities.includes(v.value)) continue;
    const type = v.type || "other";
    if (!byType.has(type)) byType.set(type, []);
    byType.get(type).push(v);
  }
  const groups = [...byType.entries()].map(([type, list]) => {
    const expanded = expandedTypes.has(type) || Boolean(filter);
    const shown = expanded ? list : list.slice(0, ENTITIES_SHOWN);
    const id = `entity-group-${type}`;
    const ul = el("ul", { className: "facet-list", id }, shown.map((v) =>
      checkbox("entity", v.value, v.value, v.count, state.entities.includes(v.value),
        (on) => go(toggled(state, "entities", v.value, on)),
        v.archive ? el("span", { className: "visually-hidden", textContent: " (in the whole archive)" }) : null)));
    const more = list.length > ENTITIES_SHOWN && !filter ? el("button", {
      type: "button", className: "link-button", "aria-expanded": String(expanded), "aria-controls": id,
      textContent: expanded ? "Show fewer" : `Show ${list.length - ENTITIES_SHOWN} more`,
      onclick: () => {
        if (expanded) expandedTypes.delete(type);
        else expandedTypes.add(type);
        renderEntities(answerValues);
        document.querySelector(`[aria-controls="${id}"]`)?.focus();
      },
    }) : null;
    return el("div", { className: "entity-group" }, [el("h3", { textContent: entityTypeLabel(type) }), ul, more]);
  });
  const note = fromArchive ? el("p", { className: "muted small", id: "entity-archive-note", textContent: "Names not in this answer are counted over the whole archive." }) : null;
  const searching = filter.length >= 2 && entityLookup.prefix.toLowerCase() !== filter;
  const none = el("p", { className: "muted", textContent: searching ? "Looking up entities…" : filter ? "No entity matches the filter." : "No entities." });
  $("facet-entity").replaceChildren(...(groups.length ? groups : [none]), ...(note ? [note] : []));
}

async function runExport(button, exporter) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = "Exporting…";
  try {
    await exporter(state);
  } catch (e) {
    // The results on screen stay; only the export failed.
    const message = e instanceof ApiError ? e.message
      : "The server could not be reached. Check that news-search is running and try again.";
    $("error").hidden = false;
    $("error").replaceChildren(el("strong", { textContent: "The export could not be made. " }), el("span", { textContent: message }));
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

// A saved search, kept in this browser: its parameters and when it was last looked at (server time).
const SAVED = "news-search.saved-search";

function saveSearch() {
  if (!lastResult) return;
  const params = toParams({ ...state, page: 1, size: 0 }).toString();
  localStorage.setItem(SAVED, JSON.stringify({ params, seen: lastResult.generated_at }));
  $("new-since").hidden = false;
  $("new-since").textContent = "Search saved: next time, this page tells you how many articles are new.";
}

/** "N new since your last visit" for the saved search; the visit then counts as seen. */
async function showNewSinceLastVisit() {
  let saved;
  try {
    saved = JSON.parse(localStorage.getItem(SAVED) || "null");
  } catch {
    return;
  }
  if (!saved || !saved.seen) return;
  const since = new URLSearchParams(saved.params);
  since.set("since", saved.seen);
  since.set("size", "1");
  try {
    const result = await getJson(`/api/search?${since}`);
    const link = el("a", { href: `/?${saved.params}` });
    link.textContent = `${plural(result.total, "article")} new since your last visit`;
    $("new-since").replaceChildren(link, ` (saved search${saved.params ? "" : ": all articles"})`);
    $("new-since").hidden = false;
    localStorage.setItem(SAVED, JSON.stringify({ ...saved, seen: result.generated_at }));
  } catch {
    // The count is a convenience: without it the page works as before.
  }
}

function wire() {
  $("save-search").addEventListener("click", saveSearch);
  showNewSinceLastVisit();
  $("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    suggest.close();
    go(withChanges(state, { q: $("q").value.trim(), match: "" }), { focusResults: false });
  });
  const suggest = attachSuggest($("q"), $("suggestions"), (s) => {
    if (s.kind === "title" && s.id) {
      location.href = `/article.html?${new URLSearchParams({ id: s.id })}`;
    } else if (s.kind === "entity") {
      // The words typed stay the query, less the start of the name that was picked
      // ("nvidia hua" + Jensen Huang → "nvidia", filtered to Jensen Huang).
      const q = withoutNameStart($("q").value, s.text);
      $("q").value = q;
      go(withChanges(toggled(state, "entities", s.text, true), { q }));
    } else {
      go(withChanges(state, { q: s.text }));
    }
  });
  $("sort").addEventListener("change", () => go({ ...state, sort: $("sort").value, page: 1 }));
  $("clear-all").addEventListener("click", () => go({ ...readState(""), q: state.q, syntax: state.syntax, sort: state.sort }));
  $("entity-filter").addEventListener("input", lookUpEntities);
  $("syntax-lucene").addEventListener("change", () => {
    const syntax = $("syntax-lucene").checked ? "lucene" : "";
    go(withChanges(state, { q: $("q").value.trim(), syntax }));
  });
  $("export-csv").addEventListener("click", () => runExport($("export-csv"), exportCsv));
  $("export-json").addEventListener("click", () => runExport($("export-json"), exportJson));
  // On a phone the filters fold away behind a button.
  const showFilters = (open) => {
    $("filters-toggle").setAttribute("aria-expanded", String(open));
    $("facets").classList.toggle("open", open);
  };
  $("filters-toggle").addEventListener("click", () => showFilters($("filters-toggle").getAttribute("aria-expanded") !== "true"));
  $("filters-done").addEventListener("click", () => {
    showFilters(false);
    toResultsTop();
  });
  $("facets").addEventListener("keydown", (e) => {
    if (e.key === "Escape" && $("facets").classList.contains("open")) {
      showFilters(false);
      $("filters-toggle").focus();
    }
  });

  // Links to other views of this page change the URL without a reload.
  document.addEventListener("click", (e) => {
    const a = e.target.closest("a[data-nav]");
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const pageLink = a.closest("#pager");
    history.pushState(null, "", a.getAttribute("href"));
    render({ focusResults: Boolean(pageLink) });
  });

  // "/" jumps to the search box from anywhere but another text field.
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || t.isContentEditable) return;
    e.preventDefault();
    $("q").focus();
    $("q").select();
  });

  window.addEventListener("popstate", () => render());
}

/** {@code typed} without its last words when they begin {@code name} (case aside). */
export function withoutNameStart(typed, name) {
  const words = typed.trim().split(/\s+/).filter(Boolean);
  const lower = name.toLowerCase();
  for (let n = Math.min(words.length, 4); n >= 1; n--) {
    const tail = words.slice(-n).join(" ").toLowerCase();
    if (lower.startsWith(tail) || lower.split(/\s+/).some((w, i, all) => all.slice(i).join(" ").startsWith(tail))) {
      return words.slice(0, -n).join(" ");
    }
  }
  return words.join(" ");
}

wire();
render();
