import { afterEach, describe, expect, it, vi } from 'vitest';

import { mount } from '../../src/index';
import { PRODUCTS, host, radios, useEmbedPlatform } from './support';

const platform = useEmbedPlatform();

afterEach(() => {
  vi.useRealTimers();
});

describe('destroy', () => {
  it('leaves the element as it was before mounting', async () => {
    const element = host();
    element.innerHTML = '<p>Before</p>';
    const before = element.innerHTML;
    const embed = mount(element, { client: platform.client(), productId: PRODUCTS.table });
    await embed.ready;
    radios(element, 'Wood').get('walnut')?.click();
    await embed.save();

    embed.destroy();

    expect(element.innerHTML).toBe(before);
    expect(document.querySelector('[data-configurator-embed]')).toBeNull();
  });

  it('stops the callbacks and events it added to the element', async () => {
    const onLoad = vi.fn();
    const onChange = vi.fn();
    const element = host();
    const embed = mount(element, {
      client: platform.client(),
      productId: PRODUCTS.table,
      onLoad,
      onChange,
    });
    await embed.ready;

    embed.destroy();
    element.dispatchEvent(new CustomEvent('configurator:load', { detail: {} }));
    element.dispatchEvent(new CustomEvent('configurator:change', { detail: {} }));

    expect(onLoad).toHaveBeenCalledTimes(1);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('adds nothing when the load it was waiting for ends after it', async () => {
    const element = host();
    const heard = vi.fn();
    element.addEventListener('configurator:load', heard);
    element.addEventListener('configurator:error', heard);
    const embed = mount(element, { client: platform.client(), productId: PRODUCTS.table });

    embed.destroy();
    await embed.ready;
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(element.childNodes).toHaveLength(0);
    expect(heard).not.toHaveBeenCalled();
  });

  it('adds nothing when the save it was waiting for ends after it', async () => {
    const embed = await platform.mountProduct(PRODUCTS.lamp);
    const heard = vi.fn();
    embed.element.addEventListener('configurator:save', heard);
    embed.element.addEventListener('configurator:error', heard);

    const saving = embed.save();
    embed.destroy();
    await saving.catch(() => undefined);

    expect(embed.element.childNodes).toHaveLength(0);
    expect(heard).not.toHaveBeenCalled();
  });

  it("clears the share panel's timer", async () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn().mockResolvedValue(undefined) },
      configurable: true,
    });
    const embed = await platform.mountProduct(PRODUCTS.lamp, { analytics: false });
    await embed.save();
    const copy = [...embed.element.querySelectorAll('button')].find(
      (button) => button.textContent === 'Copy link',
    );
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    copy?.click();
    await vi.waitFor(() => expect(copy?.textContent).toBe('Link copied.'));
    expect(vi.getTimerCount()).toBe(1);

    embed.destroy();

    expect(vi.getTimerCount()).toBe(0);
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('removes the stylesheet it linked once the last embed is gone', async () => {
    const client = platform.client();
    const options = { client, productId: PRODUCTS.lamp, stylesheet: '/embed.css', nonce: 'n0nce' };
    const first = mount(host(), options);
    const second = mount(host(), options);
    const links = () => document.head.querySelectorAll('link[rel=stylesheet]');

    expect(links()).toHaveLength(1);
    expect(links()[0]).toMatchObject({ href: 'http://localhost:3000/embed.css', nonce: 'n0nce' });

    first.destroy();
    expect(links()).toHaveLength(1);

    second.destroy();
    expect(links()).toHaveLength(0);
  });

  it('never removes a stylesheet the page linked itself', () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/embed.css';
    document.head.append(link);

    const embed = mount(host(), {
      client: platform.client(),
      productId: PRODUCTS.lamp,
      stylesheet: 'http://localhost:3000/embed.css',
    });
    embed.destroy();

    expect([...document.head.children]).toEqual([link]);
  });

  it('makes the embed refuse further calls, and may be called twice', async () => {
    const embed = await platform.mountProduct(PRODUCTS.lamp);

    embed.destroy();
    embed.destroy();

    expect(embed.getVariant()).toBeNull();
    expect(() => embed.setVariant({ dimmable: true })).toThrow(
      expect.objectContaining({ name: 'UsageError', code: 'client_destroyed' }),
    );
    await expect(embed.save()).rejects.toMatchObject({ name: 'UsageError' });
  });

  it('lets a new embed mount on the same element', async () => {
    const element = host();
    const client = platform.client();
    mount(element, { client, productId: PRODUCTS.lamp }).destroy();

    const embed = mount(element, { client, productId: PRODUCTS.chair });
    await embed.ready;

    expect(element.querySelector('h2')?.textContent).toBe('Sora Lounge Chair');
  });
});
