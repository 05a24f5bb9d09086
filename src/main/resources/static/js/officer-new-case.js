// Filing a case: choosing a catalog item fills in its title and the procedures it requires (the flags), and a case
// outside the catalog asks for the reason instead (Art. 3). The API still decides; this only saves typing.
(function () {
  'use strict';
  const select = document.getElementById('catalogItem');
  if (!select) return;
  const reason = document.getElementById('outsideCatalogReason');
  function apply(fill) {
    const option = select.selectedOptions[0];
    const fromCatalog = option && option.value !== '';
    reason.disabled = fromCatalog;
    if (!fill || !fromCatalog) return;
    document.getElementById('title').value = option.dataset.title || '';
    if (option.dataset.unit) document.getElementById('undertakingUnit').value = option.dataset.unit;
    const flags = JSON.parse(option.dataset.flags || '{}');
    Object.keys(flags).forEach((key) => {
      const box = document.getElementById('flag-' + key);
      if (box) box.checked = flags[key] === true;
    });
  }
  select.addEventListener('change', () => apply(true));
  apply(false);
})();
