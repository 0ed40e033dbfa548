// The view's state lives in the URL, so reload, back/forward and a shared link reproduce it.
// The same parameters go to /api/search, so the page shows exactly what the API answers.

const LISTS = { topics: "topic", entities: "entity", sources: "source" };
const SINGLES = ["q", "syntax", "from", "to", "sort", "match", "topic_match"];

/** The search state in a query string (a URLSearchParams or a string). */
export function readState(search) {
  const p = new URLSearchParams(search);
  const state = {};
  for (const name of SINGLES) state[name] = (p.get(name) || "").trim();
  for (const [key, param] of Object.entries(LISTS)) state[key] = unique(p.getAll(param));
  const page = Number.parseInt(p.get("page") || "1", 10);
  state.page = Number.isFinite(page) && page > 1 ? page : 1;
  const size = Number.parseInt(p.get("size") || "", 10);
  state.size = Number.isFinite(size) && size > 0 ? size : null;
  return state;
}

/** Query parameters for a state; empty values are left out so URLs stay short. */
export function toParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  if (state.syntax) p.set("syntax", state.syntax);
  for (const [key, param] of Object.entries(LISTS)) (state[key] || []).forEach((v) => p.append(param, v));
  if (state.from) p.set("from", state.from);
  if (state.to) p.set("to", state.to);
  if (state.sort) p.set("sort", state.sort);
  if (state.match) p.set("match", state.match);
  if (state.topic_match && (state.topics || []).length > 1) p.set("topic_match", state.topic_match);
  if (state.page > 1) p.set("page", String(state.page));
  if (state.size) p.set("size", String(state.size));
  return p;
}

/** The search page's URL for a state. */
export function searchUrl(state) {
  const s = toParams(state).toString();
  return s ? `/?${s}` : "/";
}

/** A copy of the state with changes; any change of what matches goes back to page 1. */
export function withChanges(state, changes) {
  return { ...state, page: 1, ...changes };
}

/** A state with {@code value} added to or removed from one of the list filters. */
export function toggled(state, key, value, on) {
  const values = state[key].filter((v) => v !== value);
  if (on) values.push(value);
  return withChanges(state, { [key]: values });
}

export function hasFilters(state) {
  return Boolean(state.topics.length || state.entities.length || state.sources.length || state.from || state.to);
}

function unique(values) {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}
