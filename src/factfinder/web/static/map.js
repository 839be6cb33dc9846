// The incident map: Leaflet over the boundaries shipped with factfinder (no tile server).
// The server answers for the visible box and zoom (/api/v1/incidents/map): the incidents one
// by one when few are in view (clustered here with Leaflet.markercluster), else its own grid
// clusters, so the browser never receives every incident of a large project. Everything is
// built with DOM nodes, never HTML strings: names come from evidence (and the CSP forbids
// inline styles and scripts).
(function () {
  "use strict";
  // The grades' colours come with the page (`data-grade-colours`: [grade, colour] pairs from
  // factfinder.report.charts), the same in the map, the charts and the case report.
  var GRADES = {};
  var GRADE_ORDER = [];
  var FALLBACK = "#9a9a9a";  // as charts.js: a value outside the palette
  var AREA = { district: true, governorate: true, country: true };

  function getJSON(url, signal) {
    return fetch(url, { credentials: "same-origin", headers: { "Accept": "application/geo+json, application/json" }, signal: signal })
      .then(function (r) { if (!r.ok) { throw new Error(url + ": " + r.status); } return r.json(); });
  }
  function text(value) { return value === null || value === undefined ? "" : String(value); }
  // Names for readers of the points' perpetrators and event types ("US-led coalition"): they
  // come with each answer (`labels`, from factfinder.report.labels), as the report writes them.
  var NAMES = {};
  function nameOf(key) { return NAMES[key] || text(key); }
  function colour(grade) { return GRADES[grade || "ungraded"] || GRADES.ungraded || FALLBACK; }
  function radius(civilians) { return 5 + Math.min(18, 3 * Math.log(1 + (civilians || 0)) / Math.LN2 / 1.5); }
  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (content !== undefined) { node.textContent = content; }
    return node;
  }

  function popup(p) {
    var box = el("div", "incident-popup");
    var title = el("a", null, "Incident " + text(p.id));
    title.href = "/incidents/" + encodeURIComponent(text(p.id));
    box.appendChild(el("div", "title")).appendChild(title);
    var rows = [
      ["Date", p.date ? (p.date_end && p.date_end !== p.date ? p.date + " – " + p.date_end : p.date) : "undated"],
      ["Place", text(p.place) + (p.governorate && p.governorate !== p.place ? ", " + p.governorate : "") +
                (AREA[p.precision] ? " (placed to the " + p.precision + " only)" : "")],
      ["Alleged perpetrator", nameOf(p.perpetrator)],
      ["Event", nameOf(p.event_type)],
      ["Killed", text(p.killed_text)],
      ["Civilians killed", text(p.civilians_text)],
      ["Grade", text(p.grade || "ungraded")]
    ];
    var dl = el("dl");
    rows.forEach(function (row) { dl.appendChild(el("dt", null, row[0])); dl.appendChild(el("dd", null, row[1])); });
    box.appendChild(dl);
    return box;
  }

  // The incidents chosen on the map for a case (id → true), kept across redraws.
  var selected = {};
  var onSelect = null;

  function pointLayer(p) {
    var area = !!AREA[p.precision];
    var marker = L.circleMarker([p.lat, p.lon], {
      radius: radius(p.civilians_killed) + (area ? 4 : 0),
      color: area ? colour(p.grade) : "#3b2a2a",
      weight: area ? 3 : 1,
      dashArray: area ? "4 3" : null,
      fillColor: colour(p.grade),
      fillOpacity: area ? 0.08 : 0.85,
      className: "incident-marker" + (area ? " area" : "")
    });
    var box = popup(p);
    if (onSelect) {
      var toggle = el("button", "link select-incident", "");
      toggle.type = "button";
      toggle.dataset.id = text(p.id);
      var label = function () { toggle.textContent = selected[p.id] ? "Take out of the selection" : "Select for a case"; };
      label();
      toggle.addEventListener("click", function () { onSelect(p.id, !selected[p.id]); label(); });
      box.appendChild(toggle);
    }
    marker.bindPopup(box, { autoPan: true, maxWidth: 320 });
    if (onSelect) { marker.on("popupopen", function () { label(); }); }
    marker.incidentId = p.id;
    marker.baseStyle = { color: area ? colour(p.grade) : "#3b2a2a", weight: area ? 3 : 1 };
    if (selected[p.id]) { marker.setStyle({ color: "#111", weight: 3 }); }
    return marker;
  }

  function cellLayer(map, c) {
    var size = c.count < 10 ? "small" : (c.count < 100 ? "medium" : "large");
    var div = el("div");
    div.appendChild(el("span", null, c.count.toLocaleString("en")));
    var px = 32 + Math.min(24, 4 * Math.log(c.count) / Math.LN10);
    var marker = L.marker([c.lat, c.lon], {
      icon: L.divIcon({ html: div, className: "marker-cluster marker-cluster-" + size + " server-cluster", iconSize: [px, px] }),
      title: c.count + " incidents, " + c.civilians_killed + " civilians killed (smallest figures)",
      keyboard: true
    });
    marker.on("click", function () {
      var b = c.bounds;
      if (b[0] === b[2] && b[1] === b[3]) { map.setView([c.lat, c.lon], Math.min(map.getZoom() + 3, 14)); }
      else { map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: [30, 30], maxZoom: 14 }); }
    });
    return marker;
  }

  function legend(map) {
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = el("div", "map-legend");
      box.appendChild(el("b", null, "Grade"));
      GRADE_ORDER.forEach(function (g) {
        var row = el("div", "row");
        var sw = el("span", "swatch");
        sw.style.background = GRADES[g];
        row.appendChild(sw);
        row.appendChild(document.createTextNode(g));
        box.appendChild(row);
      });
      box.appendChild(el("b", null, "Civilians killed"));
      [1, 10, 100, 1000].forEach(function (n) {
        var row = el("div", "row");
        var dot = el("span", "dot");
        var d = 2 * radius(n);
        dot.style.width = d + "px"; dot.style.height = d + "px";
        row.appendChild(dot);
        row.appendChild(document.createTextNode(n.toLocaleString("en")));
        box.appendChild(row);
      });
      box.appendChild(el("b", null, "Place"));
      var town = el("div", "row"); town.appendChild(el("span", "dot")); town.appendChild(document.createTextNode("town or site"));
      var area = el("div", "row"); area.appendChild(el("span", "dot ring")); area.appendChild(document.createTextNode("district or governorate only"));
      var cluster = el("div", "row"); cluster.appendChild(el("span", "dot cluster", "n")); cluster.appendChild(document.createTextNode("cluster of n incidents"));
      box.appendChild(town); box.appendChild(area); box.appendChild(cluster);
      box.appendChild(el("div", "unlocated"));
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    control.addTo(map);
    return control;
  }

  function readHash() {
    var m = /^#(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(window.location.hash);
    return m ? { zoom: +m[1], lat: +m[2], lon: +m[3] } : null;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var host = document.getElementById("map");
    if (!host || !window.L) { return; }
    JSON.parse(host.dataset.gradeColours || "[]").forEach(function (pair) {
      GRADES[pair[0]] = pair[1]; GRADE_ORDER.push(pair[0]);
    });
    var status = document.getElementById("map-status");
    var start = readHash();
    var map = L.map(host, { attributionControl: true, zoomSnap: 1, fadeAnimation: false,
                            zoomAnimation: false, markerZoomAnimation: false, minZoom: 3, maxZoom: 16 })
      .setView(start ? [start.lat, start.lon] : [34.8, 39.5], start ? start.zoom : 6);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: Natural Earth · places: GeoNames");
    map.createPane("base");
    map.getPane("base").style.zIndex = 350;
    map.createPane("labels");
    map.getPane("labels").style.zIndex = 450;
    map.getPane("labels").style.pointerEvents = "none";
    getJSON(host.dataset.boundaries).then(function (geo) {
      function level(name) {
        return { type: "FeatureCollection",
                 features: geo.features.filter(function (f) { return f.properties && f.properties.level === name; }) };
      }
      L.geoJSON(level("country"), { pane: "base", interactive: false,
        style: { color: "#3b4a59", weight: 1.6, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
      L.geoJSON(level("admin1"), { pane: "base", interactive: false,
        style: { color: "#8d9aa6", weight: 0.8, fill: false } }).addTo(map);
    }).catch(function (e) { console.error(e); });

    var clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 45,
                                          spiderfyOnMaxZoom: true, animate: false, chunkedLoading: true });
    var cells = L.layerGroup();
    var labels = L.layerGroup();
    clusters.addTo(map); cells.addTo(map); labels.addTo(map);
    var key = legend(map);
    var pending = null;
    var timer = null;

    function label(name, lat, lon, cls) {
      var span = el("span", null, name);
      return L.marker([lat, lon], { pane: "labels", interactive: false, keyboard: false,
        icon: L.divIcon({ html: span, className: "map-label " + cls, iconSize: null }) });
    }

    // Labels that would overlap are thinned by priority: governorates before towns, each by
    // its number of incidents. A label a tenth or more under a marker or cluster (drawn over the
    // labels: they are clicked) moves down or up clear of them, or gives way to them: half
    // hidden, a name could not be read.
    var SHIFTS = [0, 22, -22, 40, -40];
    function declutter(order) {
      var kept = [], obstacles = [], shown = 0, hidden = 0;
      function box(node, pad) {
        var r = node.getBoundingClientRect();
        return { l: r.left - pad, t: r.top - pad, r: r.right + pad, b: r.bottom + pad };
      }
      function overlap(a, b) {
        return Math.max(0, Math.min(a.r, b.r) - Math.max(a.l, b.l)) * Math.max(0, Math.min(a.b, b.b) - Math.max(a.t, b.t));
      }
      Array.prototype.forEach.call(host.querySelectorAll(".marker-cluster, .incident-marker"), function (n) {
        obstacles.push(box(n, 0));
      });
      order.forEach(function (m) {
        var node = m.getElement();
        if (!node) { return; }
        node.classList.remove("label-hidden");
        var span = node.firstChild || node, placed = null;
        // At its place, else moved down or up clear of the markers and of the labels kept.
        for (var i = 0; i < SHIFTS.length && !placed; i++) {
          span.style.top = SHIFTS[i] ? SHIFTS[i] + "px" : "";
          var b = box(span, 3);
          var area = Math.max(1, (b.r - b.l) * (b.b - b.t));
          var covered = obstacles.reduce(function (sum, o) { return sum + overlap(b, o); }, 0);
          if (!kept.some(function (k) { return overlap(b, k) > 0; }) && covered <= 0.1 * area) { placed = b; }
        }
        if (placed) { kept.push(placed); shown += 1; }
        else { span.style.top = ""; node.classList.add("label-hidden"); hidden += 1; }
      });
      host.dataset.labelsShown = String(shown);
      host.dataset.labelsHidden = String(hidden);
    }
    var ranked = [];

    function draw(data) {
      clusters.clearLayers(); cells.clearLayers(); labels.clearLayers();
      ranked = [];
      data.governorates.slice().sort(function (a, b) { return b.count - a.count; }).forEach(function (g) {
        if (g.lat !== null && g.lon !== null) { ranked.push(label(g.name + " · " + g.count, g.lat, g.lon, "governorate")); }
      });
      // Towns from zoom 7 on (at a country's scale their names are noise).
      if (map.getZoom() >= 7) {
        data.places.forEach(function (p) {
          if (p.name !== undefined && data.governorates.every(function (g) { return g.name !== p.name; })) {
            ranked.push(label(p.name, p.lat, p.lon, "town"));
          }
        });
      }
      ranked.forEach(function (m) { labels.addLayer(m); });
      NAMES = data.labels || {};
      if (data.points.length) { clusters.addLayers(data.points.map(pointLayer)); }
      data.cells.forEach(function (c) { cells.addLayer(cellLayer(map, c)); });
      setTimeout(function () { declutter(ranked); }, 0);
      var mode = data.cells.length ? "cells" : "points";
      host.dataset.mode = mode;
      var selectView = document.getElementById("map-select-view");
      if (selectView) { selectView.disabled = mode === "cells"; }
      host.dataset.loaded = String(data.total);
      var note = key.getContainer().querySelector(".unlocated");
      note.textContent = data.unlocated ? data.unlocated + " matching incident(s) without coordinates are not on the map" : "";
      status.textContent = data.total.toLocaleString("en") + " incident(s) in view" +
        (mode === "cells" ? " — counted by the server in " + data.cells.length + " clusters at this zoom" : "") +
        (data.unlocated ? "; " + data.unlocated + " without coordinates" : "") + ".";
    }

    function load() {
      if (pending) { pending.abort(); }
      pending = window.AbortController ? new AbortController() : null;
      var b = map.getBounds().pad(0.15);
      var clamp = function (v, lo, hi) { return Math.max(lo, Math.min(hi, v)).toFixed(4); };
      var q = host.dataset.query || "";
      var url = host.dataset.aggregates + (q ? q + "&" : "?") +
        "south=" + clamp(b.getSouth(), -90, 90) + "&west=" + clamp(b.getWest(), -180, 180) +
        "&north=" + clamp(b.getNorth(), -90, 90) + "&east=" + clamp(b.getEast(), -180, 180) +
        "&zoom=" + Math.round(map.getZoom());
      host.dataset.busy = "1";
      getJSON(url, pending ? pending.signal : undefined).then(function (data) {
        draw(data);
        delete host.dataset.busy;
      }).catch(function (e) {
        if (e && e.name === "AbortError") { return; }
        console.error(e); host.dataset.loaded = "error"; delete host.dataset.busy;
      });
      // The view goes into the address (filters are already in its query), so it can be shared.
      var c = map.getCenter();
      history.replaceState(null, "", window.location.pathname + window.location.search +
        "#" + map.getZoom() + "/" + c.lat.toFixed(4) + "/" + c.lng.toFixed(4));
    }
    clusters.on("animationend", function () { declutter(ranked); });
    var form = document.getElementById("map-case-form");
    if (form) {
      var chosen = document.getElementById("map-selected");
      var count = document.getElementById("map-selected-count");
      var refresh = function () {
        while (chosen.firstChild) { chosen.removeChild(chosen.firstChild); }
        var ids = Object.keys(selected).sort();
        ids.forEach(function (id) {
          var input = el("input"); input.type = "hidden"; input.name = "ids"; input.value = id;
          chosen.appendChild(input);
        });
        count.textContent = ids.length ? ids.length + " incident(s) selected: " + ids.join(", ") : "No incident selected.";
        form.dataset.selected = String(ids.length);
        document.getElementById("map-add-to-case").disabled = !ids.length;
        clusters.eachLayer(function (m) {
          if (m.incidentId !== undefined) { m.setStyle(selected[m.incidentId] ? { color: "#111", weight: 3 } : m.baseStyle); }
        });
      };
      onSelect = function (id, on) { if (on) { selected[id] = true; } else { delete selected[id]; } refresh(); };
      document.getElementById("map-select-view").addEventListener("click", function () {
        var inView = map.getBounds();
        clusters.eachLayer(function (m) {
          if (m.incidentId !== undefined && inView.contains(m.getLatLng())) { selected[m.incidentId] = true; }
        });
        refresh();
      });
      document.getElementById("map-select-clear").addEventListener("click", function () { selected = {}; refresh(); });
      refresh();
    }
    map.on("moveend", function () { clearTimeout(timer); timer = setTimeout(load, 120); });
    load();
  });
})();
