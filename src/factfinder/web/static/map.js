// The incident map: Leaflet over the boundaries shipped with factfinder (no tile server).
(function () {
  "use strict";
  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
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
    var map = L.map(el, { attributionControl: true, zoomSnap: 0.5 }).setView([35.0, 38.5], 6);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: Natural Earth");
    getJSON(el.dataset.boundaries).then(function (geo) {
      L.geoJSON(geo, {
        style: function (f) {
          var country = f.properties && f.properties.level === "country";
          return { color: country ? "#3b4a59" : "#8a99a8", weight: country ? 1.6 : 0.7,
                   fillColor: "#f4f1ea", fillOpacity: country ? 0.9 : 0.0 };
        }
      }).addTo(map);
    }).catch(function (e) { console.error(e); });
    getJSON(el.dataset.incidents).then(function (geo) {
      var layer = L.geoJSON(geo, {
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, { radius: 6 + Math.min(10, Math.sqrt(f.properties.killed_min || 0)),
                                          color: "#8c1d18", fillColor: "#d64541", fillOpacity: 0.8, weight: 1 });
        },
        onEachFeature: function (f, l) { l.bindPopup(popup(f.properties)); }
      }).addTo(map);
      if (geo.features && geo.features.length) { map.fitBounds(layer.getBounds().pad(0.3), { maxZoom: 9 }); }
      el.dataset.loaded = String(geo.features ? geo.features.length : 0);
    }).catch(function (e) { console.error(e); el.dataset.loaded = "error"; });
  });
})();
