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
  };
  script.onerror = function () { holder.textContent = data.unavailable; };
  document.head.appendChild(script);
})();
