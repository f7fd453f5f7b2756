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
  // The error summary takes the focus when the page loads; its links move the focus to their field.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-error-target]");
    var field = link && document.getElementById(link.getAttribute("data-error-target"));
    if (!field) { return; }
    event.preventDefault();
    var holder = field.closest("fieldset, .field") || field;
    holder.scrollIntoView();
    field.focus();
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
