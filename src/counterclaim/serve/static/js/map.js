// Map: Natural Earth countries (world-atlas TopoJSON, served locally) as the base layer,
// places and events from the API as circles coloured by status. Popups are DOM nodes built
// with textContent, never HTML strings, because names come from untrusted articles.
"use strict";

(function () {
  const box = document.getElementById("map");
  const note = document.getElementById("map-status");
  if (!box || typeof L === "undefined") return;
  const COLOURS = {
    disputed: "#c0392b", denied: "#8e44ad", asserted: "#2c3e50", attributed: "#2471a3",
    reported: "#17a589", alleged: "#d68910", purported: "#ca6f1e", hedged: "#7f8c8d",
  };
  const map = L.map(box, { attributionControl: false, worldCopyJump: true, minZoom: 1 })
    .setView([20, 10], 2);

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function link(href, text) {
    const a = el("a", text);
    a.href = href;
    return a;
  }

  function placePopup(place) {
    const div = el("div", null, "popup");
    div.appendChild(el("strong", place.name));
    div.appendChild(el("p", place.n_articles + " articles · " + place.n_claims + " claims · " +
      place.n_events + " events · " + (place.status || "no status")));
    const q = encodeURIComponent(place.name);
    div.appendChild(link("/claims?place=" + q, "Claims about " + place.name));
    div.appendChild(el("br"));
    div.appendChild(link("/disputes?place=" + q, "Disputes"));
    div.appendChild(el("br"));
    div.appendChild(link("/timeline?place=" + q, "Timeline"));
    return div;
  }

  function eventPopup(row) {
    const div = el("div", null, "popup");
    const ev = row.event;
    div.appendChild(el("strong", [ev.type, ev.subtype].filter(Boolean).join(" — ")));
    div.appendChild(el("p", (row.day || "undated") + " · " + ev.status + " · " +
      (row.place ? row.place.name : "") + " · " + (row.outlet || "")));
    div.appendChild(link("/articles/" + encodeURIComponent(row.article_id), "Article"));
    if (row.place && row.place.name) {
      div.appendChild(el("br"));
      div.appendChild(link("/claims?place=" + encodeURIComponent(row.place.name), "Claims there"));
    }
    return div;
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    return response.json();
  }

  async function draw() {
    const world = await getJSON(box.dataset.world);
    L.geoJSON(topojson.feature(world, world.objects.countries), {
      style: { color: "#9aa5b1", weight: 0.6, fillColor: "#eef1f4", fillOpacity: 1 },
      interactive: false,
    }).addTo(map);
    const [places, events] = await Promise.all([getJSON(box.dataset.places), getJSON(box.dataset.events)]);
    const bounds = [];
    for (const place of places.items) {
      if (place.lat === null || place.lon === null) continue;
      const colour = COLOURS[place.status] || COLOURS.asserted;
      const radius = 5 + Math.min(12, Math.sqrt(place.n_articles) * 2);
      L.circleMarker([place.lat, place.lon], { radius: radius, color: colour, fillColor: colour,
        fillOpacity: 0.55, weight: 2, className: "place-marker status-" + (place.status || "none") })
        .bindPopup(placePopup(place)).addTo(map);
      bounds.push([place.lat, place.lon]);
    }
    let located = 0;
    for (const row of events.items) {
      if (!row.place || row.place.lat === null || row.place.lon === null) continue;
      const colour = COLOURS[row.event.status] || COLOURS.asserted;
      const jitter = (located % 7) * 0.01;
      L.circleMarker([row.place.lat + jitter, row.place.lon + jitter], { radius: 4, color: "#fff",
        fillColor: colour, fillOpacity: 0.9, weight: 1,
        className: "event-marker status-" + row.event.status })
        .bindPopup(eventPopup(row)).addTo(map);
      located += 1;
    }
    // No animation: the markers must sit where they will stay once the page says it is ready,
    // or a click made right after lands on a marker still moving.
    if (bounds.length) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 7, animate: false });
    note.textContent = places.items.length + " places, " + located + " located events.";
    note.dataset.ready = "true";
  }

  draw().catch((error) => { note.textContent = "Could not load the map: " + error.message; });
})();
