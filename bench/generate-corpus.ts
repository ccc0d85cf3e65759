/**
 * Seeded synthetic newsroom for the build benchmark. The same (size, seed)
 * always produces byte-identical content, cached under bench/.corpus/.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

/** Bump when the generator's output changes, so cached corpora are rebuilt. */
const GENERATOR_VERSION = 2;
const MARKER = "corpus.json";

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS_CACHE_DIR = path.join(BENCH_DIR, ".corpus");

export interface CorpusOptions {
  /** The corpus root: gets `content/` and an empty `public/`. */
  dir: string;
  /** Number of articles. */
  size: number;
  seed: number;
}

export interface CorpusInfo {
  dir: string;
  size: number;
  seed: number;
  articles: number;
  authors: number;
  images: number;
  version: number;
}

const AUTHOR_COUNT = 60;
const DESK_COUNT = 5;
const TAG_POOL_SIZE = 500;
const IMAGE_COUNT = 20;
const IMAGE_WIDTH = 1200;
const IMAGE_HEIGHT = 675;
/** Articles are dated over the two years before this instant. */
const LATEST = Date.UTC(2026, 10, 26, 12, 0, 0);
const SPAN_MS = 730 * 24 * 60 * 60 * 1000;
const OFFSETS = ["+00:00", "+00:00", "+01:00", "+01:00", "+02:00", "-05:00", "-04:00", "+05:30", "+09:00", "-08:00"];

// --- deterministic randomness ------------------------------------------------

export type Random = () => number;

