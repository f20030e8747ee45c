import { Injectable } from '@nestjs/common';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { SUBJECT_NAMES_ZH, type Subject } from '@tongke/contracts';

/** The fields of a resource that search looks at. */
export interface SearchableFields {
  title: string;
  description?: string;
  tags?: readonly string[];
  chapter?: string;
  textbookEdition?: string;
  subject: Subject;
}

/** A token worth indexing: it has a letter or a digit (punctuation and whitespace are dropped). */
const MEANINGFUL = /[\p{L}\p{N}]/u;

/** The dictionary is large (≈ 0.4 s to load): one instance per process, made on first use. */
let shared: Jieba | undefined;
const jieba = (): Jieba => (shared ??= Jieba.withDict(dict));

/**
 * The adapter to jieba (@node-rs/jieba) for library search. Text is NFKC-normalised (full-width
 * letters and digits become ASCII), lower-cased and cut in search mode (a long word also yields
 * the shorter words inside it); tokens without a letter or digit are dropped, the rest deduped.
 * A resource's tokens go into its indexed `searchTokens`; a query is cut the same way and a
 * resource matches when it has all of the query's tokens.
 */
@Injectable()
export class SearchTokenizer {
  /** The tokens of one text. */
  tokenize(text: string): string[] {
    const normalised = text.normalize('NFKC').toLowerCase().trim();
    if (!normalised) return [];
    const tokens = jieba()
      .cutForSearch(normalised, true)
      .map((t) => t.trim())
      .filter((t) => MEANINGFUL.test(t));
    return [...new Set(tokens)];
  }

  /** The tokens a resource is found by: its title, description, tags, chapter, edition and subject name. */
  resourceTokens(fields: SearchableFields): string[] {
    const texts = [
      fields.title,
      fields.description ?? '',
      ...(fields.tags ?? []),
      fields.chapter ?? '',
      fields.textbookEdition ?? '',
      SUBJECT_NAMES_ZH[fields.subject],
    ];
    return [...new Set(texts.flatMap((t) => this.tokenize(t)))];
  }
}
