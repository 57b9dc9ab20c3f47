/*
 * « Présences »: a structure's children on a day, by surname, with the amplitude, the meal, health notes and
 * allergies and the people allowed to pick them up (read from each child's record, audited); the pointage
 * (présent, absent, en retard with the time) is saved row by row; the CSV export of the same list.
 */
(function () {
  'use strict';

  var P = window.Portail;
  var G = window.Gestion;
  var byId = P.byId;
  var MARKS = [['', 'Non pointé'], ['PRESENT', 'Présent'], ['ABSENT', 'Absent'], ['LATE', 'En retard']];
  var DONE = { PRESENT: 'présent', ABSENT: 'absent', LATE: 'en retard' };

  function today() {
    var d = new Date();
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  }

  function people(list) {
    return (list || []).map(function (p) {
      return p.name + (p.relationship ? ' (' + p.relationship + ')' : '') + (p.phone ? ', ' + p.phone : '');
    }).join(' ; ') || '—';
  }

  /** Health notes, allergies and pick-ups, from the child's record (account-service audits the reading). */
  function care(row, health, pickups) {
    G.call('GET', '/api/admin/families/' + row.familyId + '/children/' + row.childId, undefined, byId('page-error')).then(function (c) {
      health.textContent = [c.healthNotes, c.allergies ? 'Allergies : ' + c.allergies : ''].filter(Boolean).join('. ') || '—';
      pickups.textContent = people(c.authorizedPickups);
    });
  }

  function control(tag, id, label) {
    var node = P.element(tag);
    node.id = id;
    node.setAttribute('aria-label', label);
    return node;
  }

  function pointage(row, name) {
    var cell = P.element('td');
    var box = P.element('div', 'pointage');
    cell.appendChild(box);
    var select = control('select', 'mark-' + row.reservationId, 'Pointage de ' + name);
    MARKS.forEach(function (m) {
      var option = P.element('option', null, m[1]);
      option.value = m[0];
      option.selected = (row.status || '') === m[0];
      select.appendChild(option);
    });
    var time = control('input', 'time-' + row.reservationId, 'Heure d\'arrivée de ' + name);
    time.type = 'time';
    time.value = row.arrivedAt ? row.arrivedAt.substring(0, 5) : '';
    var save = P.element('button', 'button button-small', 'Enregistrer');
    save.type = 'button';
    save.id = 'save-' + row.reservationId;
    save.setAttribute('aria-label', 'Enregistrer le pointage de ' + name);
    save.addEventListener('click', function () {
      if (!select.value) {
        return;
      }
      save.disabled = true;
      byId('page-done').hidden = true;
      P.api('PUT', '/api/admin/attendance/' + row.reservationId, { status: select.value, arrivedAt: time.value || null }).then(function (result) {
        save.disabled = false;
        if (!result.ok) {
          G.fail(result, byId('page-error'));
          return;
        }
        byId('page-error').hidden = true;
        if (select.value === 'ABSENT') {
          time.value = '';
        }
        byId('page-done').textContent = 'Pointage enregistré : ' + name + ', ' + DONE[select.value] + (time.value ? ' à ' + time.value : '') + '.';
        byId('page-done').hidden = false;
      }, function () { save.disabled = false; G.fail(P.NETWORK_PROBLEM, byId('page-error')); });
    });
    [select, time, save].forEach(function (node) { box.appendChild(node); });
    return cell;
  }

  function render(rows) {
    var body = byId('attendance');
    body.textContent = '';
    byId('list-count').textContent = rows.length === 0 ? 'Aucun enfant attendu ce jour-là.' : rows.length + ' enfant(s) attendu(s).';
    rows.forEach(function (row) {
      var name = row.childFirstName + ' ' + (row.familyName || '');
      var tr = P.element('tr');
      var head = P.element('th', null, (row.familyName || '').toUpperCase() + ' ' + row.childFirstName);
      head.scope = 'row';
      tr.appendChild(head);
      tr.appendChild(P.element('td', null, P.unitLabel(row.unit) + ' – ' + row.activityName));
      tr.appendChild(P.element('td', null, row.meal ? 'Oui' : 'Non'));
      var health = P.element('td', null, '…');
      var pickups = P.element('td', null, '…');
      tr.appendChild(health);
      tr.appendChild(pickups);
      tr.appendChild(pointage(row, name.trim()));
      body.appendChild(tr);
      care(row, health, pickups);
    });
  }

  function show(event) {
    if (event) {
      event.preventDefault();
    }
    var structure = byId('structure');
    var day = byId('day').value;
    if (!structure.value || !day) {
      return;
    }
    var query = 'structureId=' + encodeURIComponent(structure.value) + '&date=' + encodeURIComponent(day);
    G.call('GET', '/api/admin/attendance?' + query, undefined, byId('page-error')).then(function (rows) {
      byId('list-title').textContent = structure.options[structure.selectedIndex].text + ', ' + P.dayText(day);
      byId('csv').href = '/api/admin/attendance.csv?' + query;
      byId('page-done').hidden = true;
      render(rows);
      byId('list').hidden = false;
      P.focusHeading('list-title');
    });
  }

  G.start(function () {
    var params = new URLSearchParams(window.location.search);
    byId('day').value = params.get('jour') || today();
    byId('day-form').addEventListener('submit', show);
    G.call('GET', '/api/admin/structures', undefined, byId('page-error')).then(function (structures) {
      structures.forEach(function (s) {
        var option = P.element('option', null, s.name + ' (' + s.town + ')');
        option.value = s.id;
        byId('structure').appendChild(option);
      });
      if (params.get('lieu')) {
        byId('structure').value = params.get('lieu');
      }
    });
  });
}());
