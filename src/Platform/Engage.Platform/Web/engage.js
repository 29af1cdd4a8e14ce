// Engage's own script (an ES module): starts the NHS.UK design system's components, whose bundle only
// exports them, and adds small behaviours that would otherwise need inline script or eval, which the
// content security policy forbids. Every page works without it.
import { initAll } from '/assets/nhsuk/nhsuk-frontend.min.js';

initAll();

(function () {
  // data-pause-while-checked: an htmx-refreshed region stops refreshing while a box inside it is ticked,
  // so a selection being made is never swapped away (instead of an eval'd hx-trigger filter).
  document.addEventListener('htmx:confirm', function (event) {
    var region = event.target.closest && event.target.closest('[data-pause-while-checked]');
    if (region && region.querySelector('input:checked')) event.preventDefault();
  });

  // A <details> holding a field in error opens, so the error summary's link reaches a visible field.
  function openDetailsAround(element) {
    for (var d = element && element.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('.nhsuk-error-summary a[href^="#"]');
    if (link) openDetailsAround(document.getElementById(link.getAttribute('href').slice(1)));
  });
})();
