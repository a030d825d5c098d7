// Type declarations for the isnad npm package (wasm/index.js).
//
// Every offset is a half-open [start, end) range of UTF-16 code units, i.e. JavaScript string
// indices into the exact string passed to analyze(): `result.text.slice(span.start, span.end) ===
// span.text` holds for every span in a result.

/** A half-open [start, end) range of UTF-16 code units, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  /** `text.slice(start, end)` of the analyzed text. */
  text: string;
}

export interface Sentence extends Span {}

export type TokenKind = 'word' | 'number' | 'punctuation' | 'quote_open' | 'quote_close' | 'symbol';

export interface Token extends Span {
  kind: TokenKind;
  /** The Arabic matching form of the token (NFKC and Arabic folding). */
  norm: string;
  /** Index into `AnalysisResult.sentences`. */
  sentence: number;
}

/**
 * Something the caller may want to know about the input, e.g. `lone_surrogate` (an unpaired UTF-16
 * surrogate was analyzed as U+FFFD) or `looks_like_html`. Where it concerns a part of the text, it
 * carries that span.
 */
export interface Warning {
  code: string;
  message: string;
  start?: number;
  end?: number;
  text?: string;
}

export type EntityType = 'PER' | 'ORG' | 'GPE' | 'LOC' | 'FAC' | 'TIME' | 'MISC';
export type OrgSubtype = 'MEDIA' | 'GOV' | 'ARMED' | 'OTHER';

/** A named entity mention (shared/spec/annotation.md §1). */
export interface Entity extends Span {
  id: string;
  type: EntityType;
  /** ORG only, where clear. */
  subtype?: OrgSubtype;
  /**
   * TIME only: the normalized value, ISO 8601 when it can be resolved against the document date,
   * else a form anchored on it (`DOC-P1D`, `DOC-WED`, `P2D/DOC`, …; see README, Entities).
   */
  value?: string;
  /** Mentions of one entity under different forms share a cluster id. */
  cluster?: string;
}

/** The mentions of one entity under its different forms (shared/spec/annotation.md §1). */
export interface Cluster {
  id: string;
  type: EntityType;
  /** The entity's fullest name as written. */
  name: string;
  /**
   * `name` in Latin letters (ICU "Arabic-Latin; Latin-ASCII": letter by letter, short vowels are
   * not written, e.g. بغداد → "bghdad"). Absent for TIME clusters.
   */
  latin?: string;
  /** Ids of the entities (mentions) in the cluster. */
  mentions: string[];
}

export type EventType =
  | 'ATTACK' | 'KILL' | 'INJURE' | 'ARREST' | 'PROTEST' | 'MEET' | 'AGREE'
  | 'THREATEN' | 'DEMAND' | 'ACCUSE' | 'DEPLOY' | 'SUPPLY' | 'SANCTION';

export type EventRole = 'agent' | 'target' | 'place' | 'time' | 'instrument' | 'count';

export interface EventArgument extends Span {
  role: EventRole;
  /** The id of the entity the argument points at, null where there is none. */
  entity: string | null;
}

/** An event anchored on its trigger (shared/spec/annotation.md §2). */
export interface Event {
  id: string;
  type: EventType;
  /** The PLOVER event code of the type. */
  plover: string;
  /** The ACE event subtype of the type, null where ACE has none. */
  ace: string | null;
  trigger: Span;
  arguments: EventArgument[];
  polarity: 'positive' | 'negative';
  modality: 'asserted' | 'possible' | 'denied';
  /** The id of the innermost attribution whose content holds this event, null outside any. */
  attributed_to: string | null;
}

export type AttributionAct =
  | 'STATE' | 'AFFIRM' | 'DENY' | 'ANNOUNCE' | 'REVEAL' | 'REPORT' | 'CLAIM' | 'WARN' | 'ACCUSE' | 'BELIEVE';
export type AttributionMode = 'direct' | 'indirect' | 'mixed';
export type SourceKind = 'PERSON' | 'ORG' | 'MEDIA' | 'OFFICIAL' | 'ANONYMOUS' | 'DOCUMENT';

/** Who said what: a content tied to a source through a cue (shared/spec/annotation.md §3). */
export interface Attribution {
  id: string;
  act: AttributionAct;
  mode: AttributionMode;
  cue: Span;
  /** The source as written; for a dropped subject (وأضاف، مضيفاً) the antecedent's span. */
  source: Span | null;
  source_kind: SourceKind;
  /** The id of the entity cluster the source refers to (also for pronouns and short forms). */
  source_entity: string | null;
  /** Relaying outlets, outermost first: the isnad of the claim. */
  via: Span[];
  content: Span;
  /** The id of the attribution whose content holds this one's cue, null for a top-level claim. */
  attributed_to: string | null;
}

