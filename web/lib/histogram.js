// The timeline ("attention over time"): matches per month, quarter or year, whichever keeps the
// bars readable for the span of the matches (one month to fifty years fit the sidebar and a
// phone). Clicking a bar filters to its period; dragging across bars filters to the range. For
// the keyboard the chart is one Tab stop, a listbox: the arrow keys move between bars, Enter or
// Space filters to the one shown, Home and End jump to the ends. The count of the bar under the
// pointer or the keyboard is written under the chart.
import { el, formatMonth, plural } from "./dom.js";

/** Spans up to this many months are drawn by month, up to QUARTERS_UP_TO by quarter, longer by year. */
export const MONTHS_UP_TO = 36;
export const QUARTERS_UP_TO = 120;

/** Every month from the first to the last, with zero for months without matches. */
export function monthSeries(values) {
  const counts = new Map(values.filter((v) => /^\d{4}-\d{2}$/.test(v.value)).map((v) => [v.value, v.count]));
  const months = [...counts.keys()].sort();
  if (months.length === 0) return [];
  const series = [];
  let [y, m] = months[0].split("-").map(Number);
  const last = months[months.length - 1];
  for (let guard = 0; guard < 12 * 1000; guard++) {
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
 * The bars for a month series: {key, from, to, label, short, count}, with from and to as the
 * page's date filter takes them ("2019-01", or "2019" for a whole year).
 */
export function buckets(series) {
  const unit = series.length <= MONTHS_UP_TO ? "month" : series.length <= QUARTERS_UP_TO ? "quarter" : "year";
  const out = [];
  for (const { month, count } of series) {
    const [y, m] = month.split("-");
    let bucket;
    if (unit === "month") {
      bucket = { key: month, from: month, to: month, label: formatMonth(month), short: formatMonth(month) };
    } else if (unit === "quarter") {
      const q = Math.floor((Number(m) - 1) / 3);
      const first = `${y}-${String(q * 3 + 1).padStart(2, "0")}`;
      const last = `${y}-${String(q * 3 + 3).padStart(2, "0")}`;
      bucket = { key: `${y}-Q${q + 1}`, from: first, to: last, label: `Q${q + 1} ${y} (${formatMonth(first).slice(0, 3)}–${formatMonth(last)})`, short: `Q${q + 1} ${y}` };
    } else {
      bucket = { key: y, from: y, to: y, label: y, short: y };
    }
    const prev = out[out.length - 1];
    if (prev && prev.key === bucket.key) prev.count += count;
    else out.push({ ...bucket, count });
  }
  return { unit, bars: out };
}

const UNIT_NAMES = { month: "month", quarter: "quarter", year: "year" };

let activeKey = null;

/**
 * Draws the timeline into {@code container}. {@code range} is {from, to} as the URL has them;
 * {@code onRange(from, to)} is called with the period the user picks.
 */
export function drawHistogram(container, values, range, onRange) {
  const series = monthSeries(values);
  const undated = values.find((v) => v.value === "undated");
  if (series.length === 0) {
    const text = undated ? `No dates: ${plural(undated.count, "match", "matches")} without a date.` : "No dated articles.";
    container.replaceChildren(el("p", { className: "muted", textContent: text }));
    return;
  }
  const { unit, bars: data } = buckets(series);
  const max = Math.max(...data.map((b) => b.count), 1);
  const filtered = Boolean(range.from || range.to);
  const inRange = (b) => (!range.from || b.to >= range.from.slice(0, b.to.length)) && (!range.to || b.from <= range.to.slice(0, b.from.length));
  if (!data.some((b) => b.key === activeKey)) activeKey = null;

  const readout = el("p", { className: "readout", "aria-hidden": "true" });
  const total = data.reduce((n, b) => n + b.count, 0);
  const restingText = `${plural(total, "dated article")} · by ${UNIT_NAMES[unit]}`;
  readout.textContent = restingText;

  let dragStart = null;
  let dragEnd = null;
  const bars = data.map((b, i) => {
    const fill = el("span", { className: "bar-fill" });
    fill.style.height = `${Math.max(b.count ? 6 : 0, Math.round((b.count / max) * 100))}%`;
    const selected = filtered && inRange(b);
    const bar = el("div", {
      id: `timeline-${i}`,
      role: "option",
      className: `bar${selected ? " in-range" : ""}${filtered && !selected ? " out-of-range" : ""}`,
      "aria-selected": String(selected),
      "aria-label": `${b.label}: ${plural(b.count, "article")}`,
      "data-key": b.key,
      "data-from": b.from,
      "data-to": b.to,
      title: `${b.label}: ${plural(b.count, "article")}`,
    }, [fill]);
    bar.addEventListener("pointerenter", () => { readout.textContent = `${b.label}: ${plural(b.count, "article")}`; });
    bar.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      e.preventDefault();
      dragStart = i;
      dragEnd = i;
      // Touch and pen keep sending events to the bar they started on; release them so the
      // bar under the finger can be found.
      if (bar.hasPointerCapture(e.pointerId)) bar.releasePointerCapture(e.pointerId);
      markDrag();
    });
    return bar;
  });

  const plot = el("div", {
    id: "timeline",
    className: "bars",
    role: "listbox",
    tabIndex: 0,
    "aria-label": `Matches per ${UNIT_NAMES[unit]}, ${data[0].label} to ${data[data.length - 1].label}. Arrow keys move, Enter filters to the ${UNIT_NAMES[unit]}`,
  }, bars);

  const setActive = (i, scroll = true) => {
    const index = Math.max(0, Math.min(data.length - 1, i));
    activeKey = data[index].key;
    bars.forEach((bar, j) => bar.classList.toggle("active", j === index));
    plot.setAttribute("aria-activedescendant", bars[index].id);
    readout.textContent = `${data[index].label}: ${plural(data[index].count, "article")}`;
    if (scroll) bars[index].scrollIntoView({ block: "nearest", inline: "nearest" });
    return index;
  };
  const activeIndex = () => {
    const i = data.findIndex((b) => b.key === activeKey);
    if (i >= 0) return i;
    const firstSelected = data.findIndex((b) => filtered && inRange(b));
    return firstSelected >= 0 ? firstSelected : data.length - 1;
  };
  if (activeKey !== null) setActive(activeIndex(), false);

  plot.addEventListener("focus", () => setActive(activeIndex(), false));
  plot.addEventListener("blur", () => { readout.textContent = restingText; });
  plot.addEventListener("pointerleave", () => {
    if (dragStart !== null) finish(null);
    if (document.activeElement !== plot) readout.textContent = restingText;
  });
  plot.addEventListener("keydown", (e) => {
    const moves = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageUp: 12, PageDown: -12 };
    let i = activeIndex();
    if (e.key in moves) i += moves[e.key];
    else if (e.key === "Home") i = 0;
    else if (e.key === "End") i = data.length - 1;
    else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onRange(data[i].from, data[i].to);
      return;
    } else return;
    e.preventDefault();
    setActive(i);
  });

  const indexAt = (e) => {
    const target = document.elementFromPoint(e.clientX, e.clientY);
    const bar = target && target.closest(".bar");
    return bar && plot.contains(bar) ? bars.indexOf(bar) : -1;
  };
  const markDrag = () => {
    const [lo, hi] = [dragStart, dragEnd].sort((a, b) => a - b);
    bars.forEach((b, j) => b.classList.toggle("dragging", dragStart !== null && j >= lo && j <= hi));
  };
  plot.addEventListener("pointermove", (e) => {
    if (dragStart === null) return;
    const i = indexAt(e);
    if (i >= 0 && i !== dragEnd) {
      dragEnd = i;
      markDrag();
    }
  });
  const finish = (e) => {
    if (dragStart === null) return;
    const at = e ? indexAt(e) : -1;
    const end = at >= 0 ? at : dragEnd;
    const [lo, hi] = [dragStart, end].sort((a, b) => a - b);
    dragStart = null;
    markDrag();
    activeKey = data[end].key;
    onRange(data[lo].from, data[hi].to);
  };
  plot.addEventListener("pointerup", finish);
  plot.addEventListener("pointercancel", () => {
    dragStart = null;
    markDrag();
  });

  // The scale: the highest count at the top, and the first, middle and last period below.
  const scale = el("div", { className: "scale", "aria-hidden": "true" }, [
    el("span", { textContent: max.toLocaleString("en") }),
    el("span", { textContent: "0" }),
  ]);
  const middle = data[Math.floor((data.length - 1) / 2)];
  const axis = el("div", { className: "axis", "aria-hidden": "true" }, [
    el("span", { textContent: data[0].short }),
    data.length >= 5 ? el("span", { textContent: middle.short }) : null,
    data.length > 1 ? el("span", { textContent: data[data.length - 1].short }) : null,
  ]);
  const chart = el("div", { className: `chart unit-${unit}` }, [scale, plot]);
  const note = undated ? el("p", { className: "muted small", textContent: `${plural(undated.count, "article")} without a date` }) : null;
  container.replaceChildren(chart, axis, readout, ...(note ? [note] : []));
}
