// Progressive enhancement only: every page works without this script.
// When a form comes back with errors, move keyboard and screen-reader focus to the summary of what to correct.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('.error-summary');
  if (summary) {
    summary.focus();
  }
});

// The place finder above a long select (data-place-finder="<select id>"): typing keeps only the places whose text
// contains what was typed, ignoring case and accents ("quebec" finds "Québec"). Options are taken out of the select
// rather than hidden, because some browsers show hidden options anyway. A polite live region says how many match,
// in the page's language: the server sends the sentence for every count (data-matches, separated by "|").
document.addEventListener('DOMContentLoaded', function () {
  var finders = document.querySelectorAll('[data-place-finder]');
  Array.prototype.forEach.call(finders, function (finder) {
    var select = document.getElementById(finder.getAttribute('data-place-finder'));
    var input = finder.querySelector('input');
    var status = finder.querySelector('[role=status]');
    if (!select || !input || !status) {
      return;
    }
    var sentences = (finder.getAttribute('data-matches') || '').split('|');
    var fold = function (text) {
      return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    };
    // Every group with its options, as the server ordered them; the blank "Choose" option stays in place.
    var groups = Array.prototype.map.call(select.querySelectorAll('optgroup'), function (group) {
      return {
        element: group,
        options: Array.prototype.map.call(group.querySelectorAll('option'), function (option) {
          return { element: option, text: fold(option.textContent) };
        })
      };
    });
    var lastQuery = '';
    var filter = function () {
      var query = fold(input.value.trim());
      if (query === lastQuery) {
        return;
      }
      lastQuery = query;
      var selected = select.value;
      var count = 0;
      groups.forEach(function (group) {
        group.element.remove();
        group.options.forEach(function (option) {
          option.element.remove();
          if (query === '' || option.text.indexOf(query) !== -1 || option.element.value === selected) {
            group.element.appendChild(option.element);
            if (query === '' || option.text.indexOf(query) !== -1) {
              count++;
            }
          }
        });
        if (group.element.children.length > 0) {
          select.appendChild(group.element);
        }
      });
      select.value = selected;
      // Nothing said before anyone types: the count only answers a search.
      status.textContent = query === '' ? '' : (sentences[count] || String(count));
    };
    input.addEventListener('input', filter);
    // Enter in the finder would send the whole form: it moves to the list instead, where the matches are.
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        select.focus();
      }
    });
    finder.hidden = false;
  });
});
