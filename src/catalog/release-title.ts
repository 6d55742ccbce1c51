// A release's name for people: the product's label and the release's, without saying the product
// twice ("Microsoft Windows Server 2012 R2 (LTSC)", not "Microsoft Windows Server Windows Server ...").

// Worked out once a release: every answer about it, its listing rows and notes name it.
const titles = new WeakMap<object, string>();

export function releaseTitle(release: { productLabel: string; label: string }): string {
  let title = titles.get(release);
  if (title === undefined) titles.set(release, (title = titleOf(release)));
  return title;
}

function titleOf(release: { productLabel: string; label: string }): string {
  const productWords = release.productLabel.split(' ');
  const firstWord = release.label.split(' ')[0]?.toLowerCase();
  const at = productWords.findIndex((word) => word.toLowerCase() === firstWord);
  return at < 0 ? `${release.productLabel} ${release.label}` : [...productWords.slice(0, at), release.label].join(' ');
}
