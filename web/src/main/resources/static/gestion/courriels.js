/*
 * « Courriels »: the delivery log of notification-service, failed deliveries first, with the last error;
 * « Renvoyer » queues one again (its attempts start over) and its line follows it until it is sent.
 */
(function () {
  'use strict';

  var P = window.Portail;
  var G = window.Gestion;
  var byId = P.byId;
  var STATUS = { QUEUED: 'en attente d\'envoi', SENT: 'envoyé', FAILED: 'en échec' };

  function line(d) {
    var item = P.element('li', 'queue-item');
    item.dataset.delivery = d.id;
    item.appendChild(P.element('span', null, d.subject));
    item.appendChild(P.element('span', 'queue-meta', 'À ' + d.recipient + ' – ' + G.instantText(d.createdAt)));
    item.appendChild(P.element('span', 'delivery-status', 'État : ' + (STATUS[d.status] || d.status)
        + (d.attempts ? ', ' + d.attempts + ' essai(s)' : '') + (d.sentAt ? ', envoyé le ' + G.instantText(d.sentAt) : '')
        + (d.lastError ? ' – dernière erreur : ' + d.lastError : '')));
    if (d.status === 'FAILED') {
      var resend = P.element('button', 'button button-small', 'Renvoyer');
      resend.type = 'button';
      resend.setAttribute('aria-label', 'Renvoyer « ' + d.subject + ' » à ' + d.recipient);
      resend.addEventListener('click', function () {
        resend.disabled = true;
        G.call('POST', '/api/admin/deliveries/' + d.id + '/resend', undefined, byId('page-error')).then(function (queued) {
          byId('page-done').textContent = 'Courriel remis dans la file d\'envoi : « ' + queued.subject + ' » à ' + queued.recipient + '.';
          byId('page-done').hidden = false;
          follow(queued, item);
        });
      });
      item.appendChild(resend);
    }
    return item;
  }

  /** Follows an e-mail sent again until it has left or failed again (the sender polls its queue every second). */
  function follow(delivery, item) {
    var fresh = line(delivery);
    item.parentNode.replaceChild(fresh, item);
    if (delivery.status === 'QUEUED') {
      window.setTimeout(function () {
        G.call('GET', '/api/admin/deliveries/' + delivery.id, undefined, byId('page-error')).then(function (d) { follow(d, fresh); });
      }, 2000);
    }
  }

  function load() {
    var status = byId('status').value;
    G.call('GET', '/api/admin/deliveries?limit=100' + (status ? '&status=' + status : ''), undefined, byId('page-error')).then(function (list) {
      var ul = byId('deliveries');
      ul.textContent = '';
      byId('list-count').textContent = list.length === 0 ? 'Aucun courriel.' : list.length + ' courriel(s).';
      list.forEach(function (d) { ul.appendChild(line(d)); });
    });
  }

  G.start(function () {
    byId('status').addEventListener('change', load);
    load();
  });
}());
