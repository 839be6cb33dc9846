// factfinder workspace: starts the vendored Swagger UI on /api/docs (no inline script: the
// Content-Security-Policy forbids it). Requests tried from the page carry the session cookie
// and, for unsafe methods, the session's CSRF token.
(function () {
  "use strict";
  function start() {
    var body = document.body;
    var csrf = body.dataset.csrf || "";
    /* global SwaggerUIBundle */
    window.ui = SwaggerUIBundle({
      url: body.dataset.schema,
      dom_id: "#swagger-ui",
      deepLinking: true,
      validatorUrl: null,
      presets: [SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
      requestInterceptor: function (request) {
        var method = (request.method || "GET").toUpperCase();
        if (csrf && ["POST", "PUT", "PATCH", "DELETE"].indexOf(method) !== -1) {
          request.headers["X-CSRF-Token"] = csrf;
        }
        request.credentials = "same-origin";
        return request;
      }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
