// Shows each <time data-local> in the viewer's own time zone; without JavaScript it stays in UTC.
(function () {
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  document.querySelectorAll('time[data-local]').forEach(function (el) {
    const when = new Date(el.getAttribute('datetime'));
    if (!isNaN(when)) {
      el.title = el.textContent;
      el.textContent = format.format(when);
    }
  });
})();
