// Rule change impact: what a candidate rule set would change in a campaign before anyone publishes it. The person
// picks a rule set not in force and a campaign (both from the lists the APIs serve), assessment-service simulates it
// (POST /api/rule-sets/{candidate}/simulations, then the summary is read until DONE), and the page draws the result:
// the compliance matrix before, after and the change, as a coloured table (the table is the heat map, so its
// figures are text and the colours only repeat them), and the units whose outcome changes. An admin publishes from
// here after a confirmation; the server decides who may, the button only follows the token's roles.
// Level labels come from the candidate rule set, region names from this service's compliance matrix; texts from the
// data reach the page only through textContent, never as HTML.
// Kept as one script of about 520 lines: it is one page's state (the choice, the simulation followed, the result
// shown) and its drawing, without a module loader or build step; the sign-in it shares is in signin.js.
(function () {
  'use strict';

  const OUTCOMES = { MET: ['Uppfylld', 'Met'], NOT_MET: ['Inte uppfylld', 'Not met'],
    NOT_APPLICABLE: ['Inte tillämplig', 'Not applicable'],
    PENDING_REVIEW: ['Väntar på bedömning', 'Awaiting review'] };
  const STATUSES = { RUNNING: ['Pågår', 'Running'], DONE: ['Klar', 'Done'], FAILED: ['Misslyckades', 'Failed'],
    DRAFT: ['utkast', 'draft'], PUBLISHED: ['publicerat', 'published'] };
  const VIEWS = {
    delta: ['Förändring efter minus före, procentenheter', 'Change, after minus before, percentage points'],
    before: ['Före: andel som uppfyller nivån i dag, %', 'Before: share meeting the level now, %'],
    after: ['Efter: andel som skulle uppfylla nivån med kandidaten, %',
      'After: share meeting the level under the candidate, %'] };
  const POLL_MS = 1000;

  let session;
  let assessmentUrl;
  let roles = [];
  let ruleSets = [];
  let shown = null; // {simulation, candidate (rule set document), regions: [{code, name}]}
  let polling = 0;
  let lastAnnounced = 0;
  const $ = (id) => document.getElementById(id);
  const DECIMAL = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const SIGNED = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1,
    signDisplay: 'exceptZero' });
  const SIGNED_COUNT = new Intl.NumberFormat('sv-SE', { signDisplay: 'exceptZero' });

  function say(text, isError) {
    $('message').textContent = text || '';
    $('message').className = isError ? 'error' : '';
  }

  function el(tag, text, attributes, ...children) {
    const element = document.createElement(tag);
    element.textContent = text === null || text === undefined ? '' : String(text);
    Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
    element.append(...children);
    return element;
  }

  const en = (text) => el('span', text, { class: 'en', lang: 'en' });
  const both = (pair) => [el('span', pair[0] + ' '), en(pair[1])];

  // ---- the APIs ----

  class Problem extends Error {
    constructor(status, body, path) {
      super((body && (body.title || body.detail)) || ('Fel ' + status + ' från ' + path));
      Object.assign(this, { status, body: body || {} });
    }
  }

  async function call(base, path, options) {
    const response = await fetch(base + path, Object.assign({}, options, { headers: Object.assign({
      Authorization: 'Bearer ' + session.token(), Accept: 'application/json' }, (options || {}).headers) }));
    if (response.status === 401) {
      session.signedOut();
      throw new Problem(401, { title: 'Logga in för att simulera / Sign in to simulate' }, path);
    }
    if (!response.ok) {
      throw new Problem(response.status, await response.json().catch(() => null), path);
    }
    return response;
  }

  const json = async (base, path, options) => (await call(base, path, options)).json();

  // a problem+json answer as the API gave it: title, detail, stable code, and every error of the request
  function showProblem(error) {
    const box = $('problem');
    if (!error) {
      box.replaceChildren();
      box.dataset.code = '';
      return;
    }
    const body = error.body || {};
    const forbidden = error.status === 403 && !body.detail
      ? 'Din roll får inte detta / Your role may not do this' : null;
    box.replaceChildren(el('strong', forbidden || error.message),
      el('span', body.detail && body.detail !== error.message ? ' ' + body.detail : ''),
      el('span', body.code ? ' (' + body.code + (error.status ? ', ' + error.status : '') + ')' : '',
        { class: 'code' }));
    if (Array.isArray(body.errors) && body.errors.length) {
      box.append(el('ul', null, {}, ...body.errors.map((e) =>
        el('li', (e.pointer ? e.pointer + ': ' : '') + (e.message || '') + (e.code ? ' (' + e.code + ')' : '')))));
    }
    box.dataset.code = body.code || String(error.status || '');
  }

  const fail = (error) => {
    if (error instanceof Problem) {
      showProblem(error);
    } else {
      say(error.message, true);
    }
  };

  // ---- choosing ----

  function candidate() {
    return ruleSets.find((r) => r.version === $('candidate').value) || null;
  }

  async function load(keep) {
    if (!session.token()) {
      say('Logga in för att simulera / Sign in to simulate');
      return;
    }
    say('Hämtar regelverk och omgångar … / Loading rule sets and campaigns …');
    const [sets, campaigns] = await Promise.all([json(assessmentUrl, '/api/rule-sets'),
      json('', '/api/compliance/campaigns')]);
    ruleSets = sets;
    const candidates = sets.filter((r) => !r.active)
      .sort((a, b) => (a.status === 'DRAFT') === (b.status === 'DRAFT') ? a.version.localeCompare(b.version)
        : a.status === 'DRAFT' ? -1 : 1);
    fill($('candidate'), candidates.map((r) => [r.version, r.version + ' – ' + (STATUSES[r.status] || [r.status])[0]
      + ' / ' + (STATUSES[r.status] || [r.status, r.status])[1]]), keep.candidate,
    'Inget regelverk att pröva / No rule set to try');
    fill($('campaign'), campaigns.map((c) => [c.campaignId,
      c.campaignId + ' (' + c.respondingUnits + ' enheter / units)']),
      keep.campaign, 'Ingen omgång med bedömningar / No campaign with assessments');
    $('run').disabled = !candidates.length || !campaigns.length;
    say('');
    await chooseCandidate();
  }

  function fill(select, options, wanted, none) {
    select.replaceChildren(...(options.length ? options.map(([value, label]) => el('option', label, { value }))
      : [el('option', none, { value: '' })]));
    if (wanted && options.some(([value]) => value === wanted)) {
      select.value = wanted;
    }
  }

  async function chooseCandidate() {
    const chosen = candidate();
    $('candidate-description').replaceChildren(...(chosen ? [el('span', (chosen.descriptionSv || '') + ' '),
      en(chosen.descriptionEn || '')] : []));
    $('publish-panel').hidden = !(chosen && roles.includes('admin'));
    $('publish-confirm').hidden = true;
    $('publish-result').textContent = '';
    $('candidate-diff').textContent = '';
    if (!chosen) {
      return;
    }
    const inForce = ruleSets.find((r) => r.active && r.questionnaireKey === chosen.questionnaireKey
      && r.questionnaireVersion === chosen.questionnaireVersion);
    await Promise.all([history(), inForce ? describeDiff(inForce.version, chosen.version) : null]);
  }

  // which levels the candidate reads differently from the rule set in force, from the API's diff
  async function describeDiff(from, to) {
    const diff = await json(assessmentUrl, '/api/rule-sets/' + encodeURIComponent(from) + '/diff/'
      + encodeURIComponent(to)).catch(() => null);
    if (!diff || $('candidate').value !== to) {
      return;
    }
    const levels = diff.levels.map((l) => l.number + ' (' + l.changes.map((c) => c.field).join(', ') + ')');
    $('candidate-diff').textContent = 'Jämfört med ' + from + ' i kraft ändras ' + (levels.length
      ? 'nivå ' + levels.join('; ') : 'ingen nivå') + '. / Compared with ' + from + ' in force.';
  }

  async function history() {
    const version = $('candidate').value;
    let list;
    try {
      list = await json(assessmentUrl, '/api/rule-sets/' + encodeURIComponent(version) + '/simulations');
    } catch (e) {
      if (e.status === 403) {
        $('run').disabled = true;
        say('Din roll får inte simulera regelverk (bedömare, nationell uppföljare eller administratör) / '
          + 'Your role may not simulate rule sets', true);
        return;
      }
      throw e;
    }
    if ($('candidate').value !== version) {
      return;
    }
    $('history').tBodies[0].replaceChildren(...list.map((s) => {
      const status = STATUSES[s.status] || [s.status, s.status];
      const open = el('button', 'Visa', { type: 'button', 'data-simulation': s.id,
        'aria-label': 'Visa simuleringen av ' + s.campaignId + ' ' + time(s.requestedAt) });
      open.addEventListener('click', () => follow(version, s.id).catch(fail));
      return el('tr', null, { 'data-simulation': s.id }, el('td', time(s.requestedAt)), el('td', s.campaignId),
        el('td', status[0] + ' ', {}, en(status[1])), el('td', s.evaluated + ' av ' + s.total, { class: 'number' }),
        el('td', s.requestedBy || ''), el('td', null, {}, open));
    }));
    if (!list.length) {
      $('history').tBodies[0].append(el('tr', null, {}, el('td', 'Inga simuleringar ännu / None yet',
        { colspan: '6' })));
    }
  }

  const time = (iso) => (iso ? new Date(iso).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'medium' }) : '');

  // ---- running and following ----

  async function run() {
    const version = $('candidate').value;
    const campaignId = $('campaign').value;
    if (!version || !campaignId || $('run').disabled) {
      return;
    }
    showProblem(null);
    $('run').disabled = true;
    try {
      const started = await json(assessmentUrl, '/api/rule-sets/' + encodeURIComponent(version) + '/simulations', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ campaignId }) });
      announce('Simuleringen har startat / The simulation has started', true);
      await history();
      await follow(version, started.id);
    } finally {
      $('run').disabled = false;
    }
  }

  // reads the simulation until it is no longer running, showing its progress, then draws the result
  async function follow(version, id) {
    const ticket = ++polling;
    showProblem(null);
    for (;;) {
      const simulation = await json(assessmentUrl, '/api/rule-sets/' + encodeURIComponent(version)
        + '/simulations/' + encodeURIComponent(id));
      if (ticket !== polling) {
        return; // another simulation was chosen meanwhile
      }
      progress(simulation);
      if (simulation.status !== 'RUNNING') {
        await history();
        if (simulation.status === 'DONE') {
          await showResult(simulation);
        } else {
          showProblem(new Problem(500, { title: 'Simuleringen misslyckades / The simulation failed',
            detail: simulation.failure || '', code: 'SIMULATION_FAILED' }, ''));
        }
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  function progress(simulation) {
    const status = STATUSES[simulation.status] || [simulation.status, simulation.status];
    $('progress-panel').hidden = false;
    $('progress').max = Math.max(simulation.total, 1);
    $('progress').value = simulation.status === 'DONE' ? $('progress').max : simulation.evaluated;
    const text = status[0] + ': ' + simulation.evaluated + ' av ' + simulation.total + ' enheter utvärderade ('
      + simulation.campaignId + ') / ' + status[1] + ': ' + simulation.evaluated + ' of ' + simulation.total;
    $('progress-text').textContent = text;
    Object.assign($('progress-text').dataset, { status: simulation.status, evaluated: simulation.evaluated,
      total: simulation.total, simulation: simulation.id });
    announce(text, simulation.status !== 'RUNNING');
  }

  // the live region speaks at most every few seconds while a simulation runs, and always when it ends
  function announce(text, always) {
    if (always || Date.now() - lastAnnounced > 5000) {
      $('progress-live').textContent = text;
      lastAnnounced = Date.now();
    }
  }

  // ---- the result ----

  async function showResult(simulation) {
    const [rules, compliance] = await Promise.all([
      json(assessmentUrl, '/api/rule-sets/' + encodeURIComponent(simulation.candidateVersion)),
      json('', '/api/compliance?campaignId=' + encodeURIComponent(simulation.campaignId)).catch(() => null)]);
    const codes = simulation.result.after.regions;
    const regions = compliance ? compliance.regions.map((r) => ({ code: r.code, name: r.name }))
      : codes.map((code) => ({ code, name: code }));
    shown = { simulation, candidate: rules, regions };
    const r = simulation.result;
    const fact = (dt, dd, key) => [el('dt', dt), el('dd', dd, key ? { 'data-fact': key } : {})];
    $('summary').replaceChildren(
      ...fact('Regelverk / Rule set', simulation.candidateVersion + (simulation.candidateRevision
        ? ' (version ' + simulation.candidateRevision + ')' : '')),
      ...fact('Omgång / Campaign', simulation.campaignId),
      ...fact('Enheter utvärderade / Units evaluated', simulation.total, 'total'),
      ...fact('Enheter med ändrat utfall / Units changed', r.unitsChanged, 'units-changed'),
      ...fact('Ändrade utfall (enhet × nivå) / Unit levels changed', r.levelsChanged, 'levels-changed'),
      ...fact('Uppfyller alla nivåer, före → efter / Meeting all levels', r.unitsMeetingAll.before + ' → '
        + r.unitsMeetingAll.after, 'meeting-all'),
      ...fact('Exempel som skulle behöva bedömas / Reviews it would open', r.reviews.wouldOpen.length),
      ...fact('Väntande bedömningar som inte längre behövs / Reviews it would close', r.reviews.wouldClose.length),
      ...fact('Bedömda i dag med / Assessed now under', Object.entries(r.ruleSetsBefore)
        .map(([v, n]) => v + ': ' + n).join(', ')));
    $('result').hidden = false;
    drawHeatmap();
    drawChanges();
  }

  function view() {
    return document.querySelector('#view input:checked').value;
  }

  // colour classes: shares on one blue scale, changes orange (down) to purple (up); both read with red-green
  // colour blindness, and every cell also says its figure
  function shareClass(share) {
    if (share === null || share === undefined) {
      return 'none';
    }
    return 's' + [20, 40, 60, 80, 95].filter((limit) => share >= limit).length;
  }

  function deltaClass(delta) {
    if (delta === null || delta === undefined) {
      return 'none';
    }
    return delta <= -10 ? 'd-2' : delta < 0 ? 'd-1' : delta === 0 ? 'd0' : delta < 10 ? 'd1' : 'd2';
  }

  function cell(before, after, delta, fulfilledDelta, attributes) {
    const showing = view();
    const td = el('td', null, Object.assign({ class: 'number', 'data-before': num(before && before.share),
      'data-after': num(after && after.share), 'data-delta': num(delta && delta.share),
      'data-delta-fulfilled': fulfilledDelta === null ? '' : String(fulfilledDelta) }, attributes));
    if (showing === 'delta') {
      const share = delta ? delta.share : null;
      td.classList.add(deltaClass(share));
      td.append(el('span', share === null || share === undefined ? '–' : SIGNED.format(share), { class: 'value' }));
      if (fulfilledDelta) {
        td.append(el('span', SIGNED_COUNT.format(fulfilledDelta) + ' enh.', { class: 'units',
          title: 'Förändring i antal enheter som uppfyller nivån / Change in units meeting the level' }));
      }
    } else {
      const share = ((showing === 'before' ? before : after) || {}).share;
      td.classList.add(shareClass(share));
      td.append(el('span', share === null || share === undefined ? '–' : DECIMAL.format(share), { class: 'value' }));
    }
    return td;
  }

  const num = (value) => (value === null || value === undefined ? '' : String(value));
  const fulfilled = (d) => (d ? d.met + d.notApplicable : null);

  function drawHeatmap() {
    const { simulation, candidate: rules, regions } = shown;
    const r = simulation.result;
    const showing = view();
    const labels = new Map((rules.levels || []).map((l) => [l.number, l.shortLabelSv || l.textSv || '']));
    $('heatmap-caption').replaceChildren(el('span', VIEWS[showing][0] + ' – ' + simulation.candidateVersion + ', '
      + simulation.campaignId + ' '), en(VIEWS[showing][1]));
    $('heatmap').dataset.view = showing;
    const head = el('tr', null, {}, el('th', 'Nivå / Level', { scope: 'col' }));
    regions.forEach((g) => head.append(el('th', g.name, { scope: 'col', 'data-region': g.code })));
    head.append(el('th', 'Riket / Nation', { scope: 'col', 'data-region': 'SE' }));
    $('heatmap').tHead.replaceChildren(head);
    $('heatmap').tBodies[0].replaceChildren(...r.after.levels.map((after, i) => {
      const before = r.before.levels[i];
      const delta = r.delta.levels[i];
      const row = el('tr', null, { 'data-level': after.number },
        el('th', after.number + '. ' + (labels.get(after.number) || ''), { scope: 'row' }));
      regions.forEach((g) => row.append(cell(before.regions[g.code], after.regions[g.code], delta.regions[g.code],
        fulfilled(delta.regions[g.code]), { 'data-region': g.code })));
      row.append(cell(before.nation, after.nation, delta.nation, fulfilled(delta.nation), { 'data-region': 'SE' }));
      return row;
    }));
    const average = el('tr', null, { 'data-row': 'average' }, el('th', 'Medelvärde % / Average', { scope: 'row' }));
    regions.forEach((g) => average.append(cell({ share: r.before.regionAverages[g.code] },
      { share: r.after.regionAverages[g.code] }, { share: r.delta.regionAverages[g.code] }, null,
      { 'data-region': g.code })));
    average.append(cell({ share: r.before.nationalAverage }, { share: r.after.nationalAverage },
      { share: r.delta.nationalAverage }, null, { 'data-region': 'SE' }));
    const all = el('tr', null, { 'data-row': 'all-met' }, el('th', 'Uppfyller alla nivåer, antal / Meeting all levels',
      { scope: 'row' }));
    const count = (matrix, code) => (matrix.unitsMeetingAll.byRegion || {})[code];
    regions.forEach((g) => all.append(countCell(count(r.before, g.code), count(r.after, g.code), g.code)));
    all.append(countCell(r.before.unitsMeetingAll.count, r.after.unitsMeetingAll.count, 'SE'));
    $('heatmap').tFoot.replaceChildren(average, all);
    legend(showing);
  }

  function countCell(before, after, region) {
    const showing = view();
    const missing = before === undefined || after === undefined;
    const value = missing ? null : showing === 'delta' ? after - before : showing === 'before' ? before : after;
    return el('td', value === null ? '–' : showing === 'delta' ? SIGNED_COUNT.format(value) : String(value),
      { class: 'number', 'data-region': region, 'data-value': value === null ? '' : String(value) });
  }

  function legend(showing) {
    const steps = showing === 'delta'
      ? [['d-2', '≤ −10'], ['d-1', '< 0'], ['d0', '0'], ['d1', '> 0'], ['d2', '≥ 10']]
      : [['s0', '< 20'], ['s1', '20–'], ['s2', '40–'], ['s3', '60–'], ['s4', '80–'], ['s5', '≥ 95']];
    $('legend').replaceChildren(...steps.map(([css, text]) => el('span', text, { class: 'swatch ' + css })));
    $('legend-text').textContent = showing === 'delta'
      ? 'Orange: andelen sjunker, lila: den stiger; siffran är förändringen i procentenheter och i antal enheter. '
        + '/ Orange: the share falls, purple: it rises.'
      : 'Mörkare blått: högre andel; siffran är andelen i procent. / Darker blue: a higher share.';
  }

  function drawChanges() {
    const { simulation, candidate: rules, regions } = shown;
    const names = new Map(regions.map((g) => [g.code, g.name]));
    const labels = new Map((rules.levels || []).map((l) => [l.number, l.shortLabelSv || '']));
    const changes = simulation.changes.slice().sort((a, b) => a.level - b.level
      || a.regionCode.localeCompare(b.regionCode) || a.unitId.localeCompare(b.unitId));
    $('changes-caption').textContent = changes.length + ' ändrade utfall hos ' + simulation.result.unitsChanged
      + ' enheter / ' + changes.length + ' changed outcomes of ' + simulation.result.unitsChanged + ' units';
    $('changes').tBodies[0].replaceChildren(...changes.map((c) => {
      const from = OUTCOMES[c.from] || [c.from, c.from];
      const to = OUTCOMES[c.to] || [c.to, c.to];
      const explanation = c.explanation || {};
      return el('tr', null, { 'data-unit': c.unitId, 'data-level': c.level, 'data-from': c.from, 'data-to': c.to },
        el('td', c.unitId), el('td', names.get(c.regionCode) || c.regionCode),
        el('td', c.level + '. ' + (labels.get(c.level) || '')),
        el('td', null, {}, ...both(from), el('span', ' → '), ...both(to)),
        el('td', null, {}, el('span', (explanation.sv || '') + ' '), en(explanation.en || '')));
    }));
    if (!changes.length) {
      $('changes').tBodies[0].append(el('tr', null, {}, el('td', 'Inget utfall ändras / No outcome changes',
        { colspan: '5' })));
    }
  }

  async function downloadCsv() {
    const { simulation } = shown;
    const response = await call(assessmentUrl, '/api/rule-sets/' + encodeURIComponent(simulation.candidateVersion)
      + '/simulations/' + encodeURIComponent(simulation.id) + '/changes.csv', { headers: { Accept: 'text/csv' } });
    const link = el('a', null, { href: URL.createObjectURL(await response.blob()),
      download: 'simulering-' + simulation.candidateVersion + '-' + simulation.campaignId + '.csv' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  // ---- publishing (admin) ----

  function askToPublish() {
    const chosen = candidate();
    if (!chosen) {
      return;
    }
    $('publish-question').textContent = 'Publicera ' + chosen.version + ' för ' + chosen.questionnaireKey + ' '
      + chosen.questionnaireVersion + '? Det går inte att ångra: regelverket blir oföränderligt och varje enhet '
      + 'räknas om. / Publish ' + chosen.version + '? This cannot be undone.';
    $('publish-confirm').hidden = false;
    $('publish-yes').focus();
  }

  function cancelPublish() {
    $('publish-confirm').hidden = true;
    $('publish').focus();
  }

  async function publish() {
    const chosen = candidate();
    $('publish-confirm').hidden = true;
    showProblem(null);
    $('publish-result').textContent = 'Publicerar … / Publishing …';
    try {
      const done = await json(assessmentUrl, '/api/rule-sets/' + encodeURIComponent(chosen.version) + '/publish',
        { method: 'POST' });
      $('publish-result').textContent = 'Publicerat: ' + done.ruleSetVersion + ' gäller nu; ' + done.assessed
        + ' enheter omräknade, ' + done.changed + ' ändrade. / Published: ' + done.assessed + ' units re-assessed, '
        + done.changed + ' changed.';
      await load({ campaign: $('campaign').value });
    } catch (e) {
      $('publish-result').textContent = '';
      throw e;
    }
  }

  // ---- start ----

  function showUser(name, claims) {
    roles = ((claims || {}).realm_access || {}).roles || [];
    $('user').textContent = name;
    $('signin').hidden = true;
    $('signout').hidden = false;
  }

  function signedOut() {
    roles = [];
    $('user').textContent = '';
    $('signin').hidden = false;
    $('signout').hidden = true;
    $('publish-panel').hidden = true;
  }

  async function start() {
    const config = await (await fetch('/config.json')).json();
    assessmentUrl = config.assessmentUrl;
    session = window.AlfSignIn(config, { say, signedIn: showUser, signedOut });
    $('signin').addEventListener('click', () => session.signIn({ candidate: $('candidate').value,
      campaign: $('campaign').value }).catch((e) => say(e.message, true)));
    $('signout').addEventListener('click', session.signOut);
    $('run-form').addEventListener('submit', (e) => {
      e.preventDefault();
      run().catch(fail);
    });
    $('candidate').addEventListener('change', () => {
      showProblem(null);
      chooseCandidate().catch(fail);
    });
    document.querySelectorAll('#view input').forEach((input) => input.addEventListener('change', () => {
      if (shown) {
        drawHeatmap();
      }
    }));
    $('csv').addEventListener('click', () => downloadCsv().catch(fail));
    $('publish').addEventListener('click', askToPublish);
    $('publish-no').addEventListener('click', cancelPublish);
    $('publish-yes').addEventListener('click', () => publish().catch(fail));
    $('publish-confirm').addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        cancelPublish();
      }
    });
    const { keep } = await session.completeSignIn();
    await load(keep);
  }

  start().catch(fail);
}());
