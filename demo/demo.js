// The demo page's own code: what a retailer would write around the script-tag bundle. It loads a
// configurator, lets the shopper choose, shows the price, saves, and sends analytics. Every text
// from the platform is set with textContent, never as HTML.
(function () {
  'use strict';

  const { createClient, isConfiguratorError } = window.ConfiguratorEmbed;
  const $ = (id) => document.getElementById(id);
  const client = createClient({
    token: document.body.dataset.token,
    apiUrl: document.body.dataset.apiUrl,
    onError: showError,
  });

  let definition;
  let variant = {};

  $('origin').textContent = location.origin;
  $('product').addEventListener('change', () => load($('product').value));
  $('configurator').addEventListener('submit', save);
  nameProducts().then(() => load($('product').value));

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

  async function load(productId) {
    $('status').textContent = 'Loading…';
    $('configurator').hidden = true;
    $('saved').hidden = true;

    try {
      definition = await client.configurator.load(productId);
    } catch (error) {
      showError(error);
      $('status').textContent = 'The configurator could not be loaded.';
      return;
    }

    variant = Object.fromEntries(definition.attributes.map((a) => [a.key, a.default]));
    render();
    $('status').textContent = 'Loaded.';
    client.analytics.track('configurator_loaded', { productId });
    await sendAnalytics();
  }

  function render() {
    $('product-name').textContent = definition.name;
    $('product-description').textContent = definition.description;
    $('attributes').replaceChildren(...definition.attributes.map(control));
    applyRules();
    showPrice();
    $('configurator').hidden = false;
  }

  function control(attribute) {
    const wrapper = document.createElement('div');
    wrapper.className = 'attribute';
    const id = `attr-${attribute.key}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = attribute.label;
    let input;

    if (attribute.type === 'select' || attribute.type === 'color') {
      input = document.createElement('select');
      for (const option of attribute.options) {
        const element = new Option(priced(option.label, option.price), option.value);
        input.append(element);
      }
      input.value = variant[attribute.key];
    } else if (attribute.type === 'toggle') {
      input = document.createElement('input');
      input.type = 'checkbox';
      input.checked = variant[attribute.key];
    } else if (attribute.type === 'number') {
      input = document.createElement('input');
      input.type = 'number';
      Object.assign(input, { min: attribute.min, max: attribute.max, step: attribute.step });
      input.value = String(variant[attribute.key]);
    } else {
      input = document.createElement('input');
      input.type = 'text';
      input.maxLength = attribute.maxLength;
      input.value = variant[attribute.key];
    }

    input.id = id;
    input.dataset.key = attribute.key;
    input.addEventListener('change', () => change(attribute, input));
    wrapper.append(label, input);

    if (attribute.type === 'color') wrapper.append(swatch(attribute, input));

    return wrapper;
  }

  function swatch(attribute, input) {
    const chip = document.createElement('span');
    chip.className = 'swatch';
    const paint = () => {
      const option = attribute.options.find((o) => o.value === input.value);
      const color =
        option && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(option.swatch) ? option.swatch : '';
      chip.style.backgroundColor = color;
    };
    input.addEventListener('change', paint);
    paint();

    return chip;
  }

  function change(attribute, input) {
    const value =
      attribute.type === 'toggle'
        ? input.checked
        : attribute.type === 'number'
          ? Number(input.value)
          : input.value;
    variant[attribute.key] = value;
    applyRules();
    showPrice();
    $('saved').hidden = true;
    client.analytics.track('attribute_changed', { key: attribute.key, value: String(value) });
  }

  /** Disables the options a rule forbids under the current choices. */
  function applyRules() {
    const disabled = new Map();
    for (const rule of definition.rules ?? []) {
      const holds = Object.entries(rule.when).every(([key, value]) => variant[key] === value);
      if (!holds) continue;
      for (const [key, values] of Object.entries(rule.disable)) {
        disabled.set(key, [...(disabled.get(key) ?? []), ...values]);
      }
    }

    for (const select of $('attributes').querySelectorAll('select')) {
      const off = disabled.get(select.dataset.key) ?? [];
      for (const option of select.options) option.disabled = off.includes(option.value);
      if (select.selectedOptions[0]?.disabled) {
        const allowed = [...select.options].find((option) => !option.disabled);
        select.value = allowed.value;
        variant[select.dataset.key] = allowed.value;
      }
    }
  }

  function showPrice() {
    let price = definition.basePrice;
    for (const attribute of definition.attributes) {
      const value = variant[attribute.key];
      if (attribute.options) price += attribute.options.find((o) => o.value === value)?.price ?? 0;
      if (attribute.type === 'toggle' && value === true) price += attribute.price ?? 0;
    }
    $('price').textContent = money(price);
  }

  async function save(event) {
    event.preventDefault();
    $('status').textContent = 'Saving…';

    try {
      const saved = await client.configurations.save({
        productId: definition.id,
        productVersion: definition.version,
        variant,
      });
      $('short-id').textContent = saved.shortId;
      $('saved').hidden = false;
      $('status').textContent = 'Saved.';
      client.analytics.track('configuration_saved', { shortId: saved.shortId });
      await sendAnalytics();
    } catch (error) {
      showError(error);
      $('status').textContent = 'The configuration could not be saved.';
    }
  }

  async function sendAnalytics() {
    try {
      await client.analytics.flush();
      $('analytics').textContent = 'Analytics: sent.';
    } catch (error) {
      showError(error);
    }
  }

  function showError(error) {
    $('error').hidden = false;
    $('error-title').textContent = isConfiguratorError(error)
      ? `${error.name} (${error.code})`
      : 'Unexpected error';
    $('error-message').textContent = error instanceof Error ? error.message : String(error);
  }

  function priced(label, price) {
    if (!price) return label;

    return price > 0 ? `${label} (+${money(price)})` : `${label} (−${money(-price)})`;
  }

  function money(amount) {
    return new Intl.NumberFormat(navigator.language, {
      style: 'currency',
      currency: definition.currency,
    }).format(amount);
  }
})();
