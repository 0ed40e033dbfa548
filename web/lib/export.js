// Export of every result of the current search (all pages), as JSON or CSV. CSV comes from the
// server's /api/search.csv when it has one; otherwise it is written here from the JSON.
import { getJson } from "./api.js";
import { download } from "./dom.js";
import { toParams } from "./state.js";

const PAGE = 100;
const MAX_HITS = 10000;

/** Every hit of the search (without paging), fetched 100 at a time. */
async function allHits(state) {
  const hits = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const params = toParams({ ...state, page, size: PAGE });
    const body = await getJson(`/api/search?${params}`);
    total = body.total;
    hits.push(...body.hits);
    if (body.hits.length < PAGE || hits.length >= Math.min(total, MAX_HITS)) return { total, hits };
  }
}

export async function exportJson(state) {
  const { total, hits } = await allHits(state);
  const params = toParams({ ...state, page: 1, size: null });
  const doc = { query: state.q, parameters: Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.getAll(k)])), total, hits };
  download(`${fileStem(state)}.json`, "application/json", JSON.stringify(doc, null, 2));
}

export async function exportCsv(state) {
  const params = toParams({ ...state, page: 1, size: null });
  const response = await fetch(`/api/search.csv?${params}`);
  if (response.ok) {
    download(`${fileStem(state)}.csv`, "text/csv", await response.text());
    return;
  }
  const { hits } = await allHits(state);
  download(`${fileStem(state)}.csv`, "text/csv", toCsv(hits));
}

/** RFC 4180 CSV of hits: one row per article. */
export function toCsv(hits) {
  const header = ["id", "title", "date", "source", "url", "topics", "entities", "score"];
  const rows = hits.map((h) => [h.id, h.title, h.date || "", h.source || "", h.url || "", h.topics.join("; "),
    h.entities.map((e) => e.name).join("; "), String(h.score)]);
  return [header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

function csvField(value) {
  const v = String(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function fileStem(state) {
  const words = (state.q || "all").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 40);
  return `news-search-${words || "results"}`;
}
