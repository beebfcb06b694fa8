// The audit page: a thin client of /api/audit. The browser's login (HTTP Basic or the Camunda
// webapp session) carries over to the API calls, which are all same-origin GETs.
(function () {
  'use strict';

  // Absolute, from the origin: a page opened as http://user:pw@host/audit cannot fetch URLs relative to it.
  const API = location.origin + '/api/audit/offboardings';
  const PAGE_SIZE = 25;
  const DATE_FIELDS = ['startedFrom', 'startedTo', 'endedFrom', 'endedTo'];
  const $ = (id) => document.getElementById(id);
  let page = 0;
  let hiddenTypes = new Set(['STEP_ENTERED', 'VARIABLE']);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v !== undefined && v !== null) node.setAttribute(k, v);
    });
    children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
    return node;
  }

  function time(value) {
    if (!value) return '';
    return new Date(value).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace('Z', ' UTC');
  }

  function duration(ms) {
    if (ms === undefined || ms === null) return '';
    if (ms < 1000) return ms + ' ms';
    const s = Math.round(ms / 1000);
    if (s < 120) return s + ' s';
    const m = Math.round(s / 60);
    if (m < 120) return m + ' min';
    const h = Math.round(m / 60);
    return h < 48 ? h + ' h' : Math.round(h / 24) + ' d';
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.detail || response.status + ' ' + response.statusText);
    return body;
  }

  // --- search ------------------------------------------------------------------------------------

  function query() {
    const params = new URLSearchParams();
    new FormData($('filters')).forEach((value, name) => {
      if (!value) return;
      params.set(name, DATE_FIELDS.includes(name) ? new Date(value + 'Z').toISOString() : value);
    });
    return params;
  }

  async function search() {
    const params = query();
    $('csv').href = API + '/export.csv?' + params;
    params.set('page', page);
    params.set('size', PAGE_SIZE);
    $('search-error').hidden = true;
    try {
      const result = await getJson(API + '?' + params);
      const rows = $('rows');
      rows.replaceChildren(...result.content.map((o) => {
        const row = el('tr', {},
          el('td', { class: 'mono' }, o.id.substring(0, 8) + '…'),
          el('td', {}, o.resellerId),
          el('td', { class: 'mono' }, o.payerAccountId),
          el('td', {}, el('span', { class: 'status ' + o.status }, o.status)),
          el('td', {}, o.stage),
          el('td', {}, time(o.createdAt)),
          el('td', {}, time(o.endedAt)));
        row.addEventListener('click', () => { location.hash = '#/offboardings/' + o.id; });
        return row;
      }));
      if (!result.content.length) rows.append(el('tr', {}, el('td', { colspan: 7 }, 'No offboarding matches.')));
      $('page-info').textContent = result.totalElements + ' offboardings · page ' + (result.page + 1) + ' of '
        + Math.max(1, result.totalPages);
      $('prev').disabled = result.page === 0;
      $('next').disabled = result.page + 1 >= result.totalPages;
    } catch (e) {
      $('search-error').textContent = e.message;
      $('search-error').hidden = false;
    }
  }

  // --- one offboarding ---------------------------------------------------------------------------

  async function show(id) {
    const [trail, svg] = await Promise.all([
      getJson(API + '/' + id + '/trail'),
      fetch(API + '/' + id + '/diagram.svg').then((r) => (r.ok ? r.text() : '<p>No diagram: the process history is not available.</p>')),
    ]);
    const o = trail.offboarding;
    $('title').replaceChildren('Offboarding of payer ', el('span', { class: 'mono' }, o.payerAccountId), ' ',
      el('span', { class: 'status ' + o.status }, o.status));
    const facts = [['Offboarding', o.id], ['Reseller', o.resellerId], ['Requested by', o.requestedBy],
      ['Stage', o.stage], ['Started', time(o.createdAt)], ['Ended', time(o.endedAt)],
      ['New party', (o.newPartyName || '') + ' (' + (o.newPartyKind || '') + ')'], ['Process instance', trail.processInstanceId],
      ['Reason', o.reason], ['Outcome', o.statusReason || '']];
    $('facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v || '—')]));
    $('bundle').href = API + '/' + id + '/evidence';
    $('trail-json').href = API + '/' + id + '/trail';
    $('diagram').innerHTML = svg; // our own server's SVG, its texts escaped there
    renderSteps(trail.steps);
    renderTimeline(trail.entries);
    $('diagram').querySelectorAll('g.node').forEach((node) => node.addEventListener('click', () => {
      const first = document.querySelector('#timeline li[data-activity="' + node.dataset.elementId + '"]');
      if (first) first.scrollIntoView({ behavior: 'smooth', block: 'center' });
    }));
  }

  function renderSteps(steps) {
    const shown = steps.filter((s) => !['sequenceFlow', 'multiInstanceBody'].includes(s.activityType));
    $('steps').replaceChildren(...shown.map((s, i) => {
      const people = [];
      if (s.candidateGroups && s.candidateGroups.length) people.push('candidates: ' + s.candidateGroups.join(', '));
      if (s.claimedBy) people.push('claimed: ' + s.claimedBy);
      if (s.completedBy) people.push('completed: ' + s.completedBy);
      const row = el('tr', { 'data-activity': s.activityId },
        el('td', {}, String(i + 1)),
        el('td', {}, s.activityName || s.activityId, el('div', { class: 'kind' }, s.activityType + (s.canceled ? ' · cancelled' : ''))),
        el('td', {}, time(s.startedAt)), el('td', {}, s.endedAt ? time(s.endedAt) : 'still here'),
        el('td', {}, duration(s.durationMillis)), el('td', {}, people.join(' · ')));
      hover(row, s.activityId);
      return row;
    }));
  }

  function renderTimeline(entries) {
    const types = [...new Set(entries.map((e) => e.type))];
    $('type-filters').replaceChildren(...types.map((type) => {
      const box = el('input', { type: 'checkbox' });
      box.checked = !hiddenTypes.has(type);
      const label = el('label', { class: box.checked ? '' : 'off' }, box, type.replaceAll('_', ' ').toLowerCase());
      box.addEventListener('change', () => {
        if (box.checked) hiddenTypes.delete(type); else hiddenTypes.add(type);
        renderTimeline(entries);
      });
      return label;
    }));
    $('timeline').replaceChildren(...entries.filter((e) => !hiddenTypes.has(e.type)).map((e) => {
      const item = el('li', { class: 't-' + e.type, 'data-activity': e.activityId },
        el('div', {}, el('span', { class: 'when' }, '#' + e.sequence + ' · ' + time(e.at)),
          el('span', { class: 'type' }, e.type), e.actor ? el('span', { class: 'actor' }, '👤 ' + e.actor) : ''),
        el('div', { class: 'what' }, e.summary));
      if (e.details && Object.keys(e.details).length) {
        item.append(el('details', {}, el('summary', {}, 'details'), el('pre', {}, JSON.stringify(e.details, null, 2))));
      }
      if (e.activityId) hover(item, e.activityId);
      return item;
    }));
  }

  function hover(node, activityId) {
    const target = () => $('diagram').querySelector('g[data-element-id="' + activityId + '"]');
    node.addEventListener('mouseenter', () => target()?.classList.add('focus'));
    node.addEventListener('mouseleave', () => target()?.classList.remove('focus'));
  }

  // --- routing -----------------------------------------------------------------------------------

  async function route() {
    const match = location.hash.match(/^#\/offboardings\/([0-9a-f-]{36})$/);
    $('search-view').hidden = !!match;
    $('detail-view').hidden = !match;
    if (match) {
      try {
        await show(match[1]);
      } catch (e) {
        $('title').textContent = e.message;
      }
    } else {
      await search();
    }
  }

  $('filters').addEventListener('submit', (event) => { event.preventDefault(); page = 0; search(); });
  $('filters').addEventListener('reset', () => setTimeout(() => { page = 0; search(); }));
  $('prev').addEventListener('click', () => { page = Math.max(0, page - 1); search(); });
  $('next').addEventListener('click', () => { page += 1; search(); });
  window.addEventListener('hashchange', route);
  route();
}());
