// Makes the report's charts interactive (a tooltip on every mark) with Vega-Embed, which this
// server gives at /static/vega/vega.js. Each chart's figure holds the SVG the server drew and
// its Vega-Lite specification: the SVG is replaced only once the chart is drawn again, so a
// browser without scripts, or an error, leaves the server's drawing in place.
(function () {
  var specs = document.querySelectorAll("script[data-vega-spec]");
  if (!specs.length || typeof window.vegaEmbed !== "function") { return; }
  var localeNode = document.getElementById("vega-locale");
  var locale = localeNode ? JSON.parse(localeNode.textContent) : undefined;
  specs.forEach(function (node) {
    var figure = node.parentElement;
    var drawn = figure.querySelector(":scope > svg");
    var target = document.createElement("div");
    target.className = "vega-chart";
    figure.insertBefore(target, drawn);
    window.vegaEmbed(target, JSON.parse(node.textContent), {
      renderer: "svg",
      actions: false,
      ast: true, // no eval: the page's policy allows no script but this server's
      defaultStyle: false,
      formatLocale: locale,
      tooltip: { disableDefaultStyle: true }
    }).then(function () {
      if (drawn) { drawn.remove(); }
      figure.setAttribute("data-interactive", "true");
    }).catch(function () { target.remove(); });
  });
})();
