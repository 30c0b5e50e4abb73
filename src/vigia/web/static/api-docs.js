// /docs: start Swagger UI on this server's OpenAPI description (the page's data-openapi-url).
"use strict";

window.addEventListener("DOMContentLoaded", function () {
  var container = document.getElementById("swagger-ui");
  if (!container || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: container.dataset.openapiUrl,
    domNode: container,
    deepLinking: true,
    validatorUrl: null,
  });
});
