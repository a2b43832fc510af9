// Progressive enhancement only: every page works without this script.
// When a form comes back with errors, move keyboard and screen-reader focus to the summary of what to correct.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('.error-summary');
  if (summary) {
    summary.focus();
  }
});
