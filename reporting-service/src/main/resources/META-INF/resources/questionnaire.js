// The questionnaire page: a reporter chooses a campaign and a unit of its region (or the region itself, for a
// region-level questionnaire), fills in the form generated from the definition (questionnaire-form.js), and the page
// keeps the draft saved as the person works, submits, amends (a revision conflict explained beside the newer
// version) and shows the submission's history. It calls survey-service directly (its URL from /config.json; that
// service allows this origin by CORS); every rule, region check included, is the server's, and its problem+json
// answers are shown as they come. Texts from the data reach the page only through textContent, never as HTML.
// Kept as one script of about 490 lines: it is one page's state (the open submission, the save queue, the conflict)
// and its drawing, like workbench.js; the form itself is in questionnaire-form.js.
(function () {
  'use strict';

  const SAVE_DELAY_MS = 800;
  const STATUS_SV = { DRAFT: 'Utkast', SUBMITTED: 'Inskickad', RETURNED: 'Återsänd för komplettering',
    LOCKED: 'Låst' };
  const ACTIONS_SV = { DRAFT_CREATED: 'Utkast skapat', DRAFT_SAVED: 'Utkast sparat', SUBMITTED: 'Inskickad',
    AMENDED: 'Ändrad', RETURNED: 'Återsänd', LOCKED: 'Låst' };
  const PROBLEMS_SV = {
    OTHER_REGION: 'Servern nekade: enheten hör till en annan region än din.',
    REGION_CLAIM_MISSING: 'Servern nekade: din inloggning saknar region.',
    FORBIDDEN: 'Servern nekade: din roll får inte göra detta.',
    CAMPAIGN_CLOSED: 'Utvärderingsomgången är stängd; inget kan sparas.',
    SUBMISSION_LOCKED: 'Inskickningen är låst.',
    SUBMISSION_NOT_DRAFT: 'Inskickningen är redan inskickad; ändra den med en ändring.',
    SUBMISSION_EXISTS: 'Enheten har redan en inskickning i omgången; ladda om sidan.',
    UNKNOWN_UNIT: 'Okänd enhet.', UNIT_INACTIVE: 'Enheten är inte aktiv.',
    WRONG_QUESTIONNAIRE_LEVEL: 'Enheten passar inte enkätens nivå (enhet eller region).',
    VALIDATION_FAILED: 'Svaren har fel; se fälten.'
  };

  let session;
  let surveyUrl;
  let claims = {};
  let campaigns = [];
  let questionnaires = [];
  const unitLists = new Map();
  // the open questionnaire
  let open = null; // {campaign, unitId, definition, form, id, submission}
  let timer = null;
  let dirty = false;
  let lastSaveOk = true;
  let chain = Promise.resolve(true);
  const $ = (id) => document.getElementById(id);

  function el(tag, text, attributes, ...children) {
    const element = document.createElement(tag);
    element.textContent = text === null || text === undefined ? '' : String(text);
    Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
    element.append(...children);
    return element;
  }

  const en = (text) => el('span', text, { class: 'en', lang: 'en' });

  function say(text, isError) {
    $('message').textContent = text || '';
    $('message').className = isError ? 'error' : '';
  }

  function status(text, state) {
    $('save-status').textContent = text;
    $('save-status').dataset.state = state;
  }

  /** A refused request as the server said it: the Swedish gist, the code and the server's own detail. */
  function showProblem(problem) {
    const box = $('problem');
    if (!problem) {
      box.replaceChildren();
      box.dataset.code = '';
      return;
    }
    box.replaceChildren(el('strong', PROBLEMS_SV[problem.code] || 'Servern svarade med ett fel.'), ' ',
      en((problem.code ? problem.code + ': ' : '') + (problem.detail || problem.title || '')));
    box.dataset.code = problem.code || String(problem.status || '');
  }

  const time = (iso) => (iso ? new Date(iso).toLocaleString('sv-SE') : '');

  // ---- survey-service ----

  async function call(path, options) {
    const response = await fetch(surveyUrl + path, Object.assign({}, options, { headers: Object.assign({
      Authorization: 'Bearer ' + session.token(), Accept: 'application/json' }, (options || {}).headers) }));
    if (response.status === 401) {
      session.signedOut();
      throw new Error('Logga in för att fylla i enkäten / Sign in to fill in the questionnaire');
    }
    return response;
  }

  async function problemOf(response) {
    try {
      return await response.json();
    } catch (e) {
      return { status: response.status, title: response.statusText };
    }
  }

  async function json(path) {
    const response = await call(path);
    if (!response.ok) {
      const problem = await problemOf(response);
      showProblem(problem);
      throw new Error('Fel ' + response.status + ' från ' + path);
    }
    return response.json();
  }

  // ---- choosing campaign and unit ----

  function region() {
    const code = claims.region_code;
    return Array.isArray(code) ? code[0] : code;
  }

  function selectedCampaign() {
    return campaigns.find((c) => c.id === $('campaign').value);
  }

  async function fillUnits(wanted) {
    const campaign = selectedCampaign();
    if (!campaign) {
      $('unit').replaceChildren();
      return;
    }
    let choices;
    if (campaign.level === 'REGION') {
      choices = region() ? [['REGION-' + region(), 'Regionen ' + region()]] : [];
    } else {
      const key = region() || '*';
      if (!unitLists.has(key)) {
        unitLists.set(key, await json('/api/units' + (region() ? '?regionCode=' + encodeURIComponent(region()) : '')));
      }
      choices = unitLists.get(key).filter((u) => u.active !== false).map((u) => [u.id, u.name + ' (' + u.id + ')']);
    }
    // a unit named in the address is offered as it is: whether this person may answer for it is the server's call
    if (wanted && !choices.some(([id]) => id === wanted)) {
      choices.unshift([wanted, wanted]);
    }
    $('unit').replaceChildren(...choices.map(([id, name]) => el('option', name, { value: id })));
    if (wanted) {
      $('unit').value = wanted;
    }
  }

  async function loadChoices(keep) {
    [campaigns, questionnaires] = await Promise.all([json('/api/campaigns'), json('/api/questionnaires')]);
    const title = (q) => (questionnaires.find((x) => x.key === q.key && x.version === q.version) || {}).title || q.key;
    $('campaign').replaceChildren(...campaigns.map((c) => el('option', c.id + ' – ' + title(c.questionnaire)
      + ' ' + c.questionnaire.version + (c.status === 'OPEN' ? '' : ' (' + c.status + ')'), { value: c.id })));
    if (keep.campaignId && campaigns.some((c) => c.id === keep.campaignId)) {
      $('campaign').value = keep.campaignId;
    }
    await fillUnits(keep.unitId);
    if (keep.campaignId && keep.unitId) {
      await openQuestionnaire();
    }
  }

  // ---- the form ----

  async function openQuestionnaire() {
    await saveDraft(); // what the person typed in the form open until now is saved first
    showProblem(null);
    const campaign = selectedCampaign();
    const unitId = $('unit').value;
    if (!campaign || !unitId) {
      say('Välj omgång och enhet / Choose campaign and unit', true);
      return;
    }
    history.replaceState(null, '', location.pathname + '?' + new URLSearchParams({ campaignId: campaign.id, unitId }));
    const q = campaign.questionnaire;
    const definition = await json('/api/questionnaires/' + encodeURIComponent(q.key) + '/'
      + encodeURIComponent(q.version));
    const found = await json('/api/submissions?' + new URLSearchParams({ campaignId: campaign.id, unitId }));
    const submission = found.items && found.items.length
      ? await json('/api/submissions/' + encodeURIComponent(found.items[0].id)) : null;
    const form = window.AlfQuestionnaireForm(definition, $('answers'), changed);
    open = { campaign, unitId, definition, form, id: submission ? submission.id : crypto.randomUUID(), submission };
    dirty = false;
    lastSaveOk = true;
    form.render(submission ? submission.answers : {});
    form.showEnglish(document.body.classList.contains('show-en'));
    $('form-heading').replaceChildren(definition.titleSv, ' ', el('span', definition.titleEn || '',
      { class: 'en q-en', lang: 'en' }));
    hideSummary();
    $('conflict').hidden = true;
    $('form-panel').hidden = false;
    status(submission ? 'Hämtad från servern' : 'Inget sparat ännu', 'loaded');
    showState();
    await loadHistory();
  }

  function showState() {
    const submission = open.submission;
    const state = submission ? submission.status : 'NEW';
    $('form-panel').dataset.status = state;
    $('form-panel').dataset.submissionId = open.id;
    const fact = (sv, english, value) => [el('dt', sv + ' ', null, en(english)), el('dd', value)];
    $('facts').replaceChildren(
      ...fact('Enhet', 'Unit', open.unitId),
      ...fact('Omgång', 'Campaign', open.campaign.id + ' (' + open.campaign.periodStart + ' – '
        + open.campaign.periodEnd + ')'),
      ...fact('Status', 'Status', submission ? STATUS_SV[submission.status] || submission.status
        : 'Ej påbörjad / Not started'),
      ...fact('Revision', 'Revision', submission && submission.revision ? String(submission.revision) : '–'),
      ...(submission && submission.returnComment
        ? fact('Kommentar vid återsändning', 'Return comment', submission.returnComment) : []));
    const editable = state === 'NEW' || state === 'DRAFT' || state === 'RETURNED';
    $('submit').hidden = !editable;
    $('amend').hidden = state !== 'SUBMITTED';
    open.form.setDisabled(state === 'LOCKED');
  }

  function changed() {
    if (!open) {
      return;
    }
    dirty = true;
    const state = open.submission ? open.submission.status : 'NEW';
    if (state === 'SUBMITTED') {
      status('Ändrat men inte skickat: skicka ändringen när du är klar. / Changed, not sent yet.', 'changed');
      return;
    }
    status('Ändrat, sparas strax… / Changed, saving soon…', 'pending');
    clearTimeout(timer);
    timer = setTimeout(() => saveDraft().catch((e) => say(e.message, true)), SAVE_DELAY_MS);
  }

  /** Saves the draft if anything changed, one save at a time; answers whether what is stored is what is shown. */
  function saveDraft() {
    clearTimeout(timer);
    chain = chain.then(doSave, doSave);
    return chain;
  }

  async function doSave() {
    if (!dirty || !open || (open.submission && open.submission.status === 'SUBMITTED')) {
      return lastSaveOk;
    }
    dirty = false;
    status('Sparar… / Saving…', 'saving');
    const response = await call('/api/submissions/' + encodeURIComponent(open.id), { method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ campaignId: open.campaign.id, unitId: open.unitId, answers: open.form.answers() }) });
    if (response.ok) {
      open.submission = await response.json();
      lastSaveOk = true;
      showProblem(null);
      open.form.clearErrors();
      hideSummary();
      showState();
      if (dirty) {
        status('Ändrat, sparas strax… / Changed, saving soon…', 'pending'); // changed while this save was on its way
      } else {
        status('Utkastet sparat ' + time(open.submission.updatedAt) + ' / Draft saved', 'saved');
      }
      return true;
    }
    lastSaveOk = false;
    await refused(response, false, 'Utkastet sparades inte / The draft was not saved');
    return false;
  }

  /** A 422 at its fields with a summary; any other refusal said as the server said it. */
  async function refused(response, focus, what) {
    const problem = await problemOf(response);
    if (response.status === 422 && Array.isArray(problem.errors)) {
      const placed = open.form.showErrors(problem.errors);
      showSummary(placed, focus);
      showProblem(placed.some((p) => !p.controlId) ? problem : null);
      status(what + ': ' + placed.length + ' fel', 'invalid');
    } else {
      showProblem(problem);
      status(what + ' (' + (problem.code || response.status) + ')', 'error');
      if (focus) {
        $('problem').focus();
      }
    }
    return problem;
  }

  function hideSummary() {
    $('error-summary').hidden = true;
    $('error-list').replaceChildren();
  }

  function showSummary(placed, focus) {
    $('error-summary-heading').replaceChildren('Enkäten har ' + placed.length + ' fel ',
      en('The questionnaire has ' + placed.length + ' error' + (placed.length === 1 ? '' : 's')));
    $('error-list').replaceChildren(...placed.map((p) => {
      if (!p.controlId) {
        return el('li', p.text + ' (' + p.error.code + ')', { 'data-code': p.error.code });
      }
      const link = el('a', p.text, { href: '#' + p.controlId, 'data-code': p.error.code,
        'data-pointer': p.error.pointer });
      link.addEventListener('click', (e) => {
        e.preventDefault();
        open.form.focus(p.controlId);
      });
      return el('li', null, null, link);
    }));
    $('error-summary').hidden = placed.length === 0;
    if (focus && placed.length) {
      $('error-summary').focus();
    }
  }

  // ---- submit, amend ----

  async function submit() {
    // the draft first (a new submission exists only once saved), then the complete check of submit
    dirty = dirty || !lastSaveOk || !open.submission;
    if (!(await saveDraft())) {
      if (!$('error-summary').hidden) {
        $('error-summary').focus();
      }
      return;
    }
    status('Skickar in… / Submitting…', 'saving');
    const response = await call('/api/submissions/' + encodeURIComponent(open.id) + '/submit', { method: 'POST' });
    if (!response.ok) {
      await refused(response, true, 'Enkäten skickades inte in / Not submitted');
      return;
    }
    open.submission = await response.json();
    afterWrite('Inskickad som revision ' + open.submission.revision + ' / Submitted', 'submitted');
  }

  async function amend() {
    status('Skickar ändringen… / Sending the amendment…', 'saving');
    const response = await call('/api/submissions/' + encodeURIComponent(open.id) + '/amendments', { method: 'POST',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"' + open.submission.etag + '"' },
      body: JSON.stringify({ answers: open.form.answers() }) });
    if (response.status === 409) {
      const problem = await problemOf(response);
      if (problem.code === 'REVISION_CONFLICT') {
        await conflict();
        return;
      }
      showProblem(problem);
      status('Ändringen skickades inte (' + problem.code + ')', 'error');
      return;
    }
    if (!response.ok) {
      await refused(response, true, 'Ändringen skickades inte / Amendment not sent');
      return;
    }
    const unchanged = response.status === 200;
    open.submission = await response.json();
    afterWrite(unchanged ? 'Inget att ändra: svaren är desamma som i revision ' + open.submission.revision
      + ' / Nothing changed' : 'Ändringen skickad som revision ' + open.submission.revision + ' / Amended',
    unchanged ? 'unchanged' : 'amended');
  }

  function afterWrite(text, state) {
    dirty = false;
    lastSaveOk = true;
    showProblem(null);
    open.form.clearErrors();
    hideSummary();
    $('conflict').hidden = true;
    status(text, state);
    showState();
    loadHistory().catch((e) => say(e.message, true));
  }

  /**
   * An answer written so that equal answers read the same: keys in order (the server may store them in another), and
   * a table row's empty cell left out (a missing cell and null mean the same there; in a yearly item they do not).
   */
  function same(value) {
    const sorted = (v) => (v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v);
    const rows = Array.isArray(value) ? value.map((row) => (row && typeof row === 'object'
      ? Object.fromEntries(Object.entries(row).filter(([, cell]) => cell !== null)) : row)) : value;
    return JSON.stringify(Array.isArray(rows) ? rows.map(sorted) : sorted(rows));
  }

  /** Someone changed the submission first: say who and when, and show the newer version beside these answers. */
  async function conflict() {
    const newer = await json('/api/submissions/' + encodeURIComponent(open.id));
    const mine = open.form.answers();
    const ids = [...new Set([...Object.keys(newer.answers || {}), ...Object.keys(mine)])];
    const differing = ids.filter((id) => same((newer.answers || {})[id]) !== same(mine[id]));
    $('conflict-text').replaceChildren('Inskickningen ändrades av ' + (newer.updatedBy || 'någon') + ' '
      + time(newer.updatedAt) + ' efter att du öppnade den; den är nu revision ' + newer.revision + ' ('
      + (STATUS_SV[newer.status] || newer.status) + ')' + (newer.returnComment ? ', med kommentaren ”'
        + newer.returnComment + '”' : '') + '. Din ändring sparades inte. Jämför och välj. ',
    en('Someone else changed the submission after you opened it; your amendment was not saved.'));
    $('conflict').dataset.revision = String(newer.revision);
    $('conflict').dataset.updatedBy = newer.updatedBy || '';
    $('conflict-table').tBodies[0].replaceChildren(...differing.map((id) => el('tr', null, { 'data-item': id },
      el('th', open.form.label(id), { scope: 'row' }), el('td', open.form.readable(id, (newer.answers || {})[id])),
      el('td', open.form.readable(id, mine[id])))));
    $('conflict').hidden = false;
    $('conflict').focus();
    status('Ändringen skickades inte: någon annan hann före (REVISION_CONFLICT)', 'conflict');
    open.newer = newer;
  }

  function takeNewer() {
    open.submission = open.newer;
    open.form.render(open.newer.answers);
    afterWrite('Den nyare versionen (revision ' + open.newer.revision + ') visas / The newer version is shown',
      'loaded');
  }

  async function keepMine() {
    open.submission = open.newer; // its ETag: these answers are sent on top of the version just shown
    $('conflict').hidden = true;
    if (open.newer.status === 'RETURNED') {
      dirty = true;
      await submit();
    } else {
      await amend();
    }
  }

  // ---- history ----

  async function loadHistory() {
    if (!open.submission) {
      $('history-panel').hidden = true;
      return;
    }
    const entries = await json('/api/submissions/' + encodeURIComponent(open.id) + '/history');
    $('history').tBodies[0].replaceChildren(...entries.slice().reverse().map((entry) => el('tr', null,
      { 'data-action': entry.action, 'data-revision': String(entry.revision) },
      el('td', time(entry.at)), el('td', ACTIONS_SV[entry.action] || entry.action),
      el('td', STATUS_SV[entry.status] || entry.status), el('td', String(entry.revision)), el('td', entry.actor),
      el('td', null, null, changes(entry)))));
    $('history-panel').hidden = false;
  }

  function changes(entry) {
    const list = el('ul', null, { class: 'changes' });
    (entry.changes || []).forEach((change) => list.append(el('li', open.form.label(change.item) + ': '
      + open.form.readable(change.item, change.before === null ? undefined : change.before)
      + ' → ' + open.form.readable(change.item, change.after === null ? undefined : change.after))));
    if (entry.comment) {
      list.append(el('li', 'Kommentar: ' + entry.comment));
    }
    return list;
  }

  // ---- start ----

  function showUser(name, tokenClaims) {
    claims = tokenClaims || {};
    $('user').textContent = name;
    $('signin').hidden = true;
    $('signout').hidden = false;
  }

  function signedOut() {
    $('user').textContent = '';
    $('signin').hidden = false;
    $('signout').hidden = true;
  }

  function toggleLanguage() {
    const english = !document.body.classList.contains('show-en');
    document.body.classList.toggle('show-en', english);
    $('language').setAttribute('aria-pressed', String(english));
    if (open) {
      open.form.showEnglish(english);
    }
  }

  const guarded = (action) => () => Promise.resolve().then(action).catch((e) => say(e.message, true));

  async function start() {
    const config = await (await fetch('/config.json')).json();
    surveyUrl = config.surveyUrl;
    session = window.AlfSignIn(config, { say, signedIn: showUser, signedOut });
    const address = new URLSearchParams(location.search);
    const wanted = { campaignId: address.get('campaignId') || '', unitId: address.get('unitId') || '' };
    $('signin').addEventListener('click', () => session.signIn(wanted).catch((e) => say(e.message, true)));
    $('signout').addEventListener('click', session.signOut);
    $('language').addEventListener('click', toggleLanguage);
    $('campaign').addEventListener('change', guarded(() => fillUnits()));
    $('choose').addEventListener('submit', (e) => {
      e.preventDefault();
      guarded(openQuestionnaire)();
    });
    $('answers').addEventListener('submit', (e) => e.preventDefault());
    $('submit').addEventListener('click', guarded(submit));
    $('amend').addEventListener('click', guarded(amend));
    $('take-newer').addEventListener('click', guarded(takeNewer));
    $('keep-mine').addEventListener('click', guarded(keepMine));
    const { signedIn, keep } = await session.completeSignIn();
    if (signedIn) {
      await loadChoices(keep.campaignId ? keep : wanted);
    } else {
      say('Logga in för att fylla i enkäten / Sign in to fill in the questionnaire');
    }
  }

  start().catch((e) => say(e.message, true));
}());
