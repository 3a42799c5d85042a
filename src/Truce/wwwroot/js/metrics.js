// The metrics chart: reads the same JSON as the table beside it (data-source) and draws this period against the
// previous one with Chart.js, bundled from npm. Labels come from the data and are drawn on a canvas, never as HTML.
(function () {
  const canvas = document.getElementById('metrics-chart');
  if (!canvas || !window.Chart) { return; }
  fetch(canvas.dataset.source, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { if (!r.ok) { throw new Error(canvas.dataset.source + ': ' + r.status); } return r.json(); })
    .then(function (report) {
      new window.Chart(canvas, {
        type: 'bar',
        data: {
          labels: report.rows.map(function (row) { return row.label; }),
          datasets: [
            { label: 'This period', data: report.rows.map(function (row) { return row.count; }), backgroundColor: '#1f5f99' },
            { label: 'Previous period', data: report.rows.map(function (row) { return row.previous; }), backgroundColor: '#b0bec5' }
          ]
        },
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    })
    .catch(function (e) { canvas.replaceWith(document.createTextNode('The chart could not be drawn: ' + e.message)); });
})();
