// Embeds the meeting with the Jitsi IFrame API, loaded from the configured Jitsi domain.
(function () {
  "use strict";
  var holder = document.getElementById("jitsi-meeting");
  if (!holder) { return; }
  var data = holder.dataset;
  holder.textContent = data.loading;
  var script = document.createElement("script");
  script.src = "https://" + data.domain + "/external_api.js";
  script.async = true;
  script.onload = function () {
    holder.textContent = "";
    /* global JitsiMeetExternalAPI */
    window.telimMeeting = new JitsiMeetExternalAPI(data.domain, {
      roomName: data.room,
      jwt: data.jwt,
      parentNode: holder,
      lang: data.lang,
      width: "100%",
      height: "100%",
      userInfo: { displayName: data.name, email: data.email },
      configOverwrite: { defaultLanguage: data.lang, prejoinConfig: { enabled: true } }
    });
    if (data.presenceUrl) { reportPresence(window.telimMeeting); }  // a guest's page has none
  };

  // Attendance is being in the meeting: the meeting says when the person joins and leaves, and
  // the page reports a heartbeat each minute in between (a reload or a reconnect joins again).
  function reportPresence(meeting) {
    var heartbeat = null;
    function report(event) {
      return window.fetch(data.presenceUrl, {
        method: "POST", credentials: "same-origin", keepalive: event === "left",
        headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": data.csrf },
        body: JSON.stringify({ event: event })
      }).catch(function () { /* the next heartbeat reports again */ });
    }
    meeting.addListener("videoConferenceJoined", function () {
      report("joined");
      window.clearInterval(heartbeat);
      heartbeat = window.setInterval(function () { report("heartbeat"); }, 60000);
    });
    meeting.addListener("videoConferenceLeft", function () {
      window.clearInterval(heartbeat);
      heartbeat = null;
      report("left");
    });
    window.addEventListener("pagehide", function () { if (heartbeat) { report("left"); } });
  }
  script.onerror = function () { holder.textContent = data.unavailable; };
  document.head.appendChild(script);
})();
