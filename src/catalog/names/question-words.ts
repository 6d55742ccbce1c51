// The words of a chat question that are never part of a product's name, so "is xp still patched?"
// and "what's the eol date for node 16?" read as "xp" and "node 16".

/** Skipped anywhere before the product's name ("tell me", "is it"...). */
export const leadingQuestionWords: ReadonlySet<string> = new Set(
  `is are was were still supported support supports supporting patched patches patching updated updates update when
  does do did end ends ending lose loses losing the our we my a an what whats what's s about of for until til how long
  will would be get gets getting eol eos status lifecycle life please tell me us and or there any left it its this
  that they them can could should i hey hi hello check which version versions date dates reach reaches reached
  running run runs on we're were still using use expire expires expired security maintenance mainstream extended
  question quick know need to going anymore yet today now currently`.split(/\s+/),
);

/**
 * Removed after the product's name. Narrower than the leading list: words that are also release or
 * product names ("me" in Windows Me, "go", "it", "do", "is") stay, so they are never silently dropped.
 */
export const trailingQuestionWords: ReadonlySet<string> = new Set(
  `still supported support supports patched patches updated updates update end ends ending lose loses losing of life
  eol eos status lifecycle reach reaches reached expire expires expired get gets getting receive receives security
  maintenance mainstream anymore yet today now currently date dates when will be the any please thanks thx ok out
  dead already officially receiving being unsupported retired retire retires sunset sunsetted deprecated patching
  servicing service general extended versions releases`.split(/\s+/),
);

/**
 * Verbs of "go out of support", "fall out of support", "stop getting updates", "is supported": removed
 * after the product's name only once the words after them were (so Go, the language, stays a name).
 */
export const trailingQuestionVerbs: ReadonlySet<string> = new Set(
  `go goes going went gone fall falls falling fell run runs drop drops dropping stop stops stopped stopping become
  becomes became is are was were`.split(/\s+/),
);

/**
 * Words that never choose a release and may be dropped after a product's name when the release is not
 * found with them: "ubuntu 22.04 lts", "windows 10, version 22h2", "exchange server 2019".
 */
export const harmlessReleaseWords: ReadonlySet<string> = new Set(
  `lts version ver edition release rel build esu esm server linux gnu core x64 x86 amd64 arm64 64 32 bit 64bit 32bit
  sp cu update rtm ga final stable os operating system distribution distro sku`.split(/\s+/),
);

export function isOnlyQuestionWords(tokens: readonly string[]): boolean {
  return tokens.every((token) => leadingQuestionWords.has(token));
}
