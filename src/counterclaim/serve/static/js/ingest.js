// Ingest page: sends the pasted article, then each chosen file, one request at a time, and
// shows progress. Results are written with textContent only: titles are untrusted text.
"use strict";

(function () {
  const form = document.getElementById("ingest-form");
  if (!form) return;
  const progress = document.getElementById("ingest-progress");
  const status = document.getElementById("ingest-status");
  const results = document.getElementById("ingest-results");
  const maxBytes = Number(form.dataset.maxBytes || 0);

  function headers(json) {
    const h = json ? { "Content-Type": "application/json" } : {};
    const token = document.getElementById("ingest-token");
    if (token && token.value) h.Authorization = "Bearer " + token.value;
    return h;
  }

  function value(id) {
    const el = document.getElementById(id);
    return el && el.value.trim() ? el.value.trim() : null;
  }

  async function answer(response) {
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (response.ok) return Array.isArray(body) ? body : [body];
    const error = (body && body.error) || { code: "http_" + response.status, message: response.statusText };
    return [{ ok: false, error: error }];
  }

  function sendPasted() {
    const body = { text: value("ingest-text") };
    for (const key of ["title", "outlet", "published"]) {
      const v = value("ingest-" + key);
      if (v) body[key] = v;
    }
    return fetch("/api/ingest", { method: "POST", headers: headers(true), body: JSON.stringify(body) })
      .then(answer);
  }

  function sendFile(file) {
    if (maxBytes && file.size > maxBytes) {
      return Promise.resolve([{ ok: false, name: file.name,
        error: { code: "too_large", message: "over the upload limit of " + maxBytes + " bytes" } }]);
    }
    const data = new FormData();
    data.append("files", file, file.name);
    return fetch("/api/ingest/files", { method: "POST", headers: headers(false), body: data })
      .then(answer);
  }

  function report(label, result) {
    const item = document.createElement("li");
    item.className = result.ok ? "ok" : "failed";
    const name = document.createElement("strong");
    name.textContent = result.name || label;
    item.appendChild(name);
    item.appendChild(document.createTextNode(" — "));
    if (result.ok) {
      const link = document.createElement("a");
      link.href = "/articles/" + encodeURIComponent(result.article_id);
      link.className = "ingested-link";
      link.textContent = result.title || result.article_id;
      item.appendChild(link);
      item.appendChild(document.createTextNode(
        " (" + result.status + ", " + result.n_claims + " claims)"));
    } else {
      item.appendChild(document.createTextNode("failed: " + result.error.message));
    }
    results.appendChild(item);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const jobs = [];
    if (value("ingest-text")) jobs.push(["pasted article", sendPasted]);
    const files = document.getElementById("ingest-files").files;
    for (const file of files) jobs.push([file.name, () => sendFile(file)]);
    if (!jobs.length) { status.textContent = "Paste an article or choose files first."; return; }
    const button = document.getElementById("ingest-submit");
    button.disabled = true;
    progress.max = jobs.length;
    progress.value = 0;
    let failed = 0;
    for (const [label, job] of jobs) {
      status.textContent = "Analyzing " + label + " (" + (progress.value + 1) + " of " + jobs.length + ")…";
      let answers;
      try { answers = await job(); } catch (e) { answers = [{ ok: false, error: { message: String(e) } }]; }
      answers.forEach((r) => { if (!r.ok) failed += 1; report(label, r); });
      progress.value += 1;
    }
    status.textContent = "Done: " + jobs.length + " sent, " + failed + " failed.";
    status.dataset.done = "true";
    button.disabled = false;
  });
})();
