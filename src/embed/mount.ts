import { readSharedConfiguration, shareUrl } from '../client/share-link';
import { UsageError, ValidationError } from '../errors/classes';
import type { Attribute, Configuration, ConfiguratorDefinition } from '../platform/types';
import { version } from '../version';
import { checkMountOptions } from './check-mount-options';
import { createConfiguratorView } from './configurator-view';
import { createElement } from './dom';
import { emit, listenWithCallbacks } from './events';
import { changeProperties, currentPrice, render, type Loaded } from './loaded';
import { messageLine, refusalText, shopperMessage, type ShopperMessage } from './messages';
import type { Embed, ErrorPhase, MountOptions } from './options';
import { createPriceFormat } from './price';
import { reportToConsole } from './report';
import { errorView, loadingView } from './status-views';
import { startingVariant, type Shared } from './starting-variant';
import { linkStylesheet } from './stylesheet';
import { applyChanges } from './variant-state';

/**
 * Renders a product's configurator into an element: a control per attribute, the live price,
 * a save button and a share link, with loading, empty and error states. Opening a share link
 * (`?configuration=<shortId>`) restores its configuration. Nothing is written outside the
 * element except the stylesheet's `<link>` when `stylesheet` is given.
 *
 * Mistakes in the call (no element, no client) throw a `UsageError` at once; the platform's
 * failures show in the embed, go to `configurator:error`, and are detailed in the console.
 *
 * @example
 * ```ts
 * const embed = mount(document.querySelector('#configurator')!, { client, productId });
 * embed.element.addEventListener('configurator:save', (event) => showLink(event.detail.shareUrl));
 * ```
 */
