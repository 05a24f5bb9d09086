// Task forms: the conditions of the forms/*.form schema in the browser. A component hidden by its "conditional.hide"
// expression is hidden and its inputs disabled, so they are not submitted; a field whose "requiredWhen" answer is
// given shows that it is now required. The server checks the same rules again: this only spares a round trip.
(function () {
  'use strict';

  const form = document.querySelector('form[data-review-form]');
  if (!form) return;

  // The answer of the field "key": in the same row of a dynamic list first, then at the top of the form.
  function answer(scope, key) {
    const row = scope.closest('[data-row]');
    const fields = Array.from((row || form).querySelectorAll('[name]'))
      .filter((f) => f.name === key || (row && f.name.endsWith('].' + key)));
    if (!fields.length && row) return answer(form, key);
    if (!fields.length) return null;
    const first = fields[0];
    if (first.type === 'radio') {
      const chosen = fields.find((f) => f.checked);
      return chosen ? chosen.value : null;
    }
    if (first.type === 'checkbox' && first.dataset.type === 'array') return fields.filter((f) => f.checked).map((f) => f.value);
    if (first.type === 'checkbox') return first.checked;
    return first.value === '' ? null : first.value;
  }

  function literal(text) {
    const t = text.trim();
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'null') return null;
    if (/^".*"$/.test(t)) return t.slice(1, -1);
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    return { key: t };
  }

  function same(actual, expected) {
    if (expected === null) return actual === null;
    return actual !== null && String(actual) === String(expected);
  }

  // The simple FEEL the forms use: "=key", "=not(key)", "=key = value", "=key != value", joined by "and" / "or".
  function feel(scope, expression) {
    const body = expression.replace(/^=/, '').trim();
    if (/\s+or\s+/.test(body)) return body.split(/\s+or\s+/).some((part) => feel(scope, part));
    if (/\s+and\s+/.test(body)) return body.split(/\s+and\s+/).every((part) => feel(scope, part));
    const not = body.match(/^not\((.*)\)$/);
    if (not) return !feel(scope, not[1]);
    const comparison = body.match(/^([\w.]+)\s*(!=|=)\s*(.+)$/);
    if (comparison) {
      const actual = answer(scope, comparison[1]);
      let expected = literal(comparison[3]);
      if (expected && typeof expected === 'object') expected = answer(scope, expected.key);
      const equal = typeof expected === 'boolean' ? (actual === true || actual === 'true') === expected : same(actual, expected);
      return comparison[2] === '=' ? equal : !equal;
    }
    const value = answer(scope, body);
    return value === true || value === 'true';
  }

  // "handling=notAdopted|partlyAdopted": required when the answer is one of these (an unticked box answers "false");
  // for a checklist ("channels=gazette"), when any of these is ticked
  function requiredNow(scope, rule) {
    const [key, values] = rule.split('=');
    const options = values.split('|');
    let value = answer(scope, key);
    if (Array.isArray(value)) return value.some((chosen) => options.includes(String(chosen)));
    if (value === null && values.includes('false')) value = 'false';
    return options.includes(String(value));
  }

  function update() {
    form.querySelectorAll('[data-hide]').forEach((node) => {
      const hidden = feel(node, node.dataset.hide);
      node.hidden = hidden;
      node.querySelectorAll('input, select, textarea').forEach((input) => { input.disabled = hidden; });
    });
    form.querySelectorAll('[data-required-when]').forEach((node) => {
      const required = requiredNow(node, node.dataset.requiredWhen);
      node.querySelectorAll('[data-required-mark]').forEach((mark) => { mark.hidden = !required; });
      node.querySelectorAll('input:not([type=radio]):not([type=checkbox]), select, textarea')
        .forEach((input) => input.setAttribute('aria-required', String(required)));
    });
  }

  // After a row of a dynamic list is removed the rows are numbered again, so the list the API receives has no gaps
  // and its messages (risks[1].measures) point at the row the person sees as the second.
  function renumber(container) {
    const list = container.dataset.rows;
    container.querySelectorAll(':scope > [data-row]').forEach((row, index) => {
      row.querySelectorAll('[name], [id], [for], [aria-describedby]').forEach((node) => {
        ['name', 'id', 'for', 'aria-describedby'].forEach((attribute) => {
          const value = node.getAttribute(attribute);
          if (value === null) return;
          node.setAttribute(attribute, value
            .replace(new RegExp('^' + list.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\[\\d+\\]'), list + '[' + index + ']')
            .replace(new RegExp('^(f-' + list + '-)\\d+(-)'), '$1' + index + '$2'));
        });
      });
    });
  }

  document.addEventListener('click', (event) => {
    const remove = event.target.closest('[data-remove-row]');
    if (!remove) return;
    const container = remove.closest('[data-rows]');
    if (container) setTimeout(() => { renumber(container); update(); }, 0);
  }, true);
  document.addEventListener('click', (event) => {
    if (event.target.closest('[data-add-row]')) setTimeout(update, 0);
  });
  form.addEventListener('change', update);
  form.addEventListener('input', update);
  update();
})();
