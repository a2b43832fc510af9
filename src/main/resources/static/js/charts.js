// Charts of the request metrics, drawn with uPlot (the webjar) from the table on the same page: the table is the
// source of the figures and stays the accessible way to read them; a chart only draws what the table says. Without
// this script, or without uPlot, the page is the table alone.
(function () {
  'use strict';

  // One colour per series, each at least 3:1 against white (WCAG 1.4.11).
  var COLOURS = ['#12263f', '#1a7f37', '#b3261e', '#6b4fa3'];

  function number(text) {
    var value = parseFloat(String(text).replace(',', '.'));
    return isNaN(value) ? null : value;
  }

  // The table's rows as x labels and the chosen columns as series: {labels, series: [{label, values}]}.
  function read(table, columns) {
    var headers = table.querySelectorAll('thead th');
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    return {
      labels: rows.map(function (row) {
        var th = row.querySelector('th');
        return th.getAttribute('data-short') || th.textContent.trim();
      }),
      series: columns.map(function (column) {
        return {
          label: headers[column].textContent.trim(),
          values: rows.map(function (row) { return number(row.children[column].textContent); })
        };
      })
    };
  }

  // Grouped bars: within each category, series k takes its own slot of the column.
  function groupedBars(k, count) {
    var slot = 0.8 / count;
    return uPlot.paths.bars({
      disp: {
        x0: { unit: 3, values: function (u) {
          return u.data[0].map(function (x) { return x - 0.4 + k * slot; });
        } },
        size: { unit: 3, values: function () { return [slot * 0.9]; } }
      }
    });
  }

  function draw(element) {
    var table = document.getElementById(element.getAttribute('data-table'));
    if (!table) {
      return;
    }
    var columns = element.getAttribute('data-columns').split(',').map(Number);
    var figures = read(table, columns);
    var xs = figures.labels.map(function (_, i) { return i; });
    var width = Math.max(320, Math.min(element.clientWidth || 640, 900));
    var options = {
      width: width,
      height: 260,
      cursor: { show: false },
      legend: { show: true, live: false },
      scales: {
        x: { time: false, range: [-0.5, xs.length - 0.5] },
        y: { range: function (u, min, max) { return [0, Math.max(1, Math.ceil(max * 1.1))]; } }
      },
      axes: [
        { splits: function () { return xs; }, values: function () { return figures.labels; }, gap: 6, size: 40 },
        // Counts and days are whole numbers: no tick between them.
        { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000],
          values: function (u, splits) { return splits.map(function (v) { return String(v); }); } }
      ],
      series: [{ label: element.getAttribute('data-x-label') || '' }].concat(figures.series.map(function (s, k) {
        return {
          label: s.label,
          stroke: COLOURS[k % COLOURS.length],
          fill: COLOURS[k % COLOURS.length],
          width: 0,
          paths: groupedBars(k, figures.series.length),
          points: { show: false }
        };
      }))
    };
    var data = [xs].concat(figures.series.map(function (s) { return s.values; }));
    element.textContent = '';
    new uPlot(options, data, element);
    element.setAttribute('data-drawn', 'true');
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof uPlot === 'undefined') {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), draw);
  });
})();
