// Autocomplete for the search box, following the ARIA combobox pattern: the input keeps focus,
// arrow keys move through the options (aria-activedescendant), Enter picks one, Escape closes.
import { el } from "./dom.js";
import { getOptionalJson } from "./api.js";
import { entityTypeLabel } from "./dom.js";

const DELAY_MS = 120;

/**
 * Wires suggestions to {@code input}, listing them in {@code list}. {@code onPick(suggestion)}
 * is called when one is chosen.
 */
export function attachSuggest(input, list, onPick) {
  let options = [];
  let active = -1;
  let timer = 0;
  let controller = null;

  const close = () => {
    options = [];
    active = -1;
    list.replaceChildren();
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };

  const highlight = (index) => {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", list.children[index].id);
      list.children[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const pick = (index) => {
    const chosen = options[index];
    close();
    if (chosen) onPick(chosen);
  };

  const show = (suggestions) => {
    options = suggestions;
    active = -1;
    list.replaceChildren(...suggestions.map((s, i) => {
      const kind = s.kind === "entity" ? entityTypeLabel(s.type).replace(/s$/, "") : "Article";
      const li = el("li", { id: `suggest-${i}`, role: "option", "aria-selected": "false", className: "suggestion" }, [
        el("span", { className: "suggestion-text", textContent: s.text }),
        el("span", { className: "suggestion-kind", textContent: kind }),
      ]);
      // mousedown, not click: picking must happen before the input's blur closes the list.
      li.addEventListener("mousedown", (e) => {
        e.preventDefault();
        pick(i);
      });
      return li;
    }));
    list.hidden = suggestions.length === 0;
    input.setAttribute("aria-expanded", String(suggestions.length > 0));
  };

  const fetchSuggestions = async (prefix) => {
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const body = await getOptionalJson(`/api/suggest?q=${encodeURIComponent(prefix)}`, "suggest", { signal: controller.signal });
      if (body && input.value.trim() === prefix && document.activeElement === input) show(body.suggestions || []);
    } catch (e) {
      // Suggestions are a convenience: when they fail, searching still works.
      if (e.name !== "AbortError") close();
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const prefix = input.value.trim();
    if (prefix.length < 2) {
      close();
      return;
    }
    timer = setTimeout(() => fetchSuggestions(prefix), DELAY_MS);
  });

  input.addEventListener("keydown", (e) => {
    if (list.hidden) return;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      highlight((active + 1) % options.length);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      pick(active);
    } else if (e.key === "Escape") {
      e.preventDefault();
      close();
    }
  });

  input.addEventListener("blur", close);
  return { close };
}
