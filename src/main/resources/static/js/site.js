// The few behaviours every page shares. No inline scripts anywhere (the content security policy forbids them).
(function () {
  'use strict';

  const english = document.documentElement.lang === 'en';
  const text = {
    failed: english ? 'The request could not be completed.' : '提交未成功。',
    network: english ? 'The server could not be reached; nothing was saved. Please try again.' : '无法连接服务器，内容未保存，请稍后重试。',
    signIn: english ? 'Your session has ended; please sign in again.' : '登录已过期，请重新登录。',
    saved: english ? 'Saved.' : '已保存。'
  };

  function csrf() {
    const token = document.querySelector('meta[name="csrf-token"]');
    const header = document.querySelector('meta[name="csrf-header"]');
    return token && header ? { [header.content]: token.content } : {};
  }

  // htmx requests carry the same CSRF header as the API calls below
  document.addEventListener('htmx:configRequest', (event) => Object.assign(event.detail.headers, csrf()));

  // the collapsed navigation on a phone, without Bootstrap's JavaScript bundle
  document.addEventListener('click', (event) => {
    const toggle = event.target.closest('[data-toggle-nav]');
    if (!toggle) return;
    const menu = document.getElementById(toggle.dataset.toggleNav);
    const open = menu.classList.toggle('show');
    toggle.setAttribute('aria-expanded', String(open));
  });

  // "a.b[2].c" -> ["a", "b", 2, "c"]
  function pathOf(name) {
    return name.replace(/\]/g, '').split(/\.|\[/).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  }

  function put(target, path, value) {
    let node = target;
    path.forEach((key, i) => {
      if (i === path.length - 1) {
        node[key] = value;
      } else {
        if (node[key] === undefined) node[key] = typeof path[i + 1] === 'number' ? [] : {};
        node = node[key];
      }
    });
  }

  function valueOf(field) {
    const type = field.dataset.type;
    if (field.type === 'checkbox' && type !== 'array') return field.checked;
    const raw = field.value;
    if (raw === '' && type !== 'string') return undefined;
    switch (type) {
      case 'number': return Number.isNaN(Number(raw)) ? raw : Number(raw);
      case 'boolean': return raw === 'true';
      case 'json': try { return JSON.parse(raw); } catch (e) { return raw; }
      case 'lines': return raw.split('\n').map((line) => line.trim()).filter((line) => line);
      case 'datetime': return new Date(raw).toISOString();
      default: return raw;
    }
  }

  // The fields of a form as the JSON body the API expects: names may be paths ("risks[0].measures"),
  // data-type says how to read a value, several checked boxes with data-type="array" make a list.
  function bodyOf(form) {
    const body = {};
    for (const field of form.elements) {
      if (!field.name || field.disabled || field.type === 'submit' || field.type === 'file' || field.name === '_csrf') continue;
      if (field.type === 'radio' && !field.checked) continue;
      const path = pathOf(field.name);
      if (field.type === 'checkbox' && field.dataset.type === 'array') {
        let list = path.reduce((node, key) => (node ? node[key] : undefined), body);
        if (!Array.isArray(list)) { list = []; put(body, path, list); }
        if (field.checked) list.push(field.value);
        continue;
      }
      if (field.multiple) {
        put(body, path, Array.from(field.selectedOptions).map((option) => option.value));
        continue;
      }
      const value = valueOf(field);
      if (value !== undefined) put(body, path, value);
    }
    return body;
  }

  function clearProblems(form) {
    form.querySelectorAll('.is-invalid').forEach((field) => {
      field.classList.remove('is-invalid');
      field.removeAttribute('aria-invalid');
    });
    form.querySelectorAll('[data-problem]').forEach((node) => node.remove());
  }

  function fieldFor(form, name) {
    if (!name) return null;
    const escaped = CSS.escape(name);
    return form.querySelector(`[name="${escaped}"]`) || form.querySelector(`[data-field="${escaped}"]`)
      || form.querySelector(`[name^="${escaped}["], [name^="${escaped}."]`);
  }

  // Server problems shown where the person is looking: next to each named field, the rest on top of the form.
  // What was typed stays in the form: the page is not reloaded.
  function showProblems(form, problem) {
    const general = document.createElement('div');
    general.className = 'alert alert-danger';
    general.setAttribute('role', 'alert');
    general.dataset.problem = '';
    const title = document.createElement('p');
    title.className = 'mb-1';
    title.textContent = problem.detail || text.failed;
    general.appendChild(title);
    let first = null;
    (problem.errors || []).forEach((error) => {
      const field = fieldFor(form, error.field);
      if (field) {
        field.classList.add('is-invalid');
        field.setAttribute('aria-invalid', 'true');
        const feedback = document.createElement('div');
        feedback.className = 'invalid-feedback d-block';
        feedback.dataset.problem = '';
        feedback.id = `problem-${Math.random().toString(36).slice(2)}`;
        feedback.textContent = error.message;
        field.setAttribute('aria-describedby', feedback.id);
        (field.closest('[data-field-wrapper]') || field).insertAdjacentElement('afterend', feedback);
        first = first || field;
      } else {
        const line = document.createElement('p');
        line.className = 'mb-0 small';
        line.textContent = error.message;
        general.appendChild(line);
      }
    });
    form.prepend(general);
    (first || general).focus?.();
    if (!first) general.scrollIntoView({ block: 'center' });
  }

  function fill(template, data) {
    return template.replace(/\{([\w.]+)\}/g, (all, key) => {
      const value = key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), data);
      return value == null ? '' : encodeURIComponent(String(value)).replace(/%2F/g, '/');
    });
  }

  // <form data-api action="/api/..." [data-method="PUT"] [data-success="reload" | "/app/cases/{number}"]
  //       [data-success-message="回执号：{receiptNumber}"]>: sends the form to the API as JSON (multipart when it
  // has a file), shows the problem next to the fields, and on success follows data-success or shows the message.
  document.addEventListener('submit', async (event) => {
    const form = event.target.closest('form[data-api]');
    if (!form) return;
    event.preventDefault();
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
    clearProblems(form);
    const submit = form.querySelector('[type="submit"]');
    if (submit) submit.disabled = true;
    const hasFile = form.querySelector('input[type="file"]');
    const headers = Object.assign({ Accept: 'application/json, application/problem+json' }, csrf());
    let body;
    if (hasFile) {
      body = new FormData(form);
      body.delete('_csrf');
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(bodyOf(form));
    }
    try {
      const response = await fetch(form.action, { method: form.dataset.method || 'POST', headers, body, credentials: 'same-origin' });
      const type = response.headers.get('Content-Type') || '';
      const data = type.includes('json') ? await response.json() : {};
      if (response.status === 401) {
        showProblems(form, { detail: text.signIn });
      } else if (!response.ok) {
        showProblems(form, data);
      } else {
        form.dispatchEvent(new CustomEvent('api:success', { bubbles: true, detail: data }));
        const next = form.dataset.success;
        if (next === 'reload') {
          window.location.reload();
        } else if (next) {
          window.location.assign(fill(next, data));
        } else {
          const notice = document.createElement('div');
          notice.className = 'alert alert-success';
          notice.setAttribute('role', 'status');
          notice.dataset.problem = '';
          notice.textContent = form.dataset.successMessage
            ? form.dataset.successMessage.replace(/\{([\w.]+)\}/g, (all, key) => String(key.split('.').reduce((n, p) => (n == null ? '' : n[p]), data) ?? ''))
            : text.saved;
          form.prepend(notice);
          notice.focus?.();
        }
      }
    } catch (e) {
      showProblems(form, { detail: text.network });
    } finally {
      if (submit) submit.disabled = false;
    }
  });

  // dynamic lists (risk points, participants...): a <template data-row-template="name"> and a button
  // data-add-row="name" add a row whose field names carry the next index ("__index__" in the template)
  document.addEventListener('click', (event) => {
    const add = event.target.closest('[data-add-row]');
    if (add) {
      const template = document.querySelector(`template[data-row-template="${CSS.escape(add.dataset.addRow)}"]`);
      const container = document.querySelector(`[data-rows="${CSS.escape(add.dataset.addRow)}"]`);
      const index = container.querySelectorAll('[data-row]').length;
      const row = template.content.firstElementChild.cloneNode(true);
      row.querySelectorAll('[name], [id], [for]').forEach((node) => {
        ['name', 'id', 'for'].forEach((attribute) => {
          if (node.hasAttribute(attribute)) node.setAttribute(attribute, node.getAttribute(attribute).replace(/__index__/g, index));
        });
      });
      container.appendChild(row);
      row.querySelector('input, textarea, select')?.focus();
      return;
    }
    const remove = event.target.closest('[data-remove-row]');
    if (remove) remove.closest('[data-row]').remove();
  });
})();
