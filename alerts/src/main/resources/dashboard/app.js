// The desk page. Every text that came from a feed is inserted with textContent, never as HTML, and links
// are only followed when they are plain http(s). Live updates come over Server-Sent Events.
"use strict";

const SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];
const TONE_ALERTS = new Set(["TONE_SHIFT", "TONE_DIVERGENCE"]);
const COLORS = ["#2457c5", "#c53030", "#2f855a", "#b7791f", "#7b1fa2", "#0e7490", "#6b7a90", "#be185d"];

const state = {
  alerts: new Map(),  // alert key -> alert as the desk sees it (latest revision, with its ack)
  feeds: new Map(),   // feed id -> feed status
  tone: new Map(),    // series@windowStart -> tone window
  mutes: new Map(),   // mute key (story:ID, rule:ID) -> mute in force
  selected: null,     // key of the alert shown in detail
};
const MUTE_FOR = "4h";
const $ = (id) => document.getElementById(id);

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function safeLink(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString() : "—";
}

function words(type) {
  const text = String(type || "").toLowerCase().replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// "[[term]]" marks the matched words in a snippet: shown as <mark>, built from text nodes only.
function highlighted(snippet) {
  const quote = element("blockquote", "snippet");
  String(snippet).split(/\[\[(.+?)\]\]/).forEach((part, i) => quote.append(i % 2 ? element("mark", null, part) : document.createTextNode(part)));
  return quote;
}

function sourceLink(article) {
  const href = safeLink(article.url);
  const title = element(href ? "a" : "span", "article-title", article.title);
  if (href) {
    title.href = href;
    title.rel = "noopener noreferrer";
    title.target = "_blank";
  }
  return title;
}

// ---- the alert list ----

function filters() {
  return { type: $("filter-type").value, severity: $("filter-severity").value, bloc: $("filter-bloc").value,
    muted: $("filter-muted").checked };
}

function visible(alert, f) {
  return (!f.type || alert.type === f.type)
    && (!f.severity || SEVERITIES.indexOf(alert.severity) >= SEVERITIES.indexOf(f.severity))
    && (!f.bloc || alert.bloc === f.bloc)
    && (f.muted || !muted(alert));
}

// As the alerts service judges it: the story is muted, or every rule the alert lists is.
function muted(alert) {
  const now = Date.now();
  const active = (key) => { const m = state.mutes.get(key); return m && time(m.until) > now; };
  if (alert.storyId && active("story:" + alert.storyId)) return true;
  return Boolean(alert.rules && alert.rules.length) && alert.rules.every((r) => active("rule:" + r.id));
}

function time(instant) {
  const t = Date.parse(instant);
  return Number.isNaN(t) ? 0 : t;
}

// By event time, then by creation: negative when a is newer than b.
function newestFirst(a, b) {
  return (time(b.at) - time(a.at)) || (time(b.created) - time(a.created));
}

function ackText(alert) {
  if (!alert.ack) return "";
  const by = alert.ack.by ? " by " + alert.ack.by : "";
  return alert.ack.revision < alert.revision ? "updated since acknowledged" + by : "acknowledged" + by;
}

// Bursts of alerts redraw the list once per frame, not once per alert.
let listPending = false;
function renderList() {
  if (listPending) return;
  listPending = true;
  requestAnimationFrame(() => { listPending = false; drawList(); });
}

function drawList() {
  const f = filters();
  const shown = [...state.alerts.values()].filter((a) => visible(a, f)).sort(newestFirst);
  $("alerts").replaceChildren(...shown.map(listItem));
  drawCounts(shown.length);
}

// One live alert: replace or insert its item where it belongs, without redrawing the whole list.
function placeItem(alert) {
  const list = $("alerts");
  const old = list.querySelector("li[data-key=\"" + CSS.escape(alert.key) + "\"]");
  if (old) old.remove();
  if (visible(alert, filters())) {
    let before = null;
    for (const item of list.children) {
      if (newestFirst(alert, state.alerts.get(item.dataset.key)) <= 0) { before = item; break; }
    }
    list.insertBefore(listItem(alert), before);
  }
  drawCounts(list.children.length);
}

function drawCounts(shown) {
  $("empty").hidden = shown > 0;
  $("empty").textContent = state.alerts.size && !shown ? "No alert matches these filters."
    : "No alerts yet. They appear here the moment the pipeline raises one — no need to reload.";
  $("count").textContent = "(" + shown + (shown === state.alerts.size ? "" : " of " + state.alerts.size) + ")";
}

function listItem(alert) {
  const item = element("li", "alert severity-" + String(alert.severity).toLowerCase());
  item.dataset.alertId = alert.id;
  item.dataset.key = alert.key;
  item.tabIndex = 0;
  if (alert.ack && alert.ack.revision >= alert.revision) item.classList.add("acked");
  if (muted(alert)) item.classList.add("muted");
  if (alert.key === state.selected) item.classList.add("selected");
  const head = element("div", "alert-head");
  head.append(element("span", "badge", alert.severity), element("span", "type", words(alert.type)),
    element("time", "at", when(alert.at)));
  if (alert.bloc) head.append(element("span", "bloc", alert.bloc));
  if (alert.revision > 1) head.append(element("span", "revision", "update " + alert.revision));
  head.append(element("span", "ack-state", ackText(alert)));
  item.append(head, element("div", "title", alert.title), element("div", "summary", alert.summary));
  item.addEventListener("click", () => select(alert.key));
  item.addEventListener("keydown", (e) => { if (e.key === "Enter") select(alert.key); });
  return item;
}

function refreshFilterChoices() {
  for (const [id, values] of [["filter-type", [...state.alerts.values()].map((a) => a.type)],
                              ["filter-bloc", [...state.alerts.values()].map((a) => a.bloc)]]) {
    const select = $(id);
    const known = new Set([...select.options].map((o) => o.value));
    [...new Set(values.filter(Boolean))].sort().forEach((value) => {
      if (!known.has(value)) select.append(new Option(id === "filter-type" ? words(value) : value, value));
    });
  }
}

// ---- the detail of one alert ----

function select(key) {
  state.selected = key;
  renderList();
  renderDetail();
}

function renderDetail() {
  const pane = $("detail");
  const alert = state.alerts.get(state.selected);
  if (!alert) {
    pane.replaceChildren(element("p", "empty", "Select an alert to see its evidence: the articles and sentences, the terms, and links to the sources."));
    return;
  }
  const head = element("div", "alert-head");
  head.append(element("span", "badge", alert.severity), element("span", null, words(alert.type)), element("time", null, when(alert.at)));
  const ack = element("button", "ack", alert.ack && alert.ack.revision >= alert.revision ? ackText(alert) : "Acknowledge");
  ack.type = "button";
  ack.disabled = Boolean(alert.ack && alert.ack.revision >= alert.revision);
  ack.addEventListener("click", () => acknowledge(alert, ack));
  const parts = [head, element("h3", null, alert.title), element("p", "summary", alert.summary), ack];
  if (alert.storyId) parts.push(muteButton("Mute this story for " + MUTE_FOR, { story: alert.storyId }));
  for (const rule of alert.rules || []) parts.push(muteButton("Mute rule “" + (rule.name || rule.id) + "” for " + MUTE_FOR, { rule: rule.id }));

  const facts = element("dl");
  const fact = (name, value) => { if (value !== undefined && value !== null && value !== "") facts.append(element("dt", null, name), element("dd", null, value)); };
  fact("Sources", alert.bloc);
  fact("Direction", alert.direction && words(alert.direction));
  fact("Rules", alert.rules && alert.rules.length ? alert.rules.map((r) => r.name || r.id).join(", ") : alert.rule && alert.rule.name);
  fact("Feed", alert.feedId);
  fact("Revision", alert.revision > 1 ? alert.revision + " (ongoing alert, updated)" : null);
  const ev = alert.evidence;
  if (ev) {
    fact("Series", ev.series);
    fact("Window", ev.windowStart ? when(ev.windowStart) + " – " + when(ev.windowEnd) : null);
    fact("Now", typeof ev.current === "number" ? ev.current.toFixed(3) : null);
    fact("Baseline", typeof ev.baseline === "number" ? ev.baseline.toFixed(3) + (typeof ev.baselineStdDev === "number" ? " ± " + ev.baselineStdDev.toFixed(3) : "") : null);
    fact("Deviation", typeof ev.deviations === "number" ? ev.deviations.toFixed(1) + " σ" : null);
    fact("Articles", ev.articleCount);
    fact("Stories", ev.storyCount);
    const story = ev.stories && ev.stories[0];
    if (story && alert.storyId) {
      fact("Carried by", story.sources + " source" + (story.sources === 1 ? "" : "s")
        + (story.sourceNames && story.sourceNames.length ? ": " + story.sourceNames.join(", ") : ""));
      fact("Languages", story.languages && story.languages.join(", "));
      fact("First", story.firstSource + ", " + when(story.firstPublished));
      fact("Latest", story.lastSeen ? when(story.lastSeen) : null);
    }
  }
  parts.push(facts);
  if (ev && ev.terms && ev.terms.length) {
    parts.push(element("h4", null, "Terms that moved most"));
    const terms = element("ul", "terms");
    ev.terms.forEach((t) => terms.append(element("li", null, t.term + " " + (t.weight > 0 ? "+" : "") + Number(t.weight).toFixed(2))));
    parts.push(terms);
  }
  if (alert.articles && alert.articles.length) {
    parts.push(element("h4", null, "Articles"));
    for (const article of alert.articles) {
      const ref = element("div", "article");
      ref.append(sourceLink(article), element("span", "source", " — " + article.source + (article.bloc ? " (" + article.bloc + ")" : "")));
      if (article.published) ref.append(element("div", "summary", when(article.published)));
      if (article.snippet) ref.append(highlighted(article.snippet));
      parts.push(ref);
    }
  }
  pane.replaceChildren(...parts);
}

async function acknowledge(alert, button) {
  button.disabled = true;
  try {
    const response = await fetch("/api/alerts/" + encodeURIComponent(alert.id).replace(/%2F/g, "/") + "/ack", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    if (!response.ok) throw new Error((await response.json()).error || "HTTP " + response.status);
    applyAck(await response.json());
  } catch (e) {
    button.disabled = false;
    button.textContent = "Acknowledge (failed: " + e.message + ")";
  }
}

function muteButton(label, body) {
  const button = element("button", "mute", label);
  button.type = "button";
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const response = await fetch("/api/mutes", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify(Object.assign({ for: MUTE_FOR }, body)) });
      if (!response.ok) throw new Error((await response.json()).error || "HTTP " + response.status);
      applyMute(await response.json());
    } catch (e) {
      button.disabled = false;
      button.textContent = label + " (failed: " + e.message + ")";
    }
  });
  return button;
}

