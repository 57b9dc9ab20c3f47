/*
 * « Familles », one family's page: book and cancel on behalf of the family, always with a reason (the
 * reservation-service admin routes; deadlines do not bind staff, every other rule does). Used by familles.js.
 */
(function () {
  'use strict';

  var P = window.Portail;
  var G = window.Gestion;
  var byId = P.byId;
  var UNITS = ['JOURNEE_REPAS', 'JOURNEE', 'MATIN_REPAS', 'MATIN', 'APRES_MIDI_REPAS', 'APRES_MIDI'];
  var STATUS = { CONFIRMED: 'confirmée', WAITLISTED: 'en liste d\'attente' };
  var family = null;
  var reload = null;
  var periodsLoaded = false;

  function option(select, value, text) {
    var o = P.element('option', null, text);
    o.value = value;
    select.appendChild(o);
  }

  function loadPeriods() {
    if (periodsLoaded) {
      return;
    }
    periodsLoaded = true;
    G.call('GET', '/api/admin/activities', undefined, byId('page-error')).then(function (views) {
      views.forEach(function (view) {
        var a = view.activity;
        G.call('GET', '/api/admin/activities/' + a.id + '/periods', undefined, byId('page-error')).then(function (periods) {
          periods.forEach(function (p) { option(byId('book-period'), p.id, p.name + ' – ' + a.name); });
        });
      });
    });
  }

  function book(event) {
    event.preventDefault();
    var form = byId('book-form');
    P.clearProblem(form);
    byId('book-done').hidden = true;
    var body = { periodId: byId('book-period').value || null, reason: byId('book-reason').value.trim(),
      lines: [{ childId: byId('book-child').value, date: byId('book-date').value || null, unit: byId('book-unit').value }] };
    byId('book-submit').disabled = true;
    P.api('POST', '/api/admin/families/' + family.id + '/reservations', body, { 'Idempotency-Key': P.newKey() }).then(function (result) {
      byId('book-submit').disabled = false;
      if (!result.ok) {
        P.showProblem(form, result);
        return;
      }
      byId('book-done').textContent = 'Réservation faite pour la famille : ' + result.data.reservations.map(function (r) {
        return P.dayText(r.date) + ' – ' + P.unitLabel(r.unit) + ' : ' + (STATUS[r.status] || r.status)
          + (r.waitlistRank ? ' (rang ' + r.waitlistRank + ')' : '');
      }).join(' ; ') + '.';
      byId('book-done').hidden = false;
      reload();
    }, function () { byId('book-submit').disabled = false; P.showProblem(form, P.NETWORK_PROBLEM); });
  }

  /** Opens the cancellation form for one reservation line. */
  function askCancel(reservation, label) {
    byId('cancel-section').hidden = false;
    byId('cancel-what').textContent = label;
    byId('cancel-form').dataset.reservation = reservation.id;
    byId('cancel-error').hidden = true;
    byId('cancel-reason').focus();
  }

  function cancel(event) {
    event.preventDefault();
    var reason = byId('cancel-reason').value.trim();
    var error = byId('cancel-error');
    if (!reason) {
      error.textContent = 'Indiquez le motif de l\'annulation.';
      error.hidden = false;
      return;
    }
    byId('cancel-submit').disabled = true;
    P.api('POST', '/api/admin/reservations/' + byId('cancel-form').dataset.reservation + '/cancellation', { reason: reason })
      .then(function (result) {
        byId('cancel-submit').disabled = false;
        if (!result.ok) {
          G.fail(result, error);
          return;
        }
        byId('cancel-reason').value = '';
        byId('cancel-section').hidden = true;
        byId('book-done').textContent = 'Annulation enregistrée : ' + byId('cancel-what').textContent + '.';
        byId('book-done').hidden = false;
        reload();
      }, function () { byId('cancel-submit').disabled = false; G.fail(P.NETWORK_PROBLEM, error); });
  }

  /** A family was opened: its children in the form, and how to reload its reservations. */
  function setup(openedFamily, reloadReservations) {
    family = openedFamily;
    reload = reloadReservations;
    var child = byId('book-child');
    child.textContent = '';
    (family.children || []).forEach(function (c) { option(child, c.id, c.firstName + ' ' + c.lastName); });
    byId('cancel-section').hidden = true;
    byId('book-done').hidden = true;
    loadPeriods();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var unit = byId('book-unit');
    UNITS.forEach(function (code) { option(unit, code, P.unitLabel(code)); });
    byId('book-form').addEventListener('submit', book);
    byId('cancel-form').addEventListener('submit', cancel);
    byId('cancel-close').addEventListener('click', function () { byId('cancel-section').hidden = true; });
  });

  window.GestionReservations = { setup: setup, askCancel: askCancel };
}());
