// The desk's alert list. Every text that came from a feed is inserted with textContent, never as HTML.
"use strict";

const list = document.getElementById("alerts");
const empty = document.getElementById("empty");
const status = document.getElementById("status");
const count = document.getElementById("count");

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

function render(alerts) {
  list.replaceChildren(...alerts.map((alert) => {
    const item = element("li", "alert severity-" + String(alert.severity).toLowerCase());
    item.dataset.alertId = alert.id;
    const head = element("div", "alert-head");
    head.append(element("span", "badge", alert.severity), element("span", "type", alert.type),
      element("time", "at", new Date(alert.at).toLocaleString()));
    item.append(head, element("div", "title", alert.title), element("div", "summary", alert.summary));
    for (const article of alert.articles || []) {
      const ref = element("div", "article");
      const href = safeLink(article.url);
      const title = element(href ? "a" : "span", "article-title", article.title);
      if (href) {
        title.href = href;
        title.rel = "noopener noreferrer";
        title.target = "_blank";
      }
      ref.append(title, element("span", "source", " — " + article.source + " (" + article.bloc + ")"));
      if (article.snippet) ref.append(element("blockquote", "snippet", article.snippet));
      item.append(ref);
    }
    return item;
  }));
  empty.hidden = alerts.length > 0;
  count.textContent = alerts.length ? "(" + alerts.length + ")" : "";
}

async function refresh() {
  try {
    const response = await fetch("/api/alerts", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error("HTTP " + response.status);
    render(await response.json());
    status.textContent = "live";
  } catch (e) {
    status.textContent = "reconnecting… (" + e.message + ")";
  }
}

refresh();
setInterval(refresh, 2000);
