// The assessor workbench: the review queue of assessment-service (free-text examples awaiting an assessor's judgement)
// with each example beside the level it decides, the unit's answers and the current outcome; approve or reject with
// a comment, by keyboard. The page calls assessment-service directly (its URL from /config.json; that service allows
// this origin by CORS). Every level-specific text comes from the API: the queue item, the rule set and the unit's
// latest assessment. Texts from the data reach the page only through textContent, never as HTML.
// Kept as one script of about 440 lines: it is one page's state (the queue, the chosen item, the keyboard) and its
// drawing, without a module loader or build step; the sign-in it shares with the dashboard is in signin.js.
(function () {
  'use strict';

  const STATUSES = [['PENDING', 'Väntar', 'Pending'], ['APPROVED', 'Godkända', 'Approved'],
    ['REJECTED', 'Underkända', 'Rejected'], ['SUPERSEDED', 'Ersatta', 'Superseded'], ['', 'Alla', 'All']];
  const STATUS_SV = { PENDING: 'väntar', APPROVED: 'godkänd', REJECTED: 'underkänd', SUPERSEDED: 'ersatt' };
  const OUTCOMES = { MET: ['Uppfylld', 'Met'], NOT_MET: ['Inte uppfylld', 'Not met'],
    NOT_APPLICABLE: ['Inte tillämplig (räknas som uppfylld)', 'Not applicable (counts as met)'],
    PENDING_REVIEW: ['Väntar på bedömning', 'Awaiting review'] };

  let session;
  let assessmentUrl;
  let items = [];
  let currentId = null;
  let busy = false;
  let shown = 0;
  const ruleSets = new Map();
  const regionNames = new Map();
  const drafts = new Map();
  const $ = (id) => document.getElementById(id);

  function say(text, isError) {
    $('message').textContent = text || '';
    $('message').className = isError ? 'error' : '';
  }

  function notice(text, kind, code) {
    $('notice').textContent = text || '';
    $('notice').className = kind || '';
    $('notice').dataset.code = code || '';
  }

  // an element with text (never parsed as HTML) and attributes; children may be appended
  function el(tag, text, attributes, ...children) {
    const element = document.createElement(tag);
    element.textContent = text === null || text === undefined ? '' : String(text);
    Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
    element.append(...children);
    return element;
  }

  const en = (text) => el('span', text, { class: 'en', lang: 'en' });

  // ---- data ----

  async function call(base, path, options) {
    const response = await fetch(base + path, Object.assign({}, options, { headers: Object.assign({
      Authorization: 'Bearer ' + session.token(), Accept: 'application/json' }, (options || {}).headers) }));
    if (response.status === 401) {
      session.signedOut();
      throw new Error('Logga in för att se kön / Sign in to see the queue');
    }
    return response;
  }

  async function json(base, path) {
    const response = await call(base, path);
    if (response.status === 403) {
      throw new Error('Din roll får inte bedöma exempel / Your role may not review examples');
    }
    if (!response.ok) {
      throw new Error('Fel ' + response.status + ' från ' + path);
    }
    return response.json();
  }

  async function ruleSet(version) {
    if (!ruleSets.has(version)) {
      ruleSets.set(version, json(assessmentUrl, '/api/rule-sets/' + encodeURIComponent(version))
        .catch(() => ({ levels: [] })));
    }
    return ruleSets.get(version);
  }

  async function levelRule(item) {
    return ((await ruleSet(item.ruleSetVersion)).levels || []).find((l) => l.number === item.level) || {};
  }

  // region names as reporting-service serves them for the campaign (same origin); the code where it has none
  async function learnRegionNames(campaigns) {
    await Promise.all(campaigns.map((c) => json('', '/api/compliance?campaignId=' + encodeURIComponent(c))
      .then((data) => data.regions.forEach((r) => regionNames.set(r.code, r.name))).catch(() => null)));
  }

  const regionName = (code) => regionNames.get(code) || code;

  async function load() {
    if (!session.token()) {
      say('Logga in för att se kön / Sign in to see the queue');
      return;
    }
    say('Hämtar kön … / Loading the queue …');
    items = await json(assessmentUrl, '/api/reviews');
    const campaigns = distinct(items.map((i) => i.campaignId));
    await Promise.all([learnRegionNames(campaigns), ...distinct(items.map((i) => i.ruleSetVersion)).map(ruleSet)]);
    say('');
    await render();
  }

  const distinct = (values) => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  // ---- filters, counts and progress ----

  function filters() {
    return { campaign: $('filter-campaign').value, region: $('filter-region').value,
      level: $('filter-level').value, status: $('filter-status').value };
  }

  function matches(item, f, ignore) {
    return (ignore === 'campaign' || !f.campaign || item.campaignId === f.campaign)
      && (ignore === 'region' || !f.region || item.regionCode === f.region)
      && (ignore === 'level' || !f.level || String(item.level) === f.level)
      && (ignore === 'status' || !f.status || item.status === f.status);
  }

  // each option names how many pending items it would show, given the other filters
  async function fillSelect(select, name, values, label) {
    const f = filters();
    const keep = select.value || select.dataset.wanted || '';
    const pending = (value) => items.filter((i) => matches(i, Object.assign({}, f, { [name]: value }), 'status')
      && i.status === 'PENDING').length;
    const options = [el('option', 'Alla (' + pending('') + ' väntar)', { value: '' })];
    for (const value of values) {
      options.push(el('option', (await label(value)) + ' (' + pending(value) + ' väntar)', { value }));
    }
    select.replaceChildren(...options);
    select.value = values.map(String).includes(keep) ? keep : '';
    delete select.dataset.wanted;
  }

  async function renderFilters() {
    await fillSelect($('filter-campaign'), 'campaign', distinct(items.map((i) => i.campaignId)), (c) => c);
    await fillSelect($('filter-region'), 'region', distinct(items.map((i) => i.regionCode)),
      (code) => code + ' ' + regionName(code));
    const levels = distinct(items.map((i) => i.level)).sort((a, b) => a - b).map(String);
    const byNumber = new Map(items.map((i) => [String(i.level), i]));
    await fillSelect($('filter-level'), 'level', levels,
      async (n) => n + '. ' + ((await levelRule(byNumber.get(n))).shortLabelSv || ''));
  }

  function renderCounts() {
    const f = filters();
    const selection = items.filter((i) => matches(i, f, 'status'));
    const count = (status) => selection.filter((i) => i.status === status).length;
    $('counts').replaceChildren(
      el('span', count('PENDING') + ' väntar, ' + count('APPROVED') + ' godkända, ' + count('REJECTED')
        + ' underkända, ' + count('SUPERSEDED') + ' ersatta ', { 'data-pending': count('PENDING') }),
      en(count('PENDING') + ' pending, ' + count('APPROVED') + ' approved, ' + count('REJECTED') + ' rejected, '
        + count('SUPERSEDED') + ' superseded'));
    const decided = count('APPROVED') + count('REJECTED');
    const total = decided + count('PENDING');
    $('progress').max = Math.max(total, 1);
    $('progress').value = decided;
    $('progress-text').textContent = decided + ' av ' + total + ' bedömda'
      + (total ? ' (' + Math.round(100 * decided / total) + ' %)' : '');
    $('progress-text').dataset.decided = decided;
    $('progress-text').dataset.total = total;
  }

  function queue() {
    return items.filter((i) => matches(i, filters(), null));
  }

  async function render() {
    await renderFilters();
    renderCounts();
    const list = queue();
    if (!list.some((i) => i.id === currentId)) {
      setCurrent(list.length ? list[0].id : null);
    }
    const hadFocus = $('queue').contains(document.activeElement);
    $('queue').replaceChildren(...list.map((item, index) => {
      const button = el('button', null, { type: 'button', 'data-review-id': item.id,
        'aria-current': String(item.id === currentId) });
      button.append(el('span', (index + 1) + '. Nivå ' + item.level + ' · ' + item.unitId + ' · '
        + regionName(item.regionCode)), el('span', STATUS_SV[item.status] || item.status, { class: 'status' }));
      button.addEventListener('click', () => select(item.id));
      return el('li', null, {}, button);
    }));
    if (list.length === 0) {
      $('queue').append(el('li', 'Inget i kön med dessa val / Nothing in the queue for this selection'));
    }
    const current = document.querySelector('#queue button[aria-current="true"]');
    if (current && (hadFocus || document.activeElement === document.body)) {
      // the queue was drawn anew: the keyboard stays on it
      current.focus({ preventScroll: true });
    }
    await showItem();
  }

  // ---- the item ----

  // the comment box follows the item at once, not when its details have arrived, so that typing is never undone
  function setCurrent(id) {
    if (id === currentId) {
      return;
    }
    saveDraft();
    currentId = id;
    $('comment').value = drafts.get(id) || '';
    $('comment-error').textContent = '';
  }

  async function select(id) {
    setCurrent(id);
    document.querySelectorAll('#queue button[data-review-id]').forEach((b) =>
      b.setAttribute('aria-current', String(b.dataset.reviewId === id)));
    const button = document.querySelector('#queue button[aria-current="true"]');
    if (button) {
      button.scrollIntoView({ block: 'nearest' });
    }
    await showItem();
  }

  function move(step) {
    const list = queue();
    const index = list.findIndex((i) => i.id === currentId);
    const next = list[Math.min(list.length - 1, Math.max(0, index + step))];
    if (next && next.id !== currentId) {
      notice('');
      select(next.id).catch((e) => say(e.message, true));
    }
  }

  function saveDraft() {
    if (currentId) {
      drafts.set(currentId, $('comment').value);
    }
  }

  function fact(dt, dd) {
    return [el('dt', dt), el('dd', dd)];
  }

  async function showItem() {
    const item = items.find((i) => i.id === currentId);
    const section = $('item');
    section.hidden = !item;
    if (!item) {
      return;
    }
    const ticket = ++shown;
    const rule = await levelRule(item);
    const [assessments, scorecard] = await Promise.all([
      json(assessmentUrl, '/api/assessments?unitId=' + encodeURIComponent(item.unitId) + '&campaignId='
        + encodeURIComponent(item.campaignId)).catch(() => []),
      json('', '/api/units/' + encodeURIComponent(item.unitId) + '/scorecard?campaignId='
        + encodeURIComponent(item.campaignId)).catch(() => null)]);
    if (ticket !== shown) {
      return; // another item was chosen meanwhile
    }
    const level = ((assessments[0] || {}).levels || []).find((l) => l.number === item.level);
    const explanation = (level && level.explanation) || {};
    section.dataset.reviewId = item.id;
    section.dataset.status = item.status;
    $('item-heading').replaceChildren(el('span', 'Nivå ' + item.level + ': ' + (rule.shortLabelSv || '') + ' – '
      + ((scorecard && scorecard.unitName) || item.unitId)));
    $('facts').replaceChildren(
      ...fact('Enhet', item.unitId + (scorecard && scorecard.unitName ? ' – ' + scorecard.unitName : '')),
      ...fact('Region', item.regionCode + ' ' + regionName(item.regionCode)),
      ...fact('Omgång', item.campaignId),
      ...fact('Inskickad version', String(item.submissionRevision)),
      ...fact('Regelverk', item.ruleSetVersion),
      ...fact('Status', STATUS_SV[item.status] || item.status));
    $('level-text').textContent = rule.textSv || '';
    $('level-text-en').textContent = rule.textEn || '';
    const reads = explanation.items || (rule.items || []).map((id) => ({ id, answer: null }));
    $('answers').tBodies[0].replaceChildren(...reads.map((answer) => el('tr', null,
      { 'data-item': answer.id }, el('th', answer.id, { scope: 'row' }), answerCell(answer))));
    $('example-heading').replaceChildren(el('span', 'Exemplet, fråga ' + item.itemId + ' '), en('The example'));
    $('example').textContent = item.text || '';
    const criteria = rule.review || {};
    $('criteria').textContent = criteria.criteriaSv || item.criteriaSv || '';
    $('criteria-en').textContent = criteria.criteriaEn || item.criteriaEn || '';
    const outcome = OUTCOMES[level && level.outcome] || ['Ingen bedömning ännu', 'Not assessed yet'];
    $('outcome').replaceChildren(el('strong', outcome[0] + ' '), en(outcome[1]));
    $('outcome').dataset.outcome = (level && level.outcome) || '';
    $('explanation').textContent = explanation.sv || '';
    $('explanation-en').textContent = explanation.en || '';
    $('flags').replaceChildren(...(explanation.flags || []).map((f) => el('li', f.sv + ' ', {}, en(f.en))));
    const pending = item.status === 'PENDING';
    $('decision').hidden = !pending;
    $('decided').textContent = pending ? '' : 'Beslut: ' + (STATUS_SV[item.status] || item.status)
      + (item.decidedBy ? ' av ' + item.decidedBy : '') + (item.decidedAt ? ' ' + item.decidedAt : '')
      + (item.comment ? ' – ”' + item.comment + '”' : '');
  }

  function answerCell(answer) {
    const value = answer.answer;
    const cell = el('td', value === null || value === undefined ? '– (inget svar)'
      : typeof value === 'object' ? JSON.stringify(value) : String(value));
    if (answer.labelSv) {
      cell.textContent = answer.labelSv + ' ';
      cell.append(en(answer.labelEn || ''), el('span', ' (' + value + ')', { class: 'code' }));
    }
    return cell;
  }

  // ---- deciding ----

  async function decide(decision) {
    const item = items.find((i) => i.id === currentId);
    if (!item || item.status !== 'PENDING' || busy) {
      return;
    }
    const comment = $('comment').value.trim();
    if (!comment) {
      $('comment-error').textContent = 'Skriv en kommentar först (tryck c) / Write a comment first (press c)';
      $('comment').focus();
      return;
    }
    busy = true;
    try {
      const response = await call(assessmentUrl, '/api/reviews/' + encodeURIComponent(item.id) + '/decision', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ decision, comment })
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        drafts.delete(item.id);
        notice((decision === 'APPROVED' ? 'Godkänt' : 'Underkänt') + ': nivå ' + item.level + ' för ' + item.unitId
          + '. / ' + (decision === 'APPROVED' ? 'Approved' : 'Rejected') + '.', 'done', 'DECIDED');
        await reloadAndMoveOn(item.id);
      } else if (response.status === 409) {
        await conflict(item, body.code);
      } else if (response.status === 422) {
        $('comment-error').textContent = (body.errors || []).map((e) => e.pointer + ': ' + e.message).join('; ');
      } else {
        notice('Beslutet kunde inte sparas (' + response.status + ') / The decision was not saved', 'error',
          body.code);
      }
    } finally {
      busy = false;
    }
  }

  // someone else decided first (or a new revision replaced the example): say who and what, then go on
  async function conflict(item, code) {
    drafts.delete(item.id);
    const now = (await json(assessmentUrl, '/api/reviews?unitId=' + encodeURIComponent(item.unitId))
      .catch(() => [])).find((i) => i.id === item.id) || {};
    const text = code === 'REVIEW_SUPERSEDED'
      ? 'Exemplet har ersatts av en nyare version av enkäten; ditt beslut sparades inte. / The example was replaced '
        + 'by a newer revision; your decision was not saved.'
      : 'En annan bedömare hann före: ' + (now.decidedBy || 'någon') + ' har redan ' + (STATUS_SV[now.status]
        ? 'beslutat "' + STATUS_SV[now.status] + '"' : 'beslutat') + ' om nivå ' + item.level + ' för '
        + item.unitId + (now.comment ? ' (”' + now.comment + '”)' : '') + '. Ditt beslut sparades inte. / Another '
        + 'assessor decided this item first; your decision was not saved.';
    notice(text, 'conflict', code);
    await reloadAndMoveOn(item.id);
  }

  async function reloadAndMoveOn(decidedId) {
    const before = queue().map((i) => i.id);
    items = await json(assessmentUrl, '/api/reviews');
    const after = new Set(queue().map((i) => i.id));
    const from = before.indexOf(decidedId);
    const next = before.slice(from + 1).find((id) => after.has(id))
      || before.slice(0, Math.max(from, 0)).reverse().find((id) => after.has(id)) || null;
    $('comment').value = ''; // decided, or lost to an earlier decision: nothing of it is kept as a draft
    setCurrent(next);
    await render();
  }

  // ---- keyboard ----

  function onKey(e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    const typing = e.target.closest && e.target.closest('input, textarea, select, [contenteditable="true"]');
    if (typing) {
      // Esc leaves the comment box or a filter for the queue, where the shortcuts work again
      if (e.key === 'Escape' && (e.target.id === 'comment' || e.target.closest('#filters'))) {
        saveDraft();
        e.target.blur();
        const current = document.querySelector('#queue button[aria-current="true"]');
        (current || document.body).focus({ preventScroll: true });
      }
      return;
    }
    const action = { j: () => move(1), k: () => move(-1), a: () => decide('APPROVED'), r: () => decide('REJECTED'),
      c: () => $('decision').hidden || $('comment').focus() }[e.key];
    if (action) {
      e.preventDefault(); // the key itself is not typed into the box it may have focused
      Promise.resolve(action()).catch((error) => say(error.message, true));
    }
  }

  // ---- start ----

  function showUser(name) {
    $('user').textContent = name;
    $('signin').hidden = true;
    $('signout').hidden = false;
  }

  function signedOut() {
    $('user').textContent = '';
    $('signin').hidden = false;
    $('signout').hidden = true;
  }

  async function start() {
    const config = await (await fetch('/config.json')).json();
    assessmentUrl = config.assessmentUrl;
    session = window.AlfSignIn(config, { say, signedIn: showUser, signedOut });
    $('filter-status').replaceChildren(...STATUSES.map(([value, sv, english]) =>
      el('option', sv + ' / ' + english, { value })));
    $('signin').addEventListener('click', () => session.signIn(filters()).catch((e) => say(e.message, true)));
    $('signout').addEventListener('click', session.signOut);
    $('reload').addEventListener('click', () => load().catch((e) => say(e.message, true)));
    ['filter-campaign', 'filter-region', 'filter-level', 'filter-status'].forEach((id) =>
      $(id).addEventListener('change', () => {
        notice('');
        render().catch((e) => say(e.message, true));
      }));
    $('approve').addEventListener('click', () => decide('APPROVED').catch((e) => say(e.message, true)));
    $('reject').addEventListener('click', () => decide('REJECTED').catch((e) => say(e.message, true)));
    $('decision').addEventListener('submit', (e) => e.preventDefault());
    document.addEventListener('keydown', onKey);
    const { keep } = await session.completeSignIn();
    // the filters chosen before sign-in come back once their options exist
    ['campaign', 'region', 'level'].forEach((name) => {
      $('filter-' + name).dataset.wanted = keep[name] || '';
    });
    $('filter-status').value = keep.status === undefined ? 'PENDING' : keep.status;
    await load();
  }

  start().catch((e) => say(e.message, true));
}());
