// ALF Monitor dashboard: signs in with Keycloak through signin.js (authorization code with PKCE), draws the reporting
// endpoints with ECharts and refreshes when the server-sent event stream says a read model changed.
// Texts from the data reach the page only through textContent or ECharts' canvas and rich-text tooltips, never as HTML:
// unit names are typed by people, and a name like <img onerror=...> must show as text and run nothing.
(function () {
  'use strict';

  const ORG_UNITS = ['SE', 'ALF', '01', '03', '05', '12', '14', '18', '24'];
  const ORG_NAMES = { SE: 'Riket', ALF: 'ALF-regionerna', '01': 'Stockholm', '03': 'Uppsala', '05': 'Östergötland',
    '12': 'Skåne', '14': 'Västra Götaland', '18': 'Örebro', '24': 'Västerbotten' };
  // orange (low) to purple-blue (high), ColorBrewer's PuOr: told apart with red-green colour blindness too; every
  // cell also shows its share as text
  const SHARE_COLORS = ['#b35806', '#f1a340', '#fee0b6', '#d8daeb', '#998ec3', '#542788'];
  const OUTCOMES = { MET: ['Uppfylld', 'Met'], NOT_MET: ['Inte uppfylld', 'Not met'],
    NOT_APPLICABLE: ['Inte tillämplig (räknas som uppfylld)', 'Not applicable (counts as met)'],
    PENDING_REVIEW: ['Väntar på bedömning', 'Awaiting review'] };
  // the roles that may see units, everywhere; a reporter only those of its own region (the server decides anyway)
  const UNIT_ROLES = ['assessor', 'monitor', 'admin'];

  let session;
  let roles = [];
  let ownRegion = null;
  let streamAbort = null;
  const charts = {};
  const pending = {};

  const $ = (id) => document.getElementById(id);

  // "svenska / English": the English part in a span marked lang="en", so that a screen reader speaks it as English
  function bilingual(element, text) {
    const at = (text || '').indexOf(' / ');
    if (at < 0) {
      element.textContent = text || '';
    } else {
      element.replaceChildren(document.createTextNode(text.slice(0, at) + ' '),
        Object.assign(document.createElement('span'), { lang: 'en', className: 'en', textContent: text.slice(at + 3) }));
    }
    return element;
  }

  function say(text, isError) {
    bilingual($('message'), text);
    $('message').className = isError ? 'error' : '';
  }

  // ---- sign-in: signin.js (authorization code with PKCE); the campaign typed before sign-in comes back ----

  function showUser(name, claims) {
    roles = ((claims || {}).realm_access || {}).roles || [];
    ownRegion = (claims || {}).region_code || null;
    $('drill-hint').hidden = !roles.some((r) => UNIT_ROLES.includes(r) || r === 'reporter');
    $('user').textContent = name;
    $('signin').hidden = true;
    $('signout').hidden = false;
  }

  function signedOut() {
    if (streamAbort) {
      streamAbort.abort();
    }
    roles = [];
    ownRegion = null;
    $('user').textContent = '';
    $('remediation').hidden = true;
    $('cell-units').hidden = true;
    $('drill-hint').hidden = true;
    $('signin').hidden = false;
    $('signout').hidden = true;
    setLive(false);
  }

  // ---- data ----

  async function api(path, accept) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + session.token(), Accept: accept || 'application/json' } });
    if (response.status === 401) {
      session.signedOut();
      throw new Error('Logga in för att se data / Sign in to see the data');
    }
    if (response.status === 403) {
      throw Object.assign(new Error('Din roll får inte se detta / Your role may not see this'), { status: 403 });
    }
    if (!response.ok) {
      throw new Error('Fel ' + response.status + ' från ' + path);
    }
    return accept === 'text/csv' ? response.blob() : response.json();
  }

  function campaign() {
    return encodeURIComponent($('campaign').value);
  }

  /** Whether this sign-in may list the units behind a region's cells; the server checks again. */
  function maySeeUnits(region) {
    return roles.some((r) => UNIT_ROLES.includes(r)) || (roles.includes('reporter') && ownRegion === region);
  }

  // ---- what to show: the campaigns and indicators the APIs serve, never typed ----

  function fill(select, options, keep, none) {
    const chosen = keep !== undefined && options.some(([value]) => value === keep) ? keep
      : (options[0] || [''])[0];
    select.replaceChildren(...(options.length ? options : [['', none]]).map(([value, text]) =>
      el('option', text, { value })));
    select.value = chosen;
  }

  async function loadLists(keep) {
    const [campaigns, indicators] = await Promise.all([api('/api/compliance/campaigns'), api('/api/indicators')]);
    fill($('campaign'), campaigns.map((c) => [c.campaignId, c.campaignId + ' (' + c.respondingUnits + ' enheter)']),
      keep.campaign || $('campaign').value, 'Ingen omgång med bedömningar');
    fill($('indicator'), indicators.map((i) => [i.code, i.code + ' (' + i.firstPeriod
      + (i.latestPeriod === i.firstPeriod ? '' : '–' + i.latestPeriod) + ')']),
    keep.indicator || $('indicator').value, 'Inga indikatorvärden');
  }

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init($(id));
    }
    return charts[id];
  }

  // an element with text (never parsed as HTML) and attributes
  function el(tag, text, attributes) {
    const element = document.createElement(tag);
    element.textContent = text === null || text === undefined ? '' : String(text);
    Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
    return element;
  }

  const DECIMAL = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  // a share cell as the published report writes it (one decimal, Swedish comma); the raw value in data-value
  function shareCell(value, attributes) {
    const missing = value === null || value === undefined;
    return el('td', missing ? '–' : DECIMAL.format(value),
      Object.assign({ class: 'number', 'data-value': missing ? '' : String(value) }, attributes));
  }

  // a figure the small-group rule hides from this sign-in: ".." as official statistics write it, with the reason
  const SUPPRESSED_TEXT = 'Undertryckt: färre än 3 svarande enheter / Suppressed: fewer than 3 responding units';
  function suppressedCell(attributes) {
    const cell = el('td', '..', Object.assign({ class: 'number suppressed', 'data-value': '', 'data-suppressed': 'true',
      title: SUPPRESSED_TEXT }, attributes));
    cell.append(bilingual(el('span', null, { class: 'visually-hidden' }), ' ' + SUPPRESSED_TEXT));
    return cell;
  }

  function hidden(data, code) {
    const suppression = data.suppression || { regions: [], national: false };
    return code === 'SE' ? suppression.national : suppression.regions.includes(code);
  }

  // a cell of a region (or 'SE') that shows the suppressed mark when the small-group rule hides that column
  function figure(data, format) {
    return (value, attributes) => (hidden(data, attributes['data-region']) ? suppressedCell(attributes)
      : format(value, attributes));
  }

  function truncate(text, length) {
    return text && text.length > length ? text.slice(0, length - 1) + '…' : (text || '');
  }

  async function drawCompliance() {
    const data = await api('/api/compliance?campaignId=' + campaign());
    const regions = data.regions.map((r) => r.name + ' (' + r.respondingUnits + ')');
    const levels = data.levels.map((l) => l.number + '. ' + truncate(l.labelSv, 38));
    const cells = [];
    data.levels.forEach((level, y) => {
      data.regions.forEach((region, x) => {
        const share = level.shares[region.code];
        const value = hidden(data, region.code) ? '..' : share === null || share === undefined ? '-' : share;
        // dark ends of the scale take white text
        const dark = typeof value === 'number' && (value < 20 || value > 75);
        cells.push({ value: [x, y, value], label: { color: dark ? '#fff' : '#1d2733' } });
      });
    });
    chart('heatmap').setOption({
      tooltip: {
        renderMode: 'richText',
        formatter: (p) => {
          const level = data.levels[p.value[1]];
          return 'Nivå ' + level.number + ': ' + level.labelSv + '\n' + data.regions[p.value[0]].name + ': '
            + (p.value[2] === '-' ? 'inga svarande enheter' : p.value[2] === '..' ? SUPPRESSED_TEXT
              : DECIMAL.format(p.value[2]) + ' %') + '\nRiket: '
            + (hidden(data, 'SE') ? '..' : level.nationalShare === null ? '–' : DECIMAL.format(level.nationalShare) + ' %');
        }
      },
      grid: { left: 260, right: 20, top: 10, bottom: 100 },
      xAxis: { type: 'category', data: regions, splitArea: { show: true }, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'category', data: levels, inverse: true, axisLabel: { fontSize: 11 } },
      visualMap: { min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: SHARE_COLORS }, text: ['100 %', '0 %'] },
      series: [{ name: 'Andel uppfyllda', type: 'heatmap', data: cells, label: { show: true, fontSize: 10,
        formatter: (p) => (p.value[2] === '-' ? '–' : p.value[2] === '..' ? '..' : DECIMAL.format(p.value[2])) } }]
    }, true);
    chart('heatmap').off('click');
    chart('heatmap').on('click', (p) => {
      if (p.componentType !== 'series' || !Array.isArray(p.value)) {
        return;
      }
      const region = data.regions[p.value[0]];
      if (maySeeUnits(region.code) && region.respondingUnits > 0) {
        showCell(data.levels[p.value[1]].number, region.code);
      }
    });

    chart('regions').setOption({
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: data.regions.map((r) => r.name), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', min: 0, max: 100, name: '%' },
      series: [
        { name: 'Medelvärde av nivåernas andelar', type: 'bar', data: data.regions.map((r) => r.averageShare),
          markLine: data.nationalAverage === null ? undefined
            : { data: [{ yAxis: data.nationalAverage, name: 'Riket' }], label: { formatter: 'Riket {c} %' } } },
        { name: 'Enheter som uppfyller alla nivåer',
          type: 'bar', data: data.regions.map((r) => data.unitsMeetingAll.byRegion[r.code].share) }
      ]
    }, true);
    const regionCell = figure(data, shareCell);
    $('regions-table').tBodies[0].replaceChildren(...data.regions.map((r) => {
      const row = el('tr', null, { 'data-region': r.code });
      row.append(el('th', r.name, { scope: 'row' }), regionCell(r.averageShare, { 'data-region': r.code }),
        regionCell(data.unitsMeetingAll.byRegion[r.code].share, { 'data-region': r.code }));
      return row;
    }), (() => {
      const row = el('tr', null, { 'data-region': 'SE' });
      row.append(el('th', 'Riket', { scope: 'row' }), regionCell(data.nationalAverage, { 'data-region': 'SE' }),
        regionCell(data.unitsMeetingAll.share, { 'data-region': 'SE' }));
      return row;
    })());
    complianceTable(data);
  }

  // the heat map's figures as a table: readable by screen readers, copyable, and what the browser test checks
  function complianceTable(data) {
    const table = $('compliance-table');
    const head = el('tr');
    head.append(el('th', 'Nivå', { scope: 'col' }));
    data.regions.forEach((r) => head.append(el('th', r.name, { scope: 'col', 'data-region': r.code })));
    head.append(el('th', 'Riket', { scope: 'col', 'data-region': 'SE' }));
    table.tHead.replaceChildren(head);

    table.tBodies[0].replaceChildren(...data.levels.map((level) => {
      const row = el('tr', null, { 'data-level': level.number });
      row.append(el('th', level.number + '. ' + level.labelSv, { scope: 'row' }));
      const cell = figure(data, shareCell);
      data.regions.forEach((r) => {
        const td = cell(level.shares[r.code], { 'data-region': r.code });
        if (maySeeUnits(r.code) && r.respondingUnits > 0 && !hidden(data, r.code)) {
          // a button: focusable, and Enter or Space opens it, as a click on the heat map's cell does
          const button = el('button', td.textContent, { type: 'button', class: 'cell-link',
            'aria-label': td.textContent + ' %, nivå ' + level.number + ', ' + r.name + ': visa enheterna' });
          button.addEventListener('click', () => showCell(level.number, r.code));
          td.replaceChildren(button);
        }
        row.append(td);
      });
      row.append(cell(level.nationalShare, { 'data-region': 'SE' }));
      return row;
    }));

    const summary = (name, label, perRegion, national, format) => {
      const row = el('tr', null, { 'data-row': name });
      row.append(bilingual(el('th', null, { scope: 'row' }), label));
      data.regions.forEach((r) => row.append(format(perRegion(r), { 'data-region': r.code })));
      row.append(format(national, { 'data-region': 'SE' }));
      return row;
    };
    const count = (value, attributes) => el('td', value, Object.assign({ class: 'number', 'data-value': value },
      attributes));
    table.tFoot.replaceChildren(
      summary('average', 'Medelvärde % / Average', (r) => r.averageShare, data.nationalAverage,
        figure(data, shareCell)),
      summary('responding', 'Svarande enheter / Responding units', (r) => r.respondingUnits,
        data.regions.reduce((sum, r) => sum + r.respondingUnits, 0), count),
      summary('all-met-count', 'Uppfyller alla nivåer, antal / Meeting all levels',
        (r) => data.unitsMeetingAll.byRegion[r.code].count, data.unitsMeetingAll.count, figure(data, count)),
      summary('all-met-share', 'Uppfyller alla nivåer, andel % / Meeting all levels, %',
        (r) => data.unitsMeetingAll.byRegion[r.code].share, data.unitsMeetingAll.share, figure(data, shareCell)));
  }

  // the units behind one cell of the matrix, for the roles that may see units; the server refuses everyone else
  async function showCell(level, region) {
    const data = await api('/api/compliance/cell?campaignId=' + campaign() + '&level=' + level + '&regionCode='
      + encodeURIComponent(region)).catch((e) => {
      say(e.message, true);
      return null;
    });
    if (!data) {
      return;
    }
    $('cell-units-summary').replaceChildren(el('span', 'Nivå ' + data.level + ' (' + data.labelSv + '), '
      + data.regionName + ': ' + data.fulfilled + ' av ' + data.responding + ' svarande enheter uppfyller nivån. '),
    el('span', data.fulfilled + ' of ' + data.responding + ' responding units meet the level.',
      { lang: 'en', class: 'en' }));
    $('cell-units').dataset.level = data.level;
    $('cell-units').dataset.region = data.regionCode;
    $('cell-units-table').tBodies[0].replaceChildren(...data.units.map((unit) => {
      const row = el('tr', null, { 'data-unit': unit.unitId, 'data-outcome': unit.outcome || '' });
      row.append(el('td', unit.unitName || unit.unitId, { title: unit.unitId }));
      const outcome = OUTCOMES[unit.outcome] || [unit.outcome || 'Ingen bedömning', 'No outcome'];
      const td = el('td', outcome[0] + ' ');
      td.append(el('span', outcome[1], { lang: 'en', class: 'en' }));
      row.append(td);
      return row;
    }));
    $('cell-units').hidden = false;
    $('cell-units-title').focus();
  }

  // units with unmet levels, for the roles that may see units (reporter of its region, assessor, monitor, admin);
  // a viewer's 403 hides the section
  async function drawRemediation() {
    let data;
    try {
      data = await api('/api/remediation/units?campaignId=' + campaign());
    } catch (e) {
      if (e.status === 403) {
        $('remediation').hidden = true;
        return;
      }
      throw e;
    }
    const units = new Map();
    data.items.forEach((item) => {
      if (!units.has(item.unitId)) {
        units.set(item.unitId, { id: item.unitId, name: item.unitName, region: item.regionCode, notMet: [],
          pending: [] });
      }
      units.get(item.unitId)[item.outcome === 'PENDING_REVIEW' ? 'pending' : 'notMet'].push(item.level);
    });
    $('remediation-table').tBodies[0].replaceChildren(...[...units.values()].map((unit) => {
      const row = el('tr', null, { 'data-unit': unit.id });
      row.append(el('td', ORG_NAMES[unit.region] || unit.region));
      row.append(el('td', unit.name || unit.id, { title: unit.id }));
      row.append(el('td', unit.notMet.join(', '), { 'data-outcome': 'NOT_MET' }));
      row.append(el('td', unit.pending.join(', '), { 'data-outcome': 'PENDING_REVIEW' }));
      return row;
    }));
    $('remediation').hidden = false;
  }

  async function drawCompleteness() {
    const data = await api('/api/completeness?campaignId=' + campaign());
    chart('completeness').setOption({
      tooltip: {
        renderMode: 'richText',
        formatter: (p) => {
          const r = data.regions[p.dataIndex];
          return r.name + ': ' + r.submitted + ' av ' + r.expected + ' aktiva enheter har svarat, ' + r.missing
            + ' saknas';
        }
      },
      grid: { left: 110, right: 40, top: 10, bottom: 30 },
      xAxis: { type: 'value', min: 0, max: 100, name: '%' },
      yAxis: { type: 'category', data: data.regions.map((r) => r.name), inverse: true },
      series: [{ type: 'bar', data: data.regions.map((r) => r.share), showBackground: true,
        label: { show: true, position: 'right', formatter: (p) => {
          const r = data.regions[p.dataIndex];
          return r.submitted + '/' + r.expected;
        } } }]
    }, true);
    const count = (value) => el('td', value, { class: 'number', 'data-value': value });
    $('completeness-table').tBodies[0].replaceChildren(...data.regions.map((r) => {
      const row = el('tr', null, { 'data-region': r.code });
      row.append(el('th', r.name, { scope: 'row' }), count(r.submitted), count(r.expected), count(r.missing),
        shareCell(r.share));
      return row;
    }));
  }

  async function drawTrend() {
    const code = $('indicator').value;
    $('indicator-name').textContent = code;
    if (!code) {
      return;
    }
    const all = await Promise.all(ORG_UNITS.map((o) => api('/api/indicators/' + encodeURIComponent(code)
      + '/series?orgUnit=' + o).catch(() => ({ orgUnit: o, points: [] }))));
    const periods = [...new Set(all.flatMap((s) => s.points.map((p) => p.period)))].sort();
    // a point the small-group rule suppresses is a gap (value '-'), never 0; the reason is in the tooltip and below
    const series = all.filter((s) => s.points.length > 0).map((s) => ({
      name: ORG_NAMES[s.orgUnit] || s.orgUnit, type: 'line', connectNulls: false,
      data: periods.map((period) => {
        const p = s.points.find((x) => x.period === period);
        if (!p) {
          return null;
        }
        return p.suppressed ? { value: '-', suppressed: true, denominator: p.denominator }
          : { value: p.value, numerator: p.numerator, denominator: p.denominator };
      })
    }));
    const pointText = (d) => {
      if (!d) {
        return '–';
      }
      if (d.suppressed) {
        return '.. ' + SUPPRESSED_TEXT;
      }
      return (d.value === null ? '–' : DECIMAL.format(d.value)) + ' (täljare / numerator ' + d.numerator
        + ', nämnare / denominator ' + d.denominator + ')';
    };
    chart('trend').setOption({
      tooltip: {
        trigger: 'axis', renderMode: 'richText',
        formatter: (params) => params[0].axisValue + '\n'
          + params.map((p) => p.seriesName + ': ' + pointText(p.data)).join('\n')
      },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value' },
      series
    }, true);
    const suppressed = all.flatMap((s) => s.points.filter((p) => p.suppressed)
      .map((p) => (ORG_NAMES[s.orgUnit] || s.orgUnit) + ' ' + p.period));
    const note = $('trend-suppressed');
    note.hidden = suppressed.length === 0;
    note.textContent = suppressed.length === 0 ? '' : '.. ' + SUPPRESSED_TEXT + ': ' + suppressed.join(', ');
    const shown = all.filter((s) => s.points.length > 0);
    const head = el('tr');
    head.append(el('th', 'Period', { scope: 'col' }),
      ...shown.map((s) => el('th', ORG_NAMES[s.orgUnit] || s.orgUnit, { scope: 'col', 'data-org-unit': s.orgUnit })));
    $('trend-table').tHead.replaceChildren(head);
    $('trend-table').tBodies[0].replaceChildren(...periods.map((period) => {
      const row = el('tr', null, { 'data-period': period });
      row.append(el('th', period, { scope: 'row' }));
      shown.forEach((s) => {
        const p = s.points.find((x) => x.period === period);
        row.append(el('td', p && p.suppressed ? '..' : p && p.value !== null ? String(p.value).replace('.', ',') : '–', { class: 'number',
          'data-org-unit': s.orgUnit, title: p ? 'täljare ' + p.numerator + ', nämnare ' + (p.denominator ?? '–') : '' }));
      });
      return row;
    }));
    if (series.length === 0) {
      say('Inga värden för indikatorn ' + code + ' / No values for this indicator');
    }
  }

  function refresh(what) {
    // several events in a burst (a rebuild, a bulk import) cause one refetch per chart
    clearTimeout(pending[what]);
    pending[what] = setTimeout(() => {
      const draw = { compliance: drawCompliance, remediation: drawRemediation, completeness: drawCompleteness,
        trend: drawTrend }[what];
      draw().catch((e) => say(e.message, true));
    }, 400);
  }

  function refreshAll() {
    if (!session.token()) {
      say('Logga in för att se data / Sign in to see the data');
      return;
    }
    say('');
    refresh('trend');
    if (!$('campaign').value) {
      say('Ingen omgång med bedömningar att visa / No campaign with assessments to show');
      return;
    }
    refresh('compliance');
    refresh('remediation');
    refresh('completeness');
  }

  // ---- live updates: EventSource cannot send the Authorization header, so the stream is read with fetch ----

  function setLive(on) {
    $('live').className = 'live ' + (on ? 'on' : 'off');
  }

  async function stream() {
    let reconnect = false;
    while (session.token()) {
      streamAbort = new AbortController();
      try {
        const response = await fetch('/api/stream', { headers: { Authorization: 'Bearer ' + session.token(),
          Accept: 'text/event-stream' }, signal: streamAbort.signal });
        if (response.status === 401 || response.status === 403) {
          // no live updates for this sign-in; the charts were drawn already and the buttons still work
          setLive(false);
          return;
        }
        if (!response.ok) {
          throw new Error('stream ' + response.status);
        }
        setLive(true);
        if (reconnect) {
          // the stream carries only changes from now on; catch up with what changed while it was closed
          refreshAll();
        }
        reconnect = true;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            break;
          }
          buffer = (buffer + value).replace(/\r\n?/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            handle(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch (e) {
        if (e.name === 'AbortError') {
          return;
        }
      }
      setLive(false);
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }

  function handle(message) {
    let event = 'message';
    let data = '';
    message.split('\n').forEach((line) => {
      if (line.startsWith('event:')) {
        event = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data += line.slice(5).trim();
      }
    });
    if (event === 'compliance' && ![...$('campaign').options].some((o) => o.value === data)) {
      // a campaign assessed for the first time joins the list
      loadLists({}).then(() => (data === $('campaign').value ? refreshAll() : null))
        .catch((e) => say(e.message, true));
    } else if (event === 'compliance' && data === $('campaign').value) {
      refresh('compliance');
      refresh('remediation');
      refresh('completeness');
    } else if (event === 'unit') {
      refresh('completeness');
    } else if (event === 'indicator' && data === $('indicator').value) {
      refresh('trend');
    }
  }

  async function downloadCsv() {
    try {
      const blob = await api('/api/compliance?campaignId=' + campaign(), 'text/csv');
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'uppfyllelse-' + $('campaign').value + '.csv';
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (e) {
      say(e.message, true);
    }
  }

  async function start() {
    const config = await (await fetch('/config.json')).json();
    session = window.AlfSignIn(config, { say, signedIn: showUser, signedOut });
    $('signin').addEventListener('click', () => session.signIn({ campaign: $('campaign').value,
      indicator: $('indicator').value }).catch((e) => say(e.message, true)));
    $('campaign').addEventListener('change', () => {
      $('cell-units').hidden = true;
      refreshAll();
    });
    $('indicator').addEventListener('change', () => refresh('trend'));
    $('cell-units-close').addEventListener('click', () => {
      $('cell-units').hidden = true;
      $('compliance-details').querySelector('summary').focus();
    });
    $('signout').addEventListener('click', session.signOut);
    $('csv').addEventListener('click', downloadCsv);
    $('controls').addEventListener('submit', (e) => {
      e.preventDefault();
      loadLists({}).then(refreshAll).catch((e2) => say(e2.message, true));
    });
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    const { signedIn, keep } = await session.completeSignIn();
    if (signedIn) {
      await loadLists(keep).catch((e) => say(e.message, true));
    }
    refreshAll();
    if (signedIn) {
      stream();
    }
  }

  start().catch((e) => say(e.message, true));
}());
