/*
 * The waiting room of a period's opening (salle-attente.html?periodId=…&childId=…). Joins the room (one place per
 * family, joining again keeps it), then polls where the family stands, with jitter so that thousands of pages do not
 * ask in the same second. Before the opening: when it opens, and that arriving early does not matter (the order is
 * drawn at random at the opening). Then: rank, families ahead, estimated wait. Once admitted: the admission pass goes
 * to sessionStorage (read by reservations.js, sent as the Admission-Pass header) and the parent goes on to booking.
 */
(function () {
  'use strict';

  var P = window.Portail;
  var byId = P.byId;
  /** Same key as in reservations.js. */
  var PASS_KEY = 'portail.admission.';
  var SECTIONS = ['before-opening', 'in-queue', 'admitted', 'not-required'];
  var params = new URLSearchParams(window.location.search);
  var periodId = params.get('periodId');
  var childId = params.get('childId');

  function pad(n) {
    return (String(n).length < 2 ? '0' : '') + n;
  }

  /** Day and time in Paris, whatever the phone's time zone: { date: "12 novembre 2026", time: "10h05" }. */
  function parisTime(instant) {
    var p = {};
    var when = new Date(instant);
    try {
      new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(when).forEach(function (part) {
        p[part.type] = part.value;
      });
    } catch (ignored) {
      p = { day: when.getDate(), month: when.getMonth() + 1, year: when.getFullYear(), hour: when.getHours(), minute: when.getMinutes() };
    }
    return { date: Number(p.day) + ' ' + P.MONTHS[Number(p.month) - 1] + ' ' + p.year, time: pad(p.hour) + 'h' + pad(p.minute) };
  }

  function waitText(seconds) {
    if (seconds < 60) {
      return 'moins d\'une minute';
    }
    var minutes = Math.round(seconds / 60);
    if (minutes < 60) {
      return 'environ ' + minutes + (minutes > 1 ? ' minutes' : ' minute');
    }
    return 'environ ' + Math.floor(minutes / 60) + ' h ' + pad(minutes % 60);
  }

  function bookingUrl() {
    return 'reservation.html?periodId=' + encodeURIComponent(periodId) + (childId ? '&childId=' + encodeURIComponent(childId) : '');
  }

  function show(section) {
    SECTIONS.forEach(function (id) {
      byId(id).hidden = id !== section;
    });
  }

  /** The live status line changes only when the status does, so a screen reader is not told the same thing every poll. */
  function status(text) {
    if (byId('room-status').textContent !== text) {
      byId('room-status').textContent = text;
    }
  }

  /**
   * A join or poll turned away for load is made again once its Retry-After has passed: joining is idempotent, a
   * family keeps the place it has. Portail.api does not hand response headers on, so these waits are set at or
   * above what the portal sends: 2 s with the gateway's 429 (portail.gateway.concurrency-limits.retry-after), 5 s
   * with a 503 (a saturated service's service-busy, portail.database.busy-retry-after; the gateway's fallback,
   * portail.gateway.fallback.retry-after). later() adds the jitter that spreads the families. Anything else: 10 s.
   */
  var BUSY_RETRY_MILLIS = { 429: 3000, 503: 6000 };
  var FAILED_RETRY_MILLIS = 10000;

  /** The next poll in {@code millis} plus up to a third more, at random. */
  function later(millis, method) {
    window.setTimeout(function () { poll(method || 'GET'); }, millis + Math.floor(Math.random() * millis / 3));
  }

  function clamp(value, min, max) {
    return Math.min(max, Math.max(min, value));
  }

  function render(room) {
    if (room.status === 'ADMITTED') {
      window.sessionStorage.setItem(PASS_KEY + periodId, JSON.stringify({ pass: room.pass, expiresAt: room.passExpiresAt }));
      status('C\'est votre tour : vous pouvez réserver.');
      byId('admitted-until').textContent = 'Votre accès à la réservation est valable jusqu\'à ' + parisTime(room.passExpiresAt).time
        + '. Vous allez être dirigé vers la page de réservation.';
      byId('go-book').href = bookingUrl();
      show('admitted');
      P.focusHeading('admitted-title');
      window.setTimeout(function () { window.location.assign(bookingUrl()); }, 2000);
      return;
    }
    if (room.status === 'NOT_REQUIRED') {
      window.sessionStorage.removeItem(PASS_KEY + periodId);
      status('Pas d\'attente pour cette période.');
      byId('go-book-free').href = bookingUrl();
      show('not-required');
      return;
    }
    if (room.position === undefined || room.position === null) {
      var opens = parisTime(room.opensAt);
      status('Vous êtes dans la salle d\'attente. Les réservations ne sont pas encore ouvertes.');
      byId('opens-at').textContent = 'Les réservations ouvrent le ' + opens.date + ' à ' + opens.time + '.';
      show('before-opening');
      // Close to the opening, ask again soon after it (the jitter spreads the families over a few seconds).
      later(clamp(room.estimatedWaitSeconds * 1000, 2000, 30000));
      return;
    }
    status('Vous êtes dans la file d\'attente. Votre tour approche.');
    byId('queue-position').textContent = String(room.position);
    byId('queue-ahead').textContent = String(room.ahead);
    byId('queue-wait').textContent = waitText(room.estimatedWaitSeconds);
    show('in-queue');
    later(clamp(room.estimatedWaitSeconds * 250, 3000, 15000));
  }

  function fail(text) {
    var error = byId('room-error');
    error.textContent = text;
    error.hidden = false;
  }

  function poll(method) {
    P.api(method, '/api/periods/' + encodeURIComponent(periodId) + '/waiting-room').then(function (result) {
      if (P.redirectIfLoggedOut(result)) {
        return;
      }
      if (result.status === 404 && method === 'GET') {
        poll('POST');
        return;
      }
      if (BUSY_RETRY_MILLIS[result.status]) {
        fail('Beaucoup de familles se connectent en même temps. La page réessaie toute seule dans quelques secondes : '
          + 'gardez-la ouverte.');
        later(BUSY_RETRY_MILLIS[result.status], method);
        return;
      }
      if (!result.ok) {
        fail(P.problemMessage(result));
        later(FAILED_RETRY_MILLIS, method);
        return;
      }
      byId('room-error').hidden = true;
      render(result.data || {});
    }).catch(function () {
      fail('Impossible de joindre le portail. La page réessaie toute seule : gardez-la ouverte.');
      later(FAILED_RETRY_MILLIS, method);
    });
  }

  function showPeriodName() {
    P.api('GET', '/api/periods').then(function (result) {
      var period = ((result.ok && result.data) || []).filter(function (p) { return p.id === periodId; })[0];
      if (period) {
        byId('room-period').textContent = period.name + ' – ' + period.structureName;
      }
    }).catch(function () { /* the name is a comfort: the room works without it */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (document.body.getAttribute('data-page') !== 'salle-attente') {
      return;
    }
    if (!periodId) {
      status('Aucune période choisie.');
      fail('Choisissez d\'abord la période depuis « Nouvelle réservation ».');
      return;
    }
    showPeriodName();
    poll('POST');
  });
}());
