/*
 * « Modifier les informations de la famille » → « Ajouter un enfant » (POST /api/family/children): the child
 * joins the family at once; document-service learns of it from the family's event and then asks for its
 * documents in « Mes documents ». Refusals are shown in the page's error box, on the fields.
 */
(function () {
  'use strict';

  var byId = window.Portail.byId;
  var FIELDS = ['firstName', 'lastName', 'birthDate', 'school', 'className'];

  function open(show) {
    byId('child-add-form').hidden = !show;
    byId('add-child').setAttribute('aria-expanded', String(show));
    if (show) {
      byId('child-added').hidden = true;
      byId('new-firstName').focus();
    }
  }

  function submit(event) {
    event.preventDefault();
    var form = byId('child-add-form');
    var button = byId('child-add-submit');
    var body = { authorizedPickups: [], emergencyContacts: [], authorizations: {} };
    FIELDS.forEach(function (field) {
      var text = byId('new-' + field).value.trim();
      body[field] = text === '' ? null : text;
    });
    window.Portail.clearProblem(form);
    button.disabled = true;
    window.Portail.api('POST', '/api/family/children', body).then(function (result) {
      button.disabled = false;
      if (!result.ok) {
        window.Portail.showProblem(form, result);
        return;
      }
      form.reset();
      open(false);
      byId('child-added-text').textContent = result.data.firstName + ' fait maintenant partie de votre famille.'
        + ' Complétez sa fiche, puis envoyez ses documents.';
      byId('child-added').hidden = false;
      byId('child-added').focus();
      document.dispatchEvent(new CustomEvent('portail:family-changed'));
    }).catch(function () {
      button.disabled = false;
      window.Portail.showProblem(form, window.Portail.NETWORK_PROBLEM);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    byId('add-child').addEventListener('click', function () {
      open(byId('child-add-form').hidden);
    });
    byId('child-add-form').addEventListener('submit', submit);
  });
}());
