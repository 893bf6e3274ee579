/* Severity filters of the chartercheck HTML report.
   Checkboxes hide findings of the unchecked severities; ?severity=error,warning
   presets them (handy for a link in a CI summary). Hidden findings get the
   `hidden` attribute, so the state is visible in the DOM, not only on screen. */
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".filters input[type=checkbox]"));
  var wanted = new URLSearchParams(window.location.search).get("severity");
  if (wanted) {
    var set = wanted.toLowerCase().split(",");
    boxes.forEach(function (box) { box.checked = set.indexOf(box.value) !== -1; });
  }
  function apply() {
    var shown = {};
    boxes.forEach(function (box) {
      shown[box.value] = box.checked;
      if (box.checked) { box.setAttribute("checked", ""); } else { box.removeAttribute("checked"); }
    });
    document.querySelectorAll(".finding").forEach(function (item) {
      item.hidden = !shown[item.getAttribute("data-severity")];
    });
    document.querySelectorAll(".count[data-severity]").forEach(function (badge) {
      badge.classList.toggle("dim", !shown[badge.getAttribute("data-severity")]);
    });
    // Counted from the totals, not the list: very long reports list only the first findings.
    var visible = boxes.reduce(function (sum, box) {
      return sum + (box.checked ? Number(box.getAttribute("data-count")) || 0 : 0);
    }, 0);
    var counter = document.getElementById("shown-count");
    if (counter) { counter.textContent = String(visible); }
    document.body.setAttribute("data-shown", Object.keys(shown).filter(function (k) { return shown[k]; }).join(" "));
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  apply();
}());
