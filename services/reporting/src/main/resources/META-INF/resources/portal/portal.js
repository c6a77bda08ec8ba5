// Refreshes the case list of the portal page from /portal/cases.json and its "SLA this month"
// panel from /portal/sla.json (a file of its own: the Content-Security-Policy allows no inline
// script).
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
  var slaUrl = '/portal/sla.json?tenant=' + encodeURIComponent(table.getAttribute('data-tenant-id'));
  var slaSection = document.getElementById('sla');
  var SLA_FIGURES = [
    ['Mean time to acknowledge', 'sla-mtta', 'mtta'],
    ['Mean time to resolve', 'sla-mttr', 'mttr'],
    ['SLA compliance', 'sla-compliance', 'compliance'],
    ['Cases opened', 'sla-opened', 'casesOpened'],
    ['Cases resolved', 'sla-resolved', 'casesResolved'],
    ['Cases breached', 'sla-breached', 'casesBreached']
  ];
  function renderSla(sla) {
    while (slaSection.firstChild) { slaSection.removeChild(slaSection.firstChild); }
    var h2 = document.createElement('h2');
    h2.appendChild(document.createTextNode('SLA this month '));
    var month = document.createElement('span');
    month.className = 'muted';
    month.id = 'sla-month';
    month.setAttribute('data-month', sla.month);
    month.textContent = sla.monthDisplay + ' (' + sla.timeZone + ')';
    h2.appendChild(month);
    slaSection.appendChild(h2);
    var dl = document.createElement('dl');
    dl.className = 'sla';
    SLA_FIGURES.forEach(function (f) {
      var div = document.createElement('div');
      var dt = document.createElement('dt');
      dt.textContent = f[0];
      var dd = document.createElement('dd');
      dd.id = f[1];
      dd.textContent = String(sla[f[2]]);
      div.appendChild(dt);
      div.appendChild(dd);
      dl.appendChild(div);
    });
    slaSection.appendChild(dl);
  }
  function refreshSla() {
    if (!slaSection) { return; }
    fetch(slaUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (sla) { if (sla) { renderSla(sla); } })
      .catch(function () { /* keep the last figures; the next refresh tries again */ });
  }
  setInterval(function () { refresh(); refreshSla(); }, seconds * 1000);
})();
