/*
 * What each validity rule of the document catalogue asks the reviewer to read on the document, and the
 * dates the accept form starts from (document-service checks them again: Validity.decide).
 */
(function () {
  'use strict';

  function iso(year, month, day) {
    return year + '-' + String(month).padStart(2, '0') + '-' + String(day).padStart(2, '0');
  }

  function localDay(date) {
    return iso(date.getFullYear(), date.getMonth() + 1, date.getDate());
  }

  /** School year N/N+1 of a day: from 1 September N to 31 August N+1. */
  function schoolYearStart(date) {
    return date.getMonth() >= 8 ? date.getFullYear() : date.getFullYear() - 1;
  }

  function plusMonths(isoDay, months) {
    var p = isoDay.split('-').map(Number);
    var d = new Date(p[0], p[1] - 1 + months, p[2]);
    return localDay(d);
  }

  var HINTS = {
    LATEST_TAX_NOTICE: 'Avis d\'imposition : indiquez sa date d\'établissement. Pour l\'année scolaire en cours, l\'avis de '
        + 'l\'année de rentrée est demandé ; il vaut jusqu\'à la fin de l\'année scolaire.',
    ISSUED_WITHIN_3_MONTHS: 'Justificatif de moins de 3 mois : indiquez sa date d\'émission ; il vaut jusqu\'à la fin de l\'année scolaire.',
    COVERS_LAST_12_MONTHS: 'Notification CAF : indiquez sa date ; elle doit couvrir les 12 derniers mois et vaut 12 mois.',
    SCHOOL_YEAR: 'Attestation pour l\'année scolaire : indiquez la fin de couverture, au plus tard la fin de l\'année scolaire.',
    NONE: 'Pas de règle de date : une fin de validité est facultative.'
  };

  /** { validFrom, validUntil, hint } for a rule, on the review day, for a document sent on {@code submittedAt}. */
  function prefill(rule, submittedAt, today) {
    var start = schoolYearStart(today);
    var yearEnd = iso(start + 1, 8, 31);
    var sent = localDay(new Date(submittedAt));
    switch (rule) {
      case 'LATEST_TAX_NOTICE':
        return { validFrom: iso(start, 7, 31), validUntil: yearEnd, hint: HINTS[rule] };
      case 'ISSUED_WITHIN_3_MONTHS':
        return { validFrom: sent, validUntil: yearEnd, hint: HINTS[rule] };
      case 'COVERS_LAST_12_MONTHS':
        return { validFrom: sent, validUntil: plusMonths(sent, 12), hint: HINTS[rule] };
      case 'SCHOOL_YEAR':
        return { validFrom: iso(start, 9, 1), validUntil: yearEnd, hint: HINTS[rule] };
      default:
        return { validFrom: '', validUntil: '', hint: HINTS.NONE };
    }
  }

  window.DocumentRules = { prefill: prefill };
}());
