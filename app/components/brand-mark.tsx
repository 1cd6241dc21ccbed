// The organisation's mark: its logo (alt text: its name) when the settings have one, else its short name.

export function BrandMark({ shortName, name, logoUrl }: { shortName: string; name: string; logoUrl?: string }) {
  if (logoUrl) return <img className="brand-logo" src={logoUrl} alt={name} height={40} />;
  return (
    <span className="brand-mark" aria-hidden="true">
      {shortName}
    </span>
  );
}
