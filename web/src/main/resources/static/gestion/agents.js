/*
 * « Agents » (administrators only; account-service refuses STAFF alone): the staff accounts, create one
 * (the agent chooses a password from the e-mailed link), disable one.
 */
(function () {
  'use strict';

  var P = window.Portail;
  var G = window.Gestion;
  var byId = P.byId;
  var STATUS = { ACTIVE: 'actif', PENDING_ACTIVATION: 'en attente de son mot de passe', DISABLED: 'désactivé' };

  function done(text) {
    byId('staff-done').textContent = text;
    byId('staff-done').hidden = false;
  }

  function disable(account, button) {
    button.disabled = true;
    G.call('POST', '/api/admin/staff/' + account.id + '/disabling', undefined, byId('page-error')).then(function () {
      done('Compte de ' + account.displayName + ' désactivé.');
      load();
    });
  }

  function load() {
    G.call('GET', '/api/admin/staff', undefined, byId('page-error')).then(function (accounts) {
      var list = byId('staff');
      list.textContent = '';
      accounts.forEach(function (account) {
        var item = P.element('li', 'queue-item', account.displayName + ' – ' + account.email);
        item.appendChild(P.element('span', 'queue-meta', (account.roles.indexOf('ADMIN') >= 0 ? 'administrateur' : 'agent')
            + ', ' + (STATUS[account.status] || account.status)));
        if (account.status !== 'DISABLED') {
          var button = P.element('button', 'button button-secondary button-small', 'Désactiver');
          button.type = 'button';
          button.setAttribute('aria-label', 'Désactiver le compte de ' + account.displayName);
          button.addEventListener('click', function () { disable(account, button); });
          item.appendChild(button);
        }
        list.appendChild(item);
      });
    });
  }

  function create(event) {
    event.preventDefault();
    var form = byId('staff-form');
    P.clearProblem(form);
    byId('staff-done').hidden = true;
    var body = { displayName: byId('staff-name-input').value.trim(), email: byId('staff-email').value.trim(),
      admin: byId('staff-admin').checked };
    byId('staff-submit').disabled = true;
    P.api('POST', '/api/admin/staff', body).then(function (result) {
      byId('staff-submit').disabled = false;
      if (result.status === 401) {
        window.location.replace('../connexion.html');
        return;
      }
      if (!result.ok) {
        P.showProblem(form, result);
        return;
      }
      form.reset();
      done('Compte de ' + result.data.displayName + ' créé : un lien pour choisir son mot de passe lui est envoyé.');
      load();
    }, function () { byId('staff-submit').disabled = false; P.showProblem(form, P.NETWORK_PROBLEM); });
  }

  G.start(function (me) {
    var admin = (me.roles || []).indexOf('ADMIN') >= 0;
    byId('admin-only').hidden = admin;
    byId('staff-section').hidden = !admin;
    if (admin) {
      byId('staff-form').addEventListener('submit', create);
      load();
    }
  });
}());
