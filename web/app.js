// The search page. Every change of query, filter, sort or page goes into the URL (pushState)
// and the view is drawn from the URL, so reload, back/forward and shared links all agree.
import { $, el, setServerHtml, formatDate, formatMonth, plural, entityTypeLabel } from "./lib/dom.js";
import { getJson } from "./lib/api.js";
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

function go(next, { focusResults = false } = {}) {
  const url = searchUrl(next);
  if (url !== location.pathname + location.search) history.pushState(null, "", url);
  render({ focusResults });
}

async function render({ focusResults = false } = {}) {
  state = readState(location.search);
  $("q").value = state.q;
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
    if (focusResults) $("results").focus();
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

function showResult(result) {
  keepingFocus(() => drawResult(result));
}

function drawResult(result) {
  $("error").hidden = true;
  topicLabels = new Map(result.facets.topic.map((t) => [t.value, t.label]));
  showSummary(result);
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
  $("error").replaceChildren(
    el("strong", { textContent: "The search could not be run. " }),
    el("span", { textContent: e.message }),
  );
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
    el("time", { dateTime: hit.date || "", textContent: formatDate(hit.date, hit.date_precision) }),
    hit.source ? el("span", { className: "source", textContent: hit.source }) : null,
  ]);
  const topics = hit.topics.length ? el("ul", { className: "chips", "aria-label": "Topics" }, hit.topics.map((t) =>
    el("li", {}, [link(topicLabels.get(t) || t, toggled(state, "topics", t, true), { className: "chip" })]))) : null;
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

function showEmpty(result) {
  const box = $("empty");
  if (result.total > 0) {
    box.hidden = true;
    return;
  }
  const parts = [el("p", { className: "empty-title", textContent: state.q ? `No articles match “${state.q}”.` : "No articles match." })];
  if (result.suggestion) {
    parts.push(el("p", {}, ["Did you mean ", link(result.suggestion, withChanges(state, { q: result.suggestion }), { className: "suggestion-link" }), "?"]));
  }
  if (hasFilters(state)) {
    parts.push(el("p", {}, ["Some filters are on. ", link("Search without filters", { ...readState(""), q: state.q }), "."]));
  }
  if (state.q) parts.push(el("p", { className: "muted", textContent: "Check the spelling, use fewer words, or try a broader term." }));
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
  if (values.length === 0) {
    list.replaceChildren(el("li", { className: "muted", textContent: "No topics." }));
    return;
  }
  list.replaceChildren(...values.map((v) =>
    checkbox("topic", v.value, v.label || v.value, v.count, state.topics.includes(v.value),
      (on) => go(toggled(state, "topics", v.value, on)))));
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

function renderEntities(values) {
  const filter = $("entity-filter").value.trim().toLowerCase();
  const byType = new Map();
  for (const v of values) {
    if (filter && !v.value.toLowerCase().includes(filter) && !state.entities.includes(v.value)) continue;
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
        (on) => go(toggled(state, "entities", v.value, on)))));
    const more = list.length > ENTITIES_SHOWN && !filter ? el("button", {
      type: "button", className: "link-button", "aria-expanded": String(expanded), "aria-controls": id,
      textContent: expanded ? "Show fewer" : `Show ${list.length - ENTITIES_SHOWN} more`,
      onclick: () => {
        if (expanded) expandedTypes.delete(type);
        else expandedTypes.add(type);
        renderEntities(values);
        document.querySelector(`[aria-controls="${id}"]`)?.focus();
      },
    }) : null;
    return el("div", { className: "entity-group" }, [el("h3", { textContent: entityTypeLabel(type) }), ul, more]);
  });
  $("facet-entity").replaceChildren(...(groups.length ? groups : [el("p", { className: "muted", textContent: filter ? "No entity matches the filter." : "No entities." })]));
}

async function runExport(button, exporter) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = "Exporting…";
  try {
    await exporter(state);
  } catch (e) {
    showError(e);
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
    go(withChanges(state, { q: $("q").value.trim() }), { focusResults: false });
  });
  const suggest = attachSuggest($("q"), $("suggestions"), (s) => {
    if (s.kind === "title" && s.id) {
      location.href = `/article.html?${new URLSearchParams({ id: s.id })}`;
    } else if (s.kind === "entity") {
      $("q").value = state.q;
      go(toggled(state, "entities", s.text, true));
    } else {
      go(withChanges(state, { q: s.text }));
    }
  });
  $("sort").addEventListener("change", () => go({ ...state, sort: $("sort").value, page: 1 }));
  $("clear-all").addEventListener("click", () => go({ ...readState(""), q: state.q, sort: state.sort }));
  $("entity-filter").addEventListener("input", () => lastResult && renderEntities(lastResult.facets.entity));
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
    $("results").focus();
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

wire();
render();
