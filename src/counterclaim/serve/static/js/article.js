// Article view: hovering or focusing a highlighted claim shows its details in the side
// panel; clicking pins them. Every detail is server-rendered (escaped) markup; this script
// only toggles `hidden` and classes, and never writes HTML.
"use strict";

(function () {
  const text = document.getElementById("article-text");
  const panel = document.getElementById("claim-panel");
  if (!text || !panel) return;
  // Headline claims are marked in the title, body claims in the text.
  const areas = [document.getElementById("article-title"), text].filter(Boolean);
  function marks(selector) {
    return areas.flatMap((area) => Array.from(area.querySelectorAll(selector)));
  }
  let pinned = null;

  function detailOf(id) {
    return document.getElementById("claim-" + id);
  }

  function show(id) {
    const detail = detailOf(id);
    if (!detail) return;
    panel.querySelectorAll(".claim-detail").forEach((el) => { el.hidden = el !== detail; });
    const hint = panel.querySelector(".hint");
    if (hint) hint.hidden = true;
    marks("mark.cc-active").forEach((el) => el.classList.remove("cc-active"));
    marks("mark").forEach((el) => {
      const ids = (el.dataset.claims || "").split(" ");
      if (el.dataset.claim === id || ids.includes(id)) el.classList.add("cc-active");
    });
  }

  function claimOf(target) {
    const mark = target.closest ? target.closest("mark[data-claim]") : null;
    return mark ? mark.dataset.claim : null;
  }

  areas.forEach((area) => {
    area.addEventListener("mouseover", (event) => {
      const id = claimOf(event.target);
      if (id && !pinned) show(id);
    });
    area.addEventListener("focusin", (event) => {
      const id = claimOf(event.target);
      if (id) show(id);
    });
    area.addEventListener("click", (event) => {
      const id = claimOf(event.target);
      if (!id) return;
      pinned = pinned === id ? null : id;
      show(id);
    });
  });
  document.addEventListener("click", (event) => {
    const ref = event.target.closest ? event.target.closest("a.claim-ref[data-claim]") : null;
    if (!ref) return;
    event.preventDefault();
    pinned = ref.dataset.claim;
    show(pinned);
    const first = marks("mark.cc-active")[0];
    if (first) first.scrollIntoView({ block: "center" });
    history.replaceState(null, "", "#claim-" + pinned);
  });

  // A link such as /articles/<id>#claim-c3 (from the disputes board) opens that claim.
  const match = /^#claim-(.+)$/.exec(decodeURIComponent(location.hash || ""));
  if (match && detailOf(match[1])) {
    pinned = match[1];
    show(pinned);
    const first = marks("mark.cc-active")[0];
    if (first) first.scrollIntoView({ block: "center" });
  }
})();
