import type { AttributeOption, ColorAttribute, RgbColor } from '../platform/types';

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * Reads a CSS hex colour (`#rgb` or `#rrggbb`) as red, green and blue.
 *
 * @returns The colour, or `null` when the text is not a hex colour.
 * @example
 * parseHexColor('#c4623f'); // { r: 196, g: 98, b: 63 }
 */
export function parseHexColor(hex: string): RgbColor | null {
  const digits = HEX.exec(hex)?.[1];

  if (digits === undefined) {
    return null;
  }

  const full = digits.length === 3 ? digits.replace(/./g, (digit) => digit + digit) : digits;
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((start) =>
    parseInt(full.slice(start, start + 2), 16),
  );

  return { r, g, b };
}

/** Tells whether a value has the shape `{ r, g, b }` and no other keys, whatever the numbers. */
export function isRgbShape(value: unknown): value is RgbColor {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }

  const keys = Object.keys(value).sort();

  return keys.length === 3 && keys.join() === 'b,g,r';
}

/** Tells whether each channel of a colour is an integer from 0 to 255. */
export function isValidRgb(color: RgbColor): boolean {
  return [color.r, color.g, color.b].every(
    (channel) => Number.isInteger(channel) && channel >= 0 && channel <= 255,
  );
}

/**
 * Finds the option of a colour attribute that a colour names, by the option's `value` or by its
 * swatch when the colour is given as `{ r, g, b }`.
 */
export function findColorOption(
  attribute: ColorAttribute,
  value: unknown,
): AttributeOption | undefined {
  if (typeof value === 'string') {
    return attribute.options.find((option) => option.value === value);
  }

  if (!isRgbShape(value)) {
    return undefined;
  }

  return attribute.options.find((option) => {
    const swatch = parseHexColor(option.swatch ?? '');

    return swatch !== null && swatch.r === value.r && swatch.g === value.g && swatch.b === value.b;
  });
}
