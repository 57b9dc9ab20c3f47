/*
 * Reservations (guide, steps 10 and 13).
 * reservation.html: « NOUVELLE RESERVATION » → child → period → « Continuer » → calendar → date and amplitude →
 *   « Valider » → « Confirmer la réservation » → each day Confirmée or En liste d'attente; opened from a detail's
 *   « Modifier / Annuler », the same calendar shows booked days with a green logo to click to cancel them, then
 *   « Valider le planning » → « Confirmer la réservation » → « Terminer ».
 * reservations.html: the récapitulatif, a loupe at the end of each line for the detail; a cancelled day has a red cross.
 */
(function () {
  'use strict';

  var P = window.Portail;
  var byId = P.byId, element = P.element, dayText = P.dayText, monthText = P.monthText, unitLabel = P.unitLabel;
  var newKey = P.newKey, redirectIfLoggedOut = P.redirectIfLoggedOut, focusHeading = P.focusHeading;
  var NETWORK_PROBLEM = P.NETWORK_PROBLEM, MONTHS = P.MONTHS;

  /** An instant as "1 juillet 2027 à 12h00", in the structures' time zone (Paris) whatever the phone's. */
  function momentText(instant) {
    var when = new Date(instant);
    var p = {};
    try {
      new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(when).forEach(function (part) {
        p[part.type] = part.value;
      });
    } catch (ignored) {
      p = { day: when.getDate(), month: when.getMonth() + 1, year: when.getFullYear(),
        hour: String(when.getHours()), minute: String(when.getMinutes()) };
    }
    var pad = function (n) { return (String(n).length < 2 ? '0' : '') + n; };
    return Number(p.day) + ' ' + MONTHS[Number(p.month) - 1] + ' ' + p.year + ' à ' + pad(p.hour) + 'h' + pad(p.minute);
  }

  /** The waiting room's admission pass, kept by salle-attente.js under this key per period. */
  var PASS_KEY = 'portail.admission.';

  function storedPass(periodId) {
    try {
      var stored = JSON.parse(window.sessionStorage.getItem(PASS_KEY + periodId));
      return stored && stored.pass && new Date(stored.expiresAt) > new Date() ? stored.pass : null;
    } catch (ignored) {
      return null;
    }
  }

  function toWaitingRoom(periodId, childId) {
    window.location.assign('salle-attente.html?periodId=' + encodeURIComponent(periodId) + '&childId=' + encodeURIComponent(childId));
  }

  /**
   * Joins the period's waiting room (nothing happens for a period without one): resolves true to go on, or sends the
   * parent to the waiting page while their turn has not come. A failure here lets the booking decide.
   */
  function throughWaitingRoom(periodId, childId) {
    return window.Portail.api('POST', '/api/periods/' + encodeURIComponent(periodId) + '/waiting-room').then(function (result) {
      var room = result.ok && result.data;
      if (room && room.status === 'WAITING') {
        toWaitingRoom(periodId, childId);
        return false;
      }
      if (room && room.status === 'ADMITTED') {
        window.sessionStorage.setItem(PASS_KEY + periodId, JSON.stringify({ pass: room.pass, expiresAt: room.passExpiresAt }));
      } else if (room) {
        window.sessionStorage.removeItem(PASS_KEY + periodId);
      }
      return true;
    }, function () { return true; });
  }

  function statusText(status, rank, offerExpiresAt) {
    if (status === 'CONFIRMED') {
      return 'Confirmée';
    }
    if (status === 'OFFERED') {
      return 'Place proposée, à accepter avant le ' + momentText(offerExpiresAt);
    }
    if (status === 'WAITLISTED') {
      return 'En liste d\'attente' + (rank ? ', rang ' + rank : '');
    }
    if (status === 'CANCELLED') {
      return 'Annulée';
    }
    return status;
  }

  /** A line of the récapitulatif or of an answer: the guide's sign (green tick, red cross), then words. */
  function bookingLine(status, text, rank) {
    var item = element('li', 'booking booking-' + String(status).toLowerCase());
    var sign = element('span', 'booking-sign', status === 'CONFIRMED' ? '✓' : status === 'CANCELLED' ? '✗' : status === 'OFFERED' ? '!' : (rank || '…'));
    sign.setAttribute('aria-hidden', 'true');
    item.appendChild(sign);
    var words = element('span', 'booking-text', text);
    item.appendChild(words);
    return item;
  }

  function show(step) {
    ['choice-form', 'planning-form', 'summary-form', 'result'].forEach(function (id) {
      byId(id).hidden = id !== step;
    });
  }

  /* ---------------------------------------------------------------- reservation.html */

  function initBooking() {
    var params = new URLSearchParams(window.location.search);
    var modifying = params.get('modifier') === '1';
    var state = {
      children: [], periods: [], child: null, period: null, calendar: null,
      chosen: {},      // date → unit to book
      cancelled: {},   // reservationId → day, for booked days toggled off
      attempt: null,   // { fingerprint, key } of the last confirmation sent and not yet answered with success
      booked: null     // the booking's answer, kept if the cancellations after it fail
    };

    if (modifying) {
      byId('page-title').textContent = 'Modifier / Annuler une réservation';
      document.title = 'Modifier / Annuler une réservation – Portail Familles';
      byId('planning-submit').textContent = 'Valider le planning';
    }

    function refuse(form, result) {
      window.Portail.showProblem(form, result);
    }

    function radio(name, value, id, label, hint, checked) {
      var field = element('div', 'field field-check');
      var input = document.createElement('input');
      input.type = 'radio';
      input.name = name;
      input.value = value;
      input.id = id;
      input.checked = checked;
      var text = element('label');
      text.setAttribute('for', id);
      text.appendChild(element('span', null, label));
      if (hint) {
        text.appendChild(element('span', 'field-hint radio-hint', hint));
      }
      field.appendChild(input);
      field.appendChild(text);
      return field;
    }

    function phaseText(period) {
      if (period.phase === 'NOT_OPEN') {
        return 'Inscriptions à partir du ' + momentText(period.bookingOpensAt);
      }
      if (period.phase === 'RESIDENTS_ONLY') {
        return 'Inscriptions ouvertes aux habitants de la communauté de communes, pour tous à partir du '
          + momentText(period.everyoneOpensAt);
      }
      return 'Inscriptions ouvertes jusqu\'au ' + momentText(period.bookingClosesAt);
    }

    function loadChoices() {
      var wantedChild = params.get('childId');
      var wantedPeriod = params.get('periodId');
      Promise.all([window.Portail.api('GET', '/api/family'), window.Portail.api('GET', '/api/periods')]).then(function (answers) {
        if (redirectIfLoggedOut(answers[0]) || redirectIfLoggedOut(answers[1])) {
          return;
        }
        var failed = answers.filter(function (answer) { return !answer.ok; })[0];
        if (failed) {
          refuse(byId('choice-form'), failed);
          return;
        }
        state.children = (answers[0].data && answers[0].data.children) || [];
        state.periods = answers[1].data || [];
        byId('children-loading').remove();
        byId('periods-loading').remove();
        if (state.children.length === 0) {
          byId('children').appendChild(element('p', 'hint', 'Aucun enfant n\'est inscrit sur votre compte : ajoutez-le depuis « Modifier les informations de la famille ».'));
        }
        state.children.forEach(function (child) {
          var checked = child.id === wantedChild || state.children.length === 1;
          byId('children').appendChild(radio('childId', child.id, 'child-' + child.id, child.firstName + ' ' + child.lastName, null, checked));
        });
        if (state.periods.length === 0) {
          byId('periods').appendChild(element('p', 'hint', 'Aucune période n\'est ouverte à la réservation pour le moment.'));
        }
        state.periods.forEach(function (period) {
          var checked = period.id === wantedPeriod || state.periods.length === 1;
          var label = period.name + ' – ' + period.structureName;
          var hint = 'Du ' + dayText(period.startDate) + ' au ' + dayText(period.endDate) + '. ' + phaseText(period) + '.';
          byId('periods').appendChild(radio('periodId', period.id, 'period-' + period.id, label, hint, checked));
        });
        if (modifying && wantedChild && wantedPeriod && !state.periods.some(function (p) { return p.id === wantedPeriod; })) {
          // The period is no longer listed (bookings closed): it can still be opened to cancel.
          state.periods.push({ id: wantedPeriod, name: 'Période réservée' });
          byId('periods').appendChild(radio('periodId', wantedPeriod, 'period-' + wantedPeriod, 'Période de la réservation', null, true));
        }
      }).catch(function () {
        refuse(byId('choice-form'), NETWORK_PROBLEM);
      });
    }

    function checkedValue(name) {
      var input = document.querySelector('input[name="' + name + '"]:checked');
      return input ? input.value : null;
    }

    /**
     * Reads the calendar and shows it. {@code keep}: read it again (after a refusal, or when the days were booked
     * but the cancellation failed) keeping the parent's choices that are still possible.
     */
    function openCalendar(event, keep) {
      if (event) {
        event.preventDefault();
      }
      var previous = keep ? { chosen: state.chosen, cancelled: state.cancelled } : { chosen: {}, cancelled: {} };
      var form = byId('choice-form');
      window.Portail.clearProblem(form);
      var childId = checkedValue('childId');
      var periodId = checkedValue('periodId');
      if (!childId || !periodId) {
        refuse(form, { problem: { detail: !childId ? 'Choisissez l\'enfant à inscrire, puis cliquez sur « Continuer ».'
          : 'Choisissez la période, puis cliquez sur « Continuer ».' } });
        return;
      }
      state.child = state.children.filter(function (c) { return c.id === childId; })[0];
      state.period = state.periods.filter(function (p) { return p.id === periodId; })[0];
      var submit = byId('choice-submit');
      submit.disabled = true;
      // Changing a reservation (cancelling) never waits; days added then still need the pass when booked.
      (modifying ? Promise.resolve(true) : throughWaitingRoom(periodId, childId)).then(function (go) {
        return go ? window.Portail.api('GET', '/api/periods/' + encodeURIComponent(periodId) + '/calendar?childId=' + encodeURIComponent(childId))
          : new Promise(function () {});
      })
        .then(function (result) {
          submit.disabled = false;
          if (redirectIfLoggedOut(result)) {
            return;
          }
          if (!result.ok) {
            refuse(form, result);
            return;
          }
          state.calendar = result.data;
          state.booked = null;
          keepChoices(previous);
          renderCalendar();
          show('planning-form');
          focusHeading('planning-title');
        })
        .catch(function () {
          submit.disabled = false;
          refuse(form, NETWORK_PROBLEM);
        });
    }

    function keepChoices(previous) {
      state.chosen = {};
      state.cancelled = {};
      state.calendar.days.forEach(function (day) {
        var mine = activeReservation(day);
        var choice = previous.chosen[day.date];
        var unit = choice && day.open && !day.blocked && !mine
          && (day.units || []).filter(function (u) { return u.unit === choice.unit; })[0];
        if (unit) {
          state.chosen[day.date] = { unit: unit.unit, full: unit.remaining <= 0 };
        }
        if (mine && previous.cancelled[mine.reservationId]) {
          state.cancelled[mine.reservationId] = { date: day.date, unit: mine.unit, late: day.blocked === 'DEADLINE_PASSED' };
        }
      });
    }

    /** What a day offers: the units the parent may pick, the reason when none, the child's own booking. */
    function blockedText(day) {
      switch (day.blocked) {
        case 'CLOSED': return 'Fermé' + (day.why ? ' – ' + day.why : '');
        case 'DEADLINE_PASSED': return 'Délai de réservation dépassé';
        case 'NOT_ELIGIBLE': return 'Réservation impossible';
        case 'BOOKING_NOT_OPEN': return 'Inscriptions pas encore ouvertes';
        case 'BOOKING_CLOSED': return 'Inscriptions closes';
        default: return '';
      }
    }

    function isFull(day) {
      return (day.units || []).length > 0 && day.units.every(function (unit) { return unit.remaining <= 0; });
    }

    function activeReservation(day) {
      var mine = day.reservation;
      return mine && mine.status !== 'CANCELLED' ? mine : null;
    }

    /** One reason shared by every open day (incomplete dossier, window not open): said once, at the top. */
    function commonReason(days) {
      var open = days.filter(function (day) { return day.open && !activeReservation(day); });
      if (open.length === 0 || !open[0].why) {
        return null;
      }
      var why = open[0].why;
      return open.every(function (day) { return day.why === why && day.blocked !== 'DEADLINE_PASSED'; }) ? why : null;
    }

    function renderCalendar() {
      var calendar = state.calendar;
      var container = byId('days');
      container.textContent = '';
      byId('planning-title').textContent = 'Calendrier de ' + (calendar.childFirstName || state.child.firstName) + ' – '
        + (calendar.period ? calendar.period.name : state.period.name);
      var reason = commonReason(calendar.days);
      var notice = byId('planning-notice');
      notice.hidden = !reason;
      notice.textContent = reason || '';
      var month = null;
      var list = null;
      calendar.days.forEach(function (day) {
        if (monthText(day.date) !== month) {
          month = monthText(day.date);
          container.appendChild(element('h3', 'month', month.charAt(0).toUpperCase() + month.slice(1)));
          list = element('ul', 'days');
          container.appendChild(list);
        }
        list.appendChild(dayItem(day, reason));
      });
      var actionable = calendar.days.some(function (day) { return (day.open && !day.blocked) || activeReservation(day); });
      byId('planning-submit').hidden = !actionable;
      byId('planning-hint').hidden = !actionable;
      updateCount();
    }

    function freeText(day) {
      var text = isFull(day) ? 'complet – liste d\'attente' : 'Places disponibles';
      return day.reservation && day.reservation.status === 'CANCELLED' ? text + ' (réservation annulée)' : text;
    }

    /** The words beside a bookable date: the amplitude chosen, else whether places are left. */
    function paintChoice(item, day) {
      var choice = state.chosen[day.date];
      item.classList.toggle('day-chosen', Boolean(choice));
      item.querySelector('.day-state').textContent = choice
        ? 'Choisi : ' + unitLabel(choice.unit) + (choice.full ? ' (liste d\'attente)' : '') : freeText(day);
    }

    function dayItem(day, commonWhy) {
      var item = element('li', 'day');
      item.setAttribute('data-date', day.date);
      var head = element('div', 'day-head');
      var stateId = 'state-' + day.date;
      var status = element('span', 'day-state');
      status.id = stateId;
      var mine = activeReservation(day);
      var bookable = day.open && !day.blocked;
      if (mine) {
        head.appendChild(element('span', 'day-label', dayText(day.date)));
        item.appendChild(head);
        item.appendChild(bookedToggle(day, mine));
        if (day.blocked === 'DEADLINE_PASSED') {
          item.appendChild(element('p', 'field-hint', 'Délai d\'annulation dépassé : l\'annulation sera facturée ou refusée selon le règlement.'));
        }
        return item;
      }
      if (bookable) {
        var button = element('button', 'day-button', dayText(day.date));
        button.type = 'button';
        button.setAttribute('aria-expanded', 'false');
        button.setAttribute('aria-controls', 'units-' + day.date);
        button.setAttribute('aria-describedby', stateId);
        head.appendChild(button);
        head.appendChild(status);
        item.appendChild(head);
        var units = unitChooser(day, item);
        item.appendChild(units);
        paintChoice(item, day);
        button.addEventListener('click', function () {
          var open = units.hidden;
          units.hidden = !open;
          button.setAttribute('aria-expanded', String(open));
          if (open) {
            (units.querySelector('input:checked') || units.querySelector('input')).focus();
          }
        });
        return item;
      }
      item.classList.add('day-blocked');
      head.appendChild(element('span', 'day-label', dayText(day.date)));
      status.textContent = blockedText(day);
      head.appendChild(status);
      item.appendChild(head);
      if (day.why && day.why !== commonWhy && day.blocked !== 'CLOSED') {
        item.appendChild(element('p', 'field-hint', day.why));
      }
      return item;
    }

    function unitChooser(day, item) {
      var fieldset = element('fieldset', 'units');
      fieldset.id = 'units-' + day.date;
      fieldset.hidden = true;
      fieldset.appendChild(element('legend', null, 'Amplitude du ' + dayText(day.date)));
      var name = 'unit-' + day.date;
      var chosen = state.chosen[day.date];
      day.units.forEach(function (unit) {
        var places = unit.remaining > 0 ? unit.remaining + (unit.remaining > 1 ? ' places' : ' place') : 'complet – liste d\'attente';
        fieldset.appendChild(radio(name, unit.unit, name + '-' + unit.unit, unitLabel(unit.unit), places,
          Boolean(chosen) && chosen.unit === unit.unit));
      });
      fieldset.appendChild(radio(name, '', name + '-none', 'Ne pas réserver ce jour', null, !chosen));
      fieldset.addEventListener('change', function (event) {
        var value = event.target.value;
        var unit = day.units.filter(function (u) { return u.unit === value; })[0];
        if (unit) {
          state.chosen[day.date] = { unit: value, full: unit.remaining <= 0 };
        } else {
          delete state.chosen[day.date];
        }
        paintChoice(item, day);
        updateCount();
      });
      return fieldset;
    }

    /** The guide's green logo on a booked day: pressed, it turns into a red cross and the day will be cancelled. */
    function bookedToggle(day, mine) {
      var toggle = element('button', 'booked-toggle');
      toggle.type = 'button';
      toggle.setAttribute('aria-pressed', 'false');
      var logo = element('span', 'booked-logo', '✓');
      logo.setAttribute('aria-hidden', 'true');
      var words = element('span', 'booked-text');
      toggle.appendChild(logo);
      toggle.appendChild(words);
      function paint() {
        var off = Boolean(state.cancelled[mine.reservationId]);
        toggle.setAttribute('aria-pressed', String(off));
        toggle.classList.toggle('booked-off', off);
        logo.textContent = off ? '✗' : '✓';
        words.textContent = off ? 'À annuler : ' + unitLabel(mine.unit)
          : unitLabel(mine.unit) + ' – ' + statusText(mine.status, mine.waitlistRank);
        // The spoken name starts with the visible words (WCAG 2.5.3), then says which day and what pressing does.
        toggle.setAttribute('aria-label', words.textContent + ', ' + dayText(day.date) + ', annuler ce jour');
      }
      toggle.addEventListener('click', function () {
        if (state.cancelled[mine.reservationId]) {
          delete state.cancelled[mine.reservationId];
        } else {
          state.cancelled[mine.reservationId] = { date: day.date, unit: mine.unit, late: day.blocked === 'DEADLINE_PASSED' };
        }
        paint();
        updateCount();
      });
      paint();
      return toggle;
    }

    function plural(n, word) {
      return n + ' ' + word + (n > 1 ? 's' : '');
    }

    function updateCount() {
      var add = Object.keys(state.chosen).length;
      var cancel = Object.keys(state.cancelled).length;
      var words = [];
      if (add > 0) {
        words.push(plural(add, 'jour') + ' à réserver');
      }
      if (cancel > 0) {
        words.push(plural(cancel, 'jour') + ' à annuler');
      }
      byId('planning-count').textContent = words.length > 0 ? words.join(', ') + '.' : '';
    }

    function validatePlanning(event) {
      event.preventDefault();
      var form = byId('planning-form');
      window.Portail.clearProblem(form);
      var dates = Object.keys(state.chosen).sort();
      var ids = Object.keys(state.cancelled).sort(function (a, b) {
        return state.cancelled[a].date < state.cancelled[b].date ? -1 : 1;
      });
      if (dates.length === 0 && ids.length === 0) {
        refuse(form, { problem: { detail: modifying
          ? 'Cliquez sur le logo vert d\'un jour réservé pour l\'annuler, ou sur une date pour la réserver.'
          : 'Cliquez sur une date et choisissez l\'amplitude avant de valider.' } });
        return;
      }
      var addList = byId('summary-add');
      var cancelList = byId('summary-cancel');
      addList.textContent = '';
      cancelList.textContent = '';
      dates.forEach(function (date) {
        var choice = state.chosen[date];
        addList.appendChild(bookingLine(choice.full ? 'WAITLISTED' : 'CONFIRMED', dayText(date) + ' – ' + unitLabel(choice.unit)
          + (choice.full ? ' (complet : liste d\'attente)' : '')));
      });
      ids.forEach(function (id) {
        var day = state.cancelled[id];
        cancelList.appendChild(bookingLine('CANCELLED', dayText(day.date) + ' – ' + unitLabel(day.unit)));
      });
      byId('summary-add-block').hidden = dates.length === 0;
      byId('summary-cancel-block').hidden = ids.length === 0;
      byId('summary-late').hidden = !ids.some(function (id) { return state.cancelled[id].late; });
      byId('summary-title').textContent = (state.child ? state.child.firstName : '') + ' – '
        + (state.calendar.period ? state.calendar.period.name : '');
      show('summary-form');
      focusHeading('summary-title');
    }

    function bookingBody() {
      return {
        childId: state.child.id,
        periodId: state.period.id,
        days: Object.keys(state.chosen).sort().map(function (date) { return { date: date, unit: state.chosen[date].unit }; })
      };
    }

    /** The request headers, with the waiting room's pass for this period when the family has one. */
    function withPass(headers) {
      var pass = storedPass(state.period.id);
      if (pass) {
        headers['Admission-Pass'] = pass;
      }
      return headers;
    }

    /** The key of this confirmation: the same one again when the parent retries the same days. */
    function keyFor(body) {
      var fingerprint = JSON.stringify(body);
      if (!state.attempt || state.attempt.fingerprint !== fingerprint) {
        state.attempt = { fingerprint: fingerprint, key: newKey() };
      }
      return state.attempt.key;
    }

    function confirm(event) {
      event.preventDefault();
      var form = byId('summary-form');
      var submit = byId('summary-submit');
      window.Portail.clearProblem(form);
      submit.disabled = true;
      submit.setAttribute('aria-busy', 'true');
      var done = function () {
        submit.disabled = false;
        submit.setAttribute('aria-busy', 'false');
      };
      var body = bookingBody();
      var booking = body.days.length === 0 || state.booked ? Promise.resolve(state.booked)
        : window.Portail.api('POST', '/api/reservations', body, withPass({ 'Idempotency-Key': keyFor(body) })).then(function (result) {
          if (redirectIfLoggedOut(result)) {
            return Promise.reject(null);
          }
          if (result.status === 403 && /\/admission-pass-/.test((result.problem && result.problem.type) || '')) {
            // No pass, or no longer a valid one: back to the waiting room, which gives a new one when it is our turn.
            window.sessionStorage.removeItem(PASS_KEY + state.period.id);
            toWaitingRoom(state.period.id, state.child.id);
            return Promise.reject(null);
          }
          if (!result.ok) {
            return Promise.reject(result);
          }
          state.booked = result.data;
          return result.data;
        });
      booking.then(function (booked) {
        var ids = Object.keys(state.cancelled);
        if (ids.length === 0) {
          return { booked: booked, cancelled: null };
        }
        return window.Portail.api('POST', '/api/reservations/cancellations', { reservationIds: ids }).then(function (result) {
          if (redirectIfLoggedOut(result)) {
            return Promise.reject(null);
          }
          if (!result.ok) {
            return Promise.reject(result);
          }
          return { booked: booked, cancelled: result.data };
        });
      }).then(function (answer) {
        done();
        state.attempt = null;
        renderResult(answer);
        show('result');
        focusHeading('result-title');
      }).catch(function (result) {
        done();
        if (result === null) {
          return;
        }
        var partial = state.booked && Object.keys(state.cancelled).length > 0
          ? ' Les jours à réserver sont enregistrés ; seule l\'annulation n\'a pas abouti.' : '';
        var problem = result && result.problem ? result : NETWORK_PROBLEM;
        if (partial) {
          problem = { problem: { detail: window.Portail.problemMessage(problem) + partial, violations: problem.problem.violations } };
        }
        refuse(form, problem);
      });
    }

    function renderResult(answer) {
      var list = byId('result-list');
      list.textContent = '';
      var waiting = false;
      ((answer.booked && answer.booked.reservations) || []).forEach(function (line) {
        waiting = waiting || line.status === 'WAITLISTED';
        list.appendChild(bookingLine(line.status, (line.childFirstName ? line.childFirstName + ', ' : '') + dayText(line.date)
          + ' – ' + unitLabel(line.unit) + ' : ' + statusText(line.status, line.waitlistRank), line.waitlistRank));
      });
      ((answer.cancelled && answer.cancelled.reservations) || []).forEach(function (line) {
        var late = line.late ? (line.billable ? ' (annulation tardive, facturée)' : ' (annulation tardive)') : '';
        list.appendChild(bookingLine('CANCELLED', (line.childFirstName ? line.childFirstName + ', ' : '') + dayText(line.date)
          + ' – ' + unitLabel(line.unit) + ' : ' + statusText('CANCELLED') + late));
      });
      var booked = answer.booked && answer.booked.reservations && answer.booked.reservations.length > 0;
      byId('result-title').textContent = answer.cancelled && !booked ? 'Annulation enregistrée'
        : waiting ? 'Réservation enregistrée, avec liste d\'attente' : 'Réservation confirmée';
    }

    byId('choice-form').addEventListener('submit', openCalendar);
    byId('planning-form').addEventListener('submit', validatePlanning);
    byId('planning-back').addEventListener('click', function () {
      window.Portail.clearProblem(byId('planning-form'));
      show('choice-form');
      byId('choice-submit').focus();
    });
    byId('summary-form').addEventListener('submit', confirm);
    byId('summary-back').addEventListener('click', function () {
      // Read again: after a refusal the calendar may be out of date (or the days were booked and only the
      // cancellation failed); the choices still possible are kept.
      window.Portail.clearProblem(byId('summary-form'));
      openCalendar(null, true);
    });
    loadChoices();
  }

  /* ---------------------------------------------------------------- reservations.html */

  function initRecap() {
    var current = null;

    function detailRow(list, term, value) {
      list.appendChild(element('dt', null, term));
      list.appendChild(element('dd', null, value));
    }

    function openDetail(reservation, periodName, opener) {
      current = { reservation: reservation, opener: opener };
      var list = byId('detail-list');
      list.textContent = '';
      detailRow(list, 'Enfant', reservation.childFirstName);
      detailRow(list, 'Période', periodName);
      detailRow(list, 'Jour', dayText(reservation.date));
      detailRow(list, 'Amplitude', unitLabel(reservation.unit));
      detailRow(list, 'État', statusText(reservation.status, reservation.waitlistRank, reservation.offerExpiresAt));
      if (reservation.status === 'CANCELLED' && reservation.late) {
        detailRow(list, 'Annulation', reservation.billable ? 'Tardive, facturée' : 'Tardive');
      }
      if (reservation.createdAt) {
        detailRow(list, 'Demandée le', momentText(reservation.createdAt));
      }
      byId('detail-title').textContent = 'Détail : ' + reservation.childFirstName + ', ' + dayText(reservation.date);
      byId('detail').hidden = false;
      focusHeading('detail-title');
    }

    /** A place freed on the waiting list is held for the child: the parent takes it or leaves it to the next child. */
    function offerAnswers(reservation) {
      var answers = element('span', 'offer-answers');
      [['acceptance', 'Accepter la place', 'button button-small'], ['refusal', 'Refuser', 'button button-small button-secondary']]
        .forEach(function (answer) {
          var button = element('button', answer[2], answer[1]);
          button.type = 'button';
          button.setAttribute('aria-label', answer[1] + ' : ' + reservation.childFirstName + ', ' + dayText(reservation.date));
          button.addEventListener('click', function () {
            button.disabled = true;
            window.Portail.clearProblem(document.body);
            window.Portail.api('POST', '/api/reservations/' + encodeURIComponent(reservation.id) + '/offer/' + answer[0])
              .then(function (result) {
                if (redirectIfLoggedOut(result)) {
                  return;
                }
                if (!result.ok) {
                  button.disabled = false;
                  window.Portail.showProblem(document.body, result);
                }
                load();
              })
              .catch(function () {
                button.disabled = false;
                window.Portail.showProblem(document.body, NETWORK_PROBLEM);
              });
          });
          answers.appendChild(button);
        });
      return answers;
    }

    function render(reservations) {
      var container = byId('recap');
      container.textContent = '';
      byId('recap-empty').hidden = reservations.length > 0;
      var groups = {};
      var order = [];
      reservations.forEach(function (reservation) {
        var key = reservation.childId + '|' + reservation.periodId;
        if (!groups[key]) {
          groups[key] = [];
          order.push(key);
        }
        groups[key].push(reservation);
      });
      order.forEach(function (key) {
        var lines = groups[key];
        var periodName = lines[0].periodName + (lines[0].structureName ? ' – ' + lines[0].structureName : '');
        var section = element('section', 'recap-group');
        section.appendChild(element('h2', null, lines[0].childFirstName + ' – ' + periodName));
        var list = element('ul', 'bookings');
        lines.forEach(function (reservation) {
          var item = bookingLine(reservation.status, dayText(reservation.date) + ' – ' + unitLabel(reservation.unit) + ' : '
            + statusText(reservation.status, reservation.waitlistRank, reservation.offerExpiresAt), reservation.waitlistRank);
          item.setAttribute('data-date', reservation.date);
          item.setAttribute('data-child', reservation.childId);
          if (reservation.status === 'OFFERED') {
            item.appendChild(offerAnswers(reservation));
          }
          var loupe = element('button', 'loupe');
          loupe.type = 'button';
          loupe.setAttribute('aria-label', 'Voir le détail : ' + reservation.childFirstName + ', ' + dayText(reservation.date));
          loupe.appendChild(byId('loupe-template').content.firstElementChild.cloneNode(true));
          loupe.addEventListener('click', function () { openDetail(reservation, periodName, loupe); });
          item.appendChild(loupe);
          list.appendChild(item);
        });
        section.appendChild(list);
        container.appendChild(section);
      });
    }

    byId('detail-modify').addEventListener('click', function () {
      var reservation = current.reservation;
      window.location.assign('reservation.html?modifier=1&childId=' + encodeURIComponent(reservation.childId)
        + '&periodId=' + encodeURIComponent(reservation.periodId));
    });
    byId('detail-close').addEventListener('click', function () {
      byId('detail').hidden = true;
      if (current && current.opener) {
        current.opener.focus();
      }
    });

    function load() {
      window.Portail.api('GET', '/api/reservations').then(function (result) {
        if (redirectIfLoggedOut(result)) {
          return;
        }
        byId('recap-loading').hidden = true;
        if (!result.ok) {
          window.Portail.showProblem(document.body, result);
          return;
        }
        render(result.data || []);
      }).catch(function () {
        byId('recap-loading').hidden = true;
        window.Portail.showProblem(document.body, NETWORK_PROBLEM);
      });
    }

    load();
  }

  var pages = { reservation: initBooking, recapitulatif: initRecap };
  document.addEventListener('DOMContentLoaded', function () {
    var init = pages[document.body.getAttribute('data-page')];
    if (init) {
      init();
    }
  });
}());
