/*
 * « Facturation »: run a month (the report says what was invoiced, what was left out and why, and up to
 * when bookings had reached billing), the invoices with filters and totals, one invoice with its lines and
 * payments, a payment taken at the counter (espèces, chèque, CESU), the month's payments.
 */
(function () {
  'use strict';

  var P = window.Portail;
  var G = window.Gestion;
  var byId = P.byId;
  var STATUS = { ISSUED: 'À payer', PAID: 'Payée' };
  var METHOD = { ONLINE: 'en ligne', CASH: 'espèces', CHEQUE: 'chèque', CESU: 'CESU' };
  var PAYMENT = { PENDING: 'en cours', PAID: 'payé', REFUSED: 'refusé', ABANDONED: 'abandonné', DUPLICATE: 'en double, à rembourser' };
  var current = null;

  function euros(cents) {
    return (cents / 100).toFixed(2).replace('.', ',') + ' €';
  }

  function thisMonth(offset) {
    var d = new Date();
    d.setDate(1);
    d.setMonth(d.getMonth() + offset);
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');
  }

  function report(result) {
    var total = result.invoices.reduce(function (sum, i) { return sum + i.totalCents; }, 0);
    byId('run-summary').textContent = P.monthText(result.month) + ' : ' + result.invoices.length + ' facture(s) émise(s) pour '
        + euros(total) + '. Réservations reçues par la facturation jusqu\'au '
        + (result.receivedUntil ? G.instantText(result.receivedUntil) : '—') + ' ; une réservation plus récente sera facturée '
        + 'en relançant le mois.';
    var list = byId('run-invoices');
    list.textContent = '';
    result.invoices.forEach(function (i) { list.appendChild(P.element('li', null, 'Facture ' + i.number + ' : ' + euros(i.totalCents))); });
    var left = byId('run-left-out');
    left.textContent = '';
    result.notInvoiced.forEach(function (n) {
      left.appendChild(P.element('li', null, 'Famille ' + (n.familyName || n.familyId) + ' non facturée : ' + n.reason
          + '. Complétez les tarifs puis relancez le mois.'));
    });
    left.appendChild(P.element('li', null, result.notBillable + ' annulation(s) sans frais du mois, non facturée(s).'));
    if (result.monthNotOver) {
      left.appendChild(P.element('li', null, 'Le mois n\'est pas terminé : les jours à venir seront facturés par un prochain lancement.'));
    }
    byId('run-report').hidden = false;
    P.focusHeading('run-title');
  }

  function run(event) {
    event.preventDefault();
    var form = byId('run-form');
    P.clearProblem(form);
    byId('run-submit').disabled = true;
    P.api('POST', '/api/admin/invoice-runs', { month: byId('run-month').value.trim() }).then(function (result) {
      byId('run-submit').disabled = false;
      if (result.status === 401) {
        window.location.replace('../connexion.html');
      } else if (!result.ok) {
        P.showProblem(form, result);
      } else {
        report(result.data);
        byId('filter-month').value = result.data.month;
        search();
      }
    }, function () { byId('run-submit').disabled = false; P.showProblem(form, P.NETWORK_PROBLEM); });
  }

  function search(event) {
    if (event) {
      event.preventDefault();
    }
    var query = ['month=' + encodeURIComponent(byId('filter-month').value.trim()), 'status=' + byId('filter-status').value,
      'family=' + encodeURIComponent(byId('filter-family').value.trim())].join('&');
    G.call('GET', '/api/admin/invoices?' + query, undefined, byId('page-error')).then(function (list) {
      byId('totals').textContent = list.count + ' facture(s) : ' + euros(list.totalCents) + ', dont payé ' + euros(list.paidCents)
          + ' et reste à payer ' + euros(list.unpaidCents) + (list.truncated ? ' (les ' + list.invoices.length
          + ' plus récentes sont affichées : précisez la recherche)' : '') + '.';
      var body = byId('invoices');
      body.textContent = '';
      list.invoices.forEach(function (i) {
        var tr = P.element('tr');
        var head = P.element('th');
        head.scope = 'row';
        var open = P.element('button', 'link-button', i.number);
        open.type = 'button';
        open.addEventListener('click', function () { show(i.id); });
        head.appendChild(open);
        tr.appendChild(head);
        [i.familyName, P.monthText(i.month), euros(i.amountCents), STATUS[i.status] || i.status].forEach(function (text) {
          tr.appendChild(P.element('td', null, text));
        });
        body.appendChild(tr);
      });
    });
  }

  function paymentText(p) {
    return G.instantText(p.createdAt) + ' – ' + euros(p.amountCents) + ' ' + (METHOD[p.method] || p.method) + ' : '
        + (PAYMENT[p.status] || p.status) + (p.reference ? ' (n° ' + p.reference + ')' : '');
  }

  function show(id) {
    var box = byId('page-error');
    byId('page-done').hidden = true;
    G.call('GET', '/api/admin/invoices/' + id, undefined, box).then(function (detail) {
      var i = detail.invoice;
      current = i;
      byId('detail-title').textContent = 'Facture ' + i.number;
      var facts = byId('detail-facts');
      facts.textContent = '';
      G.row(facts, 'Famille', i.familyName + (detail.familyAddress ? ', ' + detail.familyAddress : ''));
      G.row(facts, 'Quotient familial', detail.quotientFamilial);
      G.row(facts, 'Lieu d\'accueil', i.structureName);
      G.row(facts, 'Mois', P.monthText(i.month));
      G.row(facts, 'Montant', euros(i.amountCents));
      G.row(facts, 'État', (STATUS[i.status] || i.status) + (i.paidAt ? ' le ' + G.instantText(i.paidAt) : ', échéance le ' + P.dateText(i.dueDate)));
      var body = byId('detail-lines');
      body.textContent = '';
      detail.lines.forEach(function (l) {
        var tr = P.element('tr');
        var day = P.element('th', null, P.dayText(l.date));
        day.scope = 'row';
        tr.appendChild(day);
        [l.childFirstName, P.unitLabel(l.unit) + (l.lateCancelled ? ' (annulation tardive)' : ''), euros(l.amountCents)]
          .forEach(function (text) { tr.appendChild(P.element('td', null, text)); });
        body.appendChild(tr);
      });
      byId('pay-form').hidden = i.status !== 'ISSUED';
      byId('detail').hidden = false;
      P.focusHeading('detail-title');
      return G.call('GET', '/api/admin/invoices/' + id + '/payments', undefined, box);
    }).then(function (payments) {
      var list = byId('detail-payments');
      list.textContent = '';
      if (payments.length === 0) {
        list.appendChild(P.element('li', null, 'Aucun paiement.'));
      }
      payments.forEach(function (p) { list.appendChild(P.element('li', null, paymentText(p))); });
    });
  }

  function pay(event) {
    event.preventDefault();
    var error = byId('pay-error');
    error.hidden = true;
    byId('pay-submit').disabled = true;
    P.api('POST', '/api/admin/invoices/' + current.id + '/payments',
      { method: byId('pay-method').value, reference: byId('pay-reference').value.trim() || null }).then(function (result) {
      byId('pay-submit').disabled = false;
      if (!result.ok) {
        G.fail(result, error);
        return;
      }
      byId('pay-reference').value = '';
      show(current.id);
      search();
      byId('page-done').textContent = 'Paiement enregistré : ' + paymentText(result.data) + '. La facture est payée.';
      byId('page-done').hidden = false;
    }, function () { byId('pay-submit').disabled = false; G.fail(P.NETWORK_PROBLEM, error); });
  }

  function payments() {
    var month = byId('payments-month').value.trim();
    G.call('GET', '/api/admin/payments?month=' + encodeURIComponent(month), undefined, byId('page-error')).then(function (list) {
      var ul = byId('payments');
      ul.textContent = '';
      if (list.length === 0) {
        ul.appendChild(P.element('li', null, 'Aucun paiement ce mois-là.'));
      }
      list.forEach(function (p) { ul.appendChild(P.element('li', null, paymentText(p))); });
    });
  }

  G.start(function () {
    byId('run-month').value = thisMonth(-1);
    byId('payments-month').value = thisMonth(0);
    var family = new URLSearchParams(window.location.search).get('famille');
    if (family) {
      byId('filter-family').value = family;
    }
    byId('run-form').addEventListener('submit', run);
    byId('filter-form').addEventListener('submit', search);
    byId('pay-form').addEventListener('submit', pay);
    byId('payments-load').addEventListener('click', payments);
    search();
    payments();
  });
}());
