/*
 * « Périodes et places »: structures, activities and their periods; one period's booking window (editable)
 * and its board: per day and age group, booked / places per half-day, waiting children and meals.
 */
(function () {
  'use strict';

  var P = window.Portail;
  var G = window.Gestion;
  var byId = P.byId;
  var PHASES = { NOT_OPEN: 'pas encore ouverte', RESIDENTS_ONLY: 'ouverte aux résidents', OPEN: 'ouverte', CLOSED: 'fermée' };
  var current = null;

  /** An instant as the value of a datetime-local field, in the browser's time zone. */
  function localValue(iso) {
    if (!iso) {
      return '';
    }
    var d = new Date(iso);
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0')
        + 'T' + String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
  }

  function instant(value) {
    return value ? new Date(value).toISOString() : null;
  }

  function phase(period) {
    var now = Date.now();
    if (now < Date.parse(period.bookingOpensAt)) { return PHASES.NOT_OPEN; }
    if (now >= Date.parse(period.bookingClosesAt)) { return PHASES.CLOSED; }
    if (period.everyoneOpensAt && now < Date.parse(period.everyoneOpensAt)) { return PHASES.RESIDENTS_ONLY; }
    return PHASES.OPEN;
  }

  function cell(tr, text, className) {
    tr.appendChild(P.element('td', className, text));
  }

  function renderBoard(rows) {
    var body = byId('board');
    body.textContent = '';
    rows.forEach(function (row) {
      var tr = P.element('tr');
      var day = P.element('th', null, P.dayText(row.date));
      day.scope = 'row';
      tr.appendChild(day);
      cell(tr, row.ageGroup);
      cell(tr, row.morningBooked + ' / ' + row.morningCapacity, row.morningBooked >= row.morningCapacity ? 'full' : null);
      cell(tr, row.afternoonBooked + ' / ' + row.afternoonCapacity, row.afternoonBooked >= row.afternoonCapacity ? 'full' : null);
      cell(tr, String(row.waiting) + (row.offered ? ' (' + row.offered + ' place(s) proposée(s))' : ''));
      cell(tr, String(row.meals));
      body.appendChild(tr);
    });
  }

  function renderPeriod(period) {
    current = period;
    byId('period').hidden = false;
    byId('period-title').textContent = period.name;
    var facts = byId('period-facts');
    facts.textContent = '';
    G.row(facts, 'Dates', 'du ' + P.dateText(period.startDate) + ' au ' + P.dateText(period.endDate));
    G.row(facts, 'Jours fermés', Object.keys(period.closedDates || {}).sort().map(function (day) {
      return P.dateText(day) + ' (' + period.closedDates[day] + ')';
    }).join(', '));
    G.row(facts, 'Inscriptions', phase(period));
    byId('opens-at').value = localValue(period.bookingOpensAt);
    byId('everyone-at').value = localValue(period.everyoneOpensAt);
    byId('closes-at').value = localValue(period.bookingClosesAt);
    G.call('GET', '/api/admin/periods/' + period.id + '/capacity', undefined, byId('page-error')).then(renderBoard);
  }

  function loadPeriods() {
    byId('period').hidden = true;
    G.call('GET', '/api/admin/activities/' + byId('activity').value + '/periods', undefined, byId('page-error')).then(function (periods) {
      var list = byId('periods');
      list.textContent = '';
      byId('periods-empty').hidden = periods.length > 0;
      periods.forEach(function (period) {
        var item = P.element('li', 'queue-item');
        var open = P.element('button', 'link-button', period.name);
        open.type = 'button';
        open.addEventListener('click', function () {
          byId('window-done').hidden = true;
          renderPeriod(period);
          P.focusHeading('period-title');
        });
        item.appendChild(open);
        item.appendChild(P.element('span', 'queue-meta', 'du ' + P.dateText(period.startDate) + ' au ' + P.dateText(period.endDate)
            + ' – inscriptions ' + phase(period)));
        list.appendChild(item);
      });
    });
  }

  function saveWindow(event) {
    event.preventDefault();
    var form = byId('window-form');
    P.clearProblem(form);
    byId('window-done').hidden = true;
    var body = { bookingOpensAt: instant(byId('opens-at').value), everyoneOpensAt: instant(byId('everyone-at').value),
      bookingClosesAt: instant(byId('closes-at').value) };
    byId('window-submit').disabled = true;
    P.api('PUT', '/api/admin/periods/' + current.id + '/booking-window', body).then(function (result) {
      byId('window-submit').disabled = false;
      if (result.status === 401) {
        window.location.replace('../connexion.html');
        return;
      }
      if (!result.ok) {
        P.showProblem(form, result);
        return;
      }
      renderPeriod(result.data);
      byId('window-done').textContent = 'Fenêtre d\'inscription enregistrée : inscriptions ' + phase(result.data) + '.';
      byId('window-done').hidden = false;
    }, function () { byId('window-submit').disabled = false; P.showProblem(form, P.NETWORK_PROBLEM); });
  }

  G.start(function () {
    byId('activity').addEventListener('change', loadPeriods);
    byId('window-form').addEventListener('submit', saveWindow);
    G.call('GET', '/api/admin/structures', undefined, byId('page-error')).then(function (structures) {
      structures.forEach(function (s) {
        var item = P.element('li', 'queue-item', s.name);
        item.appendChild(P.element('span', 'queue-meta', s.kind + ' – ' + [s.address, s.town].filter(Boolean).join(', ')));
        byId('structures').appendChild(item);
      });
    });
    G.call('GET', '/api/admin/activities', undefined, byId('page-error')).then(function (activities) {
      activities.forEach(function (view) {
        var option = P.element('option', null, view.activity.structureName + ' – ' + view.activity.name);
        option.value = view.activity.id;
        byId('activity').appendChild(option);
      });
      if (activities.length > 0) {
        loadPeriods();
      }
    });
  });
}());
