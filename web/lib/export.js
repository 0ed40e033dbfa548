// Export of every result of the current search (all pages), as JSON or CSV. CSV comes from the
// server's /api/search.csv when it has one; otherwise it is written here from the JSON, in the
// same columns. Either way the CSV starts with its header (spreadsheets and CSV readers open it
// as it is), and text a spreadsheet would run as a formula is neutralised as OWASP advises.
// The JSON export carries what cites and reproduces the search: parameters, time, index version.
import { ApiError, getJson } from "./api.js";
import { download } from "./dom.js";
import { toParams } from "./state.js";

const PAGE = 100;
const MAX_HITS = 10000;

/** The columns of /api/search.csv. */
export const CSV_COLUMNS = ["rank", "id", "title", "date", "date_precision", "source", "url", "article_link", "snippet",
  "topics", "topic_ids", "entities", "score"];

/**
 * Every hit of the search (without paging), fetched 100 at a time, with the topic labels the
 * answers name and the index version and time of the first answer.
 */
async function allHits(state) {
  const hits = [];
  const labels = new Map();
  let first = null;
  for (let page = 1; ; page++) {
    const params = toParams({ ...state, page, size: PAGE });
    // The first answer lists every topic with its label; later pages need no facets.
    params.set("facet_size", page === 1 ? "1000" : "1");
    const body = await getJson(`/api/search?${params}`);
    first = first || body;
    ((body.facets && body.facets.topic) || []).forEach((t) => labels.set(t.value, t.label || t.value));
    hits.push(...body.hits);
    if (body.hits.length < PAGE || hits.length >= Math.min(body.total, MAX_HITS)) {
      return { total: first.total, partial: Boolean(first.partial), indexVersion: first.index_version,
        generatedAt: first.generated_at, hits, labels };
    }
  }
}

/** The search parameters that choose what an export holds (no paging): the server's X-Search-Parameters. */
function searchParameters(state) {
  return toParams({ ...state, page: 1, size: null });
}

export async function exportJson(state) {
  const result = await allHits(state);
  const params = searchParameters(state);
  const doc = {
    query: state.q || "",
    parameters: Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.getAll(k)])),
    search_parameters: params.toString(),
    index_version: result.indexVersion,
    generated_at: result.generatedAt,
    total: result.total,
    partial: result.partial,
    hits: result.hits.map((h) => ({ ...h, article_link: articleLink(h.id),
      topic_labels: h.topics.map((t) => result.labels.get(t) || t) })),
  };
  download(`${fileStem(state)}.json`, "application/json", JSON.stringify(doc, null, 2));
}

export async function exportCsv(state) {
  let response;
  try {
    response = await fetch(`/api/search.csv?${searchParameters(state)}`);
  } catch {
    throw new ApiError("The server could not be reached. Check that news-search is running and try again.", 0, "network");
  }
  if (response.ok) {
    download(`${fileStem(state)}.csv`, "text/csv", await response.text());
    return;
  }
  const { hits, labels } = await allHits(state);
  download(`${fileStem(state)}.csv`, "text/csv", toCsv(hits, labels));
}

/** RFC 4180 CSV of hits, header first, one row per article, in the server's columns. */
export function toCsv(hits, labels = new Map()) {
  const rows = hits.map((h, i) => [String(i + 1), h.id, h.title, h.date || "", h.date_precision || "", h.source || "",
    h.url || "", articleLink(h.id), (h.snippets || []).map(plainText).join(" … "),
    h.topics.map((t) => labels.get(t) || t).join("; "), h.topics.join("; "),
    h.entities.map((e) => e.name).join("; "), String(h.score)]);
  return [CSV_COLUMNS, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** One field: neutralised if a spreadsheet would evaluate it, and always quoted. */
export function csvField(value) {
  let v = String(value ?? "");
  // OWASP: a cell starting with = + - @ tab or CR is a formula to a spreadsheet; a quote makes it text.
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return `"${v.replace(/"/g, '""')}"`;
}

/** The article view of this server for an id. */
function articleLink(id) {
  return new URL(`/article.html?${new URLSearchParams({ id })}`, location.origin).href;
}

/** The text of a highlighted, escaped snippet. */
function plainText(html) {
  return new DOMParser().parseFromString(html, "text/html").body.textContent || "";
}

function fileStem(state) {
  const words = (state.q || "all").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 40);
  return `news-search-${words || "results"}`;
}
