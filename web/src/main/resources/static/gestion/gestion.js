/*
 * Portail Familles – the staff area's shared part: who is logged in (staff only: a parent or a lost
 * session goes back to the parents' pages; the services refuse /api/admin/** to them anyway), the
 * logout button, and small helpers the staff pages share. Loaded after ../app.js (window.Portail).
 */
(function () {
  'use strict';

  var P = window.Portail;

  function isStaff(me) {
    var roles = (me && me.roles) || [];
    return roles.indexOf('STAFF') >= 0 || roles.indexOf('ADMIN') >= 0;
  }

  /** A failed call: 401 → login page; otherwise the problem's sentence in the given box. */
  function fail(result, box) {
    if (result.status === 401) {
      window.location.replace('../connexion.html');
      return;
    }
    box.textContent = P.problemMessage(result);
    box.hidden = false;
  }

  /** Calls the API; resolves only on success, else shows the refusal in {@code box} and stays pending. */
  function call(method, url, body, box, headers) {
    return P.api(method, url, body, headers).catch(function () { return P.NETWORK_PROBLEM; }).then(function (result) {
      if (result.ok) {
        return result.data;
      }
      fail(result, box);
      return new Promise(function () { });
    });
  }

  function logout(button) {
    button.disabled = true;
    P.api('POST', '/api/auth/logout').then(function () {
      window.location.assign('../index.html');
    }, function () {
      button.disabled = false;
    });
  }

  /** Checks the staff session, then runs the page's {@code init(me)}. */
  function start(init) {
    document.addEventListener('DOMContentLoaded', function () {
      var button = P.byId('logout');
      if (button) {
        button.addEventListener('click', function () { logout(button); });
      }
      P.api('GET', '/api/auth/me').then(function (result) {
        if (result.status === 401) {
          window.location.replace('../connexion.html');
          return;
        }
        if (!result.ok || !isStaff(result.data)) {
          window.location.replace('../espace.html');
          return;
        }
        var who = P.byId('staff-name');
        if (who) {
          who.textContent = result.data.displayName || result.data.email || '';
        }
        init(result.data);
      }, function () {
        var box = P.byId('page-error');
        if (box) {
          box.textContent = 'Impossible de joindre le portail. Vérifiez votre connexion puis réessayez.';
          box.hidden = false;
        }
      });
    });
  }

  /** "12 janvier 2027 à 14 h 05" from an ISO instant, in the browser's time zone. */
  function instantText(iso) {
    if (!iso) {
      return '';
    }
    var d = new Date(iso);
    var local = d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
    return P.dateText(local) + ' à ' + d.getHours() + ' h ' + String(d.getMinutes()).padStart(2, '0');
  }

  /** "depuis 3 jours" for a waiting item. */
  function age(iso) {
    var days = Math.floor((Date.now() - new Date(iso).getTime()) / 86400000);
    if (days <= 0) {
      return "aujourd'hui";
    }
    return days === 1 ? 'depuis 1 jour' : 'depuis ' + days + ' jours';
  }

  /** A <dl> row. */
  function row(list, term, value) {
    list.appendChild(P.element('dt', null, term));
    list.appendChild(P.element('dd', null, value === null || value === undefined || value === '' ? '—' : String(value)));
  }

  window.Gestion = { start: start, call: call, fail: fail, instantText: instantText, age: age, row: row, isStaff: isStaff };
}());
