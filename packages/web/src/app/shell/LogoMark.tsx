/** The OpenHTM mark: a heartbeat trace on the brand colour, legible from 16 px up. `inverted` for dark backgrounds. */
export function LogoMark({ size = 32, inverted = false }: { size?: number; inverted?: boolean }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" role="img" aria-hidden="true" style={{ flexShrink: 0 }}>
      <rect width="32" height="32" rx="8" fill={inverted ? '#fff' : 'var(--mantine-color-brand-7)'} />
      <path
        d="M6 17h5l2.5-6 4 11 2.5-5H26"
        fill="none"
        stroke={inverted ? 'var(--mantine-color-brand-8)' : '#fff'}
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
