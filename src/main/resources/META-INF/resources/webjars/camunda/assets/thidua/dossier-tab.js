/*
 * Thi đua: the «Hồ sơ» tab in Tasklist's task view (plugin point tasklist.task.detail), loaded via
 * customScripts in app/tasklist/scripts/config.js. Tasklist 7.24 calls render(node, { taskId, api })
 * (api.engineApi, api.CSRFToken). The tab lists the nomination's documents by kind with every
 * version, uploads (kind, file, progress), downloads and shows PDF and images inline. It talks to
 * the application's /api/nominations/{processInstanceId}/… with the Tasklist login session; the
 * server decides who may read and add. Its refusals are RFC 9457 problem details: the tab shows
 * their `detail` (only the engine's own REST API answers Camunda's `message`, and the tab shows none
 * of its errors).
 */

const STYLE_ID = 'thidua-dossier-style';

const CSS = `
.thidua-dossier { padding: 10px 0; }
.thidua-dossier h3 { font-size: 17px; margin: 4px 0 10px; }
.thidua-dossier .dossier-missing { background: #fff4e5; border-left: 4px solid #e08a00; padding: 8px 10px; margin-bottom: 12px; }
.thidua-dossier .dossier-complete { background: #eaf6ec; border-left: 4px solid #2e7d32; padding: 8px 10px; margin-bottom: 12px; }
.thidua-dossier .dossier-kind { border: 1px solid #ddd; border-radius: 4px; margin-bottom: 10px; }
.thidua-dossier .dossier-kind > header { background: #f5f5f5; padding: 6px 10px; font-weight: bold; }
.thidua-dossier .dossier-kind .required { color: #c62828; }
.thidua-dossier .dossier-kind .none { padding: 6px 10px; color: #777; font-style: italic; }
.thidua-dossier .dossier-doc { padding: 6px 10px; border-top: 1px solid #eee; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; }
.thidua-dossier .dossier-doc.old { color: #777; }
.thidua-dossier .dossier-doc .name { font-weight: 600; word-break: break-word; flex: 1 1 220px; }
.thidua-dossier .dossier-doc .meta { font-size: 12px; flex: 1 1 220px; }
.thidua-dossier .dossier-doc .actions { white-space: nowrap; }
.thidua-dossier .dossier-doc .actions a, .thidua-dossier .dossier-doc .actions button { margin-right: 8px; }
.thidua-dossier .dossier-upload { border: 1px solid #cfd8dc; border-radius: 4px; padding: 10px; margin: 12px 0; background: #fafcfd; }
.thidua-dossier .dossier-upload label { display: block; margin: 6px 0 2px; font-weight: 600; }
.thidua-dossier .dossier-upload select { max-width: 100%; width: 100%; }
.thidua-dossier .dossier-upload input[type=file] { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
.thidua-dossier .dossier-upload label.btn { display: inline-block; margin: 0; font-weight: normal; }
.thidua-dossier .dossier-upload .dossier-chosen { margin-left: 8px; word-break: break-word; }
.thidua-dossier .dossier-upload input[type=file]:focus + label { outline: 2px solid #66afe9; }
.thidua-dossier .dossier-upload button { margin-top: 10px; }
.thidua-dossier progress { width: 100%; height: 14px; margin-top: 8px; }
.thidua-dossier .dossier-message { margin-top: 8px; }
.thidua-dossier .dossier-message.error { color: #c62828; }
.thidua-dossier .dossier-message.ok { color: #2e7d32; }
.thidua-dossier .dossier-viewer { margin-top: 12px; border: 1px solid #ccc; }
.thidua-dossier .dossier-viewer header { display: flex; justify-content: space-between; padding: 4px 8px; background: #f5f5f5; }
.thidua-dossier .dossier-viewer iframe { width: 100%; height: 70vh; border: 0; }
.thidua-dossier .dossier-viewer img { max-width: 100%; display: block; margin: 0 auto; }
`;

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([key, value]) => {
    if (key === 'className') {
      node.className = value;
    } else if (key.startsWith('on')) {
      node.addEventListener(key.substring(2), value);
    } else if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(key, value === true ? '' : value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  });
  return node;
}

function size(bytes) {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024);
    return (Number.isInteger(mb) ? String(mb) : mb.toFixed(1).replace('.', ',')) + ' MB';
  }
  return Math.max(1, Math.round(bytes / 1024)) + ' KB';
}

/** "2026-12-01T17:06:26" (the server's local time) as 01/12/2026 17:06. */
function when(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text || '');
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : text;
}

