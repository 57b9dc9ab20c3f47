/*
 * The parent's own account, once logged in: « Modifier mon mot de passe » (PUT /api/auth/password, the
 * confirmation e-mail is sent by the service) and « Télécharger mes données » (GET /api/family/export, the
 * right of access: the file is built in the page so the session's cookie and its refresh are used).
 */
(function () {
  'use strict';

  var byId = window.Portail.byId;
  var MIN_LENGTH = 12;

  function fail(box, text) {
    box.textContent = text;
    box.hidden = false;
  }

  function initPassword() {
    var form = byId('change-form');
    var error = byId('change-error');
    var submit = byId('change-submit');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      error.hidden = true;
      byId('change-done').hidden = true;
      var current = byId('current-password').value;
      var next = byId('new-password').value;
      if (!current) {
        fail(error, 'Saisissez votre mot de passe actuel.');
        return;
      }
      if (next.length < MIN_LENGTH) {
        fail(error, 'Le nouveau mot de passe doit compter au moins ' + MIN_LENGTH + ' caractères.');
        return;
      }
      if (next !== byId('new-password-confirmation').value) {
        fail(error, 'Les deux mots de passe saisis ne sont pas identiques.');
        return;
      }
      submit.disabled = true;
      window.Portail.api('PUT', '/api/auth/password', { currentPassword: current, newPassword: next }).then(function (result) {
        submit.disabled = false;
        if (window.Portail.redirectIfLoggedOut(result)) {
          return;
        }
        if (!result.ok) {
          fail(error, window.Portail.problemMessage(result));
          return;
        }
        form.reset();
        byId('change-done').textContent = 'Votre mot de passe est modifié. Un courriel vous le confirme.';
        byId('change-done').hidden = false;
        byId('change-done').focus();
      }).catch(function () {
        submit.disabled = false;
        fail(error, window.Portail.problemMessage(window.Portail.NETWORK_PROBLEM));
      });
    });
  }

  function initExport() {
    var button = byId('export-start');
    button.addEventListener('click', function () {
      byId('export-error').hidden = true;
      button.disabled = true;
      window.Portail.api('GET', '/api/family/export').then(function (result) {
        button.disabled = false;
        if (window.Portail.redirectIfLoggedOut(result)) {
          return;
        }
        if (!result.ok) {
          fail(byId('export-error'), window.Portail.problemMessage(result));
          return;
        }
        var file = new Blob([JSON.stringify(result.data, null, 2)], { type: 'application/json' });
        var link = byId('export-link');
        if (link.href.indexOf('blob:') === 0) {
          URL.revokeObjectURL(link.href);
        }
        link.href = URL.createObjectURL(file);
        byId('export-size').textContent = '(' + Math.max(1, Math.round(file.size / 1024)) + ' Ko)';
        byId('export-done').hidden = false;
        link.focus();
        link.click();
      }).catch(function () {
        button.disabled = false;
        fail(byId('export-error'), window.Portail.problemMessage(window.Portail.NETWORK_PROBLEM));
      });
    });
  }

  var pages = { 'mot-de-passe-modifier': initPassword, donnees: initExport };
  document.addEventListener('DOMContentLoaded', function () {
    var init = pages[document.body.getAttribute('data-page')];
    if (init) {
      init();
    }
  });
}());
