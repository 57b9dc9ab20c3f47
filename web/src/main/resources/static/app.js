/*
 * Portail Familles – the few scripts the pages need, no framework.
 * The session lives in the HttpOnly cookies set by POST /api/auth/login: the 30-minute access token
 * (its copy in the response body is deliberately not kept: no localStorage, scripts never hold it)
 * and a refresh token the browser sends only to /api/auth/refresh, which renews both.
 */
(function () {
  'use strict';

  var NETWORK_ERROR = 'Impossible de joindre le portail. Vérifiez votre connexion puis réessayez.';
  var UNEXPECTED_ERROR = 'Une erreur inattendue est survenue. Réessayez dans quelques instants.';

  /**
   * Calls the API on the same origin (the cookie goes along) and reads JSON or problem+json.
   * Resolves to { ok, status, data, problem }; rejects only when the network fails. {@code headers} adds
   * request headers (an Idempotency-Key).
   */
  function api(method, url, body, headers) {
    return send(method, url, body, headers).then(function (result) {
      if (result.status !== 401 || NO_REFRESH.test(url)) {
        return result;
      }
      // The access token ran out: renew the session once, then try the request again, once. Even when
      // this tab's refresh is refused: another tab may just have renewed the cookies both share.
      return refreshSession().then(function () {
        return send(method, url, body, headers);
      });
    });
  }

  /** Calls whose 401 is an answer in itself (wrong password, session over), never a reason to refresh. */
  var NO_REFRESH = /^\/api\/auth\/(login|logout|refresh)\b/;
  var refreshing = null;

  /**
   * Asks for a new access token with the refresh cookie; resolves to whether it worked. Calls that get
   * a 401 together share one refresh: the refresh token changes at each use, and presenting the old
   * one again would be refused.
   */
  function refreshSession() {
    if (!refreshing) {
      refreshing = fetch('/api/auth/refresh', {
        method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json, application/problem+json' }
      }).then(function (response) { return response.ok; }, function () { return false; })
        .then(function (renewed) {
          refreshing = null;
          return renewed;
        });
    }
    return refreshing;
  }

  function send(method, url, body, headers) {
    var options = {
      method: method,
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json, application/problem+json' }
    };
    Object.keys(headers || {}).forEach(function (name) {
      options.headers[name] = headers[name];
    });
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(url, options).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      var parsed = /json/i.test(type) ? response.json().catch(function () { return null; }) : Promise.resolve(null);
      return parsed.then(function (json) {
        return {
          ok: response.ok,
          status: response.status,
          data: response.ok ? json : null,
          problem: response.ok ? null : (json || {})
        };
      });
    });
  }

  /** The sentence to show for a failed call: the problem's detail, else a generic French one. */
  function problemMessage(result) {
    var problem = result && result.problem;
    if (problem && typeof problem.detail === 'string' && problem.detail.trim() !== '') {
      return problem.detail;
    }
    return UNEXPECTED_ERROR;
  }

  function showMessage(element, text) {
    element.textContent = text;
    element.hidden = false;
  }

  function hideMessage(element) {
    element.textContent = '';
    element.hidden = true;
  }

  function setBusy(button, busy) {
    button.disabled = busy;
    button.setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  function initLogin() {
    var form = document.getElementById('login-form');
    var email = document.getElementById('email');
    var password = document.getElementById('password');
    var submit = document.getElementById('login-submit');
    var error = document.getElementById('login-error');

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      hideMessage(error);
      email.removeAttribute('aria-invalid');
      password.removeAttribute('aria-invalid');

      var missing = [];
      if (email.value.trim() === '') { missing.push(email); }
      if (password.value === '') { missing.push(password); }
      if (missing.length > 0) {
        missing.forEach(function (field) { field.setAttribute('aria-invalid', 'true'); });
        showMessage(error, 'Saisissez votre adresse électronique et votre mot de passe.');
        missing[0].focus();
        return;
      }

      setBusy(submit, true);
      api('POST', '/api/auth/login', { email: email.value.trim(), password: password.value })
        .then(function (result) {
          if (result.ok) {
            landAfterLogin();
            return;
          }
          password.value = '';
          showMessage(error, problemMessage(result));
          setBusy(submit, false);
        })
        .catch(function () {
          showMessage(error, NETWORK_ERROR);
          setBusy(submit, false);
        });
    });
  }

  /** Staff land on their back office (gestion/), parents on their space; the APIs check the role again. */
  function landAfterLogin() {
    api('GET', '/api/auth/me').then(function (me) {
      var roles = (me.ok && me.data && me.data.roles) || [];
      var staff = roles.indexOf('STAFF') >= 0 || roles.indexOf('ADMIN') >= 0;
      window.location.assign(staff ? 'gestion/index.html' : 'espace.html');
    }).catch(function () {
      window.location.assign('espace.html');
    });
  }

  function greetingFor(me) {
    var name = (me.displayName && me.displayName.trim()) || me.email || '';
    return name ? 'Bonjour ' + name + '.' : 'Bonjour.';
  }

  function initSpace() {
    var greeting = document.getElementById('greeting');
    var logout = document.getElementById('logout');
    var error = document.getElementById('space-error');

    api('GET', '/api/auth/me')
      .then(function (result) {
        if (result.status === 401) {
          window.location.replace('connexion.html');
          return;
        }
        if (!result.ok) {
          greeting.textContent = '';
          showMessage(error, problemMessage(result));
          return;
        }
        greeting.textContent = greetingFor(result.data || {});
      })
      .catch(function () {
        greeting.textContent = '';
        showMessage(error, NETWORK_ERROR);
      });

    logout.addEventListener('click', function () {
      hideMessage(error);
      setBusy(logout, true);
      // Ends the session on the server (the refresh token is revoked) and clears both cookies.
      api('DELETE', '/api/auth/refresh')
        .then(function (result) {
          // 401: the session had already ended, which is what the user asked for.
          if (result.ok || result.status === 401) {
            window.location.assign('index.html');
            return;
          }
          showMessage(error, problemMessage(result));
          setBusy(logout, false);
        })
        .catch(function () {
          showMessage(error, NETWORK_ERROR);
          setBusy(logout, false);
        });
    });
  }

  /**
   * Shows a refusal above a form (#form-errors, #form-error-summary, #form-error-list): the problem's
   * detail, then each violation as a link to its field, which is marked aria-invalid.
   */
  function showProblem(form, result) {
    var box = document.getElementById('form-errors');
    var list = document.getElementById('form-error-list');
    list.textContent = '';
    document.getElementById('form-error-summary').textContent = problemMessage(result);
    ((result && result.problem && result.problem.violations) || []).forEach(function (violation) {
      var input = form.querySelector('[data-field="' + violation.field + '"]');
      var item = document.createElement('li');
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        var label = form.querySelector('label[for="' + input.id + '"]');
        var link = document.createElement('a');
        link.href = '#' + input.id;
        link.textContent = (label ? label.textContent.replace(' *', '') : violation.field) + ' : ' + violation.message;
        item.appendChild(link);
      } else {
        item.textContent = violation.message;
      }
      list.appendChild(item);
    });
    box.hidden = false;
    box.focus();
  }

  /** Hides the refusal box and clears the fields it marked. */
  function clearProblem(form) {
    document.getElementById('form-errors').hidden = true;
    form.querySelectorAll('[aria-invalid]').forEach(function (input) { input.removeAttribute('aria-invalid'); });
  }

  /* ---------------------------------------------------------------- shared by the pages' own scripts */

  var MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
    'novembre', 'décembre'];
  var WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
  var UNITS = [
    { code: 'JOURNEE_REPAS', label: 'Journée avec repas' },
    { code: 'JOURNEE', label: 'Journée' },
    { code: 'MATIN_REPAS', label: 'Matin avec repas' },
    { code: 'MATIN', label: 'Matin' },
    { code: 'APRES_MIDI_REPAS', label: 'Après-midi avec repas' },
    { code: 'APRES_MIDI', label: 'Après-midi' }
  ];
  var NETWORK_PROBLEM = { problem: { detail: NETWORK_ERROR } };

  function byId(id) {
    return document.getElementById(id);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  /** "2027-07-09" or "2027-07" → its parts (month from 0), never through the browser's time zone. */
  function parts(iso) {
    var p = String(iso).split('-');
    return { year: Number(p[0]), month: Number(p[1]) - 1, day: Number(p[2] || 1) };
  }

  /** "9 juillet 2027", computed here so it never depends on the browser's locale data. */
  function dateText(iso) {
    var p = parts(iso);
    return p.day + ' ' + MONTHS[p.month] + ' ' + p.year;
  }

  /** "vendredi 9 juillet 2027". */
  function dayText(iso) {
    var p = parts(iso);
    return WEEKDAYS[new Date(Date.UTC(p.year, p.month, p.day)).getUTCDay()] + ' ' + dateText(iso);
  }

  /** "juillet 2027". */
  function monthText(iso) {
    var p = parts(iso);
    return MONTHS[p.month] + ' ' + p.year;
  }

  function unitLabel(code) {
    var found = UNITS.filter(function (unit) { return unit.code === code; })[0];
    return found ? found.label : code;
  }

  /** An Idempotency-Key: crypto.randomUUID where the page is a secure context, else a v4 UUID from getRandomValues. */
  function newKey() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  function redirectIfLoggedOut(result) {
    if (result.status === 401) {
      window.location.replace('connexion.html');
      return true;
    }
    return false;
  }

  function focusHeading(id) {
    var heading = byId(id);
    heading.focus();
    heading.scrollIntoView({ block: 'start' });
  }

  var pages = { connexion: initLogin, espace: initSpace };

  document.addEventListener('DOMContentLoaded', function () {
    var init = pages[document.body.getAttribute('data-page')];
    if (init) {
      init();
    }
  });

  window.Portail = {
    api: api, problemMessage: problemMessage, showProblem: showProblem, clearProblem: clearProblem,
    MONTHS: MONTHS, NETWORK_PROBLEM: NETWORK_PROBLEM, byId: byId, element: element,
    dateText: dateText, dayText: dayText, monthText: monthText, unitLabel: unitLabel, newKey: newKey,
    redirectIfLoggedOut: redirectIfLoggedOut, focusHeading: focusHeading, refreshSession: refreshSession
  };
}());
