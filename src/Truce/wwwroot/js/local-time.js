// Shows each <time data-local> in the viewer's own time zone and the page's language (<html lang>); the UTC instant
// stays on hover (title). Without JavaScript the time stays in UTC.
(function () {
  const options = { dateStyle: 'medium', timeStyle: 'short' };
  let format;
  try {
    format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, options);
  } catch (e) {
    format = new Intl.DateTimeFormat(undefined, options); // a language tag the browser does not know (the pseudo-locale)
  }
  document.querySelectorAll('time[data-local]').forEach(function (el) {
    const when = new Date(el.getAttribute('datetime'));
    if (!isNaN(when)) {
      el.title = el.textContent;
      el.textContent = format.format(when);
    }
  });
})();