function muteKey(mute) {
  return String(mute.kind).toLowerCase() + ":" + mute.target;
}

function applyMute(mute) {
  state.mutes.set(muteKey(mute), mute);
  renderMutes(); renderList(); renderDetail();
}

function applyUnmute(key) {
  if (state.mutes.delete(key)) { renderMutes(); renderList(); renderDetail(); }
}

// The mutes in force, each with its end and a way to lift it.
function renderMutes() {
  const now = Date.now();
  const items = [...state.mutes.values()].filter((m) => time(m.until) > now).map((m) => {
    const item = element("li", "mute-item");
    item.append(element("span", null, (m.kind === "RULE" ? "Rule " : "Story ") + "“" + (m.label || m.target) + "” muted until "
      + new Date(m.until).toLocaleTimeString() + (m.by ? " by " + m.by : "")));
    const lift = element("button", "unmute", "Unmute");
    lift.type = "button";
    lift.addEventListener("click", async () => {
      lift.disabled = true;
      const response = await fetch("/api/mutes/" + encodeURIComponent(muteKey(m)), { method: "DELETE" });
      if (response.ok) applyUnmute(muteKey(m)); else lift.disabled = false;
    });
    item.append(lift);
    return item;
  });
  $("mutes").replaceChildren(...items);
  $("mutes").hidden = items.length === 0;
}

