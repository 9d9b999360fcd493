/** The Buurtbalans mark: dunes over a green line. */
export function BrandMark({ size = 30 }: { size?: number }) {
  return (
    <svg viewBox="0 0 32 32" width={size} height={size} aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#f7f3ea" />
      <path d="M6 22 L12 10 L16 17 L20 12 L26 22 Z" fill="#d9822b" />
      <rect x="6" y="23" width="20" height="3" rx="1.5" fill="#3b7a5a" />
    </svg>
  );
}
