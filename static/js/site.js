/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-link]");
    if (!button) { return; }
    var url = button.getAttribute("data-copy-link") || window.location.href;
    var status = document.getElementById(button.getAttribute("aria-controls") || "");
    function done(message) { if (status) { status.textContent = message; } }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { done("Link copied."); }, function () { done("Copy failed: the link is " + url); });
    } else {
      done("Copy this link: " + url);
    }
  });
  document.querySelectorAll("[data-copy-link][hidden]").forEach(function (button) { button.hidden = false; });
  document.querySelectorAll("[data-web-share]").forEach(function (button) {
    if (!navigator.share) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.share({ title: document.title, url: button.getAttribute("data-web-share") || window.location.href }).catch(function () {});
    });
  });
})();
