// A questionnaire form generated from the definition survey-service serves (GET /api/questionnaires/{key}/{version}):
// sections, items of every type (single and multiple choice, whole numbers, text, dates, yearly values and tables as
// grids, groups of sub-items), their enabledWhen conditions, and the server's errors placed at the field their JSON
// Pointer names. Nothing here knows an item of a particular questionnaire: a new version needs no change.
// Texts from the definition and the answers reach the page only through textContent, never as HTML.
// Kept as one script of about 600 lines: the controls, the conditions and the error placement share one state (the
// answers, the items and the place of every JSON Pointer on the page), and the pages have no module loader or build
// step to share it across files; the page around the form (choosing, saving, submitting) is questionnaire.js.
window.AlfQuestionnaireForm = function (definition, container, onChange) {
  'use strict';

  // Swedish for the server's stable codes; the server's own (English) message is shown beside it
  const CODES_SV = {
    REQUIRED_MISSING: 'Frågan måste besvaras', WRONG_TYPE: 'Fel slags värde (till exempel text där ett heltal krävs)',
    INVALID_OPTION: 'Inget av svarsalternativen', DUPLICATE_OPTION: 'Samma alternativ två gånger',
    OUT_OF_RANGE: 'Värdet ligger utanför det tillåtna intervallet', TOO_LONG: 'Texten är för lång',
    INVALID_DATE: 'Inget giltigt datum (åååå-mm-dd)', UNKNOWN_YEAR: 'Året efterfrågas inte',
    UNKNOWN_COLUMN: 'Okänd kolumn', DUPLICATE_ROW: 'En annan rad har samma värden',
    TOO_MANY_ROWS: 'För många rader', TOO_FEW_ROWS: 'För få rader',
    HIDDEN_ITEM_ANSWERED: 'Frågan ställs inte med de svar som getts', INVALID_CHARACTER: 'Otillåtet tecken i texten',
    UNKNOWN_ITEM: 'Okänd fråga', GROUP_NOT_ANSWERABLE: 'En grupp besvaras under sina delfrågor',
    CAMPAIGN_CLOSED: 'Utvärderingsomgången är stängd', SUBMISSION_LOCKED: 'Inskickningen är låst',
    UNKNOWN_CAMPAIGN: 'Okänd utvärderingsomgång', UNKNOWN_UNIT: 'Okänd enhet', UNIT_INACTIVE: 'Enheten är inte aktiv',
    WRONG_QUESTIONNAIRE_LEVEL: 'Enheten passar inte enkätens nivå'
  };

  const answerable = new Map(); // item id -> item (top-level items and the sub-items of groups)
  const views = new Map(); // item id -> its container element
  const targets = new Map(); // JSON Pointer -> {control, item, context}
  let values = {};
  let serial = 0;

  const nextId = (prefix) => prefix + '-' + (++serial);
  const escape = (token) => String(token).replace(/~/g, '~0').replace(/\//g, '~1');
  const pointerOf = (...tokens) => '/answers/' + tokens.map(escape).join('/');

  function el(tag, text, attributes, ...children) {
    const element = document.createElement(tag);
    if (text !== null && text !== undefined) {
      element.textContent = String(text);
    }
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value !== null && value !== undefined && value !== false) {
        element.setAttribute(name, value === true ? '' : value);
      }
    });
    element.append(...children);
    return element;
  }

  /** Swedish (verbatim) and, for whoever asks for it, English marked as English. */
  function bilingual(sv, en) {
    const fragment = document.createDocumentFragment();
    fragment.append(el('span', sv, { class: 'sv' }));
    if (en) {
      fragment.append(' ', el('span', en, { class: 'en q-en', lang: 'en' }));
    }
    return fragment;
  }

  // ---- conditions: the server's semantics (AnswerValidator.Conditions) ----

  /** Whether an item is asked: no condition, or the answer of a source that is itself asked is one of anyOf. */
  function enabled(item, depth) {
    const when = item.enabledWhen;
    if (!when) {
      return true;
    }
    if ((depth || 0) > answerable.size) {
      return false; // a cycle; the server refuses such definitions
    }
    const sources = when.item !== undefined && when.item !== null ? [when.item] : (when.anyItem || []);
    const anyOf = when.anyOf || [];
    return sources.some((id) => {
      const source = answerable.get(id);
      if (!source || !enabled(source, (depth || 0) + 1)) {
        return false;
      }
      const answer = values[id];
      if (typeof answer === 'string') {
        return anyOf.includes(answer);
      }
      return Array.isArray(answer) && answer.some((code) => typeof code === 'string' && anyOf.includes(code));
    });
  }

  function applyConditions() {
    views.forEach((view, id) => {
      const item = answerable.get(id);
      view.hidden = item ? !enabled(item) : false;
    });
  }

  // ---- values ----

  function set(id, value) {
    if (value === undefined) {
      delete values[id];
    } else {
      values[id] = value;
    }
    applyConditions();
    onChange();
  }

  /** A typed whole number as a number; anything else typed is sent as it is, for the server to name the problem. */
  function parseNumber(text) {
    const trimmed = text.trim();
    if (trimmed === '') {
      return undefined;
    }
    return /^[+-]?\d{1,15}$/.test(trimmed) ? Number(trimmed) : trimmed;
  }

  const shown = (value) => (value === undefined || value === null ? '' : String(value));

  // ---- controls ----

  /** Where errors at {@code pointer} are shown; the first control registered for a pointer takes the focus. */
  function register(pointer, control, item, context) {
    if (!targets.has(pointer)) {
      targets.set(pointer, { control, item, context });
    }
    control.dataset.pointer = pointer;
  }

  function options(list) {
    return list || [];
  }

  function radios(name, item, pointer, current, onPick, labelledBy) {
    const wrapper = el('div', null, { class: 'choices' });
    const all = options(item.options).map((o) => [o.code, o.labelSv, o.labelEn]);
    if (item.allowNoData) {
      all.push([null, item.noDataLabelSv || 'Uppgift saknas', item.noDataLabelEn || 'No data']);
    }
    all.forEach(([code, sv, en]) => {
      const input = el('input', null, { type: 'radio', name, value: code === null ? '' : code,
        'data-no-data': code === null ? 'true' : null, 'aria-describedby': labelledBy || null });
      input.checked = code === null ? current === null : current === code;
      input.addEventListener('change', () => input.checked && onPick(code));
      register(pointer, input, item, null);
      wrapper.append(el('label', null, { class: 'choice' }, input, bilingual(sv, en)));
    });
    return wrapper;
  }

  function checkboxes(item, pointer, current, onPick, owner, context) {
    const wrapper = el('div', null, { class: 'choices' });
    const picked = new Set(Array.isArray(current) ? current : []);
    options(item.options).forEach((o) => {
      const input = el('input', null, { type: 'checkbox', value: o.code });
      input.checked = picked.has(o.code);
      input.addEventListener('change', () => {
        const boxes = [...wrapper.querySelectorAll('input[type="checkbox"]')];
        onPick(boxes.filter((b) => b.checked).map((b) => b.value));
      });
      register(pointer, input, owner || item, context || null);
      wrapper.append(el('label', null, { class: 'choice' }, input, bilingual(o.labelSv, o.labelEn)));
    });
    return wrapper;
  }

  function hint(item) {
    const range = item.min !== undefined || item.max !== undefined;
    if (item.type === 'INTEGER' || item.type === 'YEARLY_INTEGER') {
      return range ? 'Heltal ' + (item.min ?? '') + '–' + (item.max ?? '') : 'Heltal';
    }
    return item.maxLength ? 'Högst ' + item.maxLength + ' tecken' : null;
  }

  /** A whole number or text box; with allowNoData, a "no data" box beside it sets null. */
  function field(item, pointer, current, onValue, labelling) {
    const number = item.type === 'INTEGER' || item.type === 'YEARLY_INTEGER';
    const long = item.type === 'TEXT' && (item.maxLength || 0) > 200;
    const attributes = Object.assign({ id: nextId('f') }, labelling);
    let input;
    if (item.type === 'DATE') {
      input = el('input', null, Object.assign({ type: 'date' }, attributes));
    } else if (long) {
      input = el('textarea', null, Object.assign({ rows: 3, maxlength: item.maxLength }, attributes));
    } else {
      input = el('input', null, Object.assign({ type: 'text', inputmode: number ? 'numeric' : null,
        maxlength: item.maxLength || null, autocomplete: 'off', class: number ? 'number' : null }, attributes));
    }
    input.value = current === null ? '' : shown(current);
    const read = () => (number ? parseNumber(input.value) : (input.value === '' ? undefined : input.value));
    input.addEventListener('input', () => onValue(read()));
    register(pointer, input, item, null);
    if (!item.allowNoData) {
      return { input, element: input };
    }
    const noData = el('input', null, { type: 'checkbox', 'data-no-data': 'true', 'data-pointer': pointer,
      id: nextId('nd') });
    noData.checked = current === null;
    input.disabled = current === null;
    noData.addEventListener('change', () => {
      input.disabled = noData.checked;
      onValue(noData.checked ? null : read());
    });
    const element = el('span', null, { class: 'with-no-data' }, input,
      el('label', null, { class: 'choice' }, noData, bilingual(item.noDataLabelSv || 'Uppgift saknas',
        item.noDataLabelEn || 'No data')));
    return { input, element, noData };
  }

  // ---- items ----

  function heading(item) {
    const fragment = document.createDocumentFragment();
    if (/^\d/.test(item.id)) {
      fragment.append(el('span', item.id + '.', { class: 'number' }), ' ');
    }
    fragment.append(bilingual(item.textSv, item.textEn));
    if (item.required) {
      fragment.append(' ', el('span', '(obligatorisk)', { class: 'required' }));
    }
    return fragment;
  }

  function errorList(view) {
    const list = el('ul', null, { class: 'field-errors', id: nextId('err') });
    view.append(list);
    view.errorList = list;
    return list;
  }

  function itemView(item) {
    const pointer = pointerOf(item.id);
    const current = values[item.id];
    let view;
    if (item.type === 'GROUP') {
      view = el('fieldset', null, { class: 'item group', 'data-item': item.id },
        el('legend', null, null, heading(item)));
      (item.items || []).forEach((child) => view.append(itemView(child)));
      return view;
    }
    answerable.set(item.id, item);
    const hintText = hint(item);
    const hintId = hintText ? nextId('hint') : null;
    if (item.type === 'SINGLE_CHOICE' || item.type === 'MULTI_CHOICE') {
      view = el('fieldset', null, { class: 'item', 'data-item': item.id, 'data-type': item.type },
        el('legend', null, null, heading(item)));
      view.append(item.type === 'SINGLE_CHOICE'
        ? radios(nextId('r'), item, pointer, current, (code) => set(item.id, code))
        : checkboxes(item, pointer, current, (codes) => set(item.id, codes)));
    } else if (item.type === 'YEARLY_INTEGER' || item.type === 'YEARLY_CHOICE') {
      view = el('fieldset', null, { class: 'item', 'data-item': item.id, 'data-type': item.type },
        el('legend', null, null, heading(item)));
      view.append(yearGrid(item, current));
    } else if (item.type === 'TABLE') {
      view = el('fieldset', null, { class: 'item', 'data-item': item.id, 'data-type': item.type },
        el('legend', null, null, heading(item)));
      view.append(tableGrid(item));
    } else {
      view = el('div', null, { class: 'item', 'data-item': item.id, 'data-type': item.type });
      const { element, input } = field(item, pointer, current, (value) => set(item.id, value),
        { 'aria-describedby': hintId });
      view.append(el('label', null, { for: input.id }, heading(item)), element);
    }
    if (hintText) {
      view.append(el('p', hintText, { class: 'hint', id: hintId }));
    }
    targets.set(pointer, Object.assign(targets.get(pointer) || { control: view.querySelector('input, textarea, select'),
      item, context: null }, { view }));
    errorList(view);
    views.set(item.id, view);
    return view;
  }

  /** Yearly values as a grid: a row per year, a column per option (or the number and "no data"). */
  function yearGrid(item, current) {
    const yearly = current && typeof current === 'object' && !Array.isArray(current) ? current : {};
    const update = (year, value) => {
      const next = Object.assign({}, values[item.id] || {});
      if (value === undefined) {
        delete next[year];
      } else {
        next[year] = value;
      }
      set(item.id, Object.keys(next).length ? next : undefined);
    };
    const yearHead = el('th', 'År', { scope: 'col', id: nextId('h') });
    const columns = [yearHead];
    const choice = item.type === 'YEARLY_CHOICE';
    const optionHeads = [];
    if (choice) {
      options(item.options).forEach((o) => {
        const th = el('th', null, { scope: 'col', id: nextId('h') }, bilingual(o.labelSv, o.labelEn));
        optionHeads.push([o.code, th]);
        columns.push(th);
      });
    } else {
      const th = el('th', null, { scope: 'col', id: nextId('h') }, bilingual('Antal', 'Number'));
      optionHeads.push(['value', th]);
      columns.push(th);
    }
    if (item.allowNoData) {
      const th = el('th', null, { scope: 'col', id: nextId('h') },
        bilingual(item.noDataLabelSv || 'Uppgift saknas', item.noDataLabelEn || 'No data'));
      optionHeads.push([null, th]);
      columns.push(th);
    }
    const body = el('tbody');
    (item.years || []).forEach((year) => {
      const rowHead = el('th', year, { scope: 'row', id: nextId('h') });
      const row = el('tr', null, { 'data-year': year }, rowHead);
      const pointer = pointerOf(item.id, year);
      const value = yearly[year];
      if (choice) {
        const name = nextId('r');
        optionHeads.forEach(([code, th]) => {
          const input = el('input', null, { type: 'radio', name, value: code === null ? '' : code,
            'data-no-data': code === null ? 'true' : null, 'aria-labelledby': rowHead.id + ' ' + th.id });
          input.checked = code === null ? value === null : value === code;
          input.addEventListener('change', () => input.checked && update(year, code));
          register(pointer, input, item, year);
          row.append(el('td', null, { class: 'cell' }, input));
        });
      } else {
        const input = el('input', null, { type: 'text', inputmode: 'numeric', class: 'number', autocomplete: 'off',
          id: nextId('f'), 'aria-labelledby': rowHead.id + ' ' + optionHeads[0][1].id });
        input.value = value === null ? '' : shown(value);
        input.disabled = value === null;
        register(pointer, input, item, year);
        row.append(el('td', null, null, input));
        if (item.allowNoData) {
          const noData = el('input', null, { type: 'checkbox', 'data-no-data': 'true', 'data-pointer': pointer,
            'aria-labelledby': rowHead.id + ' ' + optionHeads[1][1].id });
          noData.checked = value === null;
          noData.addEventListener('change', () => {
            input.disabled = noData.checked;
            update(year, noData.checked ? null : parseNumber(input.value));
          });
          row.append(el('td', null, { class: 'cell' }, noData));
        }
        input.addEventListener('input', () => update(year, parseNumber(input.value)));
      }
      body.append(row);
    });
    return el('table', null, { class: 'grid' }, el('thead', null, null, el('tr', null, null, ...columns)), body);
  }

  /** A table item as a grid of rows; rows are added and removed with buttons, up to maxRows. */
  function tableGrid(item) {
    // a wide table scrolls sideways: the keyboard reaches the scroll area even before it has a row
    const wrapper = el('div', null, { class: 'grid-scroll', tabindex: '0', role: 'group', 'aria-label': item.textSv });
    const add = el('button', null, { type: 'button', class: 'add', 'data-add-row': item.id },
      bilingual('Lägg till rad', 'Add row'));
    register(pointerOf(item.id), add, item, null);
    const rowsPrefix = pointerOf(item.id) + '/';
    const draw = (focusRow) => {
      [...targets.keys()].filter((p) => p.startsWith(rowsPrefix)).forEach((p) => targets.delete(p));
      const rows = Array.isArray(values[item.id]) ? values[item.id] : [];
      const heads = (item.columns || []).map((column) => el('th', null, { scope: 'col', id: nextId('h') },
        bilingual(column.textSv, column.textEn), column.required ? el('span', ' *', { class: 'required' }) : ''));
      const body = el('tbody');
      rows.forEach((row, index) => {
        const rowHead = el('th', String(index + 1), { scope: 'row', id: nextId('h') });
        const tr = el('tr', null, { 'data-row': String(index) }, rowHead);
        (item.columns || []).forEach((column, c) => {
          tr.append(el('td', null, null, cell(item, column, index, row[column.id],
            rowHead.id + ' ' + heads[c].id)));
        });
        const remove = el('button', 'Ta bort', { type: 'button', class: 'remove',
          'aria-label': 'Ta bort rad ' + (index + 1) });
        register(pointerOf(item.id, index), remove, item, 'rad ' + (index + 1));
        remove.addEventListener('click', () => {
          const next = rows.filter((_, i) => i !== index);
          set(item.id, next);
          draw(Math.min(index, next.length - 1));
        });
        tr.append(el('td', null, null, remove));
        body.append(tr);
      });
      wrapper.replaceChildren(el('table', null, { class: 'grid' }, el('thead', null, null, el('tr', null, null,
        el('th', 'Rad', { scope: 'col' }), ...heads, el('th', 'Ta bort', { scope: 'col' }))), body));
      add.disabled = item.maxRows !== undefined && rows.length >= item.maxRows;
      if (focusRow !== undefined) {
        const first = focusRow >= 0 && body.querySelector('tr[data-row="' + focusRow + '"] :is(input, select)');
        (first || add).focus();
      }
    };
    add.addEventListener('click', () => {
      const next = (Array.isArray(values[item.id]) ? values[item.id] : []).concat([{}]);
      set(item.id, next);
      draw(next.length - 1);
    });
    draw();
    return el('div', null, { class: 'table-item' }, wrapper, add);
  }

  function cell(item, column, index, current, labelledBy) {
    const pointer = pointerOf(item.id, index, column.id);
    const update = (value) => {
      const rows = values[item.id].map((row, i) => {
        if (i !== index) {
          return row;
        }
        const next = Object.assign({}, row);
        if (value === undefined || (Array.isArray(value) && value.length === 0 && !column.required)) {
          delete next[column.id];
        } else {
          next[column.id] = value;
        }
        return next;
      });
      set(item.id, rows);
    };
    if (column.type === 'SINGLE_CHOICE') {
      const select = el('select', null, { 'aria-labelledby': labelledBy },
        el('option', '–', { value: '' }),
        ...options(column.options).map((o) => el('option', o.labelSv, { value: o.code, 'data-sv': o.labelSv,
          'data-en': o.labelEn || null })));
      select.value = typeof current === 'string' ? current : '';
      select.addEventListener('change', () => update(select.value === '' ? undefined : select.value));
      register(pointer, select, item, 'rad ' + (index + 1) + ', ' + column.textSv);
      return select;
    }
    if (column.type === 'MULTI_CHOICE') {
      const group = el('div', null, { role: 'group', 'aria-labelledby': labelledBy, class: 'compact' });
      group.append(checkboxes(column, pointer, current, update, item, 'rad ' + (index + 1) + ', ' + column.textSv));
      return group;
    }
    const context = 'rad ' + (index + 1) + ', ' + column.textSv;
    targets.set(pointer, { control: null, item, context }); // the table's item and the cell's place; field() adds the box
    const { element, input } = field(column, pointer, current, update, { 'aria-labelledby': labelledBy });
    targets.get(pointer).control = input;
    return element;
  }

  // ---- the whole form ----

  function render(answers) {
    values = JSON.parse(JSON.stringify(answers || {}));
    answerable.clear();
    views.clear();
    targets.clear();
    const byId = new Map((definition.items || []).map((item) => [item.id, item]));
    const placed = new Set();
    const sections = (definition.sections || []).map((section) => {
      (section.items || []).forEach((id) => placed.add(id));
      return { titleSv: section.titleSv, titleEn: section.titleEn, id: section.id,
        items: (section.items || []).map((id) => byId.get(id)).filter(Boolean) };
    });
    const rest = (definition.items || []).filter((item) => !placed.has(item.id));
    if (rest.length) {
      sections.push({ titleSv: 'Övriga frågor', titleEn: 'Other questions', id: 'other', items: rest });
    }
    container.replaceChildren(...sections.map((section) => {
      const headingId = nextId('s');
      return el('section', null, { class: 'q-section', 'aria-labelledby': headingId, 'data-section': section.id },
        el('h3', null, { id: headingId }, bilingual(section.titleSv, section.titleEn)),
        ...section.items.map(itemView));
    }));
    applyConditions();
  }

  /** The answers to send: every answered item that its condition asks for (a hidden item's answer is kept here). */
  function answers() {
    const out = {};
    Object.keys(values).forEach((id) => {
      const item = answerable.get(id);
      if (!item || enabled(item)) {
        out[id] = values[id];
      }
    });
    return JSON.parse(JSON.stringify(out));
  }

  function clearErrors() {
    container.querySelectorAll('.field-errors').forEach((list) => list.replaceChildren());
    container.querySelectorAll('[aria-invalid]').forEach((control) => {
      control.removeAttribute('aria-invalid');
    });
    container.querySelectorAll('[data-error-described]').forEach((control) => {
      const ids = (control.getAttribute('aria-describedby') || '').split(' ')
        .filter((id) => id && id !== control.dataset.errorDescribed);
      if (ids.length) {
        control.setAttribute('aria-describedby', ids.join(' '));
      } else {
        control.removeAttribute('aria-describedby');
      }
      delete control.dataset.errorDescribed;
    });
  }

  /** The registered place nearest to a pointer: the pointer itself, or its closest ancestor. */
  function resolve(pointer) {
    let candidate = pointer || '';
    while (candidate.startsWith('/answers/')) {
      if (targets.has(candidate)) {
        return targets.get(candidate);
      }
      candidate = candidate.substring(0, candidate.lastIndexOf('/'));
    }
    return null;
  }

  const describe = (error) => (CODES_SV[error.code] || 'Felaktigt svar');

  /**
   * Each error at the item its pointer names (all at once); answers what the page's error summary lists:
   * {error, text, controlId} (controlId null for errors outside the answers, such as the campaign's state).
   */
  function showErrors(errors) {
    clearErrors();
    return (errors || []).map((error) => {
      const target = resolve(error.pointer);
      const itemId = target && target.item ? target.item.id : null;
      const view = itemId ? views.get(itemId) : null;
      if (!target || !view) {
        return { error, text: describe(error), controlId: null };
      }
      const control = targets.has(error.pointer) ? targets.get(error.pointer).control : target.control;
      const where = targets.has(error.pointer) && targets.get(error.pointer).context
        ? targets.get(error.pointer).context + ': ' : '';
      const li = el('li', null, { 'data-code': error.code, 'data-pointer': error.pointer },
        el('span', where + describe(error)), ' ', el('span', '(' + error.code + ': ' + error.message + ')',
          { class: 'en detail', lang: 'en' }));
      view.errorList.append(li);
      const invalid = control ? [...view.querySelectorAll(':is(input, select, textarea, button)[data-pointer="'
        + CSS.escape(control.dataset.pointer) + '"]')] : [];
      invalid.forEach((input) => {
        input.setAttribute('aria-invalid', 'true');
        if (!input.dataset.errorDescribed) {
          input.dataset.errorDescribed = view.errorList.id;
          input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' '
            + view.errorList.id).trim());
        }
      });
      if (control && !control.id) {
        control.id = nextId('f');
      }
      const label = (target.item.id && /^\d/.test(target.item.id) ? target.item.id + '. ' : '') + target.item.textSv;
      return { error, text: label + ' – ' + where + describe(error), controlId: control ? control.id : null };
    });
  }

  function setDisabled(disabled) {
    container.querySelectorAll('input, select, textarea, button').forEach((control) => {
      if (disabled) {
        control.dataset.wasDisabled = control.disabled ? 'true' : '';
        control.disabled = true;
      } else if (control.dataset.wasDisabled !== undefined) {
        control.disabled = control.dataset.wasDisabled === 'true';
        delete control.dataset.wasDisabled;
      }
    });
  }

  /** The item's Swedish text, for the history and the comparison of versions. */
  function label(id) {
    const item = answerable.get(id);
    return item ? (/^\d/.test(id) ? id + '. ' : '') + item.textSv : id;
  }

  /** An answer as a person reads it: option labels instead of codes, "Uppgift saknas" for null. */
  function readable(id, value) {
    const item = answerable.get(id);
    const optionLabel = (list, code) => {
      const option = options(list).find((o) => o.code === code);
      return option ? option.labelSv : String(code);
    };
    if (value === undefined) {
      return '–';
    }
    if (value === null) {
      return (item && item.noDataLabelSv) || 'Uppgift saknas';
    }
    if (Array.isArray(value)) {
      return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v)
        : optionLabel(item && item.options, v))).join(', ') || '(inget valt)';
    }
    if (typeof value === 'object') {
      return Object.entries(value).map(([k, v]) => k + ': ' + readable(id, v)).join('; ');
    }
    return item && item.options ? optionLabel(item.options, value) : String(value);
  }

  /** A select's options cannot hold an English span: their text takes the English beside the Swedish on request. */
  function showEnglish(english) {
    container.querySelectorAll('option[data-sv]').forEach((option) => {
      option.textContent = option.dataset.sv + (english && option.dataset.en ? ' / ' + option.dataset.en : '');
    });
  }

  return { render, answers, showErrors, clearErrors, setDisabled, label, readable, showEnglish,
    focus: (controlId) => {
      const control = document.getElementById(controlId);
      if (control) {
        control.focus();
      }
    } };
};
