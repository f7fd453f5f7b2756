/* The consultation questionnaire: show only the questions of the ticked treatments, and open each
   detail box after "Yes". Without this file every asked question and every detail box is shown. */
(function () {
  "use strict";
  var form = document.querySelector("[data-questionnaire]");
  if (!form) { return; }
  var treatments = document.querySelectorAll('input[name="treatments"]');

  function chosen() {
    var ids = [];
    treatments.forEach(function (box) { if (box.checked) { ids.push(box.value); } });
    return ids;
  }

  function showDetail(wrapper) {
    var name = wrapper.getAttribute("data-detail-for");
    var yes = document.querySelector('input[name="' + name + '"][value="yes"]');
    var box = wrapper.querySelector("textarea");
    // A detail already typed stays visible, whatever the answer.
    wrapper.hidden = !(yes && yes.checked) && !(box && box.value);
  }

  function showQuestions() {
    var ids = chosen();
    var any = false;
    document.querySelectorAll("[data-question-for]").forEach(function (question) {
      var mine = question.getAttribute("data-question-for").split(" ");
      var asked = mine.some(function (id) { return ids.indexOf(id) !== -1; });
      question.hidden = !asked;
      question.querySelectorAll("input, textarea").forEach(function (input) { input.disabled = !asked; });
      any = any || asked;
    });
    var none = document.querySelector("[data-no-questions]");
    if (none) { none.hidden = any; }
  }

  if (treatments.length) {
    treatments.forEach(function (box) { box.addEventListener("change", showQuestions); });
    showQuestions();
  }
  document.querySelectorAll("[data-detail-for]").forEach(function (wrapper) {
    var name = wrapper.getAttribute("data-detail-for");
    document.querySelectorAll('input[name="' + name + '"]').forEach(function (radio) {
      radio.addEventListener("change", function () { showDetail(wrapper); });
    });
    showDetail(wrapper);
  });
})();
