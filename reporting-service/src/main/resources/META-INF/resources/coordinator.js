// Region coordinator: one ALF region in one campaign, for the person who chases the region's units. Which units have
// responded, which have a draft and which have nothing comes from survey-service (GET /api/units and
// GET /api/submissions of the region, called from the browser: a draft is known only there, reporting-service's read
// models hear of a unit only once it is assessed); the region's results beside the nation's (the region scorecard),
// the remediation items (unit × unmet level) and the number of assessed units come from this service. The campaign,
// its remediation due date and the regions come from survey-service's lists. Both services refuse a reporter another
// region's units; the page shows their answer. Texts from the data reach the page only through textContent.
(function () {
  'use strict';

  const RESPONSES = {
    responded: ['Svarat', 'Responded'], draft: ['Utkast', 'Draft'], none: ['Inget svar', 'No response'] };
  const OUTCOMES = { NOT_MET: ['Inte uppfylld', 'Not met'], PENDING_REVIEW: ['Väntar på bedömning', 'Awaiting review'] };
  const SEES_EVERY_REGION = ['assessor', 'monitor', 'admin'];
  const DECIMAL = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  let session;
  let surveyUrl;
  let claims = {};
  let campaigns = [];
  let streamAbort = null;
  let reloadTimer = null;
  const $ = (id) => document.getElementById(id);

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
  const roles = () => ((claims.realm_access || {}).roles) || [];

  // ---- the APIs ----

  class Problem extends Error {
    constructor(status, body, path) {
      super((body && (body.title || body.detail)) || ('Fel ' + status + ' från ' + path));
      Object.assign(this, { status, body: body || {} });
    }
  }

  async function json(base, path) {
    const response = await fetch(base + path, { headers: {
      Authorization: 'Bearer ' + session.token(), Accept: 'application/json' } });
    if (response.status === 401) {
      session.signedOut();
      throw new Problem(401, { title: 'Logga in igen / Sign in again' }, path);
    }
    if (!response.ok) {
      throw new Problem(response.status, await response.json().catch(() => null), path);
    }
    return response.json();
  }

  function showProblem(error) {
    const box = $('problem');
    if (!error) {
      box.replaceChildren();
      box.dataset.code = '';
      return;
    }
    const body = error.body || {};
    const refused = error.status === 403
      ? 'Du får inte se den här regionens enheter / You may not see this region\'s units' : error.message;
    box.replaceChildren(el('strong', refused),
      el('span', body.detail && body.detail !== refused ? ' ' + body.detail : ''),
      el('span', ' (' + [body.code, error.status].filter(Boolean).join(', ') + ')', { class: 'code' }));
    box.dataset.code = body.code || String(error.status || '');
  }

  const fail = (error) => (error instanceof Problem ? showProblem(error) : say(error.message, true));

  // ---- choosing ----

  function fill(select, options, wanted) {
    select.replaceChildren(...options.map(([value, text]) => el('option', text, { value })));
    if (options.some(([value]) => value === wanted)) {
      select.value = wanted;
    }
  }

  function campaign() {
    return campaigns.find((c) => c.id === $('campaign').value) || null;
  }

  async function load(keep) {
    if (!session.token()) {
      say('Logga in för att se regionen / Sign in to see the region');
      return;
    }
    const [regions, all] = await Promise.all([json(surveyUrl, '/api/regions'), json(surveyUrl, '/api/campaigns')]);
    campaigns = all.filter((c) => c.level !== 'REGION')
      .sort((a, b) => String(b.opens || b.periodEnd || '').localeCompare(String(a.opens || a.periodEnd || ''))
        || a.id.localeCompare(b.id));
    const own = claims.region_code;
    const wanted = keep.region || own;
    // a reporter is offered its own region; a region asked for in the address is still asked of the servers,
    // which answer for themselves
    const offered = regions.filter((r) => r.alfRegion && (roles().some((r2) => SEES_EVERY_REGION.includes(r2))
      || r.code === own || r.code === wanted));
    fill($('region'), offered.map((r) => [r.code, r.code + ' ' + r.name]), wanted);
    fill($('campaign'), campaigns.map((c) => [c.id, c.id + ' (' + c.status + ')']), keep.campaign);
    await show();
    stream();
  }

  async function show() {
    const region = $('region').value;
    const chosen = campaign();
    showProblem(null);
    if (!region || !chosen) {
      say('Välj region och omgång / Choose a region and a campaign');
      return;
    }
    history.replaceState(null, '', '?' + new URLSearchParams({ region, campaign: chosen.id }));
    $('campaign-facts').textContent = 'Frågeformulär ' + chosen.questionnaire.key + ' ' + chosen.questionnaire.version
      + ', period ' + chosen.periodStart + '–' + chosen.periodEnd + ', stänger ' + (chosen.closes || '–')
      + ' / closes ' + (chosen.closes || '–');
    say('Hämtar … / Loading …');
    const q = encodeURIComponent(chosen.id);
    const results = await Promise.allSettled([
      json(surveyUrl, '/api/units?regionCode=' + region),
      submissions(chosen.id, region),
      json('', '/api/regions/' + region + '/scorecard?campaignId=' + q),
      json('', '/api/remediation/units?campaignId=' + q + '&regionCode=' + region),
      json('', '/api/completeness?campaignId=' + q)]);
    const refused = results.find((r) => r.status === 'rejected');
    const value = (i) => (results[i].status === 'fulfilled' ? results[i].value : null);
    drawUnits(value(0), value(1), value(4), region);
    drawResults(value(2));
    drawRemediation(value(3), chosen);
    if (refused) {
      fail(refused.reason);
      say('');
    } else {
      say('Uppdaterad ' + new Date().toLocaleTimeString('sv-SE') + ' / Updated');
    }
  }

  /** Every submission of the region in the campaign, page by page (at most 500 a page). */
  async function submissions(campaignId, region) {
    const items = [];
    for (let page = 0; ; page++) {
      const found = await json(surveyUrl, '/api/submissions?' + new URLSearchParams({ campaignId, regionCode: region,
        page, size: 500 }));
      items.push(...found.items);
      if (items.length >= found.total || !found.items.length) {
        return items;
      }
    }
  }

  // ---- drawing ----

  function response(status) {
    if (status === 'SUBMITTED' || status === 'LOCKED') {
      return 'responded';
    }
    return status === 'DRAFT' || status === 'RETURNED' ? 'draft' : 'none';
  }

  function drawUnits(units, subs, completeness, region) {
    const body = $('units').querySelector('tbody');
    if (!units || !subs) {
      body.replaceChildren();
      $('counts').replaceChildren();
      $('reminders').value = '';
      return;
    }
    const byUnit = new Map();
    subs.forEach((s) => {
      const known = byUnit.get(s.unitId);
      // a unit with a submitted revision has responded, whatever drafts it also has
      if (!known || response(s.status) === 'responded' || (response(known.status) !== 'responded'
        && String(s.updatedAt) > String(known.updatedAt))) {
        byUnit.set(s.unitId, s);
      }
    });
    const rows = units.filter((u) => u.active !== false).map((u) => {
      const s = byUnit.get(u.id);
      return { unit: u, submission: s, response: response(s && s.status) };
    }).sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'sv'));
    const counts = { responded: 0, draft: 0, none: 0 };
    rows.forEach((r) => { counts[r.response] += 1; });
    body.replaceChildren(...rows.map((r) => el('tr', null, { 'data-unit': r.unit.id, 'data-response': r.response },
      el('th', r.unit.name, { scope: 'row' }), el('td', r.unit.id),
      el('td', null, { class: 'response ' + r.response }, ...both(RESPONSES[r.response])),
      el('td', r.submission ? String(r.submission.submittedAt || r.submission.updatedAt || '').slice(0, 10) : '–'))));
    const assessed = completeness && completeness.regions.find((c) => c.code === region);
    const facts = [['units', ['Aktiva enheter', 'Active units'], rows.length],
      ['responded', ['Har svarat', 'Responded'], counts.responded],
      ['draft', ['Har ett utkast', 'Have a draft'], counts.draft],
      ['none', ['Inget svar', 'Nothing yet'], counts.none],
      ['missing', ['Saknar inskickat svar', 'Without a submitted response'], counts.draft + counts.none]];
    if (assessed) {
      facts.push(['assessed', ['Bedömda', 'Assessed'], assessed.submitted]);
    }
    $('counts').replaceChildren(...facts.flatMap(([key, label, n]) => [el('dt', null, {}, ...both(label)),
      el('dd', n, { 'data-count': key })]));
    $('units-caption').replaceChildren(el('span', 'Regionens ' + rows.length + ' aktiva enheter och deras svar '),
      en('The region\'s active units and their responses'));
    $('reminders').value = rows.filter((r) => r.response !== 'responded')
      .map((r) => r.unit.name + '\t' + r.unit.id).join('\n');
  }

  function share(value) {
    return value === null || value === undefined ? '..' : DECIMAL.format(value);
  }

  function drawResults(card) {
    const body = $('results').querySelector('tbody');
    if (!card) {
      body.replaceChildren();
      $('results-facts').replaceChildren();
      return;
    }
    const suppressed = card.suppression && (card.suppression.regions || []).includes(card.regionCode);
    $('results-facts').replaceChildren(
      el('dt', null, {}, ...both(['Svarande enheter', 'Responding units'])), el('dd', card.respondingUnits),
      el('dt', null, {}, ...both(['Medelandel regionen', 'Average share, region'])),
      el('dd', share(card.averageShare), { 'data-fact': 'average' }),
      el('dt', null, {}, ...both(['Medelandel riket', 'Average share, nation'])),
      el('dd', share(card.nationalAverage), { 'data-fact': 'national-average' }));
    if (suppressed) {
      $('results-facts').append(el('dt', null, {}, ...both(['Färre än tre enheter', 'Fewer than three units'])),
        el('dd', 'Regionens andelar visas som .. / The region\'s shares show as ..'));
    }
    body.replaceChildren(...card.levels.map((l) => el('tr', null, { 'data-level': l.number },
      el('th', l.number + ' ' + l.labelSv, { scope: 'row' }),
      el('td', share(l.share), { class: 'number', 'data-share': l.share === null ? '' : l.share }),
      el('td', share(l.nationalShare), { class: 'number' }),
      el('td', l.unmetUnits === null || l.unmetUnits === undefined ? '..' : l.unmetUnits, { class: 'number' }))));
  }

  function drawRemediation(items, chosen) {
    const due = chosen.remediationDue || null;
    const today = new Date().toISOString().slice(0, 10);
    const overdue = due !== null && today > due;
    $('remediation-due').textContent = due
      ? 'Sista dag för åtgärd ' + due + (overdue ? ' (passerad)' : '') + ' / Remediation due ' + due
        + (overdue ? ' (passed)' : '')
      : 'Omgången har inget datum för åtgärd / The campaign has no remediation due date';
    const body = $('remediation').querySelector('tbody');
    const list = (items && items.items) || [];
    body.replaceChildren(...list.map((i) => el('tr', null, { 'data-unit': i.unitId, 'data-level': i.level,
      'data-outcome': i.outcome, 'data-overdue': String(overdue), class: overdue ? 'overdue' : '' },
    el('th', i.unitName + ' (' + i.unitId + ')', { scope: 'row' }),
    el('td', i.level + ' ' + i.labelSv),
    el('td', null, {}, ...both(OUTCOMES[i.outcome] || [i.outcome, i.outcome])),
    el('td', due || '–'),
    el('td', null, {}, ...both(overdue ? ['Försenad', 'Overdue'] : ['Nej', 'No'])))));
    $('remediation-caption').replaceChildren(el('span', list.length + ' enhet × nivå som inte är uppfyllda'
      + (overdue ? ', alla försenade ' : ' ')), en(list.length + ' unit × level not met' + (overdue ? ', all overdue' : '')));
  }

  async function copy() {
    const text = $('reminders').value;
    try {
      // a browser that neither writes nor refuses (no permission asked in time) counts as refusing
      await Promise.race([navigator.clipboard.writeText(text),
        new Promise((resolve, reject) => setTimeout(() => reject(new Error('clipboard')), 1000))]);
    } catch (e) {
      // without clipboard permission the list is selected, for Ctrl+C
      $('reminders').focus();
      $('reminders').select();
      document.execCommand('copy');
    }
    $('copied').textContent = 'Kopierad: ' + (text ? text.split('\n').length : 0) + ' enheter / Copied';
  }

  // ---- live updates: an assessment or a unit change of this campaign or region reads the page again ----

  function reloadSoon() {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => show().catch(fail), 500);
  }

  async function stream() {
    if (streamAbort) {
      return;
    }
    while (session.token()) {
      streamAbort = new AbortController();
      try {
        const response = await fetch('/api/stream', { headers: { Authorization: 'Bearer ' + session.token(),
          Accept: 'text/event-stream' }, signal: streamAbort.signal });
        if (!response.ok) {
          break;
        }
        $('live').className = 'live on';
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
          break;
        }
      }
      $('live').className = 'live off';
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    $('live').className = 'live off';
    streamAbort = null;
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
    if ((event === 'compliance' && data === $('campaign').value) || (event === 'unit' && data === $('region').value)) {
      reloadSoon();
    }
  }

  // ---- start ----

  function signedIn(name, tokenClaims) {
    claims = tokenClaims || {};
    $('user').textContent = name;
    $('signin').hidden = true;
    $('signout').hidden = false;
  }

  function signedOut() {
    claims = {};
    $('user').textContent = '';
    $('signin').hidden = false;
    $('signout').hidden = true;
    if (streamAbort) {
      streamAbort.abort();
    }
  }

  async function start() {
    const config = await (await fetch('/config.json')).json();
    surveyUrl = config.surveyUrl;
    session = window.AlfSignIn(config, { say, signedIn, signedOut });
    const asked = new URLSearchParams(location.search);
    $('signin').addEventListener('click', () => session.signIn({ region: $('region').value || asked.get('region'),
      campaign: $('campaign').value || asked.get('campaign') }).catch((e) => say(e.message, true)));
    $('signout').addEventListener('click', session.signOut);
    $('choose-form').addEventListener('submit', (e) => {
      e.preventDefault();
      show().catch(fail);
    });
    $('region').addEventListener('change', () => show().catch(fail));
    $('campaign').addEventListener('change', () => show().catch(fail));
    $('copy').addEventListener('click', () => copy().catch(fail));
    const { signedIn: fresh, keep } = await session.completeSignIn();
    await load(fresh ? keep : { region: asked.get('region'), campaign: asked.get('campaign') });
  }

  start().catch(fail);
}());
