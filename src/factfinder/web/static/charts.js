// Time charts of the workspace (timeline and dashboard): stacked bars on a true time axis,
// drawn as SVG in plain JS from the server's counts by period (/api/v1/incidents/periods),
// never from the incidents themselves. The timeline zooms (wheel, buttons) and brushes (drag
// to select a span: its count and a link to those incidents in the list). DOM nodes only,
// never HTML strings; no inline styles (the CSP forbids them).
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  // Each series' colour comes with the counts (`colours`, from factfinder.report.charts): one
  // colour per party, the same in every chart and in the case report.
  var FALLBACK = "#9a9a9a";
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(url + ": " + r.status); } return r.json(); });
  }
  function node(tag, attrs, parent) {
    var n = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(n); }
    return n;
  }
  function el(tag, cls, content) {
    var n = document.createElement(tag);
    if (cls) { n.className = cls; }
    if (content !== undefined) { n.textContent = content; }
    return n;
  }
  function day(iso) { return Date.parse(iso + "T00:00:00Z"); }
  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  // A series' name for readers ("US-led coalition") comes with the counts (`labels`, from
  // factfinder.report.labels), as the report writes it.
  function nameOf(data, key) { return (data.labels && data.labels[key]) || String(key); }
  function colourOf(data) {
    var map = {}, given = data.colours || {};
    data.series.forEach(function (s) { map[s] = given[s] || FALLBACK; });
    return map;
  }
  function withParams(base, params) {
    var q = new URLSearchParams(base.indexOf("?") >= 0 ? base.slice(base.indexOf("?") + 1) : "");
    Object.keys(params).forEach(function (k) { if (params[k] === null) { q.delete(k); } else { q.set(k, params[k]); } });
    var path = base.indexOf("?") >= 0 ? base.slice(0, base.indexOf("?")) : base;
    var s = q.toString();
    return path + (s ? "?" + s : "");
  }

  // Ticks for a span of time: years, quarters, months, weeks or days.
  function ticks(from, to, width) {
    var span = (to - from) / DAY, out = [], d, label;
    var fit = Math.max(2, Math.floor(width / 70));
    var steps = [[1, "day"], [7, "week"], [30, "month"], [91, "quarter"], [365, "year"], [730, "2year"], [1826, "5year"]];
    var step = steps[steps.length - 1];
    for (var i = 0; i < steps.length; i++) { if (span / steps[i][0] <= fit) { step = steps[i]; break; } }
    d = new Date(from);
    d = new Date(Date.UTC(d.getUTCFullYear(), step[1] === "day" || step[1] === "week" ? d.getUTCMonth() : 0, step[1] === "day" || step[1] === "week" ? d.getUTCDate() : 1));
    while (d.getTime() <= to) {
      var t = d.getTime();
      if (step[1] === "day") { label = d.getUTCDate() + " " + MONTHS[d.getUTCMonth()]; d = new Date(t + DAY); }
      else if (step[1] === "week") {
        if (d.getUTCDay() !== 1) { d = new Date(t + ((8 - d.getUTCDay()) % 7) * DAY); continue; }
        label = d.getUTCDate() + " " + MONTHS[d.getUTCMonth()]; d = new Date(t + 7 * DAY);
      }
      else if (step[1] === "month" || step[1] === "quarter") {
        label = d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : MONTHS[d.getUTCMonth()];
        d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (step[1] === "month" ? 1 : 3), 1));
      } else {
        label = String(d.getUTCFullYear());
        d = new Date(Date.UTC(d.getUTCFullYear() + (step[1] === "year" ? 1 : (step[1] === "2year" ? 2 : 5)), 0, 1));
      }
      if (t >= from) { out.push([t, label]); }
    }
    return out;
  }

  // A stacked bar chart of `data` (the periods endpoint's answer) into `host`.
  // opts: height, domain [from, to] in ms, onBrush(from, to, count), linkFor(series, start, end).
  function Chart(host, opts) {
    this.host = host; this.opts = opts || {};
    this.margin = { top: 10, right: 12, bottom: 26, left: 44 };
    this.height = this.opts.height || 280;
    this.tip = el("div", "chart-tip");
    host.appendChild(this.tip);
  }
  Chart.prototype.extent = function () {
    var b = this.data.buckets;
    if (!b.length) { return [Date.UTC(2011, 0, 1), Date.UTC(2012, 0, 1)]; }
    var from = day(b[0].start), to = day(b[b.length - 1].end) + DAY;
    // A short span is drawn over seven periods at least (as the case report's chart), so that
    // one month or one day is a bar, not a wall of colour across the chart.
    var shortfall = 7 * ({ day: 1, week: 7, month: 30 }[this.data.period] || 1) * DAY - (to - from);
    var pad = Math.max(DAY, (to - from) * 0.02, shortfall / 2);
    return [from - pad, to + pad];
  };
  Chart.prototype.set = function (data, keepDomain) {
    this.data = data;
    this.colours = colourOf(data);
    if (!keepDomain || !this.domain) { this.domain = this.extent(); }
    this.draw();
  };
  Chart.prototype.x = function (t) {
    var w = this.width - this.margin.left - this.margin.right;
    return this.margin.left + (t - this.domain[0]) / (this.domain[1] - this.domain[0]) * w;
  };
  Chart.prototype.t = function (x) {
    var w = this.width - this.margin.left - this.margin.right;
    return this.domain[0] + (x - this.margin.left) / w * (this.domain[1] - this.domain[0]);
  };
  Chart.prototype.draw = function () {
    var self = this, data = this.data, m = this.margin;
    if (this.svg) { this.svg.remove(); }
    this.width = Math.max(320, this.host.clientWidth || 800);
    var svg = node("svg", { viewBox: "0 0 " + this.width + " " + this.height, role: "img",
                            "aria-label": (data.measure === "civilians" ? "Civilians killed" : "Incidents") + " per " + data.period }, null);
    this.host.insertBefore(svg, this.tip);
    this.svg = svg;
    var plotH = this.height - m.top - m.bottom;
    var visible = data.buckets.filter(function (b) { return day(b.end) + DAY >= self.domain[0] && day(b.start) <= self.domain[1]; });
    var top = Math.max(1, Math.max.apply(null, visible.map(function (b) { return b.total; }).concat([0])));
    var y = function (v) { return m.top + plotH - v / top * plotH; };
    node("clipPath", { id: this.host.id + "-clip" }, svg).appendChild(node("rect", { x: m.left, y: 0, width: this.width - m.left - m.right, height: this.height }));
    // Axes: time below, counts on the left.
    var axis = node("g", { "class": "axis" }, svg);
    node("line", { x1: m.left, x2: this.width - m.right, y1: m.top + plotH, y2: m.top + plotH }, axis);
    ticks(this.domain[0], this.domain[1], this.width - m.left - m.right).forEach(function (tk) {
      var x = self.x(tk[0]);
      node("line", { x1: x, x2: x, y1: m.top + plotH, y2: m.top + plotH + 4 }, axis);
      if (x > self.width - m.right - 28) { return; }  // no room left for its label
      node("text", { x: x + 2, y: m.top + plotH + 16 }, axis).textContent = tk[1];
    });
    [0, 0.5, 1].forEach(function (f) {
      var v = Math.round(top * f);
      node("line", { x1: m.left - 4, x2: m.left, y1: y(v), y2: y(v) }, axis);
      var label = node("text", { x: m.left - 6, y: y(v) + 4, "text-anchor": "end" }, axis);
      label.textContent = v.toLocaleString("en");
    });
    var bars = node("g", { "class": "bars", "clip-path": "url(#" + this.host.id + "-clip)" }, svg);
    visible.forEach(function (b) {
      var x0 = self.x(day(b.start)), x1 = self.x(day(b.end) + DAY);
      var w = Math.max(1, x1 - x0 - (x1 - x0 > 4 ? 1 : 0));
      var acc = 0;
      data.series.forEach(function (s) {
        var v = b.counts[s] || 0;
        if (!v) { return; }
        var r = node("rect", { x: x0, y: y(acc + v), width: w, height: Math.max(0.5, y(acc) - y(acc + v)),
                               fill: self.colours[s], "class": "bar", "data-series": s, "data-start": b.start }, bars);
        acc += v;
        r.addEventListener("mousemove", function (e) { self.showTip(e, b); });
        r.addEventListener("mouseleave", function () { self.tip.style.display = "none"; });
        if (self.opts.linkFor) {
          r.addEventListener("click", function () { if (!self.dragged) { window.location.href = self.opts.linkFor(s, b.start, b.end); } });
        }
      });
    });
    this.brushRect = node("rect", { "class": "brush", x: 0, y: m.top, width: 0, height: plotH, visibility: "hidden" }, svg);
    if (this.opts.brush) { this.interact(svg, plotH); }
    this.host.dataset.period = data.period;
    this.host.dataset.from = iso(this.domain[0]);
    this.host.dataset.to = iso(this.domain[1]);
    this.host.dataset.bars = String(bars.childNodes.length);
    if (this.selection) { this.showSelection(); }
  };
  Chart.prototype.showTip = function (e, b) {
    var self = this;
    var lines = [b.start === b.end ? b.start : b.start + " – " + b.end];
    this.data.series.forEach(function (s) { if (b.counts[s]) { lines.push(nameOf(self.data, s) + ": " + b.counts[s].toLocaleString("en")); } });
    this.tip.textContent = lines.join("\n");
    var box = this.host.getBoundingClientRect();
    this.tip.style.display = "block";
    this.tip.style.left = Math.min(box.width - 180, e.clientX - box.left + 12) + "px";
    this.tip.style.top = (e.clientY - box.top + 12) + "px";
  };
  Chart.prototype.sum = function (from, to) {
    var n = 0;
    this.data.buckets.forEach(function (b) { var t = day(b.start); if (t >= from && t <= to) { n += b.total; } });
    return n;
  };
  Chart.prototype.showSelection = function () {
    var s = this.selection;
    var x0 = Math.max(this.margin.left, this.x(s[0])), x1 = Math.min(this.width - this.margin.right, this.x(s[1] + DAY));
    if (x1 <= x0) { this.brushRect.setAttribute("visibility", "hidden"); return; }
    this.brushRect.setAttribute("x", x0); this.brushRect.setAttribute("width", x1 - x0);
    this.brushRect.setAttribute("visibility", "visible");
  };
  Chart.prototype.zoom = function (factor, at) {
    var ext = this.extent();
    var centre = at === undefined ? (this.domain[0] + this.domain[1]) / 2 : at;
    var from = centre - (centre - this.domain[0]) * factor, to = centre + (this.domain[1] - centre) * factor;
    if (to - from < 7 * DAY) { return; }
    this.setDomain(Math.max(ext[0], from), Math.min(ext[1], to));
  };
  Chart.prototype.setDomain = function (from, to) {
    this.domain = [from, to];
    if (this.opts.onDomain) { this.opts.onDomain(from, to); } else { this.draw(); }
  };
  Chart.prototype.interact = function (svg, plotH) {
    var self = this, start = null;
    function at(e) { var box = svg.getBoundingClientRect(); return (e.clientX - box.left) * self.width / box.width; }
    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      self.zoom(e.deltaY < 0 ? 0.8 : 1.25, self.t(at(e)));
    }, { passive: false });
    svg.addEventListener("mousedown", function (e) {
      if (e.button !== 0) { return; }
      start = at(e); self.dragged = false; e.preventDefault();
    });
    svg.addEventListener("mousemove", function (e) {
      if (start === null) { return; }
      var x = at(e);
      if (Math.abs(x - start) < 3) { return; }
      self.dragged = true;
      self.brushRect.setAttribute("x", Math.min(start, x)); self.brushRect.setAttribute("width", Math.abs(x - start));
      self.brushRect.setAttribute("visibility", "visible");
    });
    window.addEventListener("mouseup", function (e) {
      if (start === null) { return; }
      var x = at(e), a = Math.min(start, x), b = Math.max(start, x);
      start = null;
      if (!self.dragged) { return; }
      var from = Math.floor(self.t(a) / DAY) * DAY, to = Math.floor(self.t(b) / DAY) * DAY;
      self.selection = [from, to];
      self.showSelection();
      if (self.opts.onBrush) { self.opts.onBrush(from, to, self.sum(from, to)); }
      setTimeout(function () { self.dragged = false; }, 0);
    });
    svg.addEventListener("dblclick", function () { self.selection = null; self.brushRect.setAttribute("visibility", "hidden"); self.setDomain.apply(self, self.extent()); if (self.opts.onBrush) { self.opts.onBrush(null, null, 0); } });
    void plotH;
  };

  function legend(box, data, colours, linkFor) {
    while (box.firstChild) { box.removeChild(box.firstChild); }
    data.series.forEach(function (s) {
      var a = el("a");
      a.href = linkFor(s);
      var sw = el("span", "swatch");
      sw.style.background = colours[s];
      a.appendChild(sw);
      a.appendChild(document.createTextNode(nameOf(data, s)));
      box.appendChild(a);
    });
  }

  function bestPeriod(from, to) {
    var span = (to - from) / DAY;
    return span > 2 * 365 ? "month" : (span > 120 ? "week" : "day");
  }

  function timeline(host) {
    var q = host.dataset.query || "";
    var list = host.dataset.list;
    var form = document.getElementById("timeline-tools");
    var legendBox = document.getElementById("timeline-legend");
    var undated = document.getElementById("timeline-undated");
    var selection = document.getElementById("timeline-selection");
    var current = null;
    function choice(name) { return form.elements[name].value; }
    function listLink(params) { return withParams(list + q, params); }
    var chart = new Chart(host, {
      height: 300, brush: true,
      linkFor: function (s, from, to) {
        var p = { date_from: from, date_to: to }; p[current.by] = s; return listLink(p);
      },
      onBrush: function (from, to, n) {
        while (selection.firstChild) { selection.removeChild(selection.firstChild); }
        if (from === null) { delete host.dataset.selected; return; }
        host.dataset.selected = iso(from) + "/" + iso(to) + "/" + n;
        selection.appendChild(document.createTextNode(iso(from) + " to " + iso(to) + ": " + n.toLocaleString("en") +
          (current.measure === "civilians" ? " civilians killed (smallest figures) " : " incident(s) ")));
        var a = el("a", null, "show them in the list");
        a.id = "timeline-selection-list";
        a.href = listLink({ date_from: iso(from), date_to: iso(to) });
        selection.appendChild(a);
        selection.appendChild(document.createTextNode(" · "));
        var zoom = el("button", "link", "zoom to the selection");
        zoom.type = "button"; zoom.id = "timeline-zoom-selection";
        zoom.addEventListener("click", function () { chart.setDomain(from - DAY, to + 2 * DAY); });
        selection.appendChild(zoom);
      },
      onDomain: function (from, to) {
        var period = choice("period") === "auto" ? bestPeriod(from, to) : choice("period");
        if (current && period === current.period) { chart.draw(); } else { load(true, from, to); }
      }
    });
    function load(keep, from, to) {
      var period = choice("period");
      if (period === "auto") { period = from !== undefined ? bestPeriod(from, to) : (current ? current.autoPeriod || "month" : "month"); }
      var url = withParams(host.dataset.periods + q, { period: period, by: choice("by"), measure: choice("measure") });
      host.dataset.busy = "1";
      return getJSON(url).then(function (data) {
        var first = !current;
        current = data;
        chart.set(data, keep);
        if (first && choice("period") === "auto" && data.buckets.length) {
          // Choose the period by the span of the data, then read it again at that period.
          var ext = chart.extent(), want = bestPeriod(ext[0], ext[1]);
          current.autoPeriod = want;
          if (want !== data.period) { return load(false); }
        }
        legend(legendBox, data, chart.colours, function (s) { var p = {}; p[data.by] = s; return listLink(p); });
        undated.textContent = data.undated ? data.undated.toLocaleString("en") +
          (data.measure === "civilians" ? " civilians killed in undated incidents" : " undated incident(s)") + ", counted apart (not on the time axis)." : "";
        delete host.dataset.busy;
        host.dataset.loaded = String(data.total);
      }).catch(function (e) { console.error(e); host.dataset.loaded = "error"; delete host.dataset.busy; });
    }
    form.addEventListener("change", function () {
      current = null;
      chart.selection = null;
      chart.opts.onBrush(null, null, 0);
      load(false);
    });
    document.getElementById("timeline-zoom-in").addEventListener("click", function () { chart.zoom(0.6); });
    document.getElementById("timeline-zoom-out").addEventListener("click", function () { chart.zoom(1.6); });
    document.getElementById("timeline-reset").addEventListener("click", function () {
      chart.selection = null;
      chart.opts.onBrush(null, null, 0);
      chart.setDomain.apply(chart, chart.extent());
    });
    load(false);
    var resize = null;
    window.addEventListener("resize", function () { clearTimeout(resize); resize = setTimeout(function () { if (current) { chart.draw(); } }, 150); });
  }

  // The dashboard's small charts: the same bars, each linking into the filtered list.
  function small(host) {
    var list = host.dataset.list;
    var chart = new Chart(host, {
      height: 200,
      linkFor: function (s, from, to) {
        var p = { date_from: from, date_to: to }; p[chart.data.by] = s; return withParams(list, p);
      }
    });
    var legendBox = host.parentNode.querySelector(".chart-legend");
    getJSON(host.dataset.periods).then(function (data) {
      chart.set(data);
      if (legendBox) { legend(legendBox, data, chart.colours, function (s) { var p = {}; p[data.by] = s; return withParams(list, p); }); }
      host.dataset.loaded = String(data.total);
    }).catch(function (e) { console.error(e); host.dataset.loaded = "error"; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var host = document.getElementById("timeline");
    if (host) { timeline(host); }
    Array.prototype.forEach.call(document.querySelectorAll(".chart[data-small]"), small);
  });
})();
