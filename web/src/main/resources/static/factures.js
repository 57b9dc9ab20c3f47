/*
 * « PAIEMENT D'UNE FACTURE » (guide, step 16): the family's invoices, a loupe at the end of each line to see
 * one and download its PDF; for an unpaid one « Payer en ligne » → « Payer cette facture » → « Accéder au
 * paiement » (three clicks, as the guide says), which sends the parent to the payment service; back on this page (?paiement=<paymentId>) the
 * outcome is announced and the list read again. ?facture=<invoiceId> opens that invoice's detail.
 */
(function () {
  'use strict';

  var P = window.Portail;
  var byId = P.byId, element = P.element, dateText = P.dateText, dayText = P.dayText, monthText = P.monthText;
  var newKey = P.newKey, redirectIfLoggedOut = P.redirectIfLoggedOut, focusHeading = P.focusHeading;
  var NETWORK_PROBLEM = P.NETWORK_PROBLEM, MONTHS = P.MONTHS;

  /** An invoice line's amplitude: the unit, with its meal when billed with one. */
  function unitLabel(unit, meal) {
    return P.unitLabel(meal && !/_REPAS$/.test(unit) ? unit + '_REPAS' : unit);
  }

  /** 5440 → "54,40 €", 123456 → "1 234,56 €", with no-break spaces so an amount never splits across lines. */
  function euros(cents) {
    var negative = cents < 0;
    var value = Math.abs(cents);
    var whole = String(Math.floor(value / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
    var rest = String(value % 100);
    return (negative ? '-' : '') + whole + ',' + (rest.length < 2 ? '0' : '') + rest + '\u00a0€';
  }

  /** An instant as its day in the structures' time zone (Paris), whatever the phone's. */
  function instantDateText(instant) {
    var when = new Date(instant);
    try {
      var p = {};
      new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric', month: 'numeric', day: 'numeric' })
        .formatToParts(when).forEach(function (part) { p[part.type] = part.value; });
      return Number(p.day) + ' ' + MONTHS[Number(p.month) - 1] + ' ' + p.year;
    } catch (ignored) {
      return when.getDate() + ' ' + MONTHS[when.getMonth()] + ' ' + when.getFullYear();
    }
  }

  /** Today as "YYYY-MM-DD", to compare with the invoice's dates. */
  function todayIso() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
  }

  function statusText(invoice) {
    if (invoice.status === 'PAID') {
      return 'Payée' + (invoice.paidAt ? ' le ' + instantDateText(invoice.paidAt) : '');
    }
    if (invoice.dueDate && invoice.dueDate < todayIso()) {
      return 'À payer, échéance du ' + dateText(invoice.dueDate) + ' dépassée';
    }
    return 'À payer avant le ' + dateText(invoice.dueDate);
  }

  function initInvoices() {
    var params = new URLSearchParams(window.location.search);
    var returningPayment = params.get('paiement');
    var wantedInvoice = params.get('facture');
    var state = {
      invoices: [],
      current: null,   // { invoice, opener } shown in the detail
      attempt: null    // { invoiceId, key }: one payment attempt, its key reused if the parent retries it
    };

    function problem(result) {
      window.Portail.showProblem(document.body, result);
    }

    function clear() {
      window.Portail.clearProblem(document.body);
    }

    function detailRow(list, term, value, className) {
      list.appendChild(element('dt', null, term));
      list.appendChild(element('dd', className, value));
    }

    /* ------------------------------------------------------------ the list */

    function render(invoices) {
      var list = byId('invoices');
      list.textContent = '';
      byId('invoices-empty').hidden = invoices.length > 0;
      invoices.forEach(function (invoice) {
        var item = element('li', 'invoice invoice-' + String(invoice.status).toLowerCase());
        item.setAttribute('data-invoice', invoice.id);
        var text = element('span', 'invoice-text');
        text.appendChild(element('span', 'invoice-title', 'Facture ' + invoice.number + ' – ' + monthText(invoice.month)));
        text.appendChild(element('span', 'invoice-structure', invoice.structureName));
        var amount = element('span', 'invoice-amount');
        amount.appendChild(element('strong', null, euros(invoice.amountCents)));
        amount.appendChild(document.createTextNode(' – '));
        amount.appendChild(element('span', 'invoice-status', statusText(invoice)));
        text.appendChild(amount);
        item.appendChild(text);
        var loupe = element('button', 'loupe');
        loupe.type = 'button';
        loupe.setAttribute('aria-label', 'Voir la facture ' + invoice.number + ' (' + monthText(invoice.month) + ')');
        loupe.appendChild(byId('loupe-template').content.firstElementChild.cloneNode(true));
        loupe.addEventListener('click', function () { openDetail(invoice.id, loupe); });
        item.appendChild(loupe);
        list.appendChild(item);
      });
    }

    function load() {
      return window.Portail.api('GET', '/api/invoices').then(function (result) {
        if (redirectIfLoggedOut(result)) {
          return null;
        }
        byId('invoices-loading').hidden = true;
        if (!result.ok) {
          problem(result);
          return null;
        }
        state.invoices = result.data || [];
        render(state.invoices);
        return state.invoices;
      }).catch(function () {
        byId('invoices-loading').hidden = true;
        problem(NETWORK_PROBLEM);
        return null;
      });
    }

    /* ------------------------------------------------------------ the detail */

    function openDetail(invoiceId, opener) {
      clear();
      byId('pay').hidden = true;
      return window.Portail.api('GET', '/api/invoices/' + encodeURIComponent(invoiceId)).then(function (result) {
        if (redirectIfLoggedOut(result)) {
          return;
        }
        if (!result.ok) {
          byId('detail').hidden = true;
          problem(result);
          return;
        }
        renderDetail(result.data, opener);
      }).catch(function () {
        problem(NETWORK_PROBLEM);
      });
    }

    function renderDetail(detail, opener) {
      var invoice = detail.invoice;
      state.current = { invoice: invoice, opener: opener };
      byId('detail-title').textContent = 'Facture ' + invoice.number;
      var list = byId('detail-list');
      list.textContent = '';
      detailRow(list, 'Structure', invoice.structureName);
      detailRow(list, 'Mois', monthText(invoice.month));
      if (detail.familyName) {
        detailRow(list, 'Famille', detail.familyName);
      }
      detailRow(list, 'Émise le', instantDateText(invoice.issuedAt));
      detailRow(list, 'Montant', euros(invoice.amountCents));
      detailRow(list, 'État', statusText(invoice));

      var lines = byId('detail-lines');
      lines.textContent = '';
      (detail.lines || []).forEach(function (line) {
        var item = element('li', 'invoice-line');
        item.appendChild(element('span', 'invoice-line-text', (line.childFirstName ? line.childFirstName + ', ' : '')
          + dayText(line.date) + ' – ' + unitLabel(line.unit, line.meal) + (line.lateCancelled ? ' (annulation tardive)' : '')));
        item.appendChild(element('span', 'invoice-line-amount', euros(line.amountCents)));
        lines.appendChild(item);
      });
      byId('detail-total').textContent = 'Total : ' + euros(invoice.amountCents);

      var contest = byId('detail-contest');
      var structure = invoice.structureName || 'la structure';
      if (invoice.contestUntil && invoice.contestUntil < todayIso()) {
        contest.textContent = 'Pour une question sur le contenu de cette facture, il fallait écrire à ' + structure
          + ' dans les 10 jours après sa mise en ligne : le délai a pris fin le ' + dateText(invoice.contestUntil) + '.';
      } else {
        contest.textContent = 'Pour toute information complémentaire sur le contenu de cette facture, adressez un mail directement à '
          + structure + ' dans les 10 jours après sa mise en ligne. Contestation possible jusqu\'au '
          + dateText(invoice.contestUntil) + '.';
      }

      var pdf = byId('detail-pdf');
      pdf.href = '/api/invoices/' + encodeURIComponent(invoice.id) + '/pdf';
      pdf.setAttribute('download', 'facture-' + invoice.number + '.pdf');
      byId('detail-pay').hidden = invoice.status !== 'ISSUED';
      byId('detail-advice').hidden = invoice.status !== 'ISSUED';
      byId('detail').hidden = false;
      focusHeading('detail-title');
    }

    function closeDetail() {
      byId('detail').hidden = true;
      byId('pay').hidden = true;
      var opener = state.current && state.current.opener;
      if (opener && document.body.contains(opener)) {
        opener.focus();
      }
    }

    /* ------------------------------------------------------------ payment */

    function openPayment() {
      var invoice = state.current.invoice;
      clear();
      // A new attempt: its own key, kept while the parent retries this same attempt.
      state.attempt = { invoiceId: invoice.id, key: newKey() };
      var list = byId('pay-list');
      list.textContent = '';
      detailRow(list, 'Facture', invoice.number, 'nowrap');
      detailRow(list, 'Structure', invoice.structureName);
      detailRow(list, 'Mois', monthText(invoice.month));
      detailRow(list, 'Montant à payer', euros(invoice.amountCents));
      byId('pay-this-item').hidden = false;
      byId('pay-submit-item').hidden = true;
      byId('pay-leaving').hidden = true;
      byId('detail').hidden = true;
      byId('pay').hidden = false;
      focusHeading('pay-title');
    }

    /** The guide's second step: this invoice is the one to pay; the next click leaves for the payment service. */
    function confirmPayment() {
      byId('pay-this-item').hidden = true;
      byId('pay-leaving').hidden = false;
      byId('pay-submit-item').hidden = false;
      byId('pay-submit').focus();
    }

    function cancelPayment() {
      state.attempt = null;
      byId('pay').hidden = true;
      byId('detail').hidden = false;
      byId('detail-pay').focus();
    }

    function goToPayment() {
      var invoice = state.current.invoice;
      var submit = byId('pay-submit');
      clear();
      submit.disabled = true;
      submit.setAttribute('aria-busy', 'true');
      var done = function () {
        submit.disabled = false;
        submit.setAttribute('aria-busy', 'false');
      };
      window.Portail.api('POST', '/api/invoices/' + encodeURIComponent(invoice.id) + '/payments', undefined,
        { 'Idempotency-Key': state.attempt.key })
        .then(function (result) {
          if (redirectIfLoggedOut(result)) {
            return;
          }
          if (!result.ok) {
            done();
            problem(result);
            if (result.status === 409 && result.problem && /invoice-already-paid/.test(result.problem.type || '')) {
              state.attempt = null;
              byId('pay').hidden = true;
              load();
            }
            return;
          }
          window.location.assign(result.data.redirectUrl);
        })
        .catch(function () {
          done();
          problem(NETWORK_PROBLEM);
        });
    }

    /* ------------------------------------------------------------ back from the payment service */

    function announce(kind, title, text) {
      var box = byId('payment-outcome');
      box.textContent = '';
      var message = element('div', 'message ' + kind);
      message.appendChild(element('p', 'outcome-title', title));
      message.appendChild(element('p', null, text));
      box.appendChild(message);
    }

    /** What the payment service answered, as billing recorded it from its signed notification. */
    function showOutcome(invoices) {
      window.Portail.api('GET', '/api/payments/' + encodeURIComponent(returningPayment)).then(function (result) {
        var payment = result.ok && result.data;
        var invoice = payment && invoices.filter(function (candidate) { return candidate.id === payment.invoiceId; })[0];
        if (!invoice) {
          announce('message-success', 'Retour du paiement en ligne',
            'L\'état de vos factures ci-dessous est à jour : une facture payée est marquée « Payée ».');
          return;
        }
        var which = 'la facture ' + invoice.number + ' (' + euros(invoice.amountCents) + ')';
        var retry = ' Vous pouvez réessayer avec la loupe puis « Payer en ligne ».';
        var outcomes = {
          PAID: ['message-success', 'Paiement accepté', 'La facture ' + invoice.number + ' (' + euros(invoice.amountCents) + ') est payée. Merci.'],
          REFUSED: ['message-warning', 'Paiement refusé', 'Le paiement a été refusé : ' + which + ' reste à payer.' + retry],
          ABANDONED: ['message-warning', 'Paiement abandonné', 'Vous avez quitté la page de paiement : ' + which + ' reste à payer.' + retry],
          PENDING: ['message-warning', 'Paiement en cours de confirmation', 'Le service de paiement n\'a pas encore confirmé le paiement de '
            + which + ' : rechargez la page dans quelques instants.'],
          DUPLICATE: ['message-warning', 'Facture déjà payée', which.charAt(0).toUpperCase() + which.slice(1)
            + ' était déjà payée : ce second paiement vous sera remboursé.']
        };
        var outcome = outcomes[payment.status] || outcomes.PENDING;
        announce(outcome[0], outcome[1], outcome[2]);
      }).catch(function () {
        problem(NETWORK_PROBLEM);
      });
      // A reload should not announce it again.
      if (window.history && typeof window.history.replaceState === 'function') {
        window.history.replaceState(null, '', window.location.pathname);
      }
    }

    byId('detail-pay').addEventListener('click', openPayment);
    byId('detail-close').addEventListener('click', closeDetail);
    byId('pay-this').addEventListener('click', confirmPayment);
    byId('pay-submit').addEventListener('click', goToPayment);
    byId('pay-cancel').addEventListener('click', cancelPayment);

    load().then(function (invoices) {
      if (invoices && returningPayment) {
        showOutcome(invoices);
      }
      if (invoices && wantedInvoice) {
        openDetail(wantedInvoice, null);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (document.body.getAttribute('data-page') === 'factures') {
      initInvoices();
    }
  });
}());
