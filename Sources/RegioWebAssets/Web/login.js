// @ts-check
// The login page of `regio serve --team`: POST /api/login, then the planning page.
(function () {
  const form = /** @type {HTMLFormElement} */ (document.getElementById('login-form'));
  const name = /** @type {HTMLInputElement} */ (document.getElementById('login-name'));
  const password = /** @type {HTMLInputElement} */ (document.getElementById('login-password'));
  const error = /** @type {HTMLElement} */ (document.getElementById('login-error'));
  const button = /** @type {HTMLButtonElement} */ (document.getElementById('login-submit'));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    error.hidden = true;
    try {
      const response = await fetch('/api/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: name.value, password: password.value }),
      });
      if (response.ok) {
        window.location.assign('/');
        return;
      }
      /** @type {{error?: string}} */
      const body = await response.json().catch(() => ({}));
      error.textContent = body.error || ('sign-in failed (' + response.status + ')');
      error.hidden = false;
    } catch (e) {
      error.textContent = 'the server cannot be reached: ' + String(e);
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
})();