function applyAck(ack) {
  const alert = state.alerts.get(ack.key);
  if (!alert) return;
  alert.ack = ack;
  placeItem(alert);
  if (state.selected === ack.key) renderDetail();
}

// ---- feed health ----

function renderFeeds() {
  const rows = [...state.feeds.values()].sort((a, b) => String(a.feedId).localeCompare(String(b.feedId))).map((feed) => {
    const row = element("tr");
    const failing = feed.consecutiveFailures > 0;
    const stateText = failing ? "failing ×" + feed.consecutiveFailures : feed.malformed ? "ok (repaired)" : "ok";
    const link = safeLink(feed.url);
    const name = element(link ? "a" : "span", null, feed.feedId);
    if (link) { name.href = link; name.rel = "noopener noreferrer"; name.target = "_blank"; }
    const first = element("td");
    first.append(name);
    row.append(first, element("td", null, feed.bloc), element("td", failing ? "state-failing" : feed.malformed ? "state-repaired" : "state-ok", stateText),
      element("td", null, when(feed.lastSuccess)), element("td", null, feed.lastErrorReason ? when(feed.lastError) + ": " + feed.lastErrorReason : (feed.recovered || "—")),
      element("td", null, typeof feed.itemsPerDay === "number" ? feed.itemsPerDay.toFixed(1) : "—"), element("td", null, when(feed.newestItem)));
    return row;
  });
  $("feeds").replaceChildren(...rows);
  $("feeds-empty").hidden = rows.length > 0;
  $("feed-count").textContent = rows.length ? "(" + rows.length + ")" : "";
}