/** mulberry32: tiny, fast, good enough for synthetic text. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rand: Random, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
function pick<T>(rand: Random, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}
function pickDistinct<T>(rand: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  const wanted = Math.min(count, items.length);
  while (chosen.size < wanted) chosen.add(pick(rand, items));
  return [...chosen];
}
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

// --- vocabulary --------------------------------------------------------------

const WORDS = (
  "council harbour ferry budget plan residents street bridge school hospital market police court coast " +
  "weather storm flood tide river estuary road bus train station housing rent business shop cafe festival " +
  "music theatre library museum park beach dune path wildlife bird fishing boat port crew captain mayor " +
  "committee vote meeting report survey figures million pounds year month week morning evening night " +
  "people families children teachers nurses doctors drivers workers owners volunteers campaigners officials " +
  "said told announced confirmed warned agreed rejected approved delayed opened closed reopened planned " +
  "expected promised funded built repaired inspected reviewed published released asked answered argued " +
  "new old local national regional public private early late major minor small large short long final first " +
  "second third last next recent annual weekly daily extra further lower higher cheaper safer quieter busier " +
  "the a an of in on at for with from by to and but or as after before during under over between about " +
  "against across around without within since until because while where when which that this those these " +
  "its their his her our your more most less many several some every each other another such only also still " +
  "again already soon now then today yesterday tomorrow there here very quite nearly almost about roughly " +
  "scheme project proposal decision consultation application licence permit contract tender grant fund " +
  "service route timetable schedule closure diversion repair works upgrade extension redevelopment " +
  "energy water power waste recycling transport traffic parking cycling walking safety health care support"
).split(" ");

const TOPIC_WORDS = (
  "harbour ferry council budget flood storm coast bridge market festival school hospital housing transport " +
  "rail bus cycling parking energy water waste recycling wildlife birds beach dunes fishing boats crime courts " +
  "police fire rescue health care nursing education university science space arts music theatre film books " +
  "sport football rugby cricket sailing rowing running weather climate farming food restaurants pubs tourism " +
  "jobs business retail property planning roads tunnels airport port shipping trade unions pensions tax " +
  "elections politics mayor parliament charity volunteers heritage archaeology churches libraries museums parks"
).split(" ");

const ID_VERBS = (
  "said told announced confirmed warned agreed rejected approved delayed opened closed reopened planned " +
  "expected promised funded built repaired inspected reviewed published released asked answered argued"
).split(" ");

const TAG_QUALIFIERS = (
  "north south east west city county coast harbour town rural urban local regional youth community public " +
  "night winter summer spring autumn new old upper lower inner outer"
).split(" ");

const FIRST_NAMES = (
  "maria daniel priya tom amara lucas sofia omar hannah kwame elena james aisha ben chloe diego fatima george " +
  "isla jonas kofi laura mateo nadia oliver rosa samir tara ugo vera wen yusuf zoe ada felix grace hugo ines " +
  "kai leila marco nina owen paula rafael sana theo una victor willa xavier yara"
).split(" ");
const LAST_NAMES = (
  "okafor osei nandakumar achterberg mensah silva haddad novak kowalski fernandes brennan lindqvist moreau " +
  "tanaka obi rossi schmidt nguyen patel murphy oconnell garcia mueller dubois jensen costa kaur ali hughes " +
  "evans walsh byrne ahmed khan reid ford lane marsh wood hill stone clarke"
).split(" ");
const DESKS = ["news", "weather", "sport", "business", "culture", "politics", "data"];
const ROLES = ["City Hall reporter", "Transport correspondent", "Environment reporter", "Courts reporter",
  "Business editor", "Culture writer", "Health correspondent", "Senior reporter", "Data reporter", "Photographer"];
const CREDITS = ["Herald photographer", "Staff photo", "Reader submission", "Agency picture", "Council handout"];

// --- text --------------------------------------------------------------------

function sentence(rand: Random, minWords = 8, maxWords = 18): string {
  const count = int(rand, minWords, maxWords);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    let word = pick(rand, WORDS);
    if (i > 2 && i < count - 2 && rand() < 0.06) word += ",";
    words.push(word);
  }
  words[0] = capitalize(words[0]!);
  return words.join(" ") + (rand() < 0.05 ? "?" : ".");
}

function phrase(rand: Random, min: number, max: number): string {
  return Array.from({ length: int(rand, min, max) }, () => pick(rand, WORDS)).join(" ");
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

interface BodyContext {
  id: string;
  earlierIds: readonly string[];
  withRelatedCard: boolean;
}

function paragraph(rand: Random, ctx: BodyContext): string {
  const sentences = Array.from({ length: int(rand, 3, 6) }, () => sentence(rand));
  if (rand() < 0.25) {
    // Replace a few words of one sentence with a link: external mostly, sometimes an earlier article.
    const index = int(rand, 0, sentences.length - 1);
    const text = phrase(rand, 2, 5);
    const url =
      ctx.earlierIds.length > 0 && rand() < 0.3
        ? `/news/${pick(rand, ctx.earlierIds)}/`
        : `https://example.org/${pick(rand, TOPIC_WORDS)}/${pick(rand, WORDS)}-${int(rand, 1, 9999)}`;
    sentences[index] = `${sentences[index]!.slice(0, -1)}, according to [${text}](${url}).`;
  }
  if (rand() < 0.1) {
    const index = int(rand, 0, sentences.length - 1);
    sentences[index] = `${sentences[index]!.slice(0, -1)} **${phrase(rand, 1, 3)}**.`;
  }
  return sentences.join(" ");
}

function body(rand: Random, ctx: BodyContext): string {
  const target = int(rand, 400, 900);
  const blocks: string[] = [];
  let words = 0;
  let sinceHeading = 0;
  let hasList = false;
  let hasQuote = false;
  let cardPlaced = !ctx.withRelatedCard;
  const add = (block: string) => {
    blocks.push(block);
    words += wordCount(block);
  };
  while (words < target) {
    if (sinceHeading >= 3 && rand() < 0.45) {
      add(`## ${capitalize(phrase(rand, 2, 6))}`);
      sinceHeading = 0;
      continue;
    }
    if (!hasList && blocks.length > 3 && rand() < 0.3) {
      const ordered = rand() < 0.3;
      const items = Array.from({ length: int(rand, 3, 5) }, (_, i) => `${ordered ? `${i + 1}.` : "-"} ${capitalize(phrase(rand, 4, 10))};`);
      add(`${sentence(rand, 6, 10).slice(0, -1)}:\n\n${items.join("\n")}`);
      hasList = true;
    } else if (!hasQuote && blocks.length > 4 && rand() < 0.3) {
      add(`> ${sentence(rand, 12, 20)} ${sentence(rand, 8, 16)}`);
      hasQuote = true;
    } else if (!cardPlaced && blocks.length > 2 && rand() < 0.4) {
      blocks.push(`::related{id=${pick(rand, ctx.earlierIds)}}`);
      cardPlaced = true;
    } else {
      add(paragraph(rand, ctx));
    }
    sinceHeading++;
  }
  if (!cardPlaced) blocks.splice(Math.min(2, blocks.length), 0, `::related{id=${pick(rand, ctx.earlierIds)}}`);
  return blocks.join("\n\n") + "\n";
}

// --- frontmatter -------------------------------------------------------------

/** YAML double-quoted scalar; JSON string syntax is valid YAML. */
const q = (value: string) => JSON.stringify(value);

