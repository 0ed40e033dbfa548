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
 * Sets text that the server escaped, with <mark> around matches. The string is never given to
 * the HTML parser: it is split at the literal <mark> and </mark> tags and every other part is
 * decoded and inserted as text, so markup that should not be there shows as text and nothing
 * active can ever be inserted.
 */
export function setServerHtml(node, html) {
  const parts = [];
  let open = null;
  for (const piece of String(html).split(/(<mark>|<\/mark>)/)) {
    if (piece === "<mark>" && open === null) {
      open = document.createElement("mark");
    } else if (piece === "</mark>" && open !== null) {
      parts.push(open);
      open = null;
    } else if (piece) {
      (open ?? { append: (t) => parts.push(t) }).append(decodeEntities(piece));
    }
  }
  if (open !== null) parts.push(open);
  node.replaceChildren(...parts);
  return node;
}

const NAMED_ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the character references an HTML escaper writes; anything else stays as it is. */
function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
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
