/*
 * « Familles »: search, then one family's page: the record, parents, children, documents with their
 * status, reservations and the audit trail (each opening is itself recorded by account-service).
 */
(function () {
  'use strict';

  var P = window.Portail;
  var G = window.Gestion;
  var byId = P.byId;
  var DOCUMENT_STATUS = { PENDING: 'à vérifier', ACCEPTED: 'accepté', REJECTED: 'refusé' };
  var RESERVATION_STATUS = { CONFIRMED: 'confirmée', WAITLISTED: 'liste d\'attente', OFFERED: 'place proposée', CANCELLED: 'annulée' };
  var AUDIT = { READ: 'fiche consultée par le service', ANONYMISED: 'données personnelles effacées (anonymisation)',
    QUOTIENT_FAMILIAL_SET: 'quotient familial saisi', CHILD_READ: 'fiche enfant consultée par le service' };
  var types = null;

  function search(event) {
    if (event) {
      event.preventDefault();
    }
    var q = byId('search-q').value.trim();
    G.call('GET', '/api/admin/families?size=50&q=' + encodeURIComponent(q), undefined, byId('page-error')).then(function (page) {
      var list = byId('results');
      list.textContent = '';
      byId('results-count').textContent = page.total + (page.total > 1 ? ' familles' : ' famille')
          + (page.total > page.items.length ? ' (' + page.items.length + ' affichées)' : '');
      page.items.forEach(function (family) {
        var item = P.element('li', 'queue-item');
        var open = P.element('button', 'link-button', 'Famille ' + family.name);
        open.type = 'button';
        open.addEventListener('click', function () { show(family.id); });
        item.appendChild(open);
        item.appendChild(P.element('span', 'queue-meta', [family.postalCode, family.town].join(' ')
            + (family.resident ? ' – résidente' : '') + (family.quotientFamilial ? ' – QF ' + family.quotientFamilial : '')));
        list.appendChild(item);
      });
    });
  }

  function renderFamily(f) {
    byId('family-title').textContent = 'Famille ' + f.name;
    var facts = byId('family-facts');
    facts.textContent = '';
    G.row(facts, 'Adresse', [f.address, f.postalCode, f.town].filter(Boolean).join(', '));
    G.row(facts, 'Résidente de la communauté', f.resident ? 'oui' : 'non');
    G.row(facts, 'Situation', f.situation);
    G.row(facts, 'N° allocataire CAF', f.cafNumber);
    G.row(facts, 'Quotient familial', f.quotientFamilial && f.quotientFamilial.value !== null
        ? f.quotientFamilial.value + ' (' + f.quotientFamilial.source + (f.quotientFamilial.validUntil
          ? ', jusqu\'au ' + P.dateText(f.quotientFamilial.validUntil) : '') + ')' : '');
    var parents = byId('family-parents');
    parents.textContent = '';
    (f.parents || []).forEach(function (p) {
      var list = P.element('dl', 'detail-list');
      G.row(list, 'Nom', p.firstName + ' ' + p.lastName);
      G.row(list, 'Adresse électronique', p.email);
      G.row(list, 'Téléphone', p.phone);
      G.row(list, 'Compte', p.accountStatus);
      parents.appendChild(list);
    });
    var children = byId('family-children');
    children.textContent = '';
    (f.children || []).forEach(function (c) {
      var item = P.element('li', 'queue-item');
      var open = P.element('button', 'link-button', c.firstName + ' ' + c.lastName + ', né(e) le ' + P.dateText(c.birthDate));
      open.type = 'button';
      open.setAttribute('aria-expanded', 'false');
      open.addEventListener('click', function () { toggleChild(f.id, c.id, item, open); });
      item.appendChild(open);
      children.appendChild(item);
    });
    return f;
  }

  function people(list) {
    return (list || []).map(function (p) {
      return p.name + (p.relationship ? ' (' + p.relationship + ')' : '') + (p.phone ? ', ' + p.phone : '');
    }).join(' ; ');
  }

  /** A child's record, read on demand: health data are sensitive and each read is audited. */
  function toggleChild(familyId, childId, item, button) {
    var shown = item.querySelector('dl');
    if (shown) {
      item.removeChild(shown);
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    G.call('GET', '/api/admin/families/' + familyId + '/children/' + childId, undefined, byId('page-error')).then(function (c) {
      var list = P.element('dl', 'detail-list');
      G.row(list, 'École', [c.school, c.className].filter(Boolean).join(', '));
      G.row(list, 'Santé', c.healthNotes);
      G.row(list, 'Allergies', c.allergies);
      G.row(list, 'Médecin', [c.doctorName, c.doctorPhone].filter(Boolean).join(', '));
      G.row(list, 'Personnes autorisées à venir le chercher', people(c.authorizedPickups));
      G.row(list, 'Personnes à prévenir en cas d\'urgence', people(c.emergencyContacts));
      item.appendChild(list);
      button.setAttribute('aria-expanded', 'true');
    });
  }

  function renderDocuments(documents, family) {
    var list = byId('family-documents');
    list.textContent = '';
    if (documents.length === 0) {
      list.appendChild(P.element('li', null, 'Aucun document envoyé.'));
    }
    documents.forEach(function (d) {
      var type = types[d.typeCode];
      var child = (family.children || []).filter(function (c) { return c.id === d.childId; })[0];
      list.appendChild(P.element('li', null, (type ? type.label : d.typeCode) + (child ? ' – ' + child.firstName : '')
          + ' : ' + (DOCUMENT_STATUS[d.status] || d.status) + (d.rejectionReason ? ' (' + d.rejectionReason + ')' : '')
          + (d.validUntil ? ', valable jusqu\'au ' + P.dateText(d.validUntil) : '') + ' – envoyé le ' + G.instantText(d.submittedAt)));
    });
  }

  function renderReservations(reservations) {
    var body = byId('family-reservations');
    body.textContent = '';
    reservations.forEach(function (r) {
      var tr = P.element('tr');
      var day = P.element('th', null, P.dayText(r.date));
      day.scope = 'row';
      tr.appendChild(day);
      [r.childFirstName, r.structureName + ' – ' + r.periodName, P.unitLabel(r.unit),
        (RESERVATION_STATUS[r.status] || r.status) + (r.waitlistRank ? ' (rang ' + r.waitlistRank + ')' : '')
          + (r.bookedBy === 'STAFF' ? ', par le service' : '')].forEach(function (text) {
        tr.appendChild(P.element('td', null, text));
      });
      var action = P.element('td');
      if (r.status !== 'CANCELLED') {
        var label = r.childFirstName + ', ' + P.dayText(r.date) + ' – ' + P.unitLabel(r.unit);
        var cancel = P.element('button', 'button button-small button-secondary', 'Annuler');
        cancel.type = 'button';
        cancel.setAttribute('aria-label', 'Annuler : ' + label);
        cancel.addEventListener('click', function () { window.GestionReservations.askCancel(r, label); });
        action.appendChild(cancel);
      }
      tr.appendChild(action);
      body.appendChild(tr);
    });
  }

  function renderAudit(entries) {
    var list = byId('family-audit');
    list.textContent = '';
    entries.slice(0, 20).forEach(function (entry) {
      list.appendChild(P.element('li', null, G.instantText(entry.at) + ' – ' + (AUDIT[entry.action] || entry.action)));
    });
  }

  function show(id) {
    var box = byId('page-error');
    G.call('GET', '/api/admin/families/' + id, undefined, box).then(function (family) {
      renderFamily(family);
      byId('family-invoices').href = 'facturation.html?famille=' + encodeURIComponent(id);
      byId('results-section').hidden = true;
      byId('search-form').hidden = true;
      byId('family').hidden = false;
      P.focusHeading('family-title');
      var typesLoaded = types ? Promise.resolve() : G.call('GET', '/api/admin/document-types', undefined, box).then(function (list) {
        types = {};
        list.forEach(function (type) { types[type.code] = type; });
      });
      typesLoaded.then(function () {
        return G.call('GET', '/api/admin/documents?familyId=' + id, undefined, box);
      }).then(function (documents) { renderDocuments(documents, family); });
      var reservations = function () {
        G.call('GET', '/api/admin/reservations?familyId=' + id, undefined, box).then(renderReservations);
      };
      reservations();
      window.GestionReservations.setup(family, reservations);
      G.call('GET', '/api/admin/families/' + id + '/audit', undefined, box).then(renderAudit);
    });
  }

  G.start(function () {
    byId('search-form').addEventListener('submit', search);
    byId('back-to-results').addEventListener('click', function () {
      byId('family').hidden = true;
      byId('results-section').hidden = false;
      byId('search-form').hidden = false;
      P.focusHeading('results-title');
    });
    search();
  });
}());
