// The demo page's own code: what a retailer's app would write around the script-tag bundle. It
// mounts the embed for the chosen product and listens to its events to show the saved short id,
// the first error as the SDK names it, and when analytics went out. The page keeps the product in
// its address (?product=), so a share link opens the same product with the shared configuration.
(function () {
  'use strict';

  const { createClient, mount } = window.ConfiguratorEmbed;
  const $ = (id) => document.getElementById(id);
  const host = $('configurator');
  const client = createClient({
    token: document.body.dataset.token,
    apiUrl: document.body.dataset.apiUrl,
    onError: showBackgroundError,
  });
  let embed;

  $('origin').textContent = location.origin;
  $('product').addEventListener('change', () => {
    history.replaceState(null, '', `?product=${encodeURIComponent($('product').value)}`);
    show($('product').value);
  });

  host.addEventListener('configurator:load', sendAnalytics);
  host.addEventListener('configurator:change', () => {
    $('saved').hidden = true;
  });
  host.addEventListener('configurator:save', (event) => {
    $('short-id').textContent = event.detail.configuration.shortId;
    $('saved').hidden = false;
    sendAnalytics();
  });
  host.addEventListener('configurator:error', (event) => showError(event.detail.error));

  const linked = new URLSearchParams(location.search).get('product');
  if ([...$('product').options].some((option) => option.value === linked)) {
    $('product').value = linked;
  }

  nameProducts().then(() => show($('product').value));

  /** Loads every listed product once to show its name in the picker. */
  async function nameProducts() {
    for (const option of $('product').options) {
      try {
        option.textContent = (await client.configurator.load(option.value)).name;
      } catch {
        option.textContent = option.value;
      }
    }
  }

  function show(productId) {
    embed?.destroy();
    $('saved').hidden = true;
    embed = mount(host, { client, productId });
  }

  async function sendAnalytics() {
    try {
      await client.analytics.flush();
      $('analytics').textContent = 'Analytics: sent.';
    } catch (error) {
      showError(error);
    }
  }

  /** A failure nobody awaited (an analytics batch) shows only when nothing else is shown. */
  function showBackgroundError(error) {
    if ($('error').hidden) showError(error);
  }

  function showError(error) {
    $('error').hidden = false;
    $('error-title').textContent =
      typeof error?.code === 'string' ? `${error.name} (${error.code})` : 'Unexpected error';
    $('error-message').textContent = error instanceof Error ? error.message : String(error);
  }
})();
