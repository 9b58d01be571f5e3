// Added by `incidex serve` to every page it serves (never to the built site): reloads the
// page after each rebuild, and shows build problems over the page until they are fixed.
(function () {
  "use strict";
  var overlay = null;

  function showProblems(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "incidex-problems";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
        "background:rgba(20,20,20,.94);color:#fff;font:14px/1.5 ui-monospace,monospace";
      var title = document.createElement("h2");
      title.textContent = "The site was not rebuilt";
      title.style.cssText = "color:#ff8a80;font:bold 18px sans-serif;margin:0 0 1rem";
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;margin:0";
      overlay.appendChild(title);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.querySelector("pre").textContent = text;
  }

  var events = new EventSource("/__incidex/events");
  events.addEventListener("reload", function () {
    window.location.reload();
  });
  events.addEventListener("problems", function (event) {
    showProblems(event.data);
  });
})();
