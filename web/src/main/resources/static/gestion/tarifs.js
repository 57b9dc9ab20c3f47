/*
 * « Tarifs »: a structure's price grid per unit and quotient-familial bracket with its meal supplement;
 * administrators add a grid from a date on (billing-service refuses STAFF and checks the brackets).
 */
(function () {
  'use strict';

  var P = window.Portail;
  var G = window.Gestion;
  var byId = P.byId;
  var UNITS = { JOURNEE: 'Journée', MATIN: 'Matin', APRES_MIDI: 'Après-midi' };
  var rows = 0;

  function euros(cents) {
    return (cents / 100).toFixed(2).replace('.', ',') + ' €';
  }

  function cents(text) {
    var value = Number(String(text).replace(',', '.').trim());
    return text === '' || isNaN(value) ? null : Math.round(value * 100);
  }

  function load() {
    G.call('GET', '/api/admin/tariffs?structureId=' + byId('structure').value, undefined, byId('page-error')).then(function (list) {
      var body = byId('tariffs');
      body.textContent = '';
      byId('tariffs-empty').hidden = list.length > 0;
      list.forEach(function (t) {
        var tr = P.element('tr');
        var from = P.element('th', null, P.dateText(t.validFrom));
        from.scope = 'row';
        tr.appendChild(from);
        [UNITS[t.unit] || t.unit, t.qfMax === null ? t.qfMin + ' et plus' : t.qfMin + ' à ' + t.qfMax, euros(t.priceCents),
          euros(t.mealPriceCents)].forEach(function (text) { tr.appendChild(P.element('td', null, text)); });
        body.appendChild(tr);
      });
    });
  }

  function input(row, name, label, value) {
    var field = P.element('div', 'field');
    var id = 'bracket-' + row + '-' + name;
    var tag = P.element('label', null, label);
    tag.htmlFor = id;
    var box = P.element('input');
    box.id = id;
    box.inputMode = 'decimal';
    box.value = value;
    field.appendChild(tag);
    field.appendChild(box);
    return field;
  }

  function addBracket(qfMin) {
    rows += 1;
    var group = P.element('div', 'subgroup bracket');
    group.appendChild(P.element('p', 'subgroup-title', 'Tranche ' + rows));
    group.appendChild(input(rows, 'min', 'QF à partir de', qfMin));
    group.appendChild(input(rows, 'max', 'QF jusqu\'à (vide : sans plafond)', ''));
    group.appendChild(input(rows, 'price', 'Prix (€)', ''));
    group.appendChild(input(rows, 'meal', 'Supplément repas (€)', '0'));
    byId('brackets').appendChild(group);
  }

  function save(event) {
    event.preventDefault();
    var form = byId('grid-form');
    P.clearProblem(form);
    byId('grid-done').hidden = true;
    var brackets = [];
    for (var i = 1; i <= rows; i++) {
      var max = byId('bracket-' + i + '-max').value.trim();
      brackets.push({ qfMin: Number(byId('bracket-' + i + '-min').value), qfMax: max === '' ? null : Number(max),
        priceCents: cents(byId('bracket-' + i + '-price').value), mealPriceCents: cents(byId('bracket-' + i + '-meal').value) });
    }
    var body = { structureId: byId('structure').value, unit: byId('grid-unit').value, validFrom: byId('grid-from').value || null,
      brackets: brackets };
    byId('grid-submit').disabled = true;
    P.api('POST', '/api/admin/tariffs', body).then(function (result) {
      byId('grid-submit').disabled = false;
      if (result.status === 401) {
        window.location.replace('../connexion.html');
        return;
      }
      if (!result.ok) {
        P.showProblem(form, result);
        return;
      }
      byId('grid-done').textContent = 'Grille enregistrée : ' + result.data.length + ' tranche(s) à partir du '
          + P.dateText(body.validFrom) + '.';
      byId('grid-done').hidden = false;
      load();
    }, function () { byId('grid-submit').disabled = false; P.showProblem(form, P.NETWORK_PROBLEM); });
  }

  G.start(function (me) {
    var admin = (me.roles || []).indexOf('ADMIN') >= 0;
    byId('grid-form').hidden = !admin;
    byId('admin-only').hidden = admin;
    byId('structure').addEventListener('change', load);
    byId('add-bracket').addEventListener('click', function () { addBracket(''); });
    byId('grid-form').addEventListener('submit', save);
    addBracket('0');
    G.call('GET', '/api/admin/structures', undefined, byId('page-error')).then(function (structures) {
      structures.forEach(function (s) {
        var option = P.element('option', null, s.name + ' (' + s.town + ')');
        option.value = s.id;
        byId('structure').appendChild(option);
      });
      if (structures.length > 0) {
        load();
      }
    });
  });
}());
