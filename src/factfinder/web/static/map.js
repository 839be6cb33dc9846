// The incident map: Leaflet over the boundaries shipped with factfinder (no tile server).
(function () {
  "use strict";
  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { "Accept": "application/geo+json, application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(url + ": " + r.status); } return r.json(); });
  }
  function text(value) { return value === null || value === undefined ? "" : String(value); }
  function popup(props) {
    // Built with DOM nodes, never HTML strings: incident names come from evidence.
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = "/incidents/" + encodeURIComponent(text(props.id));
    link.textContent = "Incident " + text(props.id);
    box.appendChild(link);
    var lines = [text(props.date), text(props.place), text(props.event_type),
                 "killed " + text(props.killed), "grade " + text(props.grade)];
    lines.forEach(function (line) {
      var p = document.createElement("div");
      p.textContent = line;
      box.appendChild(p);
    });
    return box;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("map");
    if (!el || !window.L) { return; }
    var map = L.map(el, { attributionControl: true, zoomSnap: 0.5, fadeAnimation: false,
                             zoomAnimation: false, markerZoomAnimation: false }).setView([35.0, 38.5], 6);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: Natural Earth");
    // The base layer sits in its own pane under the markers, whatever order the two requests
    // finish in; countries are filled first, governorate lines drawn over them.
    map.createPane("base");
    map.getPane("base").style.zIndex = 350;
    getJSON(el.dataset.boundaries).then(function (geo) {
      function level(name) {
        return { type: "FeatureCollection",
                 features: geo.features.filter(function (f) { return f.properties && f.properties.level === name; }) };
      }
      L.geoJSON(level("country"), { pane: "base", interactive: false,
        style: { color: "#3b4a59", weight: 1.6, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
      L.geoJSON(level("admin1"), { pane: "base", interactive: false,
        style: { color: "#8d9aa6", weight: 0.8, fill: false } }).addTo(map);
    }).catch(function (e) { console.error(e); });
    getJSON(el.dataset.incidents).then(function (geo) {
      var layer = L.geoJSON(geo, {
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, { radius: 6 + Math.min(10, Math.sqrt(f.properties.killed_min || 0)),
                                          color: "#8c1d18", fillColor: "#d64541", fillOpacity: 0.8, weight: 1 });
        },
        onEachFeature: function (f, l) { l.bindPopup(popup(f.properties), { autoPan: false }); }
      }).addTo(map);
      if (geo.features && geo.features.length) { map.fitBounds(layer.getBounds().pad(0.5), { maxZoom: 7, animate: false }); }
      el.dataset.loaded = String(geo.features ? geo.features.length : 0);
    }).catch(function (e) { console.error(e); el.dataset.loaded = "error"; });
  });
})();
