// The article view (/article.html?id=…&q=…): the full text with the query's terms marked and
// entity mentions linked to a filtered search, why each topic was tagged, and related articles.
// All article text goes in as text nodes.
import { $, el, formatDate, plural, entityTypeLabel } from "./lib/dom.js";
import { getJson, getOptionalJson } from "./lib/api.js";
import { searchUrl, readState } from "./lib/state.js";

const params = new URLSearchParams(location.search);
const id = params.get("id") || "";
const query = params.get("q") || "";

/** The words of a query, without operators, field names or negated terms. */
export function queryTerms(q) {
  const terms = [];
  for (const raw of q.split(/\s+/)) {
    if (!raw || raw.startsWith("-") || raw.startsWith("!") || /^(AND|OR|NOT|TO)$/.test(raw)) continue;
    const word = raw.replace(/^[+(]*("?)/, "").replace(/^\w+:/, "");
    for (const part of word.split(/[^\p{L}\p{N}*]+/u)) {
      const t = part.replace(/\*+$/, "").toLowerCase();
      if (t.length >= 2 && !t.includes("*")) terms.push(t.length > 3 ? t.replace(/(es|s)$/, "") : t);
    }
  }
  return [...new Set(terms)];
}

/** Words starting with one of the terms (a light stand-in for the index's stemming). */
function termPattern(terms) {
  if (terms.length === 0) return null;
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})[\\p{L}\\p{N}]*`, "giu");
}

const pattern = termPattern(queryTerms(query));

/** Text with the query's terms in <mark>. */
function marked(text) {
  if (!pattern) return [text];
  const nodes = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) nodes.push(text.slice(last, m.index));
    nodes.push(el("mark", { textContent: m[0] }));
    last = m.index + m[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

/** What each entity origin of the API means, for the entity list's tooltips. */
const ORIGINS = {
  gazetteer: "found by the list of known names",
  rules: "found by the name rules (cue words)",
  model: "found by the trained name finder",
  given: "named by the corpus metadata only",
};

function entitySearch(name) {
  return searchUrl({ ...readState(""), entities: [name] });
}

/**
 * The first mention of each entity in the text, in order and without overlaps: one link per
 * entity, as an editor would link a name, not every "China" of the article.
 */
function textMentions(entities, text) {
  const all = entities.flatMap((e) => (e.mentions || []).filter((m) => m.field === "text").map((m) => ({ ...trimmed(m, e, text), entity: e })));
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  for (const m of all) if (!kept.length || m.start >= kept[kept.length - 1].end) kept.push(m);
  const linked = new Set();
  return kept.filter((m) => !linked.has(m.entity.name) && linked.add(m.entity.name));
}

/** A mention without punctuation that follows the name (a sentence's full stop), unless the name has it. */
function trimmed(m, entity, text) {
  let end = m.end;
  while (end > m.start + 1 && /[.,;:!?]/.test(text[end - 1]) && !entity.name.endsWith(text[end - 1])) end--;
  return { ...m, end };
}

/** The nodes of text[from, to), mentions linked and terms marked. */
function span(text, from, to, mentions) {
  const nodes = [];
  let at = from;
  for (const m of mentions) {
    if (m.end <= from || m.start >= to) continue;
    const start = Math.max(m.start, from);
    const end = Math.min(m.end, to);
    if (start > at) nodes.push(...marked(text.slice(at, start)));
    nodes.push(el("a", {
      className: `entity entity-${m.entity.type}`, href: entitySearch(m.entity.name),
      title: `${entityTypeLabel(m.entity.type)}: search for articles that mention ${m.entity.name}`,
    }, marked(text.slice(start, end))));
    at = end;
  }
  if (at < to) nodes.push(...marked(text.slice(at, to)));
  return nodes;
}

function paragraphs(text, mentions) {
  const out = [];
  const breaks = /\n+/g;
  let start = 0;
  for (;;) {
    const m = breaks.exec(text);
    const end = m ? m.index : text.length;
    if (text.slice(start, end).trim()) out.push(el("p", {}, span(text, start, end, mentions)));
    if (!m) return out;
    start = m.index + m[0].length;
  }
}

function showArticle(a) {
  document.title = `${a.title} — news-search`;
  $("title").replaceChildren(...marked(a.title));
  const url = a.url && /^https?:\/\//.test(a.url) ? el("a", { href: a.url, rel: "noopener noreferrer", textContent: "Original article" }) : null;
  $("meta").replaceChildren(...[
    el("time", { dateTime: a.date || "", textContent: formatDate(a.date, a.date_precision) }),
    a.source ? el("span", { className: "source", textContent: a.source }) : null,
    url,
  ].filter(Boolean).flatMap((n, i) => (i ? [" · ", n] : [n])));

  const mentions = textMentions(a.entities, a.text);
  $("text").replaceChildren(...paragraphs(a.text, mentions));
  const legend = [];
  if (pattern) legend.push(`Words of your search “${query}” are highlighted.`);
  if (mentions.length) legend.push("Underlined names are entities (each linked at its first mention): follow one to search for it.");
  $("legend").textContent = legend.join(" ");
  $("legend").hidden = legend.length === 0;

  $("topics").replaceChildren(...(a.topics.length ? a.topics.map((t) => el("li", {}, [
    el("a", { href: searchUrl({ ...readState(""), topics: [t.id] }), textContent: t.label || t.id }),
    t.matched && t.matched.length ? el("p", { className: "why" }, [
      `Tagged because the text matches ${t.matched.length === 1 ? "this rule" : "these rules"} of the topic: `,
      ...t.matched.map((rule) => el("code", { textContent: rule })),
    ]) : null,
  ])) : [el("li", { className: "muted", textContent: "No topics." })]));

  const byType = new Map();
  for (const e of a.entities) {
    if (!byType.has(e.type)) byType.set(e.type, []);
    byType.get(e.type).push(e);
  }
  $("entities").replaceChildren(...[...byType.entries()].map(([type, list]) => el("div", { className: "entity-group" }, [
    el("h3", { textContent: entityTypeLabel(type) }),
    el("ul", { className: "entity-links" }, list.map((e) => el("li", {}, [
      el("a", { href: entitySearch(e.name), textContent: e.name }),
      el("span", { className: "count", textContent: ` ${(e.mentions || []).length}×`, title: plural((e.mentions || []).length, "mention") }),
      e.origin ? el("span", { className: "origin muted", textContent: ` ${e.origin}`, title: ORIGINS[e.origin] || e.origin }) : null,
    ].filter(Boolean)))),
  ])));
  $("article").hidden = false;
  $("side").hidden = false;
}

async function showRelated() {
  try {
    const body = await getOptionalJson(`/api/articles/${encodeURIComponent(id)}/related`, "related");
    if (!body || !body.related || body.related.length === 0) return;
    $("related").replaceChildren(...body.related.map((r) => {
      const p = new URLSearchParams({ id: r.id });
      if (query) p.set("q", query);
      return el("li", {}, [
        el("a", { href: `/article.html?${p}`, textContent: r.title }),
        el("span", { className: "meta", textContent: ` ${[formatDate(r.date, r.date_precision), r.source].filter(Boolean).join(" · ")}` }),
      ]);
    }));
    $("related-section").hidden = false;
  } catch {
    // Related articles are extra: the article itself is shown either way.
  }
}

function wireBack() {
  const back = $("back");
  back.href = query ? searchUrl({ ...readState(""), q: query }) : "/";
  // Coming from the results, going back restores them exactly (filters, page, scroll).
  let fromResults = false;
  try {
    const ref = new URL(document.referrer);
    fromResults = ref.origin === location.origin && ref.pathname === "/";
  } catch {
    fromResults = false;
  }
  if (fromResults && history.length > 1) {
    back.addEventListener("click", (e) => {
      e.preventDefault();
      history.back();
    });
  }
}

async function main() {
  $("q").value = query;
  wireBack();
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    if (e.key === "/" && !(t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement)) {
      e.preventDefault();
      $("q").focus();
    }
  });
  if (!id) {
    showFailure("No article was asked for: this page needs an id, as in /article.html?id=….");
    return;
  }
  const slow = setTimeout(() => { $("status").textContent = "Loading the article…"; }, 250);
  try {
    showArticle(await getJson(`/api/articles/${encodeURIComponent(id)}`));
    showRelated();
  } catch (e) {
    showFailure(e.status === 404 ? `There is no article with the id “${id}”. It may have been removed from the index.` : `The article could not be loaded: ${e.message}`);
  } finally {
    clearTimeout(slow);
    $("status").textContent = "";
  }
}

function showFailure(message) {
  $("error").textContent = message;
  $("error").hidden = false;
  document.title = "Article not found — news-search";
}

main();