// ---- charts (uPlot) ----

const charts = {};

function plot(name, opts, data) {
  const target = $("chart-" + name);
  const empty = $("chart-" + name + "-empty");
  const has = data.length > 0 && data[0].length > 0;
  empty.hidden = has;
  target.hidden = !has;
  if (charts[name]) { charts[name].destroy(); delete charts[name]; }
  if (!has || typeof uPlot === "undefined") return;
  opts.width = Math.max(300, target.parentElement.clientWidth - 24);
  opts.height = 220;
  charts[name] = new uPlot(opts, data, target);
}

function seconds(instant) {
  return Math.floor(new Date(instant).getTime() / 1000);
}

// The time axis spans the windows shown, from the first window's start to the last one's end, whatever their
// number: uPlot's own padding of a range it cannot infer (one window, or a few) ran over years.
function timeRange(windows) {
  if (!windows.length) return null;
  const from = Math.min(...windows.map((w) => seconds(w.windowStart)));
  const to = Math.max(...windows.map((w) => seconds(w.windowEnd || w.windowStart)));
  return [from, Math.max(to, from + 60)];
}

function showRange(name, range) {
  const target = $("chart-" + name);
  if (!range) { delete target.dataset.from; delete target.dataset.to; return; }
  target.dataset.from = String(range[0]);
  target.dataset.to = String(range[1]);
  const caption = $("chart-" + name + "-range");
  if (caption) caption.textContent = new Date(range[0] * 1000).toLocaleString() + " – " + new Date(range[1] * 1000).toLocaleString();
}

// One line per source bloc: the series of all languages of a bloc (language null), or every series if none is.
function toneSeries() {
  const windows = [...state.tone.values()];
  const whole = windows.filter((w) => !w.language);
  const chosen = whole.length ? whole : windows;
  const bySeries = new Map();
  for (const w of chosen) {
    if (!bySeries.has(w.series)) bySeries.set(w.series, { label: w.bloc || "all sources", windows: new Map() });
    bySeries.get(w.series).windows.set(seconds(w.windowStart), w);
  }
  const xs = [...new Set(chosen.map((w) => seconds(w.windowStart)))].sort((a, b) => a - b);
  return { xs, bySeries, range: timeRange(chosen) };
}

