// Counts down to a session's opening in the page's language (Intl does the plurals), and reloads
// the page when the session opens so that the meeting appears.
(function () {
  "use strict";
  var element = document.querySelector("[data-countdown]");
  if (!element || !window.Intl || !Intl.RelativeTimeFormat) { return; }
  var target = Date.parse(element.dataset.countdown);
  var format = new Intl.RelativeTimeFormat(document.documentElement.lang || "az", { numeric: "auto" });
  function tick() {
    var seconds = Math.round((target - Date.now()) / 1000);
    if (seconds <= 0) { window.location.reload(); return; }
    var text;
    if (seconds < 90) { text = format.format(seconds, "second"); }
    else if (seconds < 5400) { text = format.format(Math.round(seconds / 60), "minute"); }
    else if (seconds < 172800) { text = format.format(Math.round(seconds / 3600), "hour"); }
    else { text = format.format(Math.round(seconds / 86400), "day"); }
    element.textContent = text;
    window.setTimeout(tick, seconds < 120 ? 1000 : 30000);
  }
  tick();
})();
