/*
 * Portail Familles – choosing a password from an e-mail link (activation.html, reinitialisation.html)
 * and asking for a reset link (mot-de-passe-oublie.html). Relies on window.Portail from app.js.
 */
(function () {
  'use strict';

  var MIN_LENGTH = 12;
  var NETWORK_ERROR = 'Impossible de joindre le portail. Vérifiez votre connexion puis réessayez.';

  function show(element, text) {
    element.textContent = text;
    element.hidden = false;
  }

  function hide(element) {
    element.textContent = '';
    element.hidden = true;
  }

  function busy(button, on) {
    button.disabled = on;
    button.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  function tokenFromLink() {
    var params = new URLSearchParams(window.location.search);
    return params.get('token') || '';
  }

  /** Activation and reset confirmation: the same form, posting { token, password } to data-endpoint. */
  function initNewPassword() {
    var form = document.getElementById('password-form');
    var password = document.getElementById('password');
    var confirmation = document.getElementById('password-confirmation');
    var submit = document.getElementById('password-submit');
    var error = document.getElementById('password-error');
    var done = document.getElementById('password-done');
    var token = tokenFromLink();

    if (token === '') {
      show(error, 'Ce lien est incomplet. Ouvrez le lien reçu par courriel, ou copiez-le en entier dans la barre d\'adresse.');
      busy(submit, true);
      return;
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      hide(error);
      password.removeAttribute('aria-invalid');
      confirmation.removeAttribute('aria-invalid');

      if (password.value.length < MIN_LENGTH) {
        password.setAttribute('aria-invalid', 'true');
        show(error, 'Le mot de passe doit compter au moins ' + MIN_LENGTH + ' caractères.');
        password.focus();
        return;
      }
      if (password.value !== confirmation.value) {
        confirmation.setAttribute('aria-invalid', 'true');
        show(error, 'Les deux mots de passe saisis sont différents.');
        confirmation.focus();
        return;
      }

      busy(submit, true);
      window.Portail.api('POST', form.getAttribute('data-endpoint'), { token: token, password: password.value })
        .then(function (result) {
          if (result.ok) {
            password.value = '';
            confirmation.value = '';
            show(done, form.getAttribute('data-success'));
            window.setTimeout(function () { window.location.assign(form.getAttribute('data-done')); }, 2500);
            return;
          }
          show(error, window.Portail.problemMessage(result));
          busy(submit, false);
          password.focus();
        })
        .catch(function () {
          show(error, NETWORK_ERROR);
          busy(submit, false);
        });
    });
  }

  /** The reset request: the answer is the same whether an account exists or not. */
  function initResetRequest() {
    var form = document.getElementById('reset-form');
    var email = document.getElementById('email');
    var submit = document.getElementById('reset-submit');
    var error = document.getElementById('reset-error');
    var done = document.getElementById('reset-done');

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      hide(error);
      hide(done);
      email.removeAttribute('aria-invalid');
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.value.trim())) {
        email.setAttribute('aria-invalid', 'true');
        show(error, 'Saisissez une adresse électronique valide, par exemple nom@exemple.fr.');
        email.focus();
        return;
      }
      busy(submit, true);
      window.Portail.api('POST', '/api/auth/password-reset', { email: email.value.trim() })
        .then(function (result) {
          busy(submit, false);
          if (result.ok) {
            show(done, (result.data && result.data.message) ||
              'Si un compte existe pour cette adresse, un courriel avec un lien vient d\'être envoyé.');
            return;
          }
          show(error, window.Portail.problemMessage(result));
        })
        .catch(function () {
          show(error, NETWORK_ERROR);
          busy(submit, false);
        });
    });
  }

  var pages = { activation: initNewPassword, reinitialisation: initNewPassword, 'mot-de-passe-oublie': initResetRequest };

  document.addEventListener('DOMContentLoaded', function () {
    var init = pages[document.body.getAttribute('data-page')];
    if (init) {
      init();
    }
  });
}());
