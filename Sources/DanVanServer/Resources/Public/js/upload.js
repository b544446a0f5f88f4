// Shows upload progress for plan files; without JavaScript the form posts normally.
(function () {
  var form = document.querySelector("form[data-progress]");
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var bar = document.getElementById(form.getAttribute("data-progress"));
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.upload.onprogress = function (e) {
      if (!e.lengthComputable) return;
      bar.hidden = false;
      bar.value = Math.round(100 * e.loaded / e.total);
      bar.textContent = bar.value + "%";
    };
    request.onload = function () {
      if (request.responseURL && request.responseURL !== form.action) { window.location = request.responseURL; return; }
      document.open(); document.write(request.responseText); document.close();
    };
    request.onerror = function () { form.submit(); };
    request.send(new FormData(form));
  });
})();