function timestamp(utcMs: number, offset: string): string {
  const sign = offset.startsWith("-") ? -1 : 1;
  const [hours, minutes] = offset.slice(1).split(":").map(Number) as [number, number];
  const local = new Date(utcMs + sign * (hours * 60 + minutes) * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${offset}`
  );
}

function makeTags(rand: Random): string[] {
  const tags = new Set<string>(TOPIC_WORDS);
  while (tags.size < TAG_POOL_SIZE) {
    const slug = rand() < 0.5 ? `${pick(rand, TAG_QUALIFIERS)}-${pick(rand, TOPIC_WORDS)}` : `${pick(rand, TOPIC_WORDS)}-${pick(rand, TOPIC_WORDS)}`;
    const parts = slug.split("-");
    if (parts[0] !== parts[1]) tags.add(slug);
  }
  return [...tags].slice(0, TAG_POOL_SIZE);
}

interface AuthorSpec {
  id: string;
  file: string;
}

function makeAuthors(rand: Random): AuthorSpec[] {
  const authors: AuthorSpec[] = [];
  const ids = new Set<string>();
  for (const desk of DESKS.slice(0, DESK_COUNT)) {
    const id = `${desk}-desk`;
    ids.add(id);
    authors.push({
      id,
      file: `---\nname: ${q(`${capitalize(desk)} desk`)}\ntype: desk\nrole: "Herald staff"\n---\n${paragraph(rand, { id, earlierIds: [], withRelatedCard: false })}\n`,
    });
  }
  while (authors.length < AUTHOR_COUNT) {
    const first = pick(rand, FIRST_NAMES);
    const last = pick(rand, LAST_NAMES);
    const id = `${first}-${last}`;
    if (ids.has(id)) continue;
    ids.add(id);
    const name = `${capitalize(first)} ${capitalize(last)}`;
    authors.push({
      id,
      file:
        `---\nname: ${q(name)}\ntype: person\nrole: ${q(pick(rand, ROLES))}\n---\n` +
        `${name} ${paragraph(rand, { id, earlierIds: [], withRelatedCard: false }).replace(/^./, (c) => c.toLowerCase())}\n\n` +
        `Tips are welcome at [${id}@herald.example.org](mailto:${id}@herald.example.org).\n`,
    });
  }
  return authors;
}

const SUPPORT_PAGE = `---
title: "Support the Bugle"
description: "The Benchmark Bugle is paid for by its readers."
---
Every story on this site is free to read because readers pay for it.
`;

/** `navigation` links to tags: the first six an article carries (a small corpus uses only some of its tags, and a link to an unused one is an error). */
function siteYaml(usedTags: readonly string[]): string {
  const nav = ["Harbour", "Council", "Transport", "Environment", "Business", "Culture"].map(
    (label, i) => `  - { label: ${q(label)}, tag: ${q(usedTags[i % usedTags.length]!)} }`,
  );
  return [
    `name: "The Benchmark Bugle"`,
    `tagline: "Synthetic news for build benchmarks"`,
    `baseUrl: https://bench.example.org`,
    `language: en-GB`,
    `timeZone: Europe/London`,
    `promo:`,
    `  text: "Local journalism is funded by readers like you."`,
    `  linkText: "Support the Bugle"`,
    `  url: https://bench.example.org/support/`,
    `navigation:`,
    ...nav,
    `tagLabels:`,
    `  arts: "Arts and culture"`,
    `  tax: "Tax and spending"`,
    `newsletters:`,
    `  - id: morning-briefing`,
    `    name: Morning Briefing`,
    `    description: "The five stories people are talking about, before the first ferry leaves."`,
    `    action: https://newsletters.example.org/subscribe/morning-briefing`,
    `  - id: weekly-digest`,
    `    name: Weekly Digest`,
    `    description: "The week's news in ten minutes, every Saturday."`,
    `    action: https://newsletters.example.org/subscribe/weekly-digest`,
    `editUrl: "https://git.example.org/bugle/newsroom/edit/main/{path}"`,
    ``,
  ].join("\n");
}

