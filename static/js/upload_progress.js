// Upload a large CSV with a progress bar, then show the server's answer (the dry run) in place.
// Without JavaScript the form posts as usual.
(function () {
  "use strict";
  var form = document.getElementById("import-form");
  if (!form || !window.XMLHttpRequest || !window.DOMParser) { return; }
  var box = form.querySelector(".upload-progress");
  var bar = form.querySelector("progress");

  form.addEventListener("submit", function (event) {
    var file = form.querySelector("input[type=file]");
    if (!file || !file.files.length) { return; }  // let the server say "choose a file"
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open("POST", form.getAttribute("action") || window.location.href);
    request.upload.addEventListener("progress", function (progress) {
      if (progress.lengthComputable) { bar.value = Math.round(progress.loaded * 100 / progress.total); }
    });
    request.upload.addEventListener("load", function () { bar.removeAttribute("value"); });  // now checking
    request.addEventListener("load", function () {
      var page = new DOMParser().parseFromString(request.responseText, "text/html");
      document.title = page.title;
      document.body.replaceWith(page.body);
      var check = document.getElementById("import-check");
      if (check) { check.scrollIntoView(); }
    });
    request.addEventListener("error", function () { form.submit(); });  // fall back to a plain post
    box.hidden = false;
    form.querySelector("[type=submit]").disabled = true;
    request.send(new FormData(form));
  });
}());
