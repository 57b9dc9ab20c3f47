/*
 * « Demandes de compte »: the queue (oldest first), one request with the form the family sent (an
 * actualisation as its differences from the current record), approve or reject with a reason.
 */
(function () {
  'use strict';

  var P = window.Portail;
  var G = window.Gestion;
  var byId = P.byId;
  var current = null;

  function person(p) {
    return [p.firstName, p.lastName].filter(Boolean).join(' ');
  }

  function loadQueue() {
    G.call('GET', '/api/admin/account-requests?status=PENDING&size=100', undefined, byId('page-error')).then(function (page) {
      var list = byId('queue');
      list.textContent = '';
      byId('queue-empty').hidden = page.items.length > 0;
      page.items.forEach(function (request) {
        var item = P.element('li', 'queue-item');
        var open = P.element('button', 'link-button', 'Famille ' + request.familyName
            + (request.actualisation ? ' (actualisation)' : ''));
        open.type = 'button';
        open.addEventListener('click', function () { show(request.id); });
        item.appendChild(open);
        item.appendChild(P.element('span', 'queue-meta', request.contactEmail + ' – reçue le '
            + G.instantText(request.receivedAt) + ' – année ' + request.schoolYear));
        list.appendChild(item);
      });
    });
  }

  function renderForm(form) {
    var family = byId('detail-family');
    family.textContent = '';
    G.row(family, 'Nom', form.family && form.family.name);
    G.row(family, 'Adresse', form.family && form.family.address);
    G.row(family, 'Code postal', form.family && form.family.postalCode);
    G.row(family, 'Commune', form.family && form.family.town);
    G.row(family, 'Année scolaire', form.schoolYear);
    G.row(family, 'Consentement au traitement des données', form.dataProcessingConsent ? 'oui' : 'non');
    var parents = byId('detail-parents');
    parents.textContent = '';
    (form.parents || []).forEach(function (p) {
      var list = P.element('dl', 'detail-list');
      G.row(list, 'Nom', person(p));
      G.row(list, 'Adresse électronique', p.email);
      G.row(list, 'Téléphone', p.phone);
      parents.appendChild(list);
    });
    var children = byId('detail-children');
    children.textContent = '';
    (form.children || []).forEach(function (c) {
      var list = P.element('dl', 'detail-list');
      G.row(list, 'Nom', person(c));
      G.row(list, 'Date de naissance', c.birthDate ? P.dateText(c.birthDate) : '');
      G.row(list, 'École', c.school);
      children.appendChild(list);
    });
  }

  /** An actualisation: each family field that differs from the family's current record. */
  function renderDifferences(detail) {
    var box = byId('differences-box');
    box.hidden = true;
    if (!detail.request.actualisation || !detail.familyId) {
      return;
    }
    G.call('GET', '/api/admin/families/' + detail.familyId, undefined, byId('page-error')).then(function (family) {
      var body = byId('differences');
      body.textContent = '';
      var asked = detail.form.family || {};
      [['Adresse', 'address'], ['Code postal', 'postalCode'], ['Commune', 'town']].forEach(function (field) {
        if ((family[field[1]] || '') !== (asked[field[1]] || '')) {
          var tr = P.element('tr');
          tr.appendChild(P.element('th', null, field[0]));
          tr.lastChild.scope = 'row';
          tr.appendChild(P.element('td', null, family[field[1]] || '—'));
          tr.appendChild(P.element('td', null, asked[field[1]] || '—'));
          body.appendChild(tr);
        }
      });
      var known = (family.children || []).map(person);
      (detail.form.children || []).filter(function (c) { return known.indexOf(person(c)) < 0; }).forEach(function (c) {
        var tr = P.element('tr');
        tr.appendChild(P.element('th', null, 'Nouvel enfant'));
        tr.lastChild.scope = 'row';
        tr.appendChild(P.element('td', null, '—'));
        tr.appendChild(P.element('td', null, person(c)));
        body.appendChild(tr);
      });
      box.hidden = body.children.length === 0;
    });
  }

  function show(id) {
    byId('page-done').hidden = true;
    G.call('GET', '/api/admin/account-requests/' + id, undefined, byId('page-error')).then(function (detail) {
      current = detail;
      byId('queue-section').hidden = true;
      byId('detail').hidden = false;
      byId('reject-form').hidden = true;
      byId('detail-title').textContent = 'Demande de la famille ' + detail.request.familyName;
      byId('detail-kind').textContent = (detail.request.actualisation ? 'Actualisation d\'un compte existant' : 'Nouvelle famille')
          + ', reçue le ' + G.instantText(detail.request.receivedAt) + ' de ' + detail.request.contactEmail + '.';
      renderForm(detail.form || {});
      renderDifferences(detail);
      P.focusHeading('detail-title');
    });
  }

  function backToQueue(message) {
    byId('detail').hidden = true;
    byId('queue-section').hidden = false;
    if (message) {
      byId('page-done').textContent = message;
      byId('page-done').hidden = false;
    }
    loadQueue();
    P.focusHeading('queue-title');
  }

  function approve() {
    var button = byId('approve');
    button.disabled = true;
    P.api('POST', '/api/admin/account-requests/' + current.request.id + '/approval').then(function (result) {
      button.disabled = false;
      if (!result.ok) {
        G.fail(result, byId('page-error'));
        return;
      }
      backToQueue('Demande de la famille ' + current.request.familyName
          + ' validée : les responsables reçoivent leur lien d\'activation.');
    }, function () { button.disabled = false; G.fail(P.NETWORK_PROBLEM, byId('page-error')); });
  }

  function reject(event) {
    event.preventDefault();
    var reason = byId('reject-reason');
    var error = byId('reject-error');
    error.hidden = true;
    reason.removeAttribute('aria-invalid');
    if (reason.value.trim() === '') {
      reason.setAttribute('aria-invalid', 'true');
      error.textContent = 'Indiquez le motif du refus : il est envoyé à la famille.';
      error.hidden = false;
      reason.focus();
      return;
    }
    byId('reject-submit').disabled = true;
    P.api('POST', '/api/admin/account-requests/' + current.request.id + '/rejection', { reason: reason.value.trim() })
      .then(function (result) {
        byId('reject-submit').disabled = false;
        if (!result.ok) {
          G.fail(result, error);
          return;
        }
        byId('reject-form').reset();
        backToQueue('Demande de la famille ' + current.request.familyName + ' refusée : la famille en est informée.');
      }, function () { byId('reject-submit').disabled = false; G.fail(P.NETWORK_PROBLEM, error); });
  }

  G.start(function () {
    byId('approve').addEventListener('click', approve);
    byId('show-reject').addEventListener('click', function () {
      byId('reject-form').hidden = false;
      byId('reject-reason').focus();
    });
    byId('reject-form').addEventListener('submit', reject);
    byId('back-to-queue').addEventListener('click', function () { backToQueue(); });
    loadQueue();
  });
}());
