// File-name stems from titles and names: lower case ASCII, Turkish letters folded (ı → i, ş → s).
export function slugify(name: string): string {
  return (
    name
      .toLocaleLowerCase('tr')
      .replace(/ı/g, 'i')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'manuscript'
  );
}
