/* Clinic search: "Use my location" fills the hidden lat/lng fields. The form works without it. */
(function () {
  "use strict";
  // The filters sit behind a "Filters" disclosure on phones; wide screens have room to show them.
  var filters = document.querySelector("[data-filters]");
  if (filters && window.matchMedia && window.matchMedia("(min-width: 48em)").matches) { filters.open = true; }
  var button = document.querySelector("[data-geolocate]");
  if (!button || !navigator.geolocation) { return; }
  var form = button.form;
  var lat = form.querySelector("input[name=lat]");
  var lng = form.querySelector("input[name=lng]");
  var near = form.querySelector("input[name=near]");
  var status = document.getElementById("geolocate-status");
  button.parentNode.hidden = false;
  near.addEventListener("input", function () { lat.value = ""; lng.value = ""; });
  button.addEventListener("click", function () {
    status.textContent = "Finding your position…";
    navigator.geolocation.getCurrentPosition(function (position) {
      lat.value = position.coords.latitude.toFixed(5);
      lng.value = position.coords.longitude.toFixed(5);
      near.value = "";
      status.textContent = "Using your position. Searching…";
      form.submit();
    }, function () {
      status.textContent = "Your position is not available: type a town instead.";
    }, { timeout: 10000, maximumAge: 600000 });
  });
})();
