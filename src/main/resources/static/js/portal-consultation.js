// After an opinion is received: its receipt number opens the optional attachment form, which sends the file to
// that opinion (only the submitter knows the number), and the opinion text is cleared so it is not sent twice.
(function () {
  'use strict';

  document.addEventListener('api:success', (event) => {
    const opinion = event.target.closest('form[data-opinion-form]');
    if (!opinion) return;
    const receipt = event.detail && event.detail.receiptNumber;
    const attachment = document.querySelector('form[data-attachment-form]');
    if (!receipt || !attachment) return;
    attachment.action = `${attachment.dataset.opinions}/${encodeURIComponent(receipt)}/attachment`;
    attachment.querySelector('[data-receipt]').textContent = receipt;
    attachment.hidden = false;
    opinion.querySelector('textarea[name="text"]').value = '';
  });
})();
