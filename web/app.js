// The search page: state lives in the URL (?q=…&topic=…), so a link reproduces the view.
// Only the server's snippets (escaped HTML with <mark>) are inserted as HTML; all other text
// goes in through textContent.

const $ = (id) => document.getElementById(id);

function stateFromUrl() {
  const p = new URLSearchParams(location.search);
  return { q: p.get("q") || "", topics: p.getAll("topic") };
}

function urlFor(state) {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  state.topics.forEach((t) => p.append("topic", t));
  const s = p.toString();
  return s ? `/?${s}` : "/";
}

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  children.forEach((c) => node.append(c));
  return node;
}

async function search(state) {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  state.topics.forEach((t) => p.append("topic", t));
  const res = await fetch(`/api/search?${p}`);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
  return body;
}

function renderHit(hit) {
  const title = el("a", { href: `/api/articles/${encodeURIComponent(hit.id)}`, textContent: hit.title });
  const meta = el("div", { className: "meta", textContent: [hit.date, hit.source].filter(Boolean).join(" · ") });
  const chips = el("ul", { className: "chips" }, hit.topics.map((t) => el("li", { className: "chip", textContent: t })));
  const snippets = hit.snippets.map((s) => {
    const p = el("p", { className: "snippet" });
    p.innerHTML = s; // escaped by the server; only <mark> is markup
    return p;
  });
  return el("li", { className: "hit" }, [el("h3", {}, [title]), meta, chips, ...snippets]);
}

function renderTopics(values, state) {
  const list = $("facet-topic");
  list.replaceChildren(...values.map((v) => {
    const box = el("input", { type: "checkbox", value: v.value, checked: state.topics.includes(v.value) });
    box.addEventListener("change", () => {
      const topics = box.checked ? [...state.topics, v.value] : state.topics.filter((t) => t !== v.value);
      go({ ...state, topics });
    });
    const label = el("label", {}, [box, el("span", { textContent: v.label }), el("span", { className: "count", textContent: String(v.count) })]);
    return el("li", {}, [label]);
  }));
}

async function render() {
  const state = stateFromUrl();
  $("q").value = state.q;
  try {
    const result = await search(state);
    $("summary").textContent = `${result.total} ${result.total === 1 ? "article" : "articles"} · ${result.took_ms} ms`;
    $("hits").replaceChildren(...result.hits.map(renderHit));
    renderTopics(result.facets.topic, state);
  } catch (e) {
    $("summary").textContent = `Search failed: ${e.message}`;
    $("hits").replaceChildren();
  }
}

function go(state) {
  history.pushState(null, "", urlFor(state));
  render();
}

$("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  go({ ...stateFromUrl(), q: $("q").value.trim() });
});
window.addEventListener("popstate", render);
render();