function appBase(api) {
  const engineApi = (api && api.engineApi) || '/camunda/api/engine/engine/default';
  const at = engineApi.indexOf('/camunda/api/');
  return at >= 0 ? engineApi.substring(0, at) : '';
}

async function json(response) {
  try {
    return await response.json();
  } catch (e) {
    return {};
  }
}

function renderDossier(node, state) {
  const { dossier, base, pid } = state;
  const documentsUrl = `${base}/api/nominations/${encodeURIComponent(pid)}/documents`;
  node.innerHTML = '';
  const root = element('div', { className: 'thidua-dossier', 'data-process-instance-id': pid });
  node.appendChild(root);
  root.appendChild(element('h3', {}, 'Hồ sơ đề nghị khen thưởng'));

  const byCode = Object.fromEntries(dossier.kinds.map((k) => [k.code, k]));
  if (dossier.missing.length) {
    root.appendChild(element('div', { className: 'dossier-missing', role: 'status' },
      'Còn thiếu tài liệu bắt buộc: ' + dossier.missing.map((c) => '«' + (byCode[c] ? byCode[c].label : c) + '»').join(', ')
      + '. Hồ sơ chưa gửi được lên Ban Thường vụ.'));
  } else {
    root.appendChild(element('div', { className: 'dossier-complete', role: 'status' },
      'Đã có đủ các tài liệu bắt buộc.'));
  }

  const viewer = element('div', { className: 'dossier-viewer', hidden: true });

  function show(doc) {
    const url = `${documentsUrl}/${doc.id}?inline=true`;
    viewer.innerHTML = '';
    viewer.hidden = false;
    viewer.appendChild(element('header', {},
      element('span', {}, doc.fileName),
      element('button', { type: 'button', className: 'btn btn-default btn-xs', onclick: () => { viewer.hidden = true; viewer.innerHTML = ''; } }, 'Đóng')));
    viewer.appendChild(doc.mediaType === 'application/pdf'
      ? element('iframe', { src: url, title: doc.fileName })
      : element('img', { src: url, alt: doc.fileName }));
    viewer.scrollIntoView({ block: 'nearest' });
  }

  dossier.kinds.forEach((kind) => {
    const docs = dossier.documents.filter((d) => d.kind === kind.code);
    const box = element('section', { className: 'dossier-kind', 'data-kind': kind.code },
      element('header', {}, kind.label, kind.required ? element('span', { className: 'required', title: 'bắt buộc' }, ' *') : null));
    if (!docs.length) {
      box.appendChild(element('div', { className: 'none' }, 'Chưa có tài liệu.'));
    }
    docs.forEach((doc) => {
      const viewable = doc.mediaType === 'application/pdf' || doc.mediaType.startsWith('image/');
      box.appendChild(element('div', { className: 'dossier-doc' + (doc.current ? '' : ' old'), 'data-document-id': doc.id },
        element('span', { className: 'name' }, doc.fileName),
        element('span', { className: 'meta' },
          `Bản ${doc.version}${doc.current ? '' : ' (bản cũ)'} · ${size(doc.size)} · ${doc.addedBy} · ${when(doc.addedAt)}`),
        element('span', { className: 'actions' },
          viewable ? element('button', { type: 'button', className: 'btn btn-link btn-xs dossier-view', onclick: () => show(doc) }, 'Xem') : null,
          element('a', { href: `${documentsUrl}/${doc.id}`, download: doc.fileName, className: 'dossier-download' }, 'Tải về'))));
    });
    root.appendChild(box);
  });

  const addable = dossier.kinds.filter((k) => k.mayAdd);
  if (addable.length) {
    const kindSelect = element('select', { id: 'thidua-dossier-kind', className: 'form-control' },
      addable.map((k) => element('option', { value: k.code },
        k.label + (dossier.documents.some((d) => d.kind === k.code) ? ' (thay bằng bản mới)' : ''))));
    const fileInput = element('input', { id: 'thidua-dossier-file', type: 'file', accept: '.pdf,.docx,.xlsx,.odt,.jpg,.jpeg,.png' });
    const chosen = element('span', { className: 'dossier-chosen' }, 'Chưa chọn tệp.');
    fileInput.addEventListener('change', () => {
      chosen.textContent = fileInput.files[0] ? `${fileInput.files[0].name} (${size(fileInput.files[0].size)})` : 'Chưa chọn tệp.';
    });
    const progress = element('progress', { max: 100, value: 0, hidden: true });
    const message = element('div', { className: 'dossier-message', 'aria-live': 'polite' });
    const button = element('button', { type: 'button', className: 'btn btn-primary', id: 'thidua-dossier-upload' }, 'Tải lên');
    button.addEventListener('click', () => {
      const file = fileInput.files[0];
      message.className = 'dossier-message';
      if (!file) {
        message.className = 'dossier-message error';
        message.textContent = 'Chọn một tệp để tải lên.';
        return;
      }
      if (file.size > dossier.maxFileSize) {
        message.className = 'dossier-message error';
        message.textContent = `Tệp «${file.name}» lớn hơn giới hạn ${size(dossier.maxFileSize)} cho mỗi tệp.`;
        return;
      }
      const data = new FormData();
      data.append('kind', kindSelect.value);
      data.append('file', file, file.name);
      const request = new XMLHttpRequest();
      request.open('POST', documentsUrl);
      request.setRequestHeader('X-XSRF-TOKEN', state.csrfToken || '');
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) {
          progress.value = Math.round((event.loaded / event.total) * 100);
        }
      });
      request.addEventListener('load', () => {
        button.disabled = false;
        let body = {};
        try { body = JSON.parse(request.responseText); } catch (e) { body = {}; }
        if (request.status === 201) {
          state.flash = `Đã tải lên «${body.fileName}» (bản ${body.version}).`;
          load(node, state);
        } else {
          progress.hidden = true;
          message.className = 'dossier-message error';
          message.textContent = body.detail || `Không tải lên được (mã ${request.status}).`;
        }
      });
      request.addEventListener('error', () => {
        button.disabled = false;
        progress.hidden = true;
        message.className = 'dossier-message error';
        message.textContent = 'Mất kết nối khi tải lên; chưa lưu gì, vui lòng thử lại.';
      });
      button.disabled = true;
      progress.value = 0;
      progress.hidden = false;
      message.textContent = `Đang tải lên «${file.name}»…`;
      request.send(data);
    });
    if (state.flash) {
      message.className = 'dossier-message ok';
      message.textContent = state.flash;
      state.flash = null;
    }
    root.appendChild(element('div', { className: 'dossier-upload' },
      element('strong', {}, 'Thêm hoặc thay tài liệu'),
      element('label', { for: 'thidua-dossier-kind' }, 'Loại tài liệu'), kindSelect,
      element('label', {}, 'Tệp (PDF, DOCX, XLSX, ODT, JPEG, PNG; tối đa ' + size(dossier.maxFileSize) + ')'),
      element('div', {}, fileInput, element('label', { for: 'thidua-dossier-file', className: 'btn btn-default' }, 'Chọn tệp…'), chosen),
      button, progress, message));
  }
  root.appendChild(viewer);
}