function renderTone() {
  const { xs, bySeries, range } = toneSeries();
  showRange("tone", range);
  const band = $("band-series");
  const known = new Set([...band.options].map((o) => o.value));
  for (const [series, s] of bySeries) if (!known.has(series)) band.append(new Option(s.label, series));
  if (!band.value && band.options.length) band.value = [...bySeries.keys()].find((k) => bySeries.get(k).label === "all sources") || band.options[0].value;

  const data = [xs];
  const series = [{}];
  let i = 0;
  for (const [, s] of bySeries) {
    data.push(xs.map((x) => (s.windows.has(x) && typeof s.windows.get(x).meanTone === "number" ? s.windows.get(x).meanTone : null)));
    series.push({ label: s.label, stroke: COLORS[i++ % COLORS.length], width: 2, spanGaps: true });
  }
  const bands = [];
  const base = bySeries.get(band.value);
  if (base) {
    const edge = (sign) => xs.map((x) => {
      const w = base.windows.get(x);
      return w && typeof w.baselineMean === "number" && typeof w.baselineStdDev === "number" ? w.baselineMean + sign * 2 * w.baselineStdDev : null;
    });
    data.push(edge(1), edge(-1));
    series.push({ label: "baseline +2σ", stroke: "rgba(36,87,197,.35)", width: 1, dash: [4, 4] },
                { label: "baseline −2σ", stroke: "rgba(36,87,197,.35)", width: 1, dash: [4, 4] });
    bands.push({ series: [series.length - 2, series.length - 1], fill: "rgba(36,87,197,.10)" });
  }
  const shifts = [...state.alerts.values()].filter((a) => TONE_ALERTS.has(a.type))
    .map((a) => seconds((a.evidence && a.evidence.windowStart) || a.at));
  plot("tone", {
    series, bands,
    scales: { x: { time: true, range: () => range }, y: { range: [-1, 1] } },
    axes: [{}, { label: "tone" }],
    hooks: { draw: [(u) => {
      const ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = "#c53030";
      ctx.lineWidth = 2;
      for (const x of shifts) {
        const px = u.valToPos(x, "x", true);
        if (px < u.bbox.left || px > u.bbox.left + u.bbox.width) continue;
        ctx.beginPath();
        ctx.moveTo(px, u.bbox.top);
        ctx.lineTo(px, u.bbox.top + u.bbox.height);
        ctx.stroke();
      }
      ctx.restore();
    }] },
  }, data);
}

function renderVolume() {
  const windows = [...state.tone.values()];
  const all = windows.filter((w) => !w.bloc && !w.language);
  const counted = all.length ? all : windows.filter((w) => !w.language);
  const totals = new Map();
  for (const w of counted) totals.set(seconds(w.windowStart), (totals.get(seconds(w.windowStart)) || 0) + (w.stories || 0));
  const xs = [...totals.keys()].sort((a, b) => a - b);
  const range = timeRange(counted);
  showRange("volume", range);
  plot("volume", {
    series: [{}, { label: "relevant stories", stroke: "#2457c5", fill: "rgba(36,87,197,.25)", paths: uPlot.paths.bars({ size: [0.7, 40] }) }],
    scales: { x: { time: true, range: () => range }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] } },
    axes: [{}, { label: "stories" }],
  }, [xs, xs.map((x) => totals.get(x))]);
}

