// Live SLA countdowns of the queue: each deadline counts down every second between refreshes.
(function () {
  function format(seconds) {
    const sign = seconds < 0 ? "-" : "";
    let s = Math.abs(seconds);
    const h = Math.floor(s / 3600); s -= h * 3600;
    const m = Math.floor(s / 60); s -= m * 60;
    return sign + (h > 0 ? h + "h " : "") + (h > 0 || m > 0 ? m + "m " : "") + s + "s";
  }
  function tick() {
    const now = Date.now();
    document.querySelectorAll(".countdown[data-deadline]").forEach(function (el) {
      const left = Math.round((Date.parse(el.dataset.deadline) - now) / 1000);
      el.textContent = format(left);
      el.classList.toggle("breach", left <= 0);
      const row = el.closest("tr");
      if (row) { row.classList.toggle("breached", left <= 0); }
    });
  }
  tick();
  setInterval(tick, 1000);
})();
