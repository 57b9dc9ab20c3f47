/* Staff home: what waits to be handled, then the tasks. */
(function () {
  'use strict';

  var P = window.Portail;

  function count(url, id, box) {
    window.Gestion.call('GET', url, undefined, box).then(function (page) {
      P.byId(id).textContent = String(page.total);
    });
  }

  window.Gestion.start(function () {
    var box = P.byId('page-error');
    count('/api/admin/account-requests?status=PENDING&size=1', 'count-requests', box);
    count('/api/admin/documents?status=PENDING&size=1', 'count-documents', box);
  });
}());