// A ranked list rather than a chart: rule names are long, and eight of them under the bars of a 350-pixel chart
// overlapped into something nobody could read.
function renderRules() {
  const counts = new Map();
  for (const alert of state.alerts.values()) {
    if (alert.type !== "RULE_MATCH") continue;
    const rules = alert.rules && alert.rules.length ? alert.rules : alert.rule ? [alert.rule] : [];
    for (const rule of rules) counts.set(rule.name || rule.id, (counts.get(rule.name || rule.id) || 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8);
  const list = $("chart-rules");
  $("chart-rules-empty").hidden = top.length > 0;
  list.hidden = top.length === 0;
  const most = top.length ? top[0][1] : 1;
  list.replaceChildren(...top.map(([name, n]) => {
    const bar = element("meter", null, n);
    bar.min = 0;
    bar.max = most;
    bar.value = n;
    const item = element("li");
    item.append(element("span", "rule-name", name), bar, element("span", "rule-count", n));
    return item;
  }));
}

let chartsPending = false;
function renderCharts() {
  if (chartsPending) return;
  chartsPending = true;
  document.body.dataset.charts = "pending"; // what a test (or a curious analyst) can see in the page
  // Coalesce bursts of updates into one redraw per second.
  setTimeout(() => {
    chartsPending = false; renderTone(); renderVolume(); renderRules();
    document.body.dataset.charts = "drawn";
  }, state.chartsDrawn ? 1000 : 0);
  state.chartsDrawn = true;
}

// ---- live updates ----

/** Keeps the latest revision of each alert; returns whether this one was news. */
function putAlert(alert) {
  const known = state.alerts.get(alert.key);
  if (known && known.revision > alert.revision) return false;
  state.alerts.set(alert.key, alert);
  return true;
}

function connect() {
  const status = $("status");
  const source = new EventSource("/api/alerts/stream");
  source.addEventListener("open", () => { status.textContent = "live"; status.className = "status live"; });
  source.addEventListener("error", () => { status.textContent = "reconnecting…"; status.className = "status down"; });
  source.addEventListener("snapshot", (e) => {
    const snapshot = JSON.parse(e.data);
    state.alerts.clear();
    snapshot.alerts.forEach(putAlert);
    state.feeds = new Map(snapshot.feeds.map((f) => [f.feedId, f]));
    state.mutes = new Map((snapshot.mutes || []).map((m) => [muteKey(m), m]));
    refreshFilterChoices(); renderMutes(); renderList(); renderDetail(); renderFeeds(); renderCharts();
  });
  source.addEventListener("alert", (e) => {
    const alert = JSON.parse(e.data);
    if (!putAlert(alert)) return;
    refreshFilterChoices();
    if (listPending) renderList(); else placeItem(alert);
    if (state.selected === alert.key) renderDetail();
    renderCharts();
  });
  source.addEventListener("ack", (e) => applyAck(JSON.parse(e.data)));
  source.addEventListener("mute", (e) => applyMute(JSON.parse(e.data)));
  source.addEventListener("unmute", (e) => applyUnmute(JSON.parse(e.data)));
  source.addEventListener("feed", (e) => { const f = JSON.parse(e.data); state.feeds.set(f.feedId, f); renderFeeds(); });
  // A feed that left ingest's list: its row goes (the data is the feed's id as a JSON string).
  source.addEventListener("feed-removed", (e) => { if (state.feeds.delete(JSON.parse(e.data))) renderFeeds(); });
  source.addEventListener("tone", (e) => { const w = JSON.parse(e.data); state.tone.set(w.series + "@" + w.windowStart, w); renderCharts(); });
}

async function loadTone() {
  const response = await fetch("/api/tone", { headers: { Accept: "application/json" } });
  if (response.ok) for (const w of await response.json()) state.tone.set(w.series + "@" + w.windowStart, w);
  renderCharts();
}

async function start() {
  for (const id of ["filter-type", "filter-severity", "filter-bloc", "filter-muted"]) $(id).addEventListener("change", renderList);
  // A mute ends by itself: what it folded away comes back without a reload.
  setInterval(() => { renderMutes(); renderList(); }, 30000);
  $("band-series").addEventListener("change", renderTone);
  window.addEventListener("resize", renderCharts);
  const session = await (await fetch("/api/session")).json();
  if (session.tokenRequired && !session.authenticated) {
    $("desk").hidden = true;
    $("login").hidden = false;
    $("login-form").addEventListener("submit", async (e) => {
      e.preventDefault();
      const response = await fetch("/api/session", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ token: $("token").value }) });
      if (!response.ok) { $("login-error").textContent = "That token was not accepted."; return; }
      $("login").hidden = true;
      $("desk").hidden = false;
      loadTone(); connect();
    });
    return;
  }
  loadTone();
  connect();
}

start();
