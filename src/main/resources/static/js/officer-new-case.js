// Filing a case: choosing a catalog item fills in its title and the procedures it requires (the flags), and a case
// outside the catalog asks for the reason instead (Art. 3). A flag set so that a statutory stage is left out shows
// the ground and particulars it needs (Arts. 14, 19, 22); hidden ones are disabled, so they are not sent. The API
// still decides; this only saves typing.
(function () {
  'use strict';
  const select = document.getElementById('catalogItem');
  if (!select) return;
  const reason = document.getElementById('outsideCatalogReason');
  function showBases() {
    document.querySelectorAll('[data-basis-for]').forEach((block) => {
      const box = document.getElementById('flag-' + block.dataset.basisFor);
      const skips = box && box.checked === (block.dataset.skipsWhenChecked === 'true');
      block.hidden = !skips;
      block.querySelectorAll('select, textarea').forEach((field) => { field.disabled = !skips; });
    });
  }
  function apply(fill) {
    const option = select.selectedOptions[0];
    const fromCatalog = option && option.value !== '';
    reason.disabled = fromCatalog;
    if (fill && fromCatalog) {
      document.getElementById('title').value = option.dataset.title || '';
      if (option.dataset.unit) document.getElementById('undertakingUnit').value = option.dataset.unit;
      const flags = JSON.parse(option.dataset.flags || '{}');
      // a catalog item's case runs expert review and risk assessment unless a ground is given to leave them out
      flags.technical = true;
      flags.stabilityRisk = true;
      Object.keys(flags).forEach((key) => {
        const box = document.getElementById('flag-' + key);
        if (box) box.checked = flags[key] === true;
      });
    }
    showBases();
  }
  select.addEventListener('change', () => apply(true));
  document.querySelectorAll('input[id^="flag-"]').forEach((box) => box.addEventListener('change', showBases));
  apply(false);
})();
