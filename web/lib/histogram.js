// The date histogram: one bar per month of the matches ("attention over time"). Clicking a bar
// filters to that month; dragging across bars filters to the range. Each bar is a button, so
// the keyboard can do what the mouse does (one month at a time).
import { el, formatMonth, plural } from "./dom.js";

/** Every month from the first to the last, with zero for months without matches. */
export function monthSeries(values) {
  const counts = new Map(values.filter((v) => /^\d{4}-\d{2}$/.test(v.value)).map((v) => [v.value, v.count]));
  const months = [...counts.keys()].sort();
  if (months.length === 0) return [];
  const series = [];
  let [y, m] = months[0].split("-").map(Number);
  const last = months[months.length - 1];
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    series.push({ month: key, count: counts.get(key) || 0 });
    if (key === last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return series;
}

/**
 * Draws the histogram into {@code container}. {@code range} is {from, to} as "YYYY-MM" (or
 * longer) strings; {@code onRange(from, to)} is called with months when the user picks.
 */
export function drawHistogram(container, values, range, onRange) {
  const series = monthSeries(values);
  const undated = values.find((v) => v.value === "undated");
  if (series.length === 0) {
    const text = undated ? `No dates: ${plural(undated.count, "match", "matches")} without a date.` : "No dated articles.";
    container.replaceChildren(el("p", { className: "muted", textContent: text }));
    return;
  }
  const max = Math.max(...series.map((s) => s.count), 1);
  const inRange = (month) => (!range.from || month >= range.from.slice(0, 7)) && (!range.to || month <= range.to.slice(0, 7));
  const filtered = Boolean(range.from || range.to);

  let dragStart = null;
  let dragEnd = null;
  let dragged = false;
  const bars = series.map((s) => {
    const bar = el("span", { className: "bar-fill" });
    bar.style.height = `${Math.max(s.count ? 8 : 0, Math.round((s.count / max) * 100))}%`;
    const button = el("button", {
      type: "button",
      className: `bar${filtered && inRange(s.month) ? " in-range" : ""}${filtered && !inRange(s.month) ? " out-of-range" : ""}`,
      "data-month": s.month,
      "aria-label": `${formatMonth(s.month)}: ${plural(s.count, "article")}`,
      title: `${formatMonth(s.month)}: ${plural(s.count, "article")}`,
    }, [bar]);
    button.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      dragStart = s.month;
      dragEnd = s.month;
      dragged = false;
      // Touch and pen keep sending events to the bar they started on; release them so the
      // bar under the finger can be found.
      if (button.hasPointerCapture(e.pointerId)) button.releasePointerCapture(e.pointerId);
      markDrag();
    });
    button.addEventListener("click", (e) => {
      // Pointer picks are handled on pointerup; a click with detail 0 is the keyboard's.
      if (e.detail === 0) onRange(s.month, s.month);
    });
    return button;
  });

  const monthAt = (e) => {
    const target = document.elementFromPoint(e.clientX, e.clientY);
    const bar = target && target.closest(".bar");
    return bar && container.contains(bar) ? bar.dataset.month : null;
  };
  const markDrag = () => {
    const [lo, hi] = [dragStart, dragEnd].sort();
    bars.forEach((b) => b.classList.toggle("dragging", dragStart !== null && b.dataset.month >= lo && b.dataset.month <= hi));
  };
  const plot = el("div", { className: "bars", role: "group", "aria-label": "Matches per month; pick a month, or drag across months, to filter" }, bars);
  plot.addEventListener("pointermove", (e) => {
    if (dragStart === null) return;
    const month = monthAt(e);
    if (month && month !== dragEnd) {
      dragEnd = month;
      dragged = true;
      markDrag();
    }
  });
  const finish = (e) => {
    if (dragStart === null) return;
    const month = (e && monthAt(e)) || dragEnd;
    const [lo, hi] = [dragStart, month].sort();
    dragStart = null;
    markDrag();
    if (e) onRange(lo, hi);
    return dragged;
  };
  plot.addEventListener("pointerup", finish);
  plot.addEventListener("pointercancel", () => {
    dragStart = null;
    markDrag();
  });
  plot.addEventListener("pointerleave", () => {
    if (dragStart !== null) finish({ clientX: -1, clientY: -1 });
  });

  const axis = el("div", { className: "axis" }, [
    el("span", { textContent: formatMonth(series[0].month) }),
    el("span", { textContent: formatMonth(series[series.length - 1].month) }),
  ]);
  const note = undated ? el("p", { className: "muted small", textContent: `${plural(undated.count, "article")} without a date` }) : null;
  container.replaceChildren(plot, axis, ...(note ? [note] : []));
}
