// mmcheck report: behaviour only; the page is complete without it.
(function () {
  "use strict";
  var t0 = performance.now();
  function openTo(el) {
    for (var p = el; p; p = p.parentElement) { if (p.tagName === "DETAILS") { p.open = true; } }
  }
  function go(hash, flash) {
    if (!hash || hash.length < 2) { return; }
    var el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!el) { return; }
    openTo(el);
    el.scrollIntoView({ block: "center" });
    if (flash) { el.classList.remove("flash"); void el.offsetWidth; el.classList.add("flash"); }
    drawLinks();
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[href^='#']") : null;
    if (a) { e.preventDefault(); history.replaceState(null, "", a.getAttribute("href")); go(a.getAttribute("href"), true); return; }
    var b = e.target.closest ? e.target.closest(".toolbar button") : null;
    if (b) {
      var lanes = b.closest("section").querySelector(".lanes");
      var open = b.getAttribute("data-act") === "expand";
      lanes.querySelectorAll("details.block").forEach(function (d) { d.open = open; });
      drawLinks();
    }
  });
  document.querySelectorAll("input.filter").forEach(function (input) {
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      var lanes = input.closest("section").querySelector(".lanes");
      lanes.querySelectorAll("li.ev").forEach(function (li) {
        var hit = !q || li.textContent.toLowerCase().indexOf(q) >= 0;
        li.classList.toggle("hidden-by-filter", !hit);
        if (hit && q) { openTo(li); }
      });
      drawLinks();
    });
  });
  // A dashed connector between the conflicting events of each counterexample.
  function drawLinks() {
    document.querySelectorAll(".lanes").forEach(function (lanes) {
      var svg = lanes.querySelector("svg.links");
      if (!svg) {
        svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
        svg.setAttribute("class", "links");
        lanes.appendChild(svg);
      }
      svg.setAttribute("width", lanes.scrollWidth);
      svg.setAttribute("height", lanes.scrollHeight);
      while (svg.firstChild) { svg.removeChild(svg.firstChild); }
      var evs = Array.prototype.slice.call(lanes.querySelectorAll("li.ev.conflict"));
      var base = lanes.getBoundingClientRect();
      function anchor(li) {
        var shown = li;
        for (var p = li; p && p !== lanes; p = p.parentElement) {
          if (p.tagName === "DETAILS" && !p.open) { shown = p.querySelector("summary"); }
        }
        var r = shown.getBoundingClientRect();
        return { x: r.left - base.left + lanes.scrollLeft + 8, y: r.top - base.top + lanes.scrollTop + r.height / 2 };
      }
      for (var i = 0; i + 1 < evs.length; i++) {
        var a = anchor(evs[i]), b = anchor(evs[i + 1]);
        var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
        var mx = Math.min(a.x, b.x) - 30;
        path.setAttribute("d", "M" + a.x + "," + a.y + " C" + mx + "," + a.y + " " + mx + "," + b.y + " " + b.x + "," + b.y);
        path.setAttribute("class", "pair");
        path.setAttribute("data-from", evs[i].getAttribute("data-idx"));
        path.setAttribute("data-to", evs[i + 1].getAttribute("data-idx"));
        svg.appendChild(path);
      }
    });
  }
  document.querySelectorAll("details.block").forEach(function (d) { d.addEventListener("toggle", drawLinks); });
  window.addEventListener("resize", drawLinks);
  drawLinks();
  if (location.hash) { go(location.hash, true); }
  document.body.setAttribute("data-setup-ms", String(Math.round(performance.now() - t0)));
  document.body.setAttribute("data-ready", "1");
})();
