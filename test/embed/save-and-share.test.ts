import { describe, expect, it, vi } from 'vitest';

import { mount, shareUrl } from '../../src/index';
import {
  PRODUCTS,
  control,
  enter,
  host,
  nextEvent,
  quietConsole,
  radios,
  useEmbedPlatform,
} from './support';

const platform = useEmbedPlatform();

/** Clicks the save button and waits for the save to end. */
async function clickSave(element: HTMLElement): Promise<void> {
  const button = [...element.querySelectorAll('button')].find(
    (candidate) => candidate.textContent === 'Save configuration',
  );
  const ended = Promise.race([
    nextEvent(element, 'configurator:save'),
    nextEvent(element, 'configurator:error'),
  ]);

  button?.click();
  await ended;
}

describe('saving', () => {
  it('saves the variant through the client and shows the share link', async () => {
    const embed = await platform.mountProduct(PRODUCTS.table);
    radios(embed.element, 'Wood').get('walnut')?.click();
    control(embed.element, 'Extension leaf').click();
    const saved = nextEvent(embed.element, 'configurator:save');

    await clickSave(embed.element);

    const { detail } = await saved;
    const [stored] = platform.state.configurations();
    expect(stored).toMatchObject({
      productId: PRODUCTS.table,
      productVersion: '3.1.0',
      variant: { wood: 'walnut', length: 200, extensionLeaf: true, legColor: 'natural' },
    });
    expect(detail.configuration.shortId).toBe(stored?.shortId);
    expect(detail.shareUrl).toBe(`http://localhost:3000/?configuration=${stored?.shortId ?? ''}`);
    expect(detail.price.formatted).toBe('€1,950.00');

    const link = embed.element.querySelector<HTMLAnchorElement>('.ce-share a');
    expect(link?.href).toBe(detail.shareUrl);
    expect(link?.textContent).toBe(detail.shareUrl);
    expect(link?.closest<HTMLElement>('.ce-share')?.hidden).toBe(false);
    expect(embed.element.querySelector('.ce-notice')?.textContent).toBe(
      'Saved. The share link opens this configuration again.',
    );
  });

  it('hides the share link again once a choice changes', async () => {
    const embed = await platform.mountProduct(PRODUCTS.lamp);
    await clickSave(embed.element);

    control(embed.element, 'Dimmable driver').click();

    expect(embed.element.querySelector<HTMLElement>('.ce-share')?.hidden).toBe(true);
  });

  it('saves text typed but not yet committed', async () => {
    const embed = await platform.mountProduct(PRODUCTS.chair);
    control(embed.element, 'Engraving').value = 'For Ada';

    await clickSave(embed.element);

    expect(platform.state.configurations()[0]?.variant.engraving).toBe('For Ada');
  });

  it('sends one save for a double click', async () => {
    const embed = await platform.mountProduct(PRODUCTS.lamp);

    const [first, second] = [embed.save(), embed.save()];

    expect(await first).toBe(await second);
    expect(platform.state.configurations()).toHaveLength(1);
  });

  it("keeps its submit from reaching a form of the page's", async () => {
    const outer = document.createElement('form');
    const element = host();
    outer.append(element);
    document.body.append(outer);
    const submitted = vi.fn();
    outer.addEventListener('submit', submitted);
    const embed = mount(element, { client: platform.client(), productId: PRODUCTS.lamp });
    await embed.ready;

    await clickSave(element);

    expect(submitted).not.toHaveBeenCalled();
    expect(platform.state.configurations()).toHaveLength(1);
  });

  it('shows a refused save beside the button and keeps the choices', async () => {
    quietConsole();
    const embed = await platform.mountProduct(PRODUCTS.table);
    radios(embed.element, 'Wood').get('ash')?.click();
    platform.state.failNext(
      { status: 422, body: { code: 'invalid_configuration', message: 'No.', errors: [] } },
      { method: 'POST' },
    );

    await expect(embed.save()).rejects.toMatchObject({ name: 'ValidationError' });

    const alert = embed.element.querySelector<HTMLElement>('.ce-save-error');
    expect(alert?.hidden).toBe(false);
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toBe(
      'Your configuration could not be saved. Some of the chosen options cannot be combined. Please change them.',
    );
    expect(embed.getVariant()?.wood).toBe('ash');

    await embed.save();
    expect(alert?.hidden).toBe(true);
  });

  it("tracks the shopper's changes as analytics events, without typed text", async () => {
    const client = platform.client();
    const embed = mount(host(), { client, productId: PRODUCTS.chair });
    await embed.ready;
    radios(embed.element, 'Frame').get('walnut')?.click();
    enter(control(embed.element, 'Engraving'), 'Private words');

    await client.analytics.flush();

    const changes = platform.state
      .countedEvents()
      .filter((event) => event.type === 'attribute_changed');
    expect(changes.map(({ productId, properties }) => ({ productId, properties }))).toEqual([
      { productId: PRODUCTS.chair, properties: { key: 'frame', value: 'walnut' } },
      { productId: PRODUCTS.chair, properties: { key: 'engraving' } },
    ]);
    expect(JSON.stringify(platform.state.countedEvents())).not.toContain('Private words');
  });

  it('tracks no changes when told not to', async () => {
    const client = platform.client();
    const embed = mount(host(), { client, productId: PRODUCTS.chair, analytics: false });
    await embed.ready;
    radios(embed.element, 'Frame').get('walnut')?.click();

    await client.analytics.flush();

    expect(platform.state.countedEvents().map((event) => event.type)).not.toContain(
      'attribute_changed',
    );
  });
});