function article(rand: Random, index: number, date: number, ids: readonly string[], authors: readonly AuthorSpec[], tags: readonly string[]): string {
  const id = ids[index]!;
  const earlierIds = ids.slice(Math.max(0, index - 400), index);
  const title = capitalize(id.replace(/-\d+$/, "").split("-").join(" ")) + " " + phrase(rand, 2, 5);
  const offset = pick(rand, OFFSETS);
  const lines = [
    "---",
    `title: ${q(title)}`,
    `dek: ${q(sentence(rand, 12, 24))}`,
    `authors: [${pickDistinct(rand, authors, rand() < 0.7 ? 1 : int(rand, 2, 3)).map((a) => a.id).join(", ")}]`,
    `date: ${timestamp(date, offset)}`,
  ];
  if (rand() < 0.2) lines.push(`updated: ${timestamp(date + int(rand, 10, 3 * 24 * 60) * 60_000, offset)}`);
  lines.push(`tags: [${pickDistinct(rand, tags, int(rand, 3, 4)).join(", ")}]`);
  if (earlierIds.length > 0 && rand() < 0.3) {
    lines.push("related:");
    for (const relatedId of pickDistinct(rand, earlierIds, int(rand, 1, 3))) lines.push(`  - ${relatedId}`);
    if (rand() < 0.4) {
      lines.push(`  - title: ${q(capitalize(phrase(rand, 3, 7)))}`);
      lines.push(`    url: https://example.org/${pick(rand, TOPIC_WORDS)}/${int(rand, 1, 99999)}`);
    }
  } else if (rand() < 0.05) {
    lines.push("related:", `  - title: ${q(capitalize(phrase(rand, 3, 7)))}`, `    url: https://example.org/reports/${int(rand, 1, 99999)}`);
  }
  lines.push(
    "hero:",
    `  src: ../images/${imageName(index % IMAGE_COUNT)}`,
    `  alt: ${q(capitalize(phrase(rand, 8, 16)) + ".")}`,
  );
  if (rand() < 0.7) lines.push(`  caption: ${q(sentence(rand, 6, 14))}`);
  lines.push(`  credit: ${q(pick(rand, CREDITS))}`);
  if (rand() < 0.05) lines.push("featured: true");
  lines.push("---");
  const withRelatedCard = earlierIds.length > 0 && rand() < 0.1;
  return lines.join("\n") + "\n" + body(rand, { id, earlierIds, withRelatedCard });
}

const imageName = (i: number) => `bench-hero-${String(i + 1).padStart(2, "0")}.jpg`;

async function writeImages(dir: string, seed: number): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await Promise.all(
    Array.from({ length: IMAGE_COUNT }, async (_, i) => {
      const rand = mulberry32(seed * 1000 + i);
      const from = [int(rand, 0, 255), int(rand, 0, 255), int(rand, 0, 255)];
      const to = [int(rand, 0, 255), int(rand, 0, 255), int(rand, 0, 255)];
      // A seeded 256x256 noise tile, repeated: real-photo-like grain without 800k random draws per image.
      const tile = Int8Array.from({ length: 256 * 256 }, () => Math.round((rand() - 0.5) * 24));
      const pixels = new Uint8ClampedArray(IMAGE_WIDTH * IMAGE_HEIGHT * 3); // clamps to 0..255
      const span = IMAGE_WIDTH + IMAGE_HEIGHT;
      let offset = 0;
      for (let y = 0; y < IMAGE_HEIGHT; y++) {
        const row = (y & 255) << 8;
        for (let x = 0; x < IMAGE_WIDTH; x++) {
          const t = (x + y) / span;
          const noise = tile[row | (x & 255)]!;
          pixels[offset++] = from[0]! + (to[0]! - from[0]!) * t + noise;
          pixels[offset++] = from[1]! + (to[1]! - from[1]!) * t + noise;
          pixels[offset++] = from[2]! + (to[2]! - from[2]!) * t + noise;
        }
      }
      await sharp(Buffer.from(pixels.buffer), { raw: { width: IMAGE_WIDTH, height: IMAGE_HEIGHT, channels: 3 } })
        .jpeg({ quality: 75 })
        .toFile(path.join(dir, imageName(i)));
    }),
  );
}

