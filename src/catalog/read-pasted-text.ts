// What people paste or type around a name, rewritten into the name itself: `winver` and `ver` lines,
// os-release fields, Active Directory's "6.3 (9600)", trademark signs, emoji, mentions, "v20.11.1".
// Runs before normalizeName; bounded, since every question passes through it.

/** Longer questions are cut: no product name or pasted line needs more. */
const MAX_QUESTION_CHARS = 300;

const twoThousand = (digits: string): string => `20${digits.padStart(2, '0')}`;

/** The builds Windows 10 and 11 and Server 2016 on shipped as, standing alone (not in a dotted version). */
const WINDOWS_BUILD =
  /(?<![\d.])(10240|10586|14393|15063|16299|17134|17763|18362|18363|1904[1-5]|20348|22000|2262[12]|22631|25398|26100|26200)(?![\d.])/g;

const REWRITES: readonly [RegExp, string | ((match: string, ...groups: string[]) => string)][] = [
  [/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' '], // a Slack mention of the bot
  [/^\s*@\S+/, ' '], // "@eolwatch is xp supported?" typed in the shell
  [/:[a-z0-9_+-]+:/gi, ' '], // Slack emoji shortcodes
  [/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' '],
  [/[®™©]|\((?:R|TM|C)\)/gi, ' '], // "Microsoft® Windows Server® 2008 Standard"
  [/\b(?:PRETTY_NAME|NAME|VERSION|VERSION_ID|DISTRIB_DESCRIPTION|DISTRIB_RELEASE)\s*=/g, ' '], // os-release, lsb-release
  [/\[Version\s+([\d.]+)\]/gi, ' $1 '], // "Microsoft Windows [Version 10.0.19045.4291]"
  // Active Directory's OperatingSystemVersion: "6.3 (9600)" -> 6.3.9600 (only Windows NT versions:
  // "Galaxy Tab A7 10.4 (2022)" is a tablet and its year).
  [/\b(5\.[0-2]|6\.[0-3]|10\.0)\s*\((\d{4,5})\)/g, '$1.$2'],
  [/\bv(\d+(?:\.\d+)*|\d\dh[12])\b/gi, '$1'], // "node v20.11.1", "windows 10 v22h2"
  // Windows' own "OS Build 22631.3447" and "build 19045": the build number as winver writes it.
  [/\b(?:os\s+)?build\s+([12]\d{4})(?:\.\d+)?\b/gi, '10.0.$1'],
  // A Windows build with its revision, as Settings and inventories show it: "22H2 (19045.3693)".
  [
    /\(?(?<![\d.])([12]\d{4})\.\d{1,5}(?![\d.])\)?/g,
    (match, build, _offset, whole: string) => (/win/i.test(whole) ? ` 10.0.${build} ` : match),
  ],
  // A Windows build alone, as agents list it ("Windows 10 Pro 19045"): only the builds Windows shipped,
  // so a count ("windows 10 22h2 15000") is never read as one.
  [WINDOWS_BUILD, (match, build, _offset, whole: string) => (/win/i.test(whole) ? ` 10.0.${build} ` : match)],
  [/\b(\d{1,2})u\d{1,3}\b/gi, '$1'], // Java's "8u401": release 8, update 401
  [/\b(\d+\.\d+\.\d+)\+\d{1,3}\b/g, '$1'], // and "17.0.9+9": version 17.0.9, build 9
  [/(\d)\.\*(?![\w*])/g, '$1.x'], // "php 8.*" is "php 8.x" (match-release.ts), not chat markup
  // Windows Server by its "2k" year: "w2k19", "win2k12", "2k8 r2", "server 2k16" (not "win2k", Windows 2000).
  [
    /\b(?:ws|w|win|windows)\s*(?:server\s*|srv\s*)?2k(\d{1,2})(?=r2\b|\b)/gi,
    (_match, digits) => `windows server ${twoThousand(digits)}`,
  ],
  [/\b2k(\d{1,2})(?=r2\b|\b)/gi, (_match, digits) => twoThousand(digits)],
  [/(\d)(r2|sp\d+[a-z]?|lts|esm)\b/gi, '$1 $2'], // "2012R2", "7sp1", "22.04lts"
  [/\b(\d\d)\s*[- ]\s*h([12])\b/gi, '$1h$2'], // a feature update split: "22 h2", "24-H2"
  [/,\s*(?=version\b)/gi, ' '], // Microsoft's own "Windows 10, version 22H2"
  [/,\s*v\.?\s*(?=\d)/gi, ' '], // and as people shorten it: "Windows 10, v. 22H2"
  [/[*_~`]/g, ' '], // chat markup
  // Windows by its number in words: "windows ten", "win eleven".
  [
    /\b(win(?:dows)?)\s+(seven|eight|ten|eleven)\b/gi,
    (_match, windows: string, number: string) =>
      `${windows} ${{ seven: 7, eight: 8, ten: 10, eleven: 11 }[number.toLowerCase() as 'ten']}`,
  ],
];

// What any rewrite above needs in the text: a character outside printable ASCII, one of < @ : = [ ( ,
// * _ ~ ` ", or "v" with a digit, "build", "8u4", "2k1", "2012r2", "7sp", "04lts", a build "19045.3",
// "22 h2", "9+9", "windows ten".
// Plain questions ("windows server 2019 in 2027") have none and skip them all.
const MAY_REWRITE =
  /[^\x20-\x7e]|[<@:=[(,*_~`"]|v\d|build|\du\d|2k\d|\d(?:r2|sp\d|lts|esm)|\d{5}\.\d|\d[- ]h[12]\b|\d\+\d|\bwin\w*\s+(?:seven|eight|ten|eleven)\b|\b(?:1\d|2[026])\d{3}\b/i;

// The last text read: a question's words are read when it is parsed and again when they are
// resolved, and the rewrites were a tenth of an unseen question's cost.
let lastText: string | undefined;
let lastRewritten = '';

export function readPastedText(text: string): string {
  if (text === lastText) return lastRewritten;
  const cut = text.slice(0, MAX_QUESTION_CHARS);
  const rewritten = MAY_REWRITE.test(cut) ? rewriteAll(cut) : cut;
  lastText = text;
  lastRewritten = rewritten;
  return rewritten;
}

/**
 * A tool's own version line, as `java -version`, `php -v`, `apache2 -v`, `docker --version` and
 * `kubectl version` print it -> the product and version. Read before a question's date is, so the
 * build date on `openjdk version "17.0.9" 2023-10-17` is never taken for the day asked about.
 */
const TOOL_VERSION_LINES: readonly [RegExp, string][] = [
  [/^\s*(java|openjdk) version "([^"]+)"(?:\s+\d{4}-\d\d-\d\d)?(?:\s+lts)?\s*$/i, '$1 $2'],
  [/^\s*PHP (\d+\.\d+(?:\.\d+)?)\s+\(cli\).*$/i, 'php $1'],
  [/^\s*Server version: Apache\/(\d+(?:\.\d+)*)(?:\s+\([^)]*\))?\s*$/i, 'apache http server $1'],
  [/^\s*Docker version (\d+(?:\.\d+)*), build \w+\s*$/i, 'docker $1'],
  [/^\s*(?:kubectl version\s+)?(?:Client|Server) Version: v?(\d+(?:\.\d+)*)\s*$/i, 'kubernetes $1'],
];

export function readToolVersionLines(text: string): string {
  if (!/version|\(cli\)/i.test(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      for (const [pattern, replacement] of TOOL_VERSION_LINES)
        if (pattern.test(line)) return line.replace(pattern, replacement);
      return line;
    })
    .join('\n');
}

/** Every rewrite, whatever the text holds: what readPastedText's shortcut must always agree with. */
export function rewriteAll(text: string): string {
  let rewritten = readToolVersionLines(text);
  for (const [pattern, replacement] of REWRITES) rewritten = rewritten.replace(pattern, replacement as string);
  return rewritten;
}