export function mount(element: HTMLElement, options: MountOptions): Embed {
  const settings = checkMountOptions(element, options);
  const { client, productId } = options;
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const root = createElement('div', 'ce');
  let loaded: Loaded | null = null;
  let saving: Promise<Configuration> | null = null;
  let destroyed = false;

  root.setAttribute('data-configurator-embed', version);
  root.tabIndex = -1;
  listenWithCallbacks(element, options, signal);
  element.append(root);

  const releaseStylesheet =
    options.stylesheet === undefined ? null : linkStylesheet(options.stylesheet, options.nonce);

  // The client tracks loads, saves and failures itself; what only the embed sees is tracked here.
  const track = (type: string, properties: Record<string, string>): void => {
    if (settings.analytics) client.analytics.track(type, properties, { productId });
  };

  function fail(error: unknown, phase: ErrorPhase): ShopperMessage {
    const message = shopperMessage(error, phase);

    reportToConsole(error, phase, productId);
    emit(element, 'configurator:error', { error, phase, message: messageLine(message) });

    return message;
  }

  async function load(): Promise<void> {
    root.replaceChildren(loadingView());
    root.setAttribute('aria-busy', 'true');

    const shortId = readSharedConfiguration();
    const shared: Promise<Shared> =
      shortId === null
        ? Promise.resolve(null)
        : client.configurations.get(shortId, { signal }).then(
            (configuration) => ({ configuration }),
            (error: unknown) => ({ error }),
          );

    // A failure to load, or a bug while showing what loaded, ends in the error state: `ready`
    // never rejects.
    try {
      const definition = structuredClone(await client.configurator.load(productId, { signal }));
      const restored = await shared;

      if (!destroyed) show(definition, restored);
    } catch (error) {
      if (destroyed) return;

      root.removeAttribute('aria-busy');
      root.replaceChildren(errorView(fail(error, 'load'), { onClick: retry, signal }));
    }
  }

  function retry(): void {
    void load();
    root.focus();
  }

  function show(definition: ConfiguratorDefinition, shared: Shared): void {
    const format = createPriceFormat(definition.currency, options.locale);
    const start = startingVariant(definition, options.variant, shared);
    const view = createConfiguratorView({
      ...settings,
      definition,
      price: format,
      signal,
      onChange: change,
      onSave: () => {
        save().catch(() => undefined);
      },
      onCopy: (url) => {
        track('share', { method: 'copy_link', shortId: readSharedConfiguration(url) ?? '' });
      },
    });

    loaded = { definition, variant: start.variant, format, view };
    render(loaded);
    root.replaceChildren(view.element);
    root.removeAttribute('aria-busy');

    if (start.notice !== '') view.notify(start.notice);
    if (start.error !== undefined) fail(start.error, 'restore');

    emit(element, 'configurator:load', {
      definition: structuredClone(definition),
      variant: { ...start.variant },
      price: currentPrice(loaded),
      restored: start.restored,
    });
  }

  function change(attribute: Attribute, value: unknown): void {
    if (loaded === null) return;

    const { key } = attribute;
    const current = loaded;
    const result = applyChanges(current.definition, current.variant, { [key]: value });

    if (!result.ok) {
      render(current);
      current.view.notify(refusalText(result.forbidden, result.problems));

      return;
    }

    const changed = current.definition.attributes.some(
      (attribute) => result.variant[attribute.key] !== current.variant[attribute.key],
    );

    current.variant = result.variant;
    render(current);

    if (!changed) return;

    current.view.notify('');
    current.view.showShareLink(null);
    track('attribute_changed', changeProperties(attribute, value));
    emit(element, 'configurator:change', {
      key,
      value: result.variant[key] ?? '',
      variant: { ...result.variant },
      price: currentPrice(current),
    });
  }

  async function save(): Promise<Configuration> {
    if (loaded === null) throw notLoaded('save the configuration');
    if (saving !== null) return saving;

    loaded.view.commit();

    const current = loaded;
    current.view.showSaveError(null);
    current.view.setSaving(true);
    current.view.notify('Saving…');
    // Not aborted by destroy(): the platform may hold the save already, and an abort would only
    // lose its answer. A save that ends after destroy() changes nothing on the page.
    saving = client.configurations.save({
      productId: current.definition.id,
      productVersion: current.definition.version,
      variant: { ...current.variant },
    });

    try {
      const configuration = await saving;

      if (destroyed) return configuration;

      const link = shareUrl(configuration.shortId);

      current.view.showShareLink(link);
      current.view.notify('Saved. The share link opens this configuration again.');
      emit(element, 'configurator:save', {
        configuration,
        shareUrl: link,
        price: currentPrice(current),
      });

      return configuration;
    } catch (error) {
      if (!destroyed) {
        const line = messageLine(fail(error, 'save'));

        current.view.notify('');
        current.view.showSaveError(line);
      }

      throw error;
    } finally {
      saving = null;
      if (!destroyed) current.view.setSaving(false);
    }
  }

  return {
    element,
    ready: load(),
    getVariant: () => (loaded === null ? null : { ...loaded.variant }),
    getPrice: () => (loaded === null ? null : currentPrice(loaded)),
    setVariant(changes) {
      if (loaded === null) throw notLoaded('set the variant');

      const result = applyChanges(loaded.definition, loaded.variant, changes);

      if (!result.ok) {
        const listed = result.problems.map((problem) => problem.message).join(' ');

        throw new ValidationError(
          'invalid_argument',
          `Failed to set the variant: ${listed}`,
          result.problems,
          { cause: result.cause },
        );
      }

      loaded.variant = result.variant;
      render(loaded);
      loaded.view.showShareLink(null);

      return { ...result.variant };
    },
    save,
    destroy() {
      if (destroyed) return;

      destroyed = true;
      lifetime.abort();
      loaded = null;
      root.remove();
      releaseStylesheet?.();
    },
  };

  function notLoaded(action: string): UsageError {
    return new UsageError(
      destroyed ? 'client_destroyed' : 'invalid_option',
      destroyed
        ? `Failed to ${action}: this embed was destroyed; mount a new one.`
        : `Failed to ${action}: the configurator has not loaded yet; await embed.ready or listen for configurator:load.`,
    );
  }
}