export interface AnalysisResult {
  schema_version: 1;
  /** The engine that produced the result (name and version). */
  engine: string;
  offsets: 'utf16';
  /** The analyzed text: always the caller's own string. */
  text: string;
  /** Present when the engine was given a document id. */
  doc?: string;
  /** The documentDate option, when given. */
  document_date?: string;
  /** The script and language the engine saw. Only Arabic is analyzed: for anything else
   * (`analyzed: false`, with a `not_arabic` warning) entities, events and attributions stay empty. */
  language: { script: string; code: string; analyzed: boolean };
  sentences: Sentence[];
  /** Every token; absent when analyzed with `{ tokens: false }`. */
  tokens?: Token[];
  /** The number of tokens, in place of `tokens` when analyzed with `{ tokens: false }`. */
  token_count?: number;
  entities: Entity[];
  clusters: Cluster[];
  events: Event[];
  attributions: Attribution[];
  warnings: Warning[];
}

export interface AnalyzeOptions {
  /**
   * The publication date (YYYY-MM-DD), used to resolve relative time expressions (TIME `value`s
   * and `document_date`). Overrides the analyzer's default (CreateAnalyzerOptions.documentDate);
   * `null` analyzes without a date even when the analyzer has a default.
   */
  documentDate?: string | null;
  /**
   * `false` leaves the token list out of the result (`token_count` instead). Tokens are most of
   * the result's size, so a caller that shows only entities, events and attributions analyzes
   * faster without them. Default `true`.
   */
  tokens?: boolean;
}

export interface Analyzer {
  /**
   * Analyzes a string. Throws a TypeError on anything but a string, and an Error when the engine
   * rejects the input or after dispose(). Unpaired surrogates are analyzed as U+FFFD, reported as
   * `lone_surrogate` warnings, and leave every offset and `result.text` as the caller's.
   */
  analyze(text: string, options?: AnalyzeOptions): AnalysisResult;
  /** The engine's semantic version. */
  readonly version: string;
  /**
   * Diagnostics: when each step of createAnalyzer() ended, in milliseconds on this realm's
   * `performance.now()` clock (`started`: the call; `compiled`: the wasm compiled and instantiated;
   * `modelFetched`: the model's bytes in hand; `modelLoaded`: the model loaded into the engine).
   */
  readonly loadTimings: Readonly<{ started: number; compiled: number; modelFetched: number; modelLoaded: number }>;
  /** Frees the engine's memory. Idempotent; analyze() throws afterwards. */
  dispose(): void;
  /** Diagnostics: the wasm instance's heap size and the bytes allocated in it. The instance is
   * shared by the analyzers of one module; this still answers after dispose(). */
  memory(): { heapBytes: number; inUseBytes: number };
}

export interface CreateAnalyzerOptions {
  /** The default publication date (YYYY-MM-DD) of every analyze() call that gives none. */
  documentDate?: string;
  /**
   * isnad-core.wasm already compiled, or being compiled (e.g. a worker that started
   * `WebAssembly.compileStreaming` before importing this package), instead of the shipped file.
   * Wins over wasmBinary and wasmUrl.
   */
  wasmModule?: WebAssembly.Module | Promise<WebAssembly.Module>;
  /** The bytes of isnad-core.wasm, instead of the file shipped with the package. */
  wasmBinary?: Uint8Array | ArrayBuffer;
  /** Where to load isnad-core.wasm from (same origin), instead of the shipped file. */
  wasmUrl?: URL | string;
  /** The bytes of a model file, instead of the shipped models/isnad.model. */
  modelBytes?: Uint8Array | ArrayBuffer;
  /** Where to load the model from (same origin), instead of the shipped file. */
  modelUrl?: URL | string;
  /**
   * The function that fetches the wasm and the model in browsers (default: the global fetch), e.g.
   * one that answers with requests started before this package was even imported. Called with the
   * file's URL and `{ credentials: 'same-origin' }`. Not used for files read from disk under Node.
   */
  fetch?: (url: URL, init: RequestInit) => Promise<Response>;
}

/** Loads the engine and the model; rejects with an Error if either cannot be loaded. */
export function createAnalyzer(options?: CreateAnalyzerOptions): Promise<Analyzer>;

export default createAnalyzer;
