// Building DOM nodes. Text always goes in as text nodes; the only HTML ever inserted is the
// server's escaped snippets and title_html (see setServerHtml).

/** A new element with properties (className, textContent, href, …), attributes and children. */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("aria-") || key.startsWith("data-") || key === "role" || key === "for") {
      node.setAttribute(key, value === true ? "true" : String(value));
    } else {
      node[key] = value;
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

export const $ = (id) => document.getElementById(id);

/**
 * Sets HTML that the server escaped, keeping only <mark> elements: any other element that
 * could slip through is replaced by its text, so nothing active can ever be inserted.
 */
export function setServerHtml(node, html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  for (const child of [...template.content.querySelectorAll("*")]) {
    if (child.tagName !== "MARK" || child.attributes.length > 0) child.replaceWith(document.createTextNode(child.textContent));
  }
  node.replaceChildren(template.content);
  return node;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A date as precise as it is known: "23 Dec 2025", "Dec 2025" or "2025". */
export function formatDate(iso, precision) {
  if (!iso) return "Date unknown";
  const [y, m, d] = iso.split("-");
  if (precision === "year" || !m) return y;
  if (precision === "month" || !d) return `${MONTHS[Number(m) - 1]} ${y}`;
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** "YYYY-MM" as "Dec 2025". */
export function formatMonth(month) {
  return formatDate(month, "month");
}

export function plural(n, one, many = `${one}s`) {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** Saves text as a file download. */
export function download(filename, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Entity types as people read them. */
export const ENTITY_TYPES = { person: "People", org: "Organisations", place: "Places", product: "Products", event: "Events" };

export function entityTypeLabel(type) {
  return ENTITY_TYPES[type] || (type ? type[0].toUpperCase() + type.slice(1) : "Other");
}
