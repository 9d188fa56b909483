// @ts-check
// Team mode (`regio serve --team`), added to the planning page after serve.js:
// - every request of the page that can change state carries the session's CSRF token (X-CSRF-Token), and a
//   request answered 401 (the session ended) goes back to the login page;
// - a bar with the signed-in user, "Proposals" and "Sign out";
// - the proposals panel: a region user submits the current scenario and sees their proposals and the decisions;
//   the support team sees every proposal, compares two side by side and accepts or rejects them.
// Element ids (for people and for the browser tests): #team-bar, #team-user, #team-proposals-toggle,
// #team-logout, #team-panel, #proposal-form (#proposal-name, #proposal-note, #proposal-submit), #proposal-list
// (li.proposal[data-id][data-status], input.proposal-pick, textarea.proposal-comment, button.proposal-accept,
// button.proposal-reject, a.proposal-download), #proposal-compare, #proposal-comparison, #team-message.
(function () {
  /**
   * @typedef {{name: string, role: 'support' | 'region', region: string | null}} TeamUser
   * @typedef {{reviewer: string, decision: string, comment: string, createdAt: string}} Review
   * @typedef {{regions: number, errors: number, warnings: number, baseRegions: number, baseErrors: number,
   *   baseWarnings: number, resolved: number, introduced: number, changedRegions: string[]}} Summary
   * @typedef {{id: number, name: string, note: string, author: string, region: string | null, status: string,
   *   createdAt: string, edits: unknown[], summary: Summary, reviews: Review[],
   *   downloads?: {scenario: string, registrations: string, registrationsWorkbook: string}}} Proposal
   * @typedef {{id: string, schools: string[], countedStudents: number, technicalStudents: number,
   *   technicalShare: number | null, techniekarm: boolean}} Figures
   * @typedef {{id: string, base?: Figures, first?: Figures, second?: Figures}} RegionSideBySide
   */

  const nativeFetch = window.fetch.bind(window);
  /** @type {Promise<{csrfToken: string, user: TeamUser} | null>} */
  const session = nativeFetch('/api/me', { credentials: 'same-origin' }).then(async (response) => {
    if (response.status === 401) {
      window.location.assign('/login');
      return null;
    }
    return response.ok ? response.json() : null;
  });

  /**
   * fetch with the CSRF token on every request that is not GET or HEAD; 401 goes to the login page.
   * @param {RequestInfo | URL} input
   * @param {RequestInit} [init]
   * @returns {Promise<Response>}
   */
  async function teamFetch(input, init) {
    const options = Object.assign({}, init || {});
    const method = (options.method || (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      const current = await session;
      const headers = new Headers(options.headers || (input instanceof Request ? input.headers : undefined));
      if (current) headers.set('X-CSRF-Token', current.csrfToken);
      options.headers = headers;
    }
    const response = await nativeFetch(input, options);
    if (response.status === 401) window.location.assign('/login');
    return response;
  }
  window.fetch = teamFetch;

  /**
   * An element with a class and text.
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {string} [className]
   * @param {string} [text]
   * @returns {HTMLElementTagNameMap[K]}
   */
  function make(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  /**
   * JSON of a request, or throws the server's error message.
   * @param {string} path
   * @param {unknown} [body] sent as JSON with POST when given
   * @returns {Promise<any>}
   */
  async function api(path, body) {
    const response = await teamFetch(path, body === undefined ? {} : {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    const data = response.status === 204 ? {} : await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || ('HTTP ' + response.status));
    return data;
  }

  const bar = make('div', 'team-bar');
  bar.id = 'team-bar';
  const who = make('span', 'team-user');
  who.id = 'team-user';
  const toggle = make('button', 'team-button', 'Proposals');
  toggle.id = 'team-proposals-toggle';
  toggle.type = 'button';
  const logout = make('button', 'team-button', 'Sign out');
  logout.id = 'team-logout';
  logout.type = 'button';
  bar.append(who, toggle, logout);

  const panel = make('section', 'team-panel');
  panel.id = 'team-panel';
  panel.hidden = true;
  panel.setAttribute('aria-label', 'Proposals');
  const message = make('p', 'team-message');
  message.id = 'team-message';
  message.setAttribute('role', 'status');
  const list = make('ul', 'proposal-list');
  list.id = 'proposal-list';
  const comparison = make('div', 'proposal-comparison');
  comparison.id = 'proposal-comparison';
  document.body.append(bar, panel);

  /** @param {string} text */
  function tell(text) {
    message.textContent = text;
  }

  /** @type {TeamUser | null} */
  let me = null;

  /** The form of a region user: name and note of the proposal. */
  function proposalForm() {
    const form = make('form', 'proposal-form');
    form.id = 'proposal-form';
    const name = make('input');
    name.id = 'proposal-name';
    name.placeholder = 'Name of the proposal';
    name.required = true;
    name.maxLength = 120;
    const note = make('textarea');
    note.id = 'proposal-note';
    note.placeholder = 'Note for the support team';
    note.maxLength = 2000;
    const submit = make('button', 'team-button', 'Submit the current scenario');
    submit.id = 'proposal-submit';
    submit.type = 'submit';
    form.append(make('h3', undefined, 'Submit a proposal'), name, note, submit);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      try {
        const proposal = /** @type {Proposal} */ (await api('/api/proposals', { name: name.value, note: note.value }));
        tell('Proposal ' + proposal.id + ' submitted: ' + proposal.name);
        name.value = '';
        note.value = '';
        await refresh();
      } catch (error) {
        tell(String(error instanceof Error ? error.message : error));
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  /**
   * One proposal in the list.
   * @param {Proposal} p
   */
  function proposalItem(p) {
    const item = make('li', 'proposal status-' + p.status);
    item.dataset.id = String(p.id);
    item.dataset.status = p.status;
    const head = make('div', 'proposal-head');
    if (me && me.role === 'support') {
      const pick = make('input', 'proposal-pick');
      pick.type = 'checkbox';
      pick.value = String(p.id);
      pick.setAttribute('aria-label', 'Compare proposal ' + p.id);
      head.append(pick);
    }
    head.append(make('strong', undefined, '#' + p.id + ' ' + p.name), make('span', 'proposal-status', p.status));
    item.append(head);
    item.append(make('div', 'proposal-meta', p.author + (p.region ? ' (' + p.region + ')' : '') + ', ' + p.createdAt.replace('T', ' ').replace('Z', ' UTC')));
    if (p.note) item.append(make('div', 'proposal-note', p.note));
    const s = p.summary;
    item.append(make('div', 'proposal-summary', p.edits.length + ' edits; errors ' + s.baseErrors + ' → ' + s.errors + ', warnings '
      + s.baseWarnings + ' → ' + s.warnings + '; resolves ' + s.resolved + ', introduces ' + s.introduced
      + (s.changedRegions.length ? '; changes ' + s.changedRegions.join(', ') : '')));
    for (const review of p.reviews) {
      item.append(make('div', 'proposal-review', review.decision + ' by ' + review.reviewer + (review.comment ? ': ' + review.comment : '')));
    }
    if (p.downloads) {
      const links = make('div', 'proposal-downloads');
      const scenario = make('a', 'proposal-download', 'scenario file');
      scenario.href = p.downloads.scenario;
      const csv = make('a', 'proposal-download', 'pre-registration (CSV)');
      csv.href = p.downloads.registrations;
      const workbook = make('a', 'proposal-download', 'pre-registration (XLSX)');
      workbook.href = p.downloads.registrationsWorkbook;
      links.append(scenario, document.createTextNode(' · '), csv, document.createTextNode(' · '), workbook);
      item.append(links);
    }
    if (me && me.role === 'support' && p.status === 'submitted') {
      const comment = make('textarea', 'proposal-comment');
      comment.placeholder = 'Comment for the region';
      const accept = make('button', 'team-button proposal-accept', 'Accept');
      const reject = make('button', 'team-button proposal-reject', 'Reject');
      accept.type = reject.type = 'button';
      /** @param {'accepted' | 'rejected'} decision */
      const review = async (decision) => {
        try {
          await api('/api/proposals/' + p.id + '/review', { decision, comment: comment.value });
          tell('Proposal ' + p.id + ' ' + decision);
          await refresh();
        } catch (error) {
          tell(String(error instanceof Error ? error.message : error));
        }
      };
      accept.addEventListener('click', () => review('accepted'));
      reject.addEventListener('click', () => review('rejected'));
      item.append(comment, accept, reject);
    }
    return item;
  }

  /**
   * A figure's text.
   * @param {Figures | undefined} f
   */
  function figures(f) {
    if (!f) return '–';
    const share = f.technicalShare === null ? '–' : (f.technicalShare * 100).toFixed(1) + '%';
    return f.schools.length + ' schools, ' + f.countedStudents + ' counted, ' + share + ' technical' + (f.techniekarm ? ', techniekarm' : '');
  }

  /** Compares the two picked proposals (support). */
  async function compare() {
    const picked = Array.from(list.querySelectorAll('input.proposal-pick')).filter((box) => /** @type {HTMLInputElement} */ (box).checked)
      .map((box) => /** @type {HTMLInputElement} */ (box).value);
    if (picked.length !== 2) {
      tell('Pick two proposals to compare.');
      return;
    }
    try {
      const answer = /** @type {{proposals: Proposal[], regions: RegionSideBySide[]}} */ (await api('/api/proposals/' + picked[0] + '/compare/' + picked[1]));
      comparison.replaceChildren();
      const table = make('table', 'proposal-table');
      const head = make('tr');
      for (const title of ['region', 'base', '#' + answer.proposals[0].id + ' ' + answer.proposals[0].name, '#' + answer.proposals[1].id + ' ' + answer.proposals[1].name]) {
        head.append(make('th', undefined, title));
      }
      table.append(head);
      for (const region of answer.regions) {
        const row = make('tr');
        row.append(make('td', undefined, region.id), make('td', undefined, figures(region.base)),
          make('td', undefined, figures(region.first)), make('td', undefined, figures(region.second)));
        table.append(row);
      }
      comparison.append(table);
      tell('Compared proposals ' + picked[0] + ' and ' + picked[1] + ': ' + answer.regions.length + ' regions differ from the base.');
    } catch (error) {
      tell(String(error instanceof Error ? error.message : error));
    }
  }

  /** Reloads the list of proposals. */
  async function refresh() {
    try {
      const answer = /** @type {{proposals: Proposal[]}} */ (await api('/api/proposals'));
      list.replaceChildren(...answer.proposals.map(proposalItem));
      if (!answer.proposals.length) list.append(make('li', 'proposal-none', 'No proposals yet.'));
    } catch (error) {
      tell(String(error instanceof Error ? error.message : error));
    }
  }

  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    if (!panel.hidden) refresh();
  });
  logout.addEventListener('click', async () => {
    try {
      await api('/api/logout', {});
    } finally {
      window.location.assign('/login');
    }
  });

  session.then((current) => {
    if (!current) return;
    me = current.user;
    who.textContent = me.name + (me.role === 'region' ? ' · ' + me.region : ' · support team');
    panel.append(make('h2', undefined, me.role === 'support' ? 'Proposals of the regions' : 'Your proposals'), message);
    if (me.role === 'region') panel.append(proposalForm());
    panel.append(list);
    if (me.role === 'support') {
      const button = make('button', 'team-button', 'Compare the two picked');
      button.id = 'proposal-compare';
      button.type = 'button';
      button.addEventListener('click', compare);
      panel.append(button, comparison);
    }
  });
})();
