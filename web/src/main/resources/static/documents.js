/*
 * "Insertion des documents" (guide, step 8): each required document with its red cross or green tick,
 * and "AJOUTER UN DOCUMENT" → type → file → "Envoyer". Each line says what the guide's PRECISIONS say (the
 * catalogue's hint), the formats and size accepted, « (!) » on the required ones, the expiry of an accepted one,
 * and why one was refused with what to send instead.
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
  var element = window.Portail.element;

  function dossier() {
    return document.querySelector('input[name="dossier"]:checked').value;
  }

  function who(line) {
    return line.label + (line.childName ? ' – ' + line.childName : '');
  }

  /** « PDF, JPEG ou PNG, 10 Mo au plus », from what document-service really accepts. */
  function formats(line) {
    var names = line.acceptedFormats || [];
    var list = names.length > 1 ? names.slice(0, -1).join(', ') + ' ou ' + names[names.length - 1] : names.join('');
    return list + ', ' + Math.round(line.maxSizeBytes / 1048576) + ' Mo au plus';
  }

  function dateOf(iso) {
    return window.Portail.dateText(iso);
  }

  /** What the line says under its name: where it stands (the refusal's reason, the accepted one's expiry). */
  function statusText(line, status) {
    if (line.status === 'ACCEPTED') {
      return status.text + (line.validUntil ? ', valable jusqu\'au ' + dateOf(line.validUntil) : ', sans date d\'expiration');
    }
    if (line.status === 'REJECTED' && line.reason) {
      return status.text + ' : ' + line.reason;
    }
    if (line.status === 'EXPIRED' && line.validUntil) {
      return 'Expiré le ' + dateOf(line.validUntil) + ', à renvoyer';
    }
    return status.text;
  }

  /** The guide's explanation; for a refused or expired document, worded as what to send in its place. */
  function hintText(line) {
    var again = line.status === 'REJECTED' || line.status === 'EXPIRED';
    return again ? 'Envoyez à la place : ' + (line.hint || line.label) : line.hint;
  }

  function item(line) {
    var status = STATUS[line.status] || STATUS.MISSING;
    var li = element('li', 'requirement requirement-' + status.css);
    var sign = element('span', 'requirement-sign', status.sign);
    sign.setAttribute('aria-hidden', 'true');
    var body = element('div', 'requirement-body');
    var title = element('p', 'requirement-title');
    title.appendChild(element('strong', null, who(line)));
    if (line.mandatory) {
      // The guide's marker for a required document; read out as a word, shown as the guide prints it.
      var marker = element('span', 'required-marker', ' (!)');
      marker.setAttribute('aria-hidden', 'true');
      title.appendChild(marker);
      title.appendChild(element('span', 'visually-hidden', ' (obligatoire)'));
    }
    body.appendChild(title);
    body.appendChild(element('p', 'requirement-status', statusText(line, status)));
    if (hintText(line)) {
      body.appendChild(element('p', 'requirement-hint', hintText(line)));
    }
    body.appendChild(element('p', 'requirement-formats', 'Formats acceptés : ' + formats(line) + '.'));
    li.appendChild(sign);
    li.appendChild(body);
    return li;
  }

  function render(lines) {
    var list = byId('requirements');
    var select = byId('upload-type');
    list.textContent = '';
    select.textContent = '';
    lines.forEach(function (line) {
      list.appendChild(item(line));
      var option = element('option', null, who(line) + (line.mandatory ? ' (!)' : ''));
      option.value = line.typeCode + '|' + (line.childId || '');
      option.setAttribute('data-hint', line.hint || '');
      select.appendChild(option);
    });
    if (lines.length) {
      byId('upload-file-label').textContent = 'Fichier (' + formats(lines[0]) + ') *';
    }
    showTypeHint();
  }

  function showTypeHint() {
    var chosen = byId('upload-type').selectedOptions[0];
    byId('upload-type-hint').textContent = chosen ? chosen.getAttribute('data-hint') : '';
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
    byId('upload-type').addEventListener('change', showTypeHint);
    byId('upload-form').addEventListener('submit', upload);
    load();
  });
}());
