/*
 * "Mettre à jour et compléter votre espace personnel" (guide, step 5): "Modifier les informations de la
 * famille" (famille.html) and "Voir / Modifier la fiche enfant" (enfant.html), each saved with
 * "Enregistrer"; the server's field errors are shown next to the form and on the fields.
 */
(function () {
  'use strict';

  var byId = window.Portail.byId;

  function value(id) {
    var text = byId(id).value.trim();
    return text === '' ? null : text;
  }

  /** Adds a block from a template, its inputs named {@code list[i].field} like the server's violations. */
  function addBlock(templateId, container, list, values, title) {
    var index = container.querySelectorAll('.subgroup').length;
    var block = byId(templateId).content.firstElementChild.cloneNode(true);
    var heading = block.querySelector('.subgroup-title');
    if (heading) {
      heading.textContent = title(index);
    }
    block.querySelectorAll('.field').forEach(function (field) {
      var input = field.querySelector('input');
      var name = input.getAttribute('data-name');
      input.id = list + '-' + index + '-' + name;
      input.setAttribute('data-field', list + '[' + index + '].' + name);
      input.value = (values && values[name]) || '';
      field.querySelector('label').setAttribute('for', input.id);
    });
    container.appendChild(block);
    return block;
  }

  function blocks(container) {
    return Array.prototype.map.call(container.querySelectorAll('.subgroup'), function (block) {
      var result = {};
      block.querySelectorAll('input').forEach(function (input) {
        var text = input.value.trim();
        result[input.getAttribute('data-name')] = text === '' ? null : text;
      });
      return result;
    });
  }

  function checks(prefix, kinds) {
    var result = {};
    kinds.forEach(function (kind) {
      result[kind] = byId(prefix + kind).checked;
    });
    return result;
  }

  /** Sends the form; on success shows "enregistré" and hands the saved state back. */
  function save(form, submit, method, url, body, then) {
    window.Portail.clearProblem(form);
    byId('form-saved').hidden = true;
    submit.disabled = true;
    window.Portail.api(method, url, body).then(function (result) {
      submit.disabled = false;
      if (!result.ok) {
        window.Portail.showProblem(form, result);
        return;
      }
      byId('form-saved').hidden = false;
      byId('form-saved').focus();
      then(result.data);
    }).catch(function () {
      submit.disabled = false;
      window.Portail.showProblem(form, {});
    });
  }

  function load(url, then) {
    window.Portail.api('GET', url).then(function (result) {
      if (result.status === 401) {
        window.location.replace('connexion.html');
        return;
      }
      if (!result.ok) {
        window.Portail.showProblem(document.querySelector('form'), result);
        return;
      }
      then(result.data);
    });
  }

  var FAMILY_CONSENTS = ['DATA_PROCESSING', 'RULES_ACCEPTED', 'EMAIL_INFORMATION'];
  var AUTHORIZATIONS = ['PHOTO', 'LEAVE_ALONE', 'TRANSPORT', 'EMERGENCY_CARE'];

  function initFamily() {
    var form = byId('family-form');
    var parents = byId('parents');
    var userIds = [];

    function show(family) {
      ['address', 'postalCode', 'town', 'situation', 'cafNumber'].forEach(function (field) {
        byId(field).value = family[field] || '';
      });
      parents.querySelectorAll('.subgroup').forEach(function (block) { block.remove(); });
      userIds = family.parents.map(function (parent) { return parent.userId; });
      family.parents.forEach(function (parent) {
        addBlock('parent-template', parents, 'parents', parent, function (index) {
          return index === 0 ? 'Premier responsable' : 'Second responsable';
        });
      });
      FAMILY_CONSENTS.forEach(function (kind) {
        byId('consent-' + kind).checked = Boolean(family.consents && family.consents[kind]);
      });
      var children = byId('children');
      children.textContent = '';
      family.children.forEach(function (child) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = 'enfant.html?id=' + encodeURIComponent(child.id);
        link.textContent = child.lastName.toUpperCase() + ' ' + child.firstName;
        // The guide's « Voir / Modifier la fiche enfant », as a button-like link; its spoken name adds whose record.
        var open = document.createElement('a');
        open.className = 'button button-small child-record';
        open.href = link.href;
        open.textContent = 'Voir / Modifier la fiche enfant';
        var whose = document.createElement('span');
        whose.className = 'visually-hidden';
        whose.textContent = ' de ' + child.firstName + ' ' + child.lastName;
        open.appendChild(whose);
        item.appendChild(link);
        item.appendChild(document.createTextNode(' '));
        item.appendChild(open);
        children.appendChild(item);
      });
    }

    load('/api/family', show);
    // ajout-enfant.js announces a child added from this page: the list is read again from the server.
    document.addEventListener('portail:family-changed', function () { load('/api/family', show); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = {
        address: value('address'), postalCode: value('postalCode'), town: value('town'),
        situation: value('situation'), cafNumber: value('cafNumber'),
        parents: blocks(parents).map(function (parent, index) {
          parent.userId = userIds[index];
          return parent;
        }),
        consents: checks('consent-', FAMILY_CONSENTS)
      };
      save(form, byId('family-submit'), 'PUT', '/api/family', body, show);
    });
  }

  function initChild() {
    var form = byId('child-form');
    var childId = new URLSearchParams(window.location.search).get('id') || '';
    var url = '/api/family/children/' + encodeURIComponent(childId);
    var noTitle = function () { return ''; };

    function show(child) {
      byId('child-title').textContent = 'Fiche de ' + child.firstName + ' ' + child.lastName;
      ['firstName', 'lastName', 'birthDate', 'school', 'className', 'healthNotes', 'allergies', 'doctorName', 'doctorPhone']
        .forEach(function (field) { byId(field).value = child[field] || ''; });
      [['pickups', 'authorizedPickups'], ['emergencies', 'emergencyContacts']].forEach(function (pair) {
        var container = byId(pair[0]);
        container.querySelectorAll('.subgroup').forEach(function (block) { block.remove(); });
        (child[pair[1]] || []).forEach(function (person) {
          addBlock('person-template', container, pair[1], person, noTitle);
        });
      });
      AUTHORIZATIONS.forEach(function (kind) {
        byId('auth-' + kind).checked = Boolean(child.authorizations && child.authorizations[kind]);
      });
    }

    byId('add-pickup').addEventListener('click', function () {
      addBlock('person-template', byId('pickups'), 'authorizedPickups', null, noTitle).querySelector('input').focus();
    });
    byId('add-emergency').addEventListener('click', function () {
      addBlock('person-template', byId('emergencies'), 'emergencyContacts', null, noTitle).querySelector('input').focus();
    });
    load(url, show);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = {
        firstName: value('firstName'), lastName: value('lastName'), birthDate: value('birthDate'),
        school: value('school'), className: value('className'), healthNotes: value('healthNotes'),
        allergies: value('allergies'), doctorName: value('doctorName'), doctorPhone: value('doctorPhone'),
        authorizedPickups: blocks(byId('pickups')), emergencyContacts: blocks(byId('emergencies')),
        authorizations: checks('auth-', AUTHORIZATIONS)
      };
      save(form, byId('child-submit'), 'PUT', url, body, show);
    });
  }

  var pages = { famille: initFamily, enfant: initChild };
  document.addEventListener('DOMContentLoaded', function () {
    var init = pages[document.body.getAttribute('data-page')];
    if (init) {
      init();
    }
  });
}());
