/** A coloured tile with the first letter of a name: the app and form icon until an icon set exists. */
export function AppAvatar({ name, color, size = 'md' }: { readonly name: string; readonly color?: string | undefined; readonly size?: 'sm' | 'md' | 'lg' }) {
  return (
    <span className={`avatar avatar-${size}`} style={{ background: color ?? '#1f6feb' }} aria-hidden="true">
      {Array.from(name.trim())[0]?.toUpperCase() ?? '?'}
    </span>
  );
}
