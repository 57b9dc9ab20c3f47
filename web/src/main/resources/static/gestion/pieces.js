/*
 * « Pièces justificatives »: the review queue by age and dossier, one document with its preview, accept
 * with the dates its type's rule asks for (pre-filled), or reject with a reason chosen or typed.
 */
(function () {
  'use strict';

  var P = window.Portail;
  var G = window.Gestion;
  var byId = P.byId;
  var DOSSIERS = { NEUTRE: 'Commun', ALSH: 'Accueil de loisirs', CRECHE: 'Crèche ou multi-accueil' };
  var types = {};
  var queue = [];
  var current = null;

  function typeOf(document) {
    return types[document.typeCode] || { label: document.typeCode, dossier: '', validityRule: 'NONE' };
  }

  function renderQueue() {
    var dossier = byId('queue-dossier').value;
    var list = byId('queue');
    list.textContent = '';
    var shown = queue.filter(function (d) { return !dossier || typeOf(d).dossier === dossier; });
    byId('queue-empty').hidden = shown.length > 0;
    shown.forEach(function (d) {
      var type = typeOf(d);
      var item = P.element('li', 'queue-item');
      var open = P.element('button', 'link-button', type.label);
      open.type = 'button';
      open.addEventListener('click', function () { show(d); });
      item.appendChild(open);
      item.appendChild(P.element('span', 'queue-meta', (DOSSIERS[type.dossier] || type.dossier) + ' – ' + d.filename + ' – envoyé le '
          + G.instantText(d.submittedAt) + ' (' + G.age(d.submittedAt) + ')'));
      list.appendChild(item);
    });
  }

  function loadQueue() {
    G.call('GET', '/api/admin/documents?status=PENDING&size=100', undefined, byId('page-error')).then(function (page) {
      queue = page.items;
      renderQueue();
    });
  }

  /** Images inline; a PDF through the browser's viewer when the page may frame it, with the download link always. */
  function renderPreview(d, url) {
    var box = byId('preview');
    box.textContent = '';
    if (/^image\//.test(d.contentType)) {
      var img = P.element('img');
      img.src = url;
      img.alt = 'Aperçu du document ' + typeOf(d).label;
      box.appendChild(img);
    } else {
      box.appendChild(P.element('p', 'hint', 'Document PDF (' + Math.ceil(d.size / 1024) + ' Ko) : ouvrez-le avec le lien ci-dessous.'));
    }
  }

  function show(d) {
    current = d;
    var type = typeOf(d);
    byId('page-done').hidden = true;
    byId('queue-section').hidden = true;
    byId('detail').hidden = false;
    byId('detail-title').textContent = type.label;
    var facts = byId('detail-facts');
    facts.textContent = '';
    G.row(facts, 'Dossier', DOSSIERS[type.dossier] || type.dossier);
    G.row(facts, 'Envoyé le', G.instantText(d.submittedAt) + ' (' + G.age(d.submittedAt) + ')');
    G.row(facts, 'Fichier', d.filename);
    var url = '/api/admin/documents/' + d.id + '/content';
    byId('download').href = url;
    renderPreview(d, url);
    var dates = window.DocumentRules.prefill(type.validityRule, d.submittedAt, new Date());
    byId('rule-hint').textContent = dates.hint;
    byId('valid-from').value = dates.validFrom;
    byId('valid-until').value = dates.validUntil;
    ['accept-error', 'reject-error'].forEach(function (id) { byId(id).hidden = true; });
    G.call('GET', '/api/admin/families/' + d.familyId, undefined, byId('page-error')).then(function (family) {
      var child = (family.children || []).filter(function (c) { return c.id === d.childId; })[0];
      G.row(facts, 'Famille', family.name + ' (' + family.town + ')');
      if (child) {
        G.row(facts, 'Enfant', child.firstName + ' ' + child.lastName);
      }
    });
    P.focusHeading('detail-title');
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

  function decide(body, button, error, done) {
    error.hidden = true;
    button.disabled = true;
    P.api('POST', '/api/admin/documents/' + current.id + '/review', body).then(function (result) {
      button.disabled = false;
      if (!result.ok) {
        G.fail(result, error);
        return;
      }
      backToQueue(done);
    }, function () { button.disabled = false; G.fail(P.NETWORK_PROBLEM, error); });
  }

  function accept(event) {
    event.preventDefault();
    decide({ decision: 'ACCEPTED', validFrom: byId('valid-from').value || null, validUntil: byId('valid-until').value || null },
        byId('accept-submit'), byId('accept-error'), typeOf(current).label + ' accepté.');
  }

  function reject(event) {
    event.preventDefault();
    var reason = byId('reject-choice').value || byId('reject-other').value.trim();
    if (!reason) {
      byId('reject-other').setAttribute('aria-invalid', 'true');
      byId('reject-error').textContent = 'Précisez le motif du refus : il est envoyé à la famille.';
      byId('reject-error').hidden = false;
      byId('reject-other').focus();
      return;
    }
    byId('reject-other').removeAttribute('aria-invalid');
    decide({ decision: 'REJECTED', reason: reason }, byId('reject-submit'), byId('reject-error'),
        typeOf(current).label + ' refusé : la famille en est informée.');
  }

  G.start(function () {
    byId('queue-dossier').addEventListener('change', renderQueue);
    byId('reject-choice').addEventListener('change', function () {
      byId('reject-other-field').hidden = byId('reject-choice').value !== '';
    });
    byId('accept-form').addEventListener('submit', accept);
    byId('reject-form').addEventListener('submit', reject);
    byId('back-to-queue').addEventListener('click', function () { backToQueue(); });
    G.call('GET', '/api/admin/document-types', undefined, byId('page-error')).then(function (list) {
      list.forEach(function (type) { types[type.code] = type; });
      loadQueue();
    });
  });
}());
