/*
 * "Demande d'ouverture / actualisation de compte" (guide, step 2): builds the request from the form,
 * sends it to POST /api/account-requests and points each field the server refuses.
 */
(function () {
  'use strict';

  var MAX_PARENTS = 2;
  var MAX_CHILDREN = 12;

  var byId = window.Portail.byId;

  /** Adds a parent or child block, with unique ids so every label stays tied to its input. */
  function addBlock(kind, container, title) {
    var index = container.querySelectorAll('.subgroup').length;
    var block = byId(kind + '-template').content.firstElementChild.cloneNode(true);
    block.setAttribute('data-index', index);
    block.querySelector('.subgroup-title').textContent = title(index);
    block.querySelectorAll('.field').forEach(function (field) {
      var input = field.querySelector('input');
      var id = kind + '-' + index + '-' + input.getAttribute('data-name');
      input.id = id;
      input.setAttribute('data-field', kind + 's[' + index + '].' + input.getAttribute('data-name'));
      field.querySelector('label').setAttribute('for', id);
    });
    container.appendChild(block);
    return block;
  }

  function values(container) {
    return Array.prototype.map.call(container.querySelectorAll('.subgroup'), function (block) {
      var value = {};
      block.querySelectorAll('input').forEach(function (input) {
        var text = input.value.trim();
        value[input.getAttribute('data-name')] = text === '' ? null : text;
      });
      return value;
    });
  }

  function schoolYears() {
    var today = new Date();
    // From June on, families mostly ask for the coming school year.
    var first = today.getMonth() >= 5 ? today.getFullYear() : today.getFullYear() - 1;
    return [first, first + 1].map(function (year) { return year + '-' + (year + 1); });
  }

  function init() {
    var form = byId('request-form');
    var parents = byId('parents');
    var children = byId('children');
    var submit = byId('request-submit');
    var parentTitle = function (index) { return index === 0 ? 'Premier responsable' : 'Second responsable'; };
    var childTitle = function (index) { return 'Enfant ' + (index + 1); };

    addBlock('parent', parents, parentTitle);
    addBlock('child', children, childTitle);
    schoolYears().forEach(function (year) {
      var option = document.createElement('option');
      option.value = year;
      option.textContent = year.replace('-', ' / ');
      byId('school-year').appendChild(option);
    });

    byId('add-parent').addEventListener('click', function (event) {
      addBlock('parent', parents, parentTitle).querySelector('input').focus();
      if (parents.querySelectorAll('.subgroup').length >= MAX_PARENTS) {
        event.target.hidden = true;
      }
    });
    byId('add-child').addEventListener('click', function (event) {
      addBlock('child', children, childTitle).querySelector('input').focus();
      event.target.hidden = children.querySelectorAll('.subgroup').length >= MAX_CHILDREN;
    });
    children.addEventListener('click', function (event) {
      if (event.target.classList.contains('remove-child') && children.querySelectorAll('.subgroup').length > 1) {
        event.target.closest('.subgroup').remove();
        byId('add-child').hidden = false;
      }
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      window.Portail.clearProblem(form);
      var request = {
        family: {
          name: byId('family-name').value.trim(),
          address: byId('family-address').value.trim(),
          postalCode: byId('family-postal-code').value.trim(),
          town: byId('family-town').value.trim()
        },
        parents: values(parents),
        children: values(children),
        schoolYear: byId('school-year').value,
        dataProcessingConsent: byId('consent').checked
      };
      submit.disabled = true;
      window.Portail.api('POST', '/api/account-requests', request)
        .then(function (result) {
          if (result.ok) {
            form.hidden = true;
            var sent = byId('request-sent');
            sent.hidden = false;
            sent.focus();
            return;
          }
          window.Portail.showProblem(form, result);
          submit.disabled = false;
        })
        .catch(function () {
          window.Portail.showProblem(form, { problem: { detail: 'Impossible de joindre le portail. Vérifiez votre connexion puis réessayez.' } });
          submit.disabled = false;
        });
    });
  }

  document.addEventListener('DOMContentLoaded', init);
}());
