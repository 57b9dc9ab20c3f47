/*
 * « Mes messages »: what the portal e-mailed to the family (GET /api/messages), newest first. Opening one marks
 * it read (POST /api/messages/{id}/read). On every page that carries the header link, the link says how many
 * are unread, in words, so it reads the same with or without colour.
 */
(function () {
  'use strict';

  var byId = window.Portail.byId;
  var element = window.Portail.element;
  // One page of 50: a family receives a few messages a month; older ones stay in the e-mail box.
  var PAGE_SIZE = 50;

  function showUnread(unread) {
    var count = byId('unread-count');
    if (count) {
      count.textContent = unread > 0 ? ' (' + unread + ' non lu' + (unread > 1 ? 's' : '') + ')' : '';
    }
  }

  function momentText(instant) {
    var d = new Date(instant);
    var iso = d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
    return window.Portail.dateText(iso) + ' à ' + String(d.getHours()).padStart(2, '0') + ' h ' + String(d.getMinutes()).padStart(2, '0');
  }

  function item(message, page) {
    var li = element('li', 'message-item' + (message.readAt ? '' : ' message-unread'));
    var details = element('details');
    var summary = element('summary');
    var state = element('span', 'message-state', message.readAt ? 'Lu' : 'Non lu');
    summary.appendChild(element('span', 'message-subject', message.subject));
    summary.appendChild(document.createTextNode(' – ' + momentText(message.createdAt) + ' – '));
    summary.appendChild(state);
    details.appendChild(summary);
    details.appendChild(element('div', 'message-body', message.body));
    details.addEventListener('toggle', function () {
      if (!details.open || message.readAt) {
        return;
      }
      window.Portail.api('POST', '/api/messages/' + encodeURIComponent(message.id) + '/read').then(function (result) {
        if (result.ok) {
          message.readAt = result.data.readAt;
          state.textContent = 'Lu';
          li.classList.remove('message-unread');
          page.unread = Math.max(0, page.unread - 1);
          showUnread(page.unread);
          summarise(page);
        }
      });
    });
    li.appendChild(details);
    return li;
  }

  function summarise(page) {
    var text = page.total === 0 ? 'Aucun message pour le moment.'
      : page.total + ' message' + (page.total > 1 ? 's' : '') + ', dont ' + page.unread + ' non lu' + (page.unread > 1 ? 's' : '') + '.';
    byId('messages-summary').textContent = text;
  }

  function load(onPage) {
    window.Portail.api('GET', '/api/messages?size=' + (onPage ? PAGE_SIZE : 1)).then(function (result) {
      if (!result.ok) {
        if (onPage && !window.Portail.redirectIfLoggedOut(result)) {
          byId('messages-error').textContent = window.Portail.problemMessage(result);
          byId('messages-error').hidden = false;
        }
        return;
      }
      var page = result.data;
      showUnread(page.unread);
      if (onPage) {
        var list = byId('messages');
        list.textContent = '';
        page.items.forEach(function (message) { list.appendChild(item(message, page)); });
        summarise(page);
      }
    }).catch(function () { /* the counter is a convenience: the page itself says when the portal is out of reach */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (byId('unread-count')) {
      load(document.body.getAttribute('data-page') === 'messages');
    }
  });
}());