async function load(node, state) {
  const response = await fetch(`${state.base}/api/nominations/${encodeURIComponent(state.pid)}/dossier`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const body = await json(response);
    node.innerHTML = '';
    node.appendChild(element('div', { className: 'thidua-dossier' },
      element('p', {}, body.detail || 'Không mở được hồ sơ.')));
    return;
  }
  state.dossier = await response.json();
  renderDossier(node, state);
}

export default {
  id: 'thidua-dossier',
  pluginPoint: 'tasklist.task.detail',
  priority: 5,
  label: 'Hồ sơ',
  properties: { label: 'Hồ sơ' },
  render: (node, { taskId, api }) => {
    if (!document.getElementById(STYLE_ID)) {
      document.head.appendChild(element('style', { id: STYLE_ID }, CSS));
    }
    node.innerHTML = '';
    node.appendChild(element('div', { className: 'thidua-dossier' }, element('p', {}, 'Đang tải hồ sơ…')));
    const engineApi = (api && api.engineApi) || '/camunda/api/engine/engine/default';
    fetch(`${engineApi}/task/${encodeURIComponent(taskId)}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response)))
      .then((task) => {
        if (!task.processInstanceId) {
          return Promise.reject(new Error('no process'));
        }
        // the city's review of a ward's recommendation (issue 19) shows the nomination's dossier
        return fetch(`${engineApi}/task/${encodeURIComponent(taskId)}/variables/nominationId`,
          { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then((response) => (response.ok ? response.json() : null))
          .catch(() => null)
          .then((variable) => load(node, {
            base: appBase(api),
            pid: (variable && typeof variable.value === 'string') ? variable.value : task.processInstanceId,
            csrfToken: api && api.CSRFToken
          }));
      })
      .catch(() => {
        node.innerHTML = '';
        node.appendChild(element('div', { className: 'thidua-dossier' },
          element('p', {}, 'Công việc này không có hồ sơ đề nghị khen thưởng.')));
      });
  }
};