describe('share links', () => {
  it('restores the saved variant when the page is opened with the link', async () => {
    const first = await platform.mountProduct(PRODUCTS.table);
    radios(first.element, 'Wood').get('walnut')?.click();
    enter(control(first.element, 'Length (cm)'), '240');
    radios(first.element, 'Leg colour').get('black')?.click();
    const saved = nextEvent(first.element, 'configurator:save');
    await clickSave(first.element);
    const { shareUrl, configuration } = (await saved).detail;
    first.destroy();

    history.replaceState(null, '', shareUrl);
    const element = host();
    const loaded = nextEvent(element, 'configurator:load');
    const second = mount(element, { client: platform.client(), productId: PRODUCTS.table });
    await second.ready;

    expect(second.getVariant()).toEqual(configuration.variant);
    expect(radios(element, 'Leg colour').get('black')?.checked).toBe(true);
    expect(control(element, 'Length (cm)').value).toBe('240');
    expect(element.querySelector('output')?.textContent).toBe('€1,770.00');
    expect(element.querySelector('.ce-notice')?.textContent).toBe(
      'Showing the shared configuration.',
    );
    expect((await loaded).detail.restored?.shortId).toBe(configuration.shortId);
  });

  it("leaves another product's configuration to that product's embed", async () => {
    const lamp = await platform.mountProduct(PRODUCTS.lamp);
    lamp.setVariant({ dimmable: true });
    const { shortId } = await lamp.save();

    history.replaceState(null, '', shareUrl(shortId));
    const table = await platform.mountProduct(PRODUCTS.table);
    const lampAgain = await platform.mountProduct(PRODUCTS.lamp);

    expect(table.getVariant()?.wood).toBe('oak');
    expect(table.element.querySelector('.ce-notice')?.textContent).toBe('');
    expect(lampAgain.getVariant()?.dimmable).toBe(true);
  });

  it('shows the standard options when the linked configuration does not exist', async () => {
    const console = quietConsole();
    history.replaceState(null, '', '/?configuration=Missing123');
    const element = host();
    const failed = nextEvent(element, 'configurator:error');

    const embed = mount(element, { client: platform.client(), productId: PRODUCTS.table });
    await embed.ready;

    expect(embed.getVariant()?.wood).toBe('oak');
    expect(element.querySelector('.ce-notice')?.textContent).toBe(
      'The shared configuration could not be opened. The link may be old or mistyped. Here are the standard options.',
    );
    expect((await failed).detail).toMatchObject({
      phase: 'restore',
      error: { name: 'NotFoundError' },
    });
    expect(console.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^\[configurator-embed\] NotFoundError \(not_found\), product .*: Failed to read/,
      ),
    );
  });

  it('resets only the saved choices that no longer fit the configurator', async () => {
    const configuration = await platform.client().configurations.save({
      productId: PRODUCTS.table,
      productVersion: '3.1.0',
      variant: { wood: 'walnut', length: 240 },
    });
    const definition = await platform.client().configurator.load(PRODUCTS.table);
    platform.state.putProduct({
      ...definition,
      attributes: definition.attributes.map((attribute) =>
        attribute.type === 'select' && attribute.key === 'wood'
          ? { ...attribute, options: attribute.options.filter(({ value }) => value !== 'walnut') }
          : attribute,
      ),
    });

    history.replaceState(null, '', shareUrl(configuration.shortId));
    const embed = await platform.mountProduct(PRODUCTS.table);

    expect(embed.getVariant()).toMatchObject({ wood: 'oak', length: 240 });
    expect(embed.element.querySelector('.ce-notice')?.textContent).toBe(
      'Showing the shared configuration. No longer available, so reset: Wood.',
    );
  });

  it('asks the platform nothing for a parameter that is not a short id', async () => {
    history.replaceState(null, '', '/?configuration=..%2Fapi%2Faccesstokens');

    const embed = await platform.mountProduct(PRODUCTS.table);

    const paths = platform.state.requests.map((request) => request.path);
    expect(embed.getVariant()?.wood).toBe('oak');
    expect(paths).toContain(`/api/products/${PRODUCTS.table}/configurator`);
    expect(paths).not.toContainEqual(expect.stringContaining('/api/configurations'));
  });
});
