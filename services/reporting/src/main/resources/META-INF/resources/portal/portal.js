// Refreshes the case list of the portal page from /portal/cases.json (a file of its own: the
// Content-Security-Policy allows no inline script).
(function () {
  var table = document.getElementById('cases');
  if (!table) { return; }
  var seconds = parseInt(table.getAttribute('data-refresh-seconds'), 10);
  if (!(seconds > 0)) { return; }
  var url = '/portal/cases.json?tenant=' + encodeURIComponent(table.getAttribute('data-tenant-id'));
  var empty = document.getElementById('empty');
  var unavailable = document.getElementById('unavailable');
  function cell(row, text, cls) {
    var td = document.createElement('td');
    if (cls) { td.className = cls; }
    if (text !== null) { td.textContent = text; }
    row.appendChild(td);
    return td;
  }
  function render(cases) {
    var body = table.tBodies[0];
    while (body.firstChild) { body.removeChild(body.firstChild); }
    cases.forEach(function (c) {
      var tr = document.createElement('tr');
      tr.className = 'case';
      tr.setAttribute('data-case-id', c.caseId);
      tr.setAttribute('data-rule-id', c.ruleId);
      tr.setAttribute('data-tenant-id', c.tenant);
      tr.setAttribute('data-severity', c.severity);
      tr.setAttribute('data-status', c.status);
      var time = document.createElement('time');
      time.setAttribute('datetime', c.createdTime);
      time.textContent = c.createdTimeDisplay;
      cell(tr, null).appendChild(time);
      var badge = document.createElement('span');
      badge.className = 'badge sev-' + c.severity;
      badge.textContent = c.severity;
      cell(tr, null).appendChild(badge);
      var titleCell = cell(tr, null);
      var strong = document.createElement('strong');
      strong.textContent = c.title;
      var summary = document.createElement('div');
      summary.className = 'summary';
      summary.textContent = c.summary;
      titleCell.appendChild(strong);
      titleCell.appendChild(summary);
      cell(tr, String(c.alertCount), 'num');
      var status = document.createElement('span');
      status.className = 'status';
      status.textContent = c.status;
      cell(tr, null).appendChild(status);
      var ruleCell = cell(tr, null);
      if (c.ruleUrl) {
        var a = document.createElement('a');
        a.href = c.ruleUrl;
        a.textContent = c.ruleAuthor;
        ruleCell.appendChild(a);
      } else {
        ruleCell.textContent = c.ruleAuthor;
      }
      body.appendChild(tr);
    });
    table.hidden = cases.length === 0;
    empty.hidden = cases.length !== 0;
    unavailable.hidden = true;
  }
  function refresh() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (response.status === 503) {
          unavailable.textContent = 'Cases are temporarily unavailable. The list will be shown as soon as the case service answers again.';
          unavailable.hidden = false;
          return null;
        }
        if (!response.ok) { return null; }
        return response.json();
      })
      .then(function (list) { if (list) { render(list.cases); } })
      .catch(function () { /* keep the last list; the next refresh tries again */ });
  }
  setInterval(refresh, seconds * 1000);
})();