/** Writes the corpus into `dir` (which must not exist or be empty). */
export async function generateCorpus({ dir, size, seed }: CorpusOptions): Promise<CorpusInfo> {
  if (!Number.isInteger(size) || size < 1) throw new Error(`corpus size must be a positive integer, got ${size}`);
  const rand = mulberry32(seed);
  const content = path.join(dir, "content");
  mkdirSync(path.join(content, "articles"), { recursive: true });
  mkdirSync(path.join(content, "authors"), { recursive: true });
  mkdirSync(path.join(content, "pages"), { recursive: true });
  mkdirSync(path.join(dir, "public"), { recursive: true });

  const tags = makeTags(rand);
  // The page the promo links to: a site's links to its own pages are checked.
  writeFileSync(path.join(content, "pages", "support.md"), SUPPORT_PAGE);
  const authors = makeAuthors(rand);
  for (const author of authors) writeFileSync(path.join(content, "authors", `${author.id}.md`), author.file);

  // Dates ascending, so "earlier" articles are the ones with a lower index.
  const dates = Array.from({ length: size }, () => LATEST - Math.floor(rand() * SPAN_MS)).sort((a, b) => a - b);
  const width = String(size).length;
  const idWords = ID_VERBS;
  const ids = dates.map((_, i) => `${pick(rand, TOPIC_WORDS)}-${pick(rand, idWords)}-${String(i + 1).padStart(width, "0")}`);
  const usedTags = new Set<string>();
  for (let i = 0; i < size; i++) {
    const text = article(rand, i, dates[i]!, ids, authors, tags);
    for (const tag of /^tags: \[(.*)\]$/m.exec(text)![1]!.split(", ")) usedTags.add(tag);
    writeFileSync(path.join(content, "articles", `${ids[i]}.md`), text);
  }
  writeFileSync(path.join(content, "site.yaml"), siteYaml([...usedTags]));
  await writeImages(path.join(content, "images"), seed);

  const info: CorpusInfo = { dir, size, seed, articles: size, authors: authors.length, images: IMAGE_COUNT, version: GENERATOR_VERSION };
  writeFileSync(path.join(dir, MARKER), JSON.stringify({ ...info, dir: undefined }, null, 2) + "\n");
  return info;
}

/**
 * The cached corpus for (size, seed) under bench/.corpus/<size>-<seed>/,
 * generated first when missing or written by an older generator.
 */
export async function ensureCorpus(size: number, seed: number, log: (message: string) => void = () => {}): Promise<CorpusInfo> {
  const dir = path.join(CORPUS_CACHE_DIR, `${size}-${seed}`);
  const marker = path.join(dir, MARKER);
  if (existsSync(marker)) {
    try {
      const cached = JSON.parse(readFileSync(marker, "utf8")) as Partial<CorpusInfo>;
      if (cached.version === GENERATOR_VERSION && cached.size === size && cached.seed === seed) {
        log(`corpus ${size}-${seed}: cached at ${path.relative(process.cwd(), dir)}`);
        return { ...(cached as CorpusInfo), dir };
      }
    } catch {
      // unreadable marker: regenerate
    }
  }
  const started = performance.now();
  log(`corpus ${size}-${seed}: generating...`);
  // Generate beside the final folder and swap it in, so an interrupted run never leaves a half corpus.
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  await generateCorpus({ dir: staging, size, seed });
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  log(`corpus ${size}-${seed}: generated in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return { dir, size, seed, articles: size, authors: AUTHOR_COUNT, images: IMAGE_COUNT, version: GENERATOR_VERSION };
}
