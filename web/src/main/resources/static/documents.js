/*
 * "Insertion des documents" (guide, step 8): each required document with its red cross or green tick,
 * and "AJOUTER UN DOCUMENT" → type → file → "Envoyer".
 */
(function () {
  'use strict';

  var STATUS = {
    MISSING: { sign: '✗', css: 'missing', text: 'À envoyer' },
    PENDING: { sign: '✓', css: 'sent', text: 'Envoyé, en cours de vérification' },
    ACCEPTED: { sign: '✓', css: 'accepted', text: 'Validé' },
    REJECTED: { sign: '✗', css: 'missing', text: 'Refusé' },
    EXPIRED: { sign: '✗', css: 'missing', text: 'Expiré, à renvoyer' }
  };

  var byId = window.Portail.byId;

  function dossier() {
    return document.querySelector('input[name="dossier"]:checked').value;
  }

  function describe(line) {
    var who = line.childName ? ' – ' + line.childName : '';
    return line.label + who + (line.mandatory ? '' : ' (facultatif)');
  }

  function render(lines) {
    var list = byId('requirements');
    var select = byId('upload-type');
    list.textContent = '';
    select.textContent = '';
    lines.forEach(function (line) {
      var status = STATUS[line.status] || STATUS.MISSING;
      var item = document.createElement('li');
      item.className = 'requirement requirement-' + status.css;
      var sign = document.createElement('span');
      sign.className = 'requirement-sign';
      sign.setAttribute('aria-hidden', 'true');
      sign.textContent = status.sign;
      var text = document.createElement('span');
      text.textContent = describe(line) + ' : ' + status.text
          + (line.reason ? ' (' + line.reason + ')' : '')
          + (line.validUntil && line.status === 'ACCEPTED' ? ', valable jusqu\'au '
              + new Date(line.validUntil).toLocaleDateString('fr-FR') : '');
      item.appendChild(sign);
      item.appendChild(text);
      list.appendChild(item);

      var option = document.createElement('option');
      option.value = line.typeCode + '|' + (line.childId || '');
      option.textContent = describe(line);
      select.appendChild(option);
    });
  }

  function load() {
    byId('documents-error').hidden = true;
    return window.Portail.api('GET', '/api/documents/requirements?dossier=' + dossier()).then(function (result) {
      if (result.status === 401) {
        window.location.replace('connexion.html');
        return;
      }
      if (!result.ok) {
        byId('documents-error').textContent = window.Portail.problemMessage(result);
        byId('documents-error').hidden = false;
        return;
      }
      render(result.data || []);
    });
  }

  function upload(event) {
    event.preventDefault();
    var error = byId('upload-error');
    var file = byId('upload-file').files[0];
    error.hidden = true;
    if (!file) {
      error.textContent = 'Choisissez le fichier à envoyer.';
      error.hidden = false;
      return;
    }
    var choice = byId('upload-type').value.split('|');
    var data = new FormData();
    data.append('type', choice[0]);
    if (choice[1]) {
      data.append('childId', choice[1]);
    }
    data.append('file', file, file.name);
    byId('upload-submit').disabled = true;
    fetch('/api/documents', { method: 'POST', credentials: 'same-origin', body: data,
      headers: { 'Accept': 'application/json, application/problem+json' } })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          byId('upload-submit').disabled = false;
          if (!response.ok) {
            error.textContent = window.Portail.problemMessage({ problem: body });
            error.hidden = false;
            return;
          }
          byId('upload-form').reset();
          byId('upload-form').hidden = true;
          byId('documents-sent').textContent = 'Document envoyé. Le service Portail-familles le vérifie sous 24 à 48 heures.';
          byId('documents-sent').hidden = false;
          load();
        });
      })
      .catch(function () {
        byId('upload-submit').disabled = false;
        error.textContent = 'Impossible de joindre le portail. Vérifiez votre connexion puis réessayez.';
        error.hidden = false;
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[name="dossier"]').forEach(function (radio) {
      radio.addEventListener('change', load);
    });
    byId('add-document').addEventListener('click', function () {
      byId('documents-sent').hidden = true;
      byId('upload-form').hidden = false;
      byId('upload-type').focus();
    });
    byId('upload-form').addEventListener('submit', upload);
    load();
  });
}());
