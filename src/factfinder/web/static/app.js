// factfinder workspace: keyboard shortcuts for the review queue. No inline scripts anywhere
// (the Content-Security-Policy forbids them); this file is the only behaviour besides htmx.
(function () {
  "use strict";
  function typing(event) {
    var t = event.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  function press(id) {
    var button = document.getElementById(id);
    if (button) { button.click(); }
  }
  document.addEventListener("keydown", function (event) {
    if (document.body.dataset.page !== "review" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var form = document.getElementById("decide");
    if (!form) { return; }
    if (typing(event)) {
      // Enter inside a correction field saves the correction (in the place search box it
      // only searches), Escape leaves the field.
      if (event.key === "Enter" && event.target.id === "place-search") { event.preventDefault(); return; }
      if (event.key === "Enter" && event.target.tagName === "INPUT" && event.target.type !== "checkbox") { event.preventDefault(); press("correct"); }
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    if (event.key === "a") { event.preventDefault(); press("accept"); }
    else if (event.key === "r") { event.preventDefault(); press("reject"); }
    else if (event.key === "c") {
      event.preventDefault();
      var first = form.querySelector("table.counts input");
      if (first) { first.focus(); first.select(); }
    }
  });
})();
