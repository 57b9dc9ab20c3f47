/*
 * « Tableau des places »: one period, per day and age group, booked / places for the morning and the
 * afternoon, children on the waiting list and places offered and not answered yet; refreshed every few
 * seconds to watch an opening, with a button to pause it (moving content a user can stop, RGAA 13.8).
 */
(function () {
  'use strict';

  var P = window.Portail;
  var G = window.Gestion;
  var byId = P.byId;
  /** Often enough to watch an opening, rare enough for one cheap query per open page (the board is one SQL aggregate). */
  var REFRESH_MS = 5000;
  var timer = null;
  var paused = false;

  function cell(tr, text, className) {
    tr.appendChild(P.element('td', className, text));
  }

  function render(rows) {
    var body = byId('board');
    body.textContent = '';
    var booked = 0;
    var places = 0;
    var waiting = 0;
    rows.forEach(function (row) {
      var tr = P.element('tr');
      tr.dataset.day = row.date;
      tr.dataset.group = row.ageGroupId;
      var day = P.element('th', null, P.dayText(row.date));
      day.scope = 'row';
      tr.appendChild(day);
      cell(tr, row.ageGroup);
      cell(tr, row.morningBooked + ' / ' + row.morningCapacity + (row.morningBooked >= row.morningCapacity ? ' (complet)' : ''),
        row.morningBooked >= row.morningCapacity ? 'full' : null);
      cell(tr, row.afternoonBooked + ' / ' + row.afternoonCapacity + (row.afternoonBooked >= row.afternoonCapacity ? ' (complet)' : ''),
        row.afternoonBooked >= row.afternoonCapacity ? 'full' : null);
      cell(tr, String(row.waiting));
      cell(tr, String(row.offered));
      body.appendChild(tr);
      booked += row.morningBooked + row.afternoonBooked;
      places += row.morningCapacity + row.afternoonCapacity;
      waiting += row.waiting;
    });
    byId('totals').textContent = 'Sur la période : ' + booked + ' demi-journées réservées sur ' + places + ', ' + waiting
        + ' enfant(s) en liste d\'attente.';
    var now = new Date();
    byId('refreshed').textContent = 'Actualisé à ' + now.getHours() + ' h ' + String(now.getMinutes()).padStart(2, '0') + ' min '
        + String(now.getSeconds()).padStart(2, '0') + ' s.';
  }

  function refresh() {
    window.clearTimeout(timer);
    var id = byId('period').value;
    if (!id) {
      byId('board-section').hidden = true;
      return;
    }
    G.call('GET', '/api/admin/periods/' + id + '/capacity', undefined, byId('page-error')).then(function (rows) {
      if (byId('period').value !== id) {
        return;
      }
      byId('page-error').hidden = true;
      render(rows);
      byId('board-section').hidden = false;
      if (!paused) {
        timer = window.setTimeout(refresh, REFRESH_MS);
      }
    });
  }

  function togglePause() {
    paused = !paused;
    var button = byId('pause');
    button.setAttribute('aria-pressed', String(paused));
    button.textContent = paused ? 'Reprendre l\'actualisation' : 'Suspendre l\'actualisation';
    if (paused) {
      window.clearTimeout(timer);
    } else {
      refresh();
    }
  }

  G.start(function () {
    byId('period').addEventListener('change', function () {
      byId('board-title').textContent = byId('period').options[byId('period').selectedIndex].text;
      refresh();
    });
    byId('pause').addEventListener('click', togglePause);
    G.call('GET', '/api/admin/activities', undefined, byId('page-error')).then(function (views) {
      views.forEach(function (view) {
        G.call('GET', '/api/admin/activities/' + view.activity.id + '/periods', undefined, byId('page-error')).then(function (periods) {
          periods.forEach(function (p) {
            var option = P.element('option', null, p.name + ' – ' + view.activity.name);
            option.value = p.id;
            byId('period').appendChild(option);
          });
        });
      });
    });
  });
}());
