// The organisation's colours as CSS: the custom properties the stylesheet uses, from the two
// colours in the settings, and the contrast check that keeps white text on them readable.

/** WCAG AA contrast for normal text. */
export const minimumContrast = 4.5;

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of white on `hex` (#rrggbb). */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

/** `hex` mixed with black: the darker shade for hover and borders. */
export function darken(hex: string, amount = 0.28): string {
  return `#${channels(hex)
    .map((c) => Math.round(c * (1 - amount)))
    .map((c) => c.toString(16).padStart(2, "0"))
    .join("")}`;
}

const hexColour = /^#[0-9a-f]{6}$/;

/** The stylesheet overriding the brand's custom properties; a value that is not #rrggbb is left out. */
export function brandStylesheet(colours: { primaryColour: string; accentColour: string }): string {
  const lines: string[] = [];
  if (hexColour.test(colours.primaryColour)) lines.push(`  --brand: ${colours.primaryColour};`, `  --brand-dark: ${darken(colours.primaryColour)};`);
  if (hexColour.test(colours.accentColour)) lines.push(`  --accent: ${colours.accentColour};`);
  return `:root {\n${lines.join("\n")}\n}\n`;
}
