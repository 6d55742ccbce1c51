// A release's name for people: the product's label and the release's, without saying the product
// twice ("Microsoft Windows Server 2012 R2 (LTSC)", not "Microsoft Windows Server Windows Server ...").

export function releaseTitle(release: { productLabel: string; label: string }): string {
  const productWords = release.productLabel.split(' ');
  const firstWord = release.label.split(' ')[0]?.toLowerCase();
  const at = productWords.findIndex((word) => word.toLowerCase() === firstWord);
  return at < 0 ? `${release.productLabel} ${release.label}` : [...productWords.slice(0, at), release.label].join(' ');
}
