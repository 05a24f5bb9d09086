// The case's process diagram: the deployed model drawn by the bpmn-js viewer, the steps taken marked "taken" and the
// step the case is in now marked "current" (a running sub-process shows as its call activity).
(function () {
  'use strict';
  const container = document.getElementById('diagram');
  if (!container || typeof window.BpmnJS !== 'function') return;
  const failed = () => { document.getElementById('diagram-error').hidden = false; };
  const get = (url, type) => fetch(url, { credentials: 'same-origin', headers: { Accept: type } })
    .then((response) => { if (!response.ok) throw new Error(String(response.status)); return response; });
  const viewer = new window.BpmnJS({ container });
  Promise.all([get(container.dataset.model, 'application/xml').then((r) => r.text()),
    get(container.dataset.path, 'application/json').then((r) => r.json())])
    .then(([xml, path]) => viewer.importXML(xml).then(() => {
      const canvas = viewer.get('canvas');
      const registry = viewer.get('elementRegistry');
      const mark = (ids, cls) => ids.filter((id) => registry.get(id)).forEach((id) => canvas.addMarker(id, cls));
      mark(path.taken, 'taken');
      mark(path.current, 'current');
      canvas.zoom('fit-viewport');
      container.dataset.ready = 'true';
    }))
    .catch(failed);
})();
